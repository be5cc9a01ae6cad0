// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

// tests/notify/smtpserver.py (aiosmtpd) on a loopback port, with a certificate made for 127.0.0.1 at start.
class SmtpServer
{
public:
    ~SmtpServer();
    // `mode`: starttls, smtps or plain; `extra`: --tempfail N, --permfail, --user U --password P.
    bool start(const QString &mode, const QStringList &extra = {});
    void stop();
    QString url() const; // smtp://127.0.0.1:PORT or smtps://...
    QString caFile() const { return m_dir.filePath(QStringLiteral("smtp.pem")); }
    int received() const;
    QByteArray message(int n) const; // 1-based
    QJsonObject envelope(int n) const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_mode;
    int m_port = 0;
};
