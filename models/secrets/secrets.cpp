// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/secrets.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace {

struct KeychainCache
{
    QMutex mutex;
    QHash<QString, QString> values;
    QHash<QString, QString> misses;
};

KeychainCache &cache()
{
    static KeychainCache c;
    return c;
}

QByteArray variable(const QString &name)
{
    return name.toLocal8Bit();
}

} // namespace

namespace Secrets {

std::optional<QString> value(const QString &name)
{
    if (qEnvironmentVariableIsSet(variable(name).constData())) {
        return qEnvironmentVariable(variable(name).constData());
    }
    KeychainCache &c = cache();
    QMutexLocker lock(&c.mutex);
    const auto it = c.values.constFind(name);
    return it == c.values.cend() ? std::nullopt : std::optional<QString>(*it);
}

bool isSet(const QString &name)
{
    return value(name).has_value();
}

QString whyMissing(const QString &name)
{
    KeychainCache &c = cache();
    QMutexLocker lock(&c.mutex);
    const auto it = c.misses.constFind(name);
    if (it == c.misses.cend()) {
        return QCoreApplication::translate("Secrets", "%1 is not set in the environment").arg(name);
    }
    return QCoreApplication::translate("Secrets", "%1 is not set in the environment nor in the keychain (%2)")
        .arg(name, *it);
}

QStringList missing(const QStringList &names)
{
    QStringList out;
    for (const QString &name : names) {
        if (!isSet(name) && !out.contains(name)) {
            out.append(name);
        }
    }
    return out;
}

QString describeMissing(const QStringList &names)
{
    QStringList parts;
    for (const QString &name : names) {
        parts.append(whyMissing(name));
    }
    return parts.join(QLatin1String("; "));
}

void setKeychainValue(const QString &name, const QString &value)
{
    KeychainCache &c = cache();
    QMutexLocker lock(&c.mutex);
    c.values.insert(name, value);
    c.misses.remove(name);
}

void setKeychainMiss(const QString &name, const QString &reason)
{
    KeychainCache &c = cache();
    QMutexLocker lock(&c.mutex);
    c.values.remove(name);
    c.misses.insert(name, reason);
}

void clearKeychain()
{
    KeychainCache &c = cache();
    QMutexLocker lock(&c.mutex);
    c.values.clear();
    c.misses.clear();
}

} // namespace Secrets

KeychainLoader::KeychainLoader(QObject *parent)
    : QObject(parent)
{ }

void KeychainLoader::load(const QStringList &names)
{
    for (const QString &name : names) {
        if (qEnvironmentVariableIsSet(variable(name).constData())) {
            continue;
        }
        auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(Secrets::keychainService), this);
        job->setAutoDelete(true);
        job->setKey(name);
        ++m_pending;
        connect(job, &QKeychain::Job::finished, this, [this, name](QKeychain::Job *j) {
            if (j->error() == QKeychain::NoError) {
                Secrets::setKeychainValue(name, static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
            } else if (j->error() == QKeychain::EntryNotFound) {
                Secrets::setKeychainMiss(name, tr("no entry"));
            } else {
                Secrets::setKeychainMiss(name, j->errorString());
            }
            if (--m_pending == 0) {
                Q_EMIT finished();
            }
        });
        job->start();
    }
    if (m_pending == 0) {
        QTimer::singleShot(0, this, &KeychainLoader::finished);
    }
}

KeychainWriter::KeychainWriter(QObject *parent)
    : QObject(parent)
{ }

void KeychainWriter::store(const QString &name, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(Secrets::keychainService), this);
    job->setAutoDelete(true);
    job->setKey(name);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, name, value](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            Secrets::setKeychainValue(name, value);
        }
        Q_EMIT finished(j->error() == QKeychain::NoError ? QString() : j->errorString());
    });
    job->start();
}

void KeychainWriter::remove(const QString &name)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(Secrets::keychainService), this);
    job->setAutoDelete(true);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [this, name](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        if (ok) {
            Secrets::setKeychainMiss(name, tr("no entry"));
        }
        Q_EMIT finished(ok ? QString() : j->errorString());
    });
    job->start();
}
