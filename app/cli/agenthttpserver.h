// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <functional>

class QTcpServer;
class QTcpSocket;

// The agent's small HTTP/1.1 server for /metrics, /healthz and /readyz: GET and HEAD only, one request per connection
// (answered with Connection: close), the request head capped at maxRequestBytes and read within requestDeadlineMs,
// at most maxConnections at a time. It answers from the event loop: handlers only format what is in memory.
class AgentHttpServer final : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxRequestBytes = 8 * 1024;
    static constexpr int requestDeadlineMs = 5000;
    static constexpr int maxConnections = 16;

    struct Response
    {
        int status = 404;
        QByteArray contentType = "text/plain; charset=utf-8";
        QByteArray body = "not found\n";
    };
    using Handler = std::function<Response(const QByteArray &path)>;

    explicit AgentHttpServer(Handler handler, QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const;
    quint16 port() const;

    // "127.0.0.1:9464", "[::1]:9464" or "9464" (loopback) → address and port; false for anything else.
    static bool parseListen(const QString &text, QHostAddress *address, quint16 *port);

private:
    void accept();
    void read(QTcpSocket *socket);
    static void answer(QTcpSocket *socket, const Response &response, bool head);

    Handler m_handler;
    QTcpServer *m_server;
    int m_open = 0;
};
