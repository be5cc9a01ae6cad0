// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

class QTcpServer;
class QTcpSocket;

// A minimal HTTP/1.1 keep-alive server on 127.0.0.1 answering every request with the same small JSON body, on
// several ports (Qt opens at most six connections per host and port). Runs in its own process for the benchmark.
class FastServer final : public QObject
{
    Q_OBJECT
public:
    explicit FastServer(QObject *parent = nullptr);
    bool listen(int ports);
    QList<quint16> ports() const;

private:
    void onReadyRead(QTcpSocket *socket);

    QList<QTcpServer *> m_servers;
};
