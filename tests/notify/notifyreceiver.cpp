// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifyreceiver.h"

#include <QTcpSocket>

#include <memory>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

NotifyReceiver::NotifyReceiver(QObject *parent)
    : QTcpServer(parent)
{ }

bool NotifyReceiver::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QUrl NotifyReceiver::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(serverPort()).arg(path));
}

int NotifyReceiver::count(const QByteArray &path) const
{
    return int(std::count_if(
        m_requests.cbegin(), m_requests.cend(), [&](const Request &request) { return request.path == path; }));
}

void NotifyReceiver::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    socket->setSocketDescriptor(handle);
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        while (true) {
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            Request request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0) {
                    request.headers.insert(
                        lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
                }
            }
            const qsizetype length = request.headers.value("content-length").toLongLong();
            if (buffer->size() < end + 4 + length) {
                return; // the body is still coming
            }
            request.body = buffer->mid(end + 4, length);
            buffer->remove(0, end + 4 + length);
            m_requests.append(request);
            Q_EMIT requestReceived(request.path);
            answer(socket, request);
            if (socket->state() != QAbstractSocket::ConnectedState) {
                return;
            }
        }
    });
}

void NotifyReceiver::answer(QTcpSocket *socket, const Request &request)
{
    Answer a { Answer::Mode::Reply, 404, "Content-Type: text/plain\r\n", QByteArray("no route ") + request.path };
    if (auto it = m_answers.find(request.path); it != m_answers.end() && !it->isEmpty()) {
        a = it->size() > 1 ? it->takeFirst() : it->constFirst();
    }
    switch (a.mode) {
    case Answer::Mode::Silent:
        return;
    case Answer::Mode::Reset: {
        // SO_LINGER with a zero timeout turns close() into a TCP reset.
        const struct linger hard
        {
            1, 0
        };
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        socket->abort();
        return;
    }
    case Answer::Mode::Reply:
        socket->write("HTTP/1.1 " + QByteArray::number(a.status) + " X\r\n" + a.headers
            + "Content-Length: " + QByteArray::number(a.body.size()) + "\r\n\r\n" + a.body);
        return;
    }
}
