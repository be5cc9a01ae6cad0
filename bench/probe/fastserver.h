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
    // The benchmarks' `--serve N` mode: listens on N ports, prints "ports P1,P2,..." on stdout for the parent
    // process and serves until killed; returns the exit code (1 when it cannot listen).
    static int serve(int ports);

private:
    void onReadyRead(QTcpSocket *socket);

    QList<QTcpServer *> m_servers;
};
