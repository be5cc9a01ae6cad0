// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testpki.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace {
const QStringList ecKey { u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s };
}

TestPki::TestPki(QString directory)
    : m_directory(std::move(directory))
{ }

QString TestPki::path(const QString &file) const
{
    return QDir(m_directory).filePath(file);
}

bool TestPki::openssl(const QStringList &arguments) const
{
    QProcess p;
    p.setWorkingDirectory(m_directory);
    p.start(u"openssl"_s, arguments);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << "openssl" << arguments << p.errorString() << p.readAllStandardError();
        return false;
    }
    return true;
}

bool TestPki::makeCa(const QString &commonName, const QString &days)
{
    return openssl(QStringList { u"req"_s, u"-x509"_s } + ecKey
        + QStringList {
            u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, days, u"-subj"_s, u"/CN="_s + commonName });
}

bool TestPki::makeLeaf(const QString &name, const QString &san, const QString &days, const QString &commonName)
{
    QFile ext(path(name + u".ext"_s));
    if (!ext.open(QIODevice::WriteOnly) || ext.write("subjectAltName=" + san.toLatin1() + "\n") < 0) {
        return false;
    }
    ext.close();
    return openssl(QStringList { u"req"_s, u"-new"_s } + ecKey
               + QStringList { u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".csr"_s, u"-subj"_s,
                   u"/CN="_s + commonName })
        && openssl({ u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s, u"ca.key"_s,
            u"-CAcreateserial"_s, u"-out"_s, name + u".pem"_s, u"-days"_s, days, u"-extfile"_s, name + u".ext"_s });
}

bool TestPki::makeSelfSigned(const QString &name, const QString &san, const QString &days, const QString &commonName)
{
    return openssl(QStringList { u"req"_s, u"-x509"_s } + ecKey
        + QStringList { u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".pem"_s, u"-days"_s, days, u"-subj"_s,
            u"/CN="_s + commonName, u"-addext"_s, u"subjectAltName="_s + san });
}

bool TestPki::load(const QString &name, QSslCertificate *certificate, QSslKey *key) const
{
    QFile cert(certificatePath(name));
    QFile keyFile(keyPath(name));
    if (!cert.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        return false;
    }
    *certificate = QSslCertificate(&cert, QSsl::Pem);
    *key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
    return !certificate->isNull() && !key->isNull();
}
