// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A loopback HTTP/1.1 server that misbehaves on purpose, by path:
//   /ok                200 {"status":"healthy"}
//   /seed-health       seed 003's /health shape with two services
//   /delay             like /ok, after 300 ms
//   /silent            accepts, reads the request, never answers
//   /trickle           headers, then one body byte every 2 s
//   /huge              Content-Length: 2 GiB, streams it (never allocated)
//   /endless           no Content-Length, Connection: close, streams forever
//   /lying-length      Content-Length: 5000, sends 10 bytes, then nothing
//   /chunked           Transfer-Encoding: chunked, chunks forever
//   /gzip-bomb         Content-Encoding: gzip, ~200 KiB that inflate to 200 MiB of zeros
//   /loop-a, /loop-b   redirect to each other
//   /chain/N           redirect to /chain/N+1 up to 60, then 200
//   /to-http           redirect to `httpRedirectTarget`
//   /reset             Content-Length: 1000, sends 100 bytes, then a TCP reset
//   /malformed-json    200 application/json with a broken JSON body
//   /html502           502 with an HTML error page
// With a certificate and key set it speaks TLS (the handshake is done with QSslSocket).
class HostileServer final : public QTcpServer
{
    Q_OBJECT

public:
    explicit HostileServer(QObject *parent = nullptr);

    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    bool start(); // on 127.0.0.1, a free port
    QUrl url(const QString &path) const;
    void setHttpRedirectTarget(const QUrl &url) { m_httpTarget = url; }

    static QByteArray gzipBomb();

protected:
    void incomingConnection(qintptr handle) override;

private:
    void onRequest(QTcpSocket *socket);
    void stream(QTcpSocket *socket, qint64 total, bool chunked);
    static void reply(
        QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &headers, const QByteArray &body);

    QSslCertificate m_certificate;
    QSslKey m_key;
    QUrl m_httpTarget;
};
