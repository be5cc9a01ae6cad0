// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

// Everything that would change if a file were written to, truncated or replaced.
struct FileFingerprint
{
    QByteArray sha256;
    qint64 size = -1;
    QDateTime modified;
    friend bool operator==(const FileFingerprint &, const FileFingerprint &) = default;
};

inline FileFingerprint fingerprint(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return { QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), file.size(),
        file.fileTime(QFileDevice::FileModificationTime) };
}

// Sets the file's mtime an hour back, so any write, even within the same millisecond, moves it.
inline void ageFile(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
}

inline QStringList folderEntries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file.errorString()));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Runs `body` on a plain QSQLITE connection to `path` (no OpsDeck checks), then removes the connection.
inline void withRawConnection(const QString &path, const std::function<void(QSqlDatabase &)> &body)
{
    const QString name = u"raw-test-connection"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

inline void execOrFail(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    QVERIFY2(query.exec(sql), qPrintable(sql + QLatin1String(": ") + query.lastError().text()));
}

inline QVariant scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return {};
    }
    return query.value(0);
}
