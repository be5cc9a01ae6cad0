// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fastserver.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>

#include <cstdio>

namespace {
const QByteArray &response()
{
    static const QByteArray body = R"({"status":"healthy","responseTime":3})";
    static const QByteArray bytes = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n" + body;
    return bytes;
}
} // namespace

FastServer::FastServer(QObject *parent)
    : QObject(parent)
{ }

bool FastServer::listen(int ports)
{
    for (int i = 0; i < ports; ++i) {
        auto *server = new QTcpServer(this);
        if (!server->listen(QHostAddress::LocalHost)) {
            return false;
        }
        connect(server, &QTcpServer::newConnection, this, [this, server] {
            while (QTcpSocket *socket = server->nextPendingConnection()) {
                socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_servers << server;
    }
    return true;
}

QList<quint16> FastServer::ports() const
{
    QList<quint16> list;
    for (const QTcpServer *server : m_servers) {
        list << server->serverPort();
    }
    return list;
}

// Requests have no body (GET); each complete header block gets one response, pipelined ones included.
void FastServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("pending").toByteArray() + socket->readAll();
    QByteArray out;
    qsizetype end;
    while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
        buffer.remove(0, end + 4);
        out += response();
    }
    socket->setProperty("pending", buffer);
    if (!out.isEmpty()) {
        socket->write(out);
    }
}

int FastServer::serve(int ports)
{
    FastServer server;
    if (!server.listen(ports)) {
        return 1;
    }
    QStringList numbers;
    for (quint16 port : server.ports()) {
        numbers << QString::number(port);
    }
    std::printf("ports %s\n", qPrintable(numbers.join(u',')));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
