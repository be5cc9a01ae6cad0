// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

// A loopback server for tcp://, tls:// and starttls:// checks, by mode:
//   Echo        writes back what it reads
//   Banner      writes "+OK opsdeck test banner\r\n" on connect, then echoes
//   Silent      accepts and never writes (with tls:// a handshake that never ends)
//   TlsEcho     TLS handshake with the certificate set, then echoes
//   Smtp        an SMTP greeting, EHLO offering STARTTLS, STARTTLS, TLS, EHLO again, QUIT
//   SmtpPlain   the same without STARTTLS on offer
class StreamTestServer final : public QTcpServer
{
    Q_OBJECT

public:
    enum class Mode { Echo, Banner, Silent, TlsEcho, Smtp, SmtpPlain };

    explicit StreamTestServer(Mode mode, QObject *parent = nullptr);
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    bool start(); // 127.0.0.1, a free port
    QString url(const QString &scheme) const;
    int connections() const { return m_connections; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    void smtpLine(class QSslSocket *socket, const QByteArray &line);

    Mode m_mode;
    QSslCertificate m_certificate;
    QSslKey m_key;
    int m_connections = 0;
};
