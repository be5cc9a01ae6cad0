// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QSslCertificate;
class QSslKey;

// Certificates for tests' TLS servers on loopback, made with the openssl command in a directory the test owns:
// a CA (ca.pem, ca.key), leaves it signs (NAME.pem, NAME.key) and self-signed ones. EC P-256 keys, fast to make.
class TestPki
{
public:
    explicit TestPki(QString directory);

    bool makeCa(
        const QString &commonName = QStringLiteral("OpsDeck Test CA"), const QString &days = QStringLiteral("30"));
    // san: an openssl subjectAltName value such as "IP:127.0.0.1,DNS:localhost"; days may be negative (expired).
    bool makeLeaf(const QString &name, const QString &san, const QString &days = QStringLiteral("30"),
        const QString &commonName = QStringLiteral("opsdeck-test"));
    bool makeSelfSigned(const QString &name, const QString &san, const QString &days = QStringLiteral("30"),
        const QString &commonName = QStringLiteral("opsdeck-self"));

    QString path(const QString &file) const;
    QString certificatePath(const QString &name) const { return path(name + QStringLiteral(".pem")); }
    QString keyPath(const QString &name) const { return path(name + QStringLiteral(".key")); }
    // Loads NAME.pem and NAME.key; false when either is missing or unreadable.
    bool load(const QString &name, QSslCertificate *certificate, QSslKey *key) const;

private:
    bool openssl(const QStringList &arguments) const;

    QString m_directory;
};
