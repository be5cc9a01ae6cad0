// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../notify/notifyreceiver.h"
#include "hostileserver.h"
#include "probetesthelpers.h"
#include "testpki.h"

#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// One test per hostile or broken server case: each must end in the named state, with a reason that says what
// happened, within the endpoint's deadline plus a small margin, without holding more than the body cap.
class TestHttpProbe final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void okResponse();
    void refusedPort();
    void unresolvableHost();
    void headersNeverSent();
    void trickledBody();
    void hugeBody_data();
    void hugeBody();
    void endlessChunkedBody();
    void gzipBomb();
    void redirectLoop();
    void redirectChain();
    void httpsToHttpRedirect();
    void resetMidBody();
    void malformedJson();
    void html502();
    void tlsFailure_data();
    void tlsFailure();
    void tlsPassesWithCaFile_data();
    void tlsPassesWithCaFile();
    void missingVariableSendsNothing();
    void secretsAreRedacted();
    void redirectCarriesNoSecretElsewhere();

private:
    HostileServer *tlsServer(const QString &name);

    QTemporaryDir m_dir;
    HostileServer m_server;
    static constexpr qint64 marginMs = 1500;
};

void TestHttpProbe::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start());
    if (!QSslSocket::supportsSsl()) {
        QSKIP("no TLS backend");
    }
    TestPki pki(m_dir.path());
    QVERIFY(pki.makeCa());
    QVERIFY(pki.makeLeaf(u"good"_s, u"IP:127.0.0.1,DNS:localhost"_s));
    QVERIFY(pki.makeLeaf(u"expired"_s, u"IP:127.0.0.1,DNS:localhost"_s, u"-1"_s));
    QVERIFY(pki.makeLeaf(u"wronghost"_s, u"DNS:wrong.example"_s));
    QVERIFY(pki.makeSelfSigned(u"selfsigned"_s, u"IP:127.0.0.1"_s));
}

HostileServer *TestHttpProbe::tlsServer(const QString &name)
{
    QSslCertificate certificate;
    QSslKey key;
    if (!TestPki(m_dir.path()).load(name, &certificate, &key)) {
        return nullptr;
    }
    auto *server = new HostileServer(this);
    server->setTls(certificate, key);
    server->setHttpRedirectTarget(m_server.url(u"/ok"_s));
    return server->start() ? server : nullptr;
}

void TestHttpProbe::okResponse()
{
    const ProbeRun run
        = runProbe(testEndpoint(m_server.url(u"/ok"_s), { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QCOMPARE(run.result.httpStatus, 200);
    QCOMPARE(run.result.body, QByteArray(R"({"status":"healthy"})"));
    QCOMPARE(run.result.headers.value(u"content-type"_s), u"application/json"_s);
    QVERIFY(run.result.totalMs >= run.result.firstByteMs);
    QVERIFY(run.result.firstByteMs > 0);
    QVERIFY(run.result.error.isEmpty());
}

void TestHttpProbe::refusedPort()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const ProbeRun run = runProbe(testEndpoint(QUrl(u"http://127.0.0.1:%1/"_s.arg(port))));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(run.result.error));
    QVERIFY(!run.result.connected);
}

void TestHttpProbe::unresolvableHost()
{
    const ProbeRun run = runProbe(testEndpoint(QUrl(u"http://opsdeck-probe-test.invalid/health"_s)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("opsdeck-probe-test.invalid")), qPrintable(run.result.error));
    QVERIFY(!run.result.connected);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
}

void TestHttpProbe::headersNeverSent()
{
    const ProbeRun run = runProbe(testEndpoint(m_server.url(u"/silent"_s), {}, Milliseconds(2000)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("deadline")), qPrintable(run.result.error));
    QCOMPARE(run.result.httpStatus, 0);
    QVERIFY2(run.elapsedMs >= 1900 && run.elapsedMs < 2000 + marginMs, qPrintable(QString::number(run.elapsedMs)));
}

void TestHttpProbe::trickledBody()
{
    // A byte every 2 s keeps Qt's transfer timeout from ever firing; only the overall deadline stops it.
    const ProbeRun run = runProbe(testEndpoint(m_server.url(u"/trickle"_s), {}, Milliseconds(3000)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("3s deadline")), qPrintable(run.result.error));
    QVERIFY2(run.elapsedMs < 3000 + marginMs, qPrintable(QString::number(run.elapsedMs)));
}

void TestHttpProbe::hugeBody_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::addRow("2 GiB Content-Length")
        << u"/huge"_s << u"body larger than the 1 MiB cap (Content-Length: 2147483648)"_s;
    QTest::addRow("endless body without length") << u"/endless"_s << u"body larger than the 1 MiB cap"_s;
    QTest::addRow("lying Content-Length") << u"/lying-length"_s << u"deadline"_s;
}

void TestHttpProbe::hugeBody()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    const qint64 peakBefore = peakRssKib();
    const ProbeRun run = runProbe(testEndpoint(m_server.url(path), {}, Milliseconds(3000)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(reason), qPrintable(run.result.error));
    QVERIFY(run.result.body.size() <= 1024 * 1024);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
    QVERIFY2(peakRssKib() - peakBefore < 32 * 1024, "memory grew by more than 32 MiB");
}

void TestHttpProbe::endlessChunkedBody()
{
    const qint64 peakBefore = peakRssKib();
    const ProbeRun run = runProbe(testEndpoint(m_server.url(u"/chunked"_s)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QCOMPARE(run.result.error, u"body larger than the 1 MiB cap"_s);
    QCOMPARE(run.result.body.size(), 1024 * 1024);
    QVERIFY(run.result.bodyTruncated);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
    QVERIFY2(peakRssKib() - peakBefore < 32 * 1024, "memory grew by more than 32 MiB");
}

void TestHttpProbe::gzipBomb()
{
    QVERIFY(HostileServer::gzipBomb().size() < 1024 * 1024); // so that the Content-Length check does not catch it
    const qint64 peakBefore = peakRssKib();
    Endpoint endpoint = testEndpoint(m_server.url(u"/gzip-bomb"_s), { u"[STATUS] == 200"_s });
    const ProbeRun run = runProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    // OpsDeck accepts only uncompressed bodies, so the bomb is never inflated.
    QCOMPARE(run.result.error, u"body refused: it is gzip-encoded although only an uncompressed body was accepted"_s);
    QVERIFY(run.result.body.size() <= 1024 * 1024);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
    QVERIFY2(peakRssKib() - peakBefore < 32 * 1024, "memory grew by more than 32 MiB");
}

void TestHttpProbe::redirectLoop()
{
    const ProbeRun run = runProbe(testEndpoint(m_server.url(u"/loop-a"_s)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("redirect loop:")), qPrintable(run.result.error));
    QVERIFY(run.result.error.contains(QLatin1String("/loop-a")));
}

void TestHttpProbe::redirectChain()
{
    const ProbeRun run = runProbe(testEndpoint(m_server.url(u"/chain/0"_s)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QCOMPARE(run.result.error, u"more than 5 redirect(s)"_s);

    Endpoint shortChain = testEndpoint(m_server.url(u"/chain/57"_s), { u"[STATUS] == 200"_s });
    const ProbeRun followed = runProbe(shortChain);
    QCOMPARE(followed.result.rawState, EndpointState::Ok);
    QCOMPARE(followed.result.body, QByteArray("end of chain"));
}

void TestHttpProbe::httpsToHttpRedirect()
{
    HostileServer *server = tlsServer(u"good"_s);
    QVERIFY(server);
    Endpoint endpoint = testEndpoint(server->url(u"/to-http"_s));
    endpoint.caFile = m_dir.filePath(u"ca.pem"_s);
    const ProbeRun run = runProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("refused a redirect from https to http")),
        qPrintable(run.result.error));
}

void TestHttpProbe::resetMidBody()
{
    const ProbeRun run = runProbe(testEndpoint(m_server.url(u"/reset"_s), { u"[STATUS] == 200"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(!run.result.error.isEmpty(), "a reset must be named");
    QVERIFY(run.elapsedMs < 3000);
}

void TestHttpProbe::malformedJson()
{
    const ProbeRun run = runProbe(
        testEndpoint(m_server.url(u"/malformed-json"_s), { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Unknown);
    QVERIFY(run.result.error.isEmpty());
    QCOMPARE(run.result.conditions.size(), 2);
    QCOMPARE(run.result.conditions[0].verdict, ConditionResult::Verdict::Pass);
    QCOMPARE(run.result.conditions[1].verdict, ConditionResult::Verdict::Error);
    QVERIFY2(
        run.result.conditions[1].error.contains(QLatin1String("JSON")), qPrintable(run.result.conditions[1].error));
}

void TestHttpProbe::html502()
{
    const ProbeRun run
        = runProbe(testEndpoint(m_server.url(u"/html502"_s), { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical); // a failed condition outranks the unreadable body
    QCOMPARE(run.result.httpStatus, 502);
    QVERIFY(run.result.error.isEmpty());
    QCOMPARE(run.result.conditions[0].verdict, ConditionResult::Verdict::Fail);
    QVERIFY(run.result.conditions[0].actual.contains(QLatin1String("502")));
    QVERIFY(run.result.body.contains("<h1>502 Bad Gateway</h1>"));
    QCOMPARE(run.result.headers.value(u"content-type"_s), u"text/html"_s);
}

void TestHttpProbe::tlsFailure_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("named");
    QTest::addRow("expired") << u"expired"_s << u"ca.pem"_s << u"expired"_s;
    QTest::addRow("self-signed") << u"selfsigned"_s << u"ca.pem"_s << u"self-signed"_s;
    QTest::addRow("wrong host") << u"wronghost"_s << u"ca.pem"_s << u"host name"_s;
    QTest::addRow("private CA not trusted") << u"good"_s << QString() << u"issuer"_s;
}

void TestHttpProbe::tlsFailure()
{
    QFETCH(QString, certificate);
    QFETCH(QString, caFile);
    QFETCH(QString, named);
    HostileServer *server = tlsServer(certificate);
    QVERIFY(server);
    Endpoint endpoint = testEndpoint(server->url(u"/ok"_s), { u"[STATUS] == 200"_s });
    if (!caFile.isEmpty()) {
        endpoint.caFile = m_dir.filePath(caFile);
    }
    const ProbeRun run = runProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("TLS handshake failed: ")), qPrintable(run.result.error));
    QVERIFY2(run.result.error.contains(named, Qt::CaseInsensitive), qPrintable(run.result.error));
    QVERIFY(run.result.certificateExpiry.has_value());
    QVERIFY(run.elapsedMs < 3000 + marginMs);
}

void TestHttpProbe::tlsPassesWithCaFile_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("caFile");
    QTest::addRow("private CA") << u"good"_s << u"ca.pem"_s;
    QTest::addRow("self-signed, itself trusted") << u"selfsigned"_s << u"selfsigned.pem"_s;
}

void TestHttpProbe::tlsPassesWithCaFile()
{
    QFETCH(QString, certificate);
    QFETCH(QString, caFile);
    HostileServer *server = tlsServer(certificate);
    QVERIFY(server);
    Endpoint endpoint = testEndpoint(server->url(u"/ok"_s), { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s });
    endpoint.caFile = m_dir.filePath(caFile);
    const ProbeRun run = runProbe(endpoint);
    QVERIFY(run.finished);
    QVERIFY2(run.result.error.isEmpty(), qPrintable(run.result.error));
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QVERIFY(run.result.certificateExpiry.has_value());
    const qint64 daysLeft = QDateTime::currentDateTimeUtc().daysTo(*run.result.certificateExpiry);
    QVERIFY2(daysLeft >= 29 && daysLeft <= 30, qPrintable(QString::number(daysLeft)));
    QVERIFY(run.result.tlsMs > 0);
}

void TestHttpProbe::missingVariableSendsNothing()
{
    HostileServer server;
    QVERIFY(server.start());
    qunsetenv("OPSDECK_TEST_UNSET_TOKEN");
    Endpoint endpoint = testEndpoint(server.url(u"/ok"_s), { u"[STATUS] == 200"_s });
    endpoint.headers.insert(u"Authorization"_s, u"Bearer ${OPSDECK_TEST_UNSET_TOKEN}"_s);
    const ProbeRun run = runProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Unknown);
    QCOMPARE(run.result.error, u"OPSDECK_TEST_UNSET_TOKEN is not set in the environment; nothing was sent"_s);
    QVERIFY(!server.hasPendingConnections());
    QTest::qWait(100);
    QCOMPARE(server.findChildren<QTcpSocket *>().size(), 0);
}

void TestHttpProbe::secretsAreRedacted()
{
    qputenv("OPSDECK_TEST_SECRET_HOST", "s3cr3t-value");
    Endpoint endpoint = testEndpoint(QUrl());
    endpoint.url = u"http://${OPSDECK_TEST_SECRET_HOST}.invalid/health"_s;
    const ProbeRun run = runProbe(endpoint);
    qunsetenv("OPSDECK_TEST_SECRET_HOST");
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(!run.result.error.contains(QLatin1String("s3cr3t")), qPrintable(run.result.error));
    QVERIFY2(run.result.error.contains(QLatin1String("${OPSDECK_TEST_SECRET_HOST}")), qPrintable(run.result.error));
}

// A secret goes only to the origin written beside it: a redirect to another origin loses the headers that hold one
// (and the usual credentials), and a body that holds one is not sent there at all.
void TestHttpProbe::redirectCarriesNoSecretElsewhere()
{
    qputenv("OPSDECK_TEST_REDIRECT_TOKEN", "r3d1r3ct-t0ken");
    NotifyReceiver first;
    NotifyReceiver elsewhere;
    QVERIFY(first.start() && elsewhere.start());
    const QByteArray location = "Location: " + elsewhere.url(u"/landing"_s).toEncoded() + "\r\n";
    first.setAnswer("/go", { NotifyReceiver::Answer::Mode::Reply, 307, location, {} });
    elsewhere.setAnswer("/landing", NotifyReceiver::ok());
    Endpoint endpoint = testEndpoint(first.url(u"/go"_s), { u"[STATUS] == 200"_s });
    endpoint.headers.insert(u"Authorization"_s, u"Bearer ${OPSDECK_TEST_REDIRECT_TOKEN}"_s);
    endpoint.headers.insert(u"X-Api-Key"_s, u"${OPSDECK_TEST_REDIRECT_TOKEN}"_s);
    endpoint.headers.insert(u"X-Plain"_s, u"kept"_s);
    ProbeRun run = runProbe(endpoint);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QCOMPARE(first.requests().size(), 1);
    QCOMPARE(first.requests().constFirst().headers.value("x-api-key"), QByteArray("r3d1r3ct-t0ken"));
    QCOMPARE(elsewhere.requests().size(), 1);
    const QHash<QByteArray, QByteArray> &landed = elsewhere.requests().constFirst().headers;
    QVERIFY(!landed.contains("authorization"));
    QVERIFY(!landed.contains("x-api-key"));
    QCOMPARE(landed.value("x-plain"), QByteArray("kept"));

    // A 307 keeps the method and body: a body holding the secret is not sent to the other origin.
    endpoint.headers.clear();
    endpoint.method = u"POST"_s;
    endpoint.body = u"{\"token\": \"${OPSDECK_TEST_REDIRECT_TOKEN}\"}"_s;
    run = runProbe(endpoint);
    qunsetenv("OPSDECK_TEST_REDIRECT_TOKEN");
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("refused a redirect to another origin")),
        qPrintable(run.result.error));
    QCOMPARE(elsewhere.requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestHttpProbe)
#include "tst_httpprobe.moc"
