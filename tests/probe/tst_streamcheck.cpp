// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// tcp://, tls:// and starttls:// checks against real servers on loopback, certificates made with openssl here.
#include "probe/curltransport.h"
#include "probetesthelpers.h"
#include "streamtestserver.h"
#include "testpki.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestStreamCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tcpConnects();
    void tcpRefused();
    void tcpSendsAndReadsTheAnswer();
    void tcpReadsABanner();
    void tcpSilentServerEndsAtTheDeadline();
    void tcpBodyCappedByMaxBody();
    void tlsHandshakeAndCertificate();
    void tlsUntrustedFails();
    void tlsExpiredShowsItsDate();
    void tlsHandshakeStallEndsAtTheDeadline();
    void starttlsSmtp();
    void starttlsNotOffered();
    void stalledCheckDoesNotDelayAnother();
    void quittingWithStalledChecksIsQuick();

private:
    StreamTestServer *tlsServer(StreamTestServer::Mode mode, const QString &name);
    Endpoint endpoint(const QString &url, const QStringList &conditions = {}, int timeoutMs = 3000) const;

    QTemporaryDir m_dir;
};

void TestStreamCheck::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!QSslSocket::supportsSsl()) {
        QSKIP("no TLS backend");
    }
    TestPki pki(m_dir.path());
    QVERIFY(pki.makeCa(u"OpsDeck Stream CA"_s));
    QVERIFY(pki.makeLeaf(u"good"_s, u"IP:127.0.0.1,DNS:localhost"_s, u"30"_s, u"opsdeck-stream"_s));
    QVERIFY(pki.makeLeaf(u"expired"_s, u"IP:127.0.0.1,DNS:localhost"_s, u"-1"_s, u"opsdeck-stream"_s));
}

StreamTestServer *TestStreamCheck::tlsServer(StreamTestServer::Mode mode, const QString &name)
{
    QSslCertificate certificate;
    QSslKey key;
    if (!TestPki(m_dir.path()).load(name, &certificate, &key)) {
        return nullptr;
    }
    auto *server = new StreamTestServer(mode, this);
    server->setTls(certificate, key);
    return server->start() ? server : nullptr;
}

Endpoint TestStreamCheck::endpoint(const QString &url, const QStringList &conditions, int timeoutMs) const
{
    Endpoint e;
    e.name = u"stream"_s;
    e.url = url;
    e.conditions = conditions;
    e.timeout = Milliseconds(timeoutMs);
    return e;
}

void TestStreamCheck::tcpConnects()
{
    StreamTestServer server(StreamTestServer::Mode::Silent);
    QVERIFY(server.start());
    const ProbeRun run = runCurlProbe(endpoint(server.url(u"tcp"_s))); // the default condition: [CONNECTED]
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QCOMPARE(run.result.kind, u"tcp"_s);
    QVERIFY(run.result.connected);
    QCOMPARE(run.result.ip, u"127.0.0.1"_s);
    QVERIFY(run.result.connectMs > 0);
    QCOMPARE(run.result.tlsMs, -1.0);
    QCOMPARE(run.result.conditions.size(), 1);
    QCOMPARE(run.result.conditions.first().condition, u"[CONNECTED] == true"_s);
    QVERIFY2(run.elapsedMs < 1000, qPrintable(QString::number(run.elapsedMs))); // no read without a body
}

void TestStreamCheck::tcpRefused()
{
    StreamTestServer server(StreamTestServer::Mode::Silent);
    QVERIFY(server.start());
    const QString url = server.url(u"tcp"_s);
    server.close();
    const ProbeRun run = runCurlProbe(endpoint(url));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY(!run.result.connected);
    QVERIFY2(run.result.error.startsWith(u"Connection refused (127.0.0.1:"_s), qPrintable(run.result.error));
}

void TestStreamCheck::tcpSendsAndReadsTheAnswer()
{
    StreamTestServer server(StreamTestServer::Mode::Echo);
    QVERIFY(server.start());
    Endpoint e = endpoint(server.url(u"tcp"_s), { u"[CONNECTED] == true"_s, u"[BODY] == pat(*PING*)"_s });
    e.body = u"PING\r\n"_s;
    const ProbeRun run = runCurlProbe(e);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QCOMPARE(run.result.body, QByteArray("PING\r\n"));
    QVERIFY(run.result.firstByteMs > 0);
    QVERIFY2(run.elapsedMs < 1000, qPrintable(QString::number(run.elapsedMs)));

    e.conditions = { u"[BODY] == pat(*PONG*)"_s };
    QCOMPARE(runCurlProbe(e).result.rawState, EndpointState::Critical);
}

void TestStreamCheck::tcpReadsABanner()
{
    StreamTestServer server(StreamTestServer::Mode::Banner);
    QVERIFY(server.start());
    const ProbeRun run = runCurlProbe(endpoint(server.url(u"tcp"_s), { u"[BODY] == pat(+OK*)"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QCOMPARE(run.result.body, QByteArray("+OK opsdeck test banner\r\n"));
}

void TestStreamCheck::tcpSilentServerEndsAtTheDeadline()
{
    StreamTestServer server(StreamTestServer::Mode::Silent);
    QVERIFY(server.start());
    Endpoint e = endpoint(server.url(u"tcp"_s), {}, 1000);
    e.body = u"PING\r\n"_s;
    const ProbeRun run = runCurlProbe(e);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY(run.result.connected);
    QVERIFY2(run.result.error.contains(u"deadline"_s), qPrintable(run.result.error));
    QVERIFY2(run.elapsedMs >= 950 && run.elapsedMs < 2000, qPrintable(QString::number(run.elapsedMs)));
}

void TestStreamCheck::tcpBodyCappedByMaxBody()
{
    StreamTestServer server(StreamTestServer::Mode::Echo);
    QVERIFY(server.start());
    Endpoint e = endpoint(server.url(u"tcp"_s), { u"[CONNECTED] == true"_s });
    e.body = QString(200, u'x');
    e.maxBodyBytes = 16;
    const ProbeRun run = runCurlProbe(e);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QCOMPARE(run.result.body.size(), 16);
    QVERIFY(run.result.bodyTruncated);
}

void TestStreamCheck::tlsHandshakeAndCertificate()
{
    StreamTestServer *server = tlsServer(StreamTestServer::Mode::TlsEcho, u"good"_s);
    QVERIFY(server);
    Endpoint e = endpoint(server->url(u"tls"_s), { u"[CONNECTED] == true"_s, u"[CERTIFICATE_EXPIRATION] > 48h"_s });
    e.caFile = m_dir.filePath(u"ca.pem"_s);
    e.body = u"hello\n"_s;
    const ProbeRun run = runCurlProbe(e);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QCOMPARE(run.result.kind, u"tls"_s);
    qInfo("tls check: connect %.1f ms, handshake done %.1f ms, answer %.1f ms, total %lld ms", run.result.connectMs,
        run.result.tlsMs, run.result.firstByteMs, run.elapsedMs);
    QCOMPARE(run.result.body, QByteArray("hello\n")); // echoed through TLS
    QVERIFY(run.result.tlsMs >= run.result.connectMs && run.result.connectMs > 0);
    QVERIFY(run.result.certificateExpiry);
    const qint64 days = QDateTime::currentDateTimeUtc().daysTo(*run.result.certificateExpiry);
    QVERIFY2(days >= 29 && days <= 30, qPrintable(QString::number(days)));
    QVERIFY(!run.result.certificateChain.isEmpty());
    QCOMPARE(run.result.certificateChain.first(), u"CN=opsdeck-stream"_s);

    e.conditions = { u"[CERTIFICATE_EXPIRATION] > 720h"_s }; // 30 days minus the seconds since it was made
    QCOMPARE(runCurlProbe(e).result.rawState, EndpointState::Critical);
}

void TestStreamCheck::tlsUntrustedFails()
{
    StreamTestServer *server = tlsServer(StreamTestServer::Mode::TlsEcho, u"good"_s);
    QVERIFY(server);
    const ProbeRun run = runCurlProbe(endpoint(server->url(u"tls"_s))); // no ca-file: not trusted
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(u"TLS handshake failed"_s), qPrintable(run.result.error));
}

void TestStreamCheck::tlsExpiredShowsItsDate()
{
    StreamTestServer *server = tlsServer(StreamTestServer::Mode::TlsEcho, u"expired"_s);
    QVERIFY(server);
    Endpoint e = endpoint(server->url(u"tls"_s));
    e.caFile = m_dir.filePath(u"ca.pem"_s);
    const ProbeRun run = runCurlProbe(e);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(u"expired"_s), qPrintable(run.result.error));
    QVERIFY(run.result.certificateExpiry);
    QVERIFY(*run.result.certificateExpiry < QDateTime::currentDateTimeUtc());
}

void TestStreamCheck::tlsHandshakeStallEndsAtTheDeadline()
{
    StreamTestServer server(StreamTestServer::Mode::Silent);
    QVERIFY(server.start());
    const ProbeRun run = runCurlProbe(endpoint(server.url(u"tls"_s), {}, 1000));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(u"deadline"_s), qPrintable(run.result.error));
    QVERIFY2(run.elapsedMs >= 950 && run.elapsedMs < 2000, qPrintable(QString::number(run.elapsedMs)));
}

void TestStreamCheck::starttlsSmtp()
{
    StreamTestServer *server = tlsServer(StreamTestServer::Mode::Smtp, u"good"_s);
    QVERIFY(server);
    Endpoint e = endpoint(server->url(u"starttls"_s), { u"[CERTIFICATE_EXPIRATION] > 48h"_s });
    e.caFile = m_dir.filePath(u"ca.pem"_s);
    const ProbeRun run = runCurlProbe(e);
    QVERIFY(run.finished);
    QVERIFY2(run.result.rawState == EndpointState::Ok, qPrintable(run.result.error));
    QCOMPARE(run.result.kind, u"starttls"_s);
    QVERIFY(run.result.connected);
    QVERIFY(run.result.tlsMs > 0);
    QCOMPARE(run.result.certificateChain.value(0), u"CN=opsdeck-stream"_s);
}

void TestStreamCheck::starttlsNotOffered()
{
    StreamTestServer *server = tlsServer(StreamTestServer::Mode::SmtpPlain, u"good"_s);
    QVERIFY(server);
    const ProbeRun run = runCurlProbe(endpoint(server->url(u"starttls"_s)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(u"does not offer or refused STARTTLS"_s), qPrintable(run.result.error));
}

void TestStreamCheck::stalledCheckDoesNotDelayAnother()
{
    StreamTestServer silent(StreamTestServer::Mode::Silent);
    StreamTestServer echo(StreamTestServer::Mode::Echo);
    QVERIFY(silent.start() && echo.start());
    CurlTransport transport;
    Endpoint good = endpoint(echo.url(u"tcp"_s), { u"[BODY] == PING"_s });
    good.body = u"PING"_s;
    const auto median = [&] {
        QList<qint64> ms;
        for (int i = 0; i < 7; ++i) {
            const ProbeRun run = runCurlProbe(good, &transport);
            ms.append(run.result.rawState == EndpointState::Ok ? run.elapsedMs : 99999);
        }
        std::sort(ms.begin(), ms.end());
        return ms.at(3);
    };
    const qint64 alone = median();
    QStringList stalled;
    for (int i = 0; i < 20; ++i) { // handshakes that never end, sends that are never answered
        // A deadline well past the 7 healthy checks below, even in a sanitized build.
        Endpoint e = endpoint(silent.url(i % 2 ? u"tls"_s : u"tcp"_s), {}, 10000);
        e.body = u"PING\r\n"_s;
        transport.start(e, [&](const ProbeResult &r, EndpointConditions::Outcome) { stalled.append(r.error); });
    }
    QTest::qWait(300); // all of them connected and waiting
    const qint64 beside = median();
    qInfo("healthy tcp check median %lld ms alone, %lld ms beside 20 stalled tcp/tls checks", alone, beside);
    QVERIFY2(beside - alone < 100, qPrintable(QString::number(beside - alone)));
    QVERIFY(stalled.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return stalled.size() == 20; }, 15000));
    for (const QString &error : std::as_const(stalled)) {
        QVERIFY2(error.contains(u"deadline"_s), qPrintable(error));
    }
}

void TestStreamCheck::quittingWithStalledChecksIsQuick()
{
    StreamTestServer silent(StreamTestServer::Mode::Silent);
    QVERIFY(silent.start());
    auto transport = std::make_unique<CurlTransport>();
    for (int i = 0; i < 10; ++i) {
        transport->start(endpoint(silent.url(i % 2 ? u"tls"_s : u"starttls"_s), {}, 30000),
            [](const ProbeResult &, EndpointConditions::Outcome) { QFAIL("no callback after the transport is gone"); });
    }
    QTest::qWait(300);
    QElapsedTimer timer;
    timer.start();
    transport.reset();
    // Far below the checks' 30 s deadline, which is what waiting for them would take; loose enough for a loaded or
    // sanitized build (it took over 1 s at load average 20).
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_MAIN(TestStreamCheck)
#include "tst_streamcheck.moc"
