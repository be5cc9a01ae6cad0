// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/agenthttpserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAgentHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesListenAddresses_data();
    void parsesListenAddresses();
    void answersGetAndHead();
    void slowClientsLoseTheirConnection();

private:
    static QByteArray exchange(quint16 port, const QByteArray &request);
};

void TestAgentHttpServer::parsesListenAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("bare port is loopback") << u"9464"_s << true << u"127.0.0.1"_s << 9464;
    QTest::newRow("IPv4") << u"0.0.0.0:80"_s << true << u"0.0.0.0"_s << 80;
    QTest::newRow("IPv6") << u"[::1]:9464"_s << true << u"::1"_s << 9464;
    QTest::newRow("host name") << u"example:9464"_s << false << QString() << 0;
    QTest::newRow("port too large") << u"127.0.0.1:70000"_s << false << QString() << 0;
    QTest::newRow("no port") << u"127.0.0.1:"_s << false << QString() << 0;
}

void TestAgentHttpServer::parsesListenAddresses()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QHostAddress parsed;
    quint16 parsedPort = 0;
    QCOMPARE(AgentHttpServer::parseListen(text, &parsed, &parsedPort), ok);
    if (ok) {
        QFETCH(QString, address);
        QFETCH(int, port);
        QCOMPARE(parsed.toString(), address);
        QCOMPARE(int(parsedPort), port);
    }
}

QByteArray TestAgentHttpServer::exchange(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000)) {
        return {};
    }
    socket.write(request);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
        QTest::qWait(10);
        answer += socket.readAll();
    }
    return answer + socket.readAll();
}

void TestAgentHttpServer::answersGetAndHead()
{
    AgentHttpServer server([](const QByteArray &path) {
        if (path == "/metrics") {
            return AgentHttpServer::Response { 200, "text/plain", "up 1\n" };
        }
        return AgentHttpServer::Response {};
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QByteArray get = exchange(server.port(), "GET /metrics?x=1 HTTP/1.1\r\nHost: a\r\n\r\n");
    QVERIFY2(get.startsWith("HTTP/1.1 200 OK\r\n"), get.constData());
    QVERIFY(get.contains("Content-Length: 5\r\n"));
    QVERIFY(get.contains("Connection: close\r\n"));
    QVERIFY(get.endsWith("\r\n\r\nup 1\n"));
    const QByteArray head = exchange(server.port(), "HEAD /metrics HTTP/1.1\r\n\r\n");
    QVERIFY(head.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(head.endsWith("\r\n\r\n")); // no body
    QVERIFY(exchange(server.port(), "GET /other HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 404 "));
    QVERIFY(exchange(server.port(), "DELETE /metrics HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 405 "));
    QVERIFY(exchange(server.port(), "nonsense\r\n\r\n").startsWith("HTTP/1.1 400 "));
    // The head may come in pieces.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /met");
    QTest::qWait(50);
    socket.write("rics HTTP/1.1\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() != QAbstractSocket::ConnectedState, 5000);
    QVERIFY(socket.readAll().startsWith("HTTP/1.1 200 OK"));
}

void TestAgentHttpServer::slowClientsLoseTheirConnection()
{
    AgentHttpServer server([](const QByteArray &) { return AgentHttpServer::Response {}; });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /metrics HTTP/1.1\r\n"); // and never the end of the head
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() != QAbstractSocket::ConnectedState, 8000);
    QVERIFY2(timer.elapsed() >= AgentHttpServer::requestDeadlineMs - 500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(socket.readAll().isEmpty());
}

QTEST_GUILESS_MAIN(TestAgentHttpServer)
#include "tst_agenthttpserver.moc"
