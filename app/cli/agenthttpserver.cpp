// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/agenthttpserver.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

AgentHttpServer::AgentHttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QTcpServer(this))
{
    m_server->setMaxPendingConnections(maxConnections);
    connect(m_server, &QTcpServer::newConnection, this, &AgentHttpServer::accept);
}

bool AgentHttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

QString AgentHttpServer::errorString() const
{
    return m_server->errorString();
}

quint16 AgentHttpServer::port() const
{
    return m_server->serverPort();
}

bool AgentHttpServer::parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    QString host = colon < 0 ? QString() : text.left(colon);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535) {
        return false;
    }
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        host = host.mid(1, host.size() - 2);
    }
    QHostAddress parsed(QHostAddress::LocalHost);
    if (!host.isEmpty() && !parsed.setAddress(host)) {
        return false;
    }
    *address = parsed;
    *port = quint16(number);
    return true;
}

void AgentHttpServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_open >= maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_open;
        connect(socket, &QObject::destroyed, this, [this] { --m_open; });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        // A client that sends nothing (or too slowly) loses its connection.
        QTimer::singleShot(requestDeadlineMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
    }
}

void AgentHttpServer::read(QTcpSocket *socket)
{
    if (socket->property("answered").toBool()) {
        socket->readAll();
        return;
    }
    QByteArray head = socket->property("head").toByteArray() + socket->read(maxRequestBytes + 1);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > maxRequestBytes) {
            answer(socket, { 431, "text/plain; charset=utf-8", "request header too large\n" }, false);
            return;
        }
        socket->setProperty("head", head);
        return;
    }
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        answer(socket, { 400, "text/plain; charset=utf-8", "bad request\n" }, false);
        return;
    }
    const QByteArray &method = requestLine.at(0);
    if (method != "GET" && method != "HEAD") {
        answer(socket, { 405, "text/plain; charset=utf-8", "only GET and HEAD\n" }, false);
        return;
    }
    QByteArray path = requestLine.at(1);
    path = path.left(path.indexOf('?') < 0 ? path.size() : path.indexOf('?'));
    answer(socket, m_handler(path), method == "HEAD");
}

void AgentHttpServer::answer(QTcpSocket *socket, const Response &response, bool head)
{
    socket->setProperty("answered", true);
    const QByteArray reason = response.status == 200 ? "OK"
        : response.status == 400                     ? "Bad Request"
        : response.status == 404                     ? "Not Found"
        : response.status == 405                     ? "Method Not Allowed"
        : response.status == 431                     ? "Request Header Fields Too Large"
        : response.status == 503                     ? "Service Unavailable"
                                                     : "Error";
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason + "\r\nContent-Type: "
        + response.contentType + "\r\nContent-Length: " + QByteArray::number(response.body.size())
        + "\r\nCache-Control: no-store\r\nConnection: close\r\n";
    if (response.status == 405) {
        out += "Allow: GET, HEAD\r\n";
    }
    out += "\r\n";
    if (!head) {
        out += response.body;
    }
    socket->write(out);
    socket->disconnectFromHost();
}
