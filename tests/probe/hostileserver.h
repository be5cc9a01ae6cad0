// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QThread>
#include <QUrl>

#include <atomic>

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
//   /endless-header    a status line, then header lines forever
//   /huge-header       one 256 KiB header line
//   /early-hints       103 Early Hints, then 200 {"status":"healthy"}
//   /two-lengths       Content-Length: 5 and Content-Length: 7
//   /bad-chunk         a chunk size that is not hex
//   /overflow-chunk    a chunk size of 20 hex digits
//   /echo-headers      200 with the request's header lines as the body
//   /to-echo           redirect to /echo-headers on this server
//   /close             reads the request, closes the connection without an answer
// With a certificate and key set it speaks TLS (the handshake is done with QSslSocket). Other modes: NeverRead
// accepts connections and neither reads nor writes (also a TLS handshake that never ends); Banner writes an SSH
// banner on connect, as an SSH server on the probed port would.
// requests() counts the requests read (not in NeverRead and Banner modes: there connections() tells).
class HostileServer final : public QTcpServer
{
    Q_OBJECT

public:
    enum class Mode { Http, NeverRead, Banner };

    explicit HostileServer(QObject *parent = nullptr);
    void setMode(Mode mode) { m_mode = mode; }

    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    bool start(); // on 127.0.0.1, a free port
    QUrl url(const QString &path) const;
    void setHttpRedirectTarget(const QUrl &url) { m_httpTarget = url; }
    int requests() const { return m_requests; }
    int connections() const { return m_connections; }

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
    Mode m_mode = Mode::Http;
    std::atomic<int> m_requests = 0;
    std::atomic<int> m_connections = 0;
};

// A HostileServer in a thread of its own, so that a busy hostile server never slows the test's other servers
// (or the thread that receives the probe results).
class ServerThread final
{
public:
    explicit ServerThread(HostileServer::Mode mode = HostileServer::Mode::Http);
    ~ServerThread();
    bool isListening() const { return m_port != 0; }
    QUrl url(const QString &path, const QString &scheme = QStringLiteral("http")) const;
    HostileServer *server() const { return m_server; }

private:
    QThread *m_thread;
    HostileServer *m_server;
    quint16 m_port = 0;
};
