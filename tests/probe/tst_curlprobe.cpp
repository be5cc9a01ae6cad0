// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostileserver.h"
#include "probe/curltransport.h"
#include "probetesthelpers.h"
#include "testpki.h"

#include <QDir>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The engine's transport (libcurl) against the same hostile and broken servers as HttpProbe, plus what HttpProbe
// (QNetworkAccessManager) cannot do: strict framing, 1xx skipped, non-HTTP answers named, header caps, no retries,
// credentials kept from other origins, phase timings. Each case must end in the named state, with a reason that
// says what happened, within the endpoint's deadline plus a small margin, without holding more than the body cap.
class TestCurlProbe final : public QObject
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
    void earlyHintsAreSkipped();
    void malformedFraming_data();
    void malformedFraming();
    void sshBannerIsNotHttp();
    void headerCap_data();
    void headerCap();
    void closedConnectionIsNotRetried();
    void credentialsStayWithTheirOrigin();
    void credentialsFollowSameOrigin();
    void phaseTimings();
    void reusedTlsConnectionKeepsCertificate();
    void http2WhenOffered();
    void caFileTrustsOnlyItsEndpoint();

private:
    HostileServer *tlsServer(const QString &name);

    QTemporaryDir m_dir;
    HostileServer m_server;
    static constexpr qint64 marginMs = 1500;
};

void TestCurlProbe::initTestCase()
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

HostileServer *TestCurlProbe::tlsServer(const QString &name)
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

void TestCurlProbe::okResponse()
{
    const ProbeRun run
        = runCurlProbe(testEndpoint(m_server.url(u"/ok"_s), { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QCOMPARE(run.result.httpStatus, 200);
    QCOMPARE(run.result.protocol, u"HTTP/1.1"_s);
    QCOMPARE(run.result.body, QByteArray(R"({"status":"healthy"})"));
    QCOMPARE(run.result.headers.value(u"content-type"_s), u"application/json"_s);
    QVERIFY(run.result.totalMs >= run.result.firstByteMs);
    QVERIFY(run.result.firstByteMs > 0);
    QVERIFY(run.result.error.isEmpty());
}

void TestCurlProbe::refusedPort()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const ProbeRun run = runCurlProbe(testEndpoint(QUrl(u"http://127.0.0.1:%1/"_s.arg(port))));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(run.result.error));
    QVERIFY(!run.result.connected);
}

void TestCurlProbe::unresolvableHost()
{
    const ProbeRun run = runCurlProbe(testEndpoint(QUrl(u"http://opsdeck-probe-test.invalid/health"_s)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("opsdeck-probe-test.invalid")), qPrintable(run.result.error));
    QVERIFY(!run.result.connected);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
}

void TestCurlProbe::headersNeverSent()
{
    const ProbeRun run = runCurlProbe(testEndpoint(m_server.url(u"/silent"_s), {}, Milliseconds(2000)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("deadline")), qPrintable(run.result.error));
    QCOMPARE(run.result.httpStatus, 0);
    QVERIFY2(run.elapsedMs >= 1900 && run.elapsedMs < 2000 + marginMs, qPrintable(QString::number(run.elapsedMs)));
}

void TestCurlProbe::trickledBody()
{
    // A byte every 2 s keeps Qt's transfer timeout from ever firing; only the overall deadline stops it.
    const ProbeRun run = runCurlProbe(testEndpoint(m_server.url(u"/trickle"_s), {}, Milliseconds(3000)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("3s deadline")), qPrintable(run.result.error));
    QVERIFY2(run.elapsedMs < 3000 + marginMs, qPrintable(QString::number(run.elapsedMs)));
}

void TestCurlProbe::hugeBody_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::addRow("2 GiB Content-Length")
        << u"/huge"_s << u"body larger than the 1 MiB cap (Content-Length: 2147483648)"_s;
    QTest::addRow("endless body without length") << u"/endless"_s << u"body larger than the 1 MiB cap"_s;
    QTest::addRow("lying Content-Length") << u"/lying-length"_s << u"deadline"_s;
}

void TestCurlProbe::hugeBody()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    const qint64 peakBefore = peakRssKib();
    const ProbeRun run = runCurlProbe(testEndpoint(m_server.url(path), {}, Milliseconds(3000)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(reason), qPrintable(run.result.error));
    QVERIFY(run.result.body.size() <= 1024 * 1024);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
    QVERIFY2(peakRssKib() - peakBefore < 32 * 1024, "memory grew by more than 32 MiB");
}

void TestCurlProbe::endlessChunkedBody()
{
    const qint64 peakBefore = peakRssKib();
    const ProbeRun run = runCurlProbe(testEndpoint(m_server.url(u"/chunked"_s)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QCOMPARE(run.result.error, u"body larger than the 1 MiB cap"_s);
    QCOMPARE(run.result.body.size(), 1024 * 1024);
    QVERIFY(run.result.bodyTruncated);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
    QVERIFY2(peakRssKib() - peakBefore < 32 * 1024, "memory grew by more than 32 MiB");
}

void TestCurlProbe::gzipBomb()
{
    QVERIFY(HostileServer::gzipBomb().size() < 1024 * 1024); // so that the Content-Length check does not catch it
    const qint64 peakBefore = peakRssKib();
    Endpoint endpoint = testEndpoint(m_server.url(u"/gzip-bomb"_s), { u"[STATUS] == 200"_s });
    const ProbeRun run = runCurlProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    // OpsDeck accepts only uncompressed bodies, so the bomb is never inflated.
    QCOMPARE(run.result.error, u"body refused: it is gzip-encoded although only an uncompressed body was accepted"_s);
    QVERIFY(run.result.body.size() <= 1024 * 1024);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
    QVERIFY2(peakRssKib() - peakBefore < 32 * 1024, "memory grew by more than 32 MiB");
}

void TestCurlProbe::redirectLoop()
{
    const ProbeRun run = runCurlProbe(testEndpoint(m_server.url(u"/loop-a"_s)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("redirect loop:")), qPrintable(run.result.error));
    QVERIFY(run.result.error.contains(QLatin1String("/loop-a")));
}

void TestCurlProbe::redirectChain()
{
    const ProbeRun run = runCurlProbe(testEndpoint(m_server.url(u"/chain/0"_s)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QCOMPARE(run.result.error, u"more than 5 redirect(s)"_s);

    Endpoint shortChain = testEndpoint(m_server.url(u"/chain/57"_s), { u"[STATUS] == 200"_s });
    const ProbeRun followed = runCurlProbe(shortChain);
    QCOMPARE(followed.result.rawState, EndpointState::Ok);
    QCOMPARE(followed.result.body, QByteArray("end of chain"));
}

void TestCurlProbe::httpsToHttpRedirect()
{
    HostileServer *server = tlsServer(u"good"_s);
    QVERIFY(server);
    Endpoint endpoint = testEndpoint(server->url(u"/to-http"_s));
    endpoint.caFile = m_dir.filePath(u"ca.pem"_s);
    const ProbeRun run = runCurlProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("refused a redirect from https to http")),
        qPrintable(run.result.error));
}

void TestCurlProbe::resetMidBody()
{
    const ProbeRun run = runCurlProbe(testEndpoint(m_server.url(u"/reset"_s), { u"[STATUS] == 200"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(!run.result.error.isEmpty(), "a reset must be named");
    QVERIFY(run.elapsedMs < 3000);
}

void TestCurlProbe::malformedJson()
{
    const ProbeRun run = runCurlProbe(
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

void TestCurlProbe::html502()
{
    const ProbeRun run = runCurlProbe(
        testEndpoint(m_server.url(u"/html502"_s), { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical); // a failed condition outranks the unreadable body
    QCOMPARE(run.result.httpStatus, 502);
    QVERIFY(run.result.error.isEmpty());
    QCOMPARE(run.result.conditions[0].verdict, ConditionResult::Verdict::Fail);
    QVERIFY(run.result.conditions[0].actual.contains(QLatin1String("502")));
    QVERIFY(run.result.body.contains("<h1>502 Bad Gateway</h1>"));
    QCOMPARE(run.result.headers.value(u"content-type"_s), u"text/html"_s);
}

void TestCurlProbe::tlsFailure_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("named");
    QTest::addRow("expired") << u"expired"_s << u"ca.pem"_s << u"expired"_s;
    QTest::addRow("self-signed") << u"selfsigned"_s << u"ca.pem"_s << u"self-signed"_s;
    QTest::addRow("wrong host") << u"wronghost"_s << u"ca.pem"_s << u"host name"_s;
    QTest::addRow("private CA not trusted") << u"good"_s << QString() << u"issuer"_s;
}

void TestCurlProbe::tlsFailure()
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
    const ProbeRun run = runCurlProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("TLS handshake failed: ")), qPrintable(run.result.error));
    QVERIFY2(run.result.error.contains(named, Qt::CaseInsensitive), qPrintable(run.result.error));
    QVERIFY(run.result.certificateExpiry.has_value());
    QVERIFY(run.elapsedMs < 3000 + marginMs);
}

void TestCurlProbe::tlsPassesWithCaFile_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("caFile");
    QTest::addRow("private CA") << u"good"_s << u"ca.pem"_s;
    QTest::addRow("self-signed, itself trusted") << u"selfsigned"_s << u"selfsigned.pem"_s;
}

void TestCurlProbe::tlsPassesWithCaFile()
{
    QFETCH(QString, certificate);
    QFETCH(QString, caFile);
    HostileServer *server = tlsServer(certificate);
    QVERIFY(server);
    Endpoint endpoint = testEndpoint(server->url(u"/ok"_s), { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s });
    endpoint.caFile = m_dir.filePath(caFile);
    const ProbeRun run = runCurlProbe(endpoint);
    QVERIFY(run.finished);
    QVERIFY2(run.result.error.isEmpty(), qPrintable(run.result.error));
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QVERIFY(run.result.certificateExpiry.has_value());
    const qint64 daysLeft = QDateTime::currentDateTimeUtc().daysTo(*run.result.certificateExpiry);
    QVERIFY2(daysLeft >= 29 && daysLeft <= 30, qPrintable(QString::number(daysLeft)));
    QVERIFY(run.result.tlsMs > 0);
}

void TestCurlProbe::missingVariableSendsNothing()
{
    HostileServer server;
    QVERIFY(server.start());
    qunsetenv("OPSDECK_TEST_UNSET_TOKEN");
    Endpoint endpoint = testEndpoint(server.url(u"/ok"_s), { u"[STATUS] == 200"_s });
    endpoint.headers.insert(u"Authorization"_s, u"Bearer ${OPSDECK_TEST_UNSET_TOKEN}"_s);
    const ProbeRun run = runCurlProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Unknown);
    QCOMPARE(run.result.error, u"OPSDECK_TEST_UNSET_TOKEN is not set in the environment; nothing was sent"_s);
    QVERIFY(!server.hasPendingConnections());
    QTest::qWait(100);
    QCOMPARE(server.findChildren<QTcpSocket *>().size(), 0);
}

void TestCurlProbe::secretsAreRedacted()
{
    qputenv("OPSDECK_TEST_SECRET_HOST", "s3cr3t-value");
    Endpoint endpoint = testEndpoint(QUrl());
    endpoint.url = u"http://${OPSDECK_TEST_SECRET_HOST}.invalid/health"_s;
    const ProbeRun run = runCurlProbe(endpoint);
    qunsetenv("OPSDECK_TEST_SECRET_HOST");
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(!run.result.error.contains(QLatin1String("s3cr3t")), qPrintable(run.result.error));
    QVERIFY2(run.result.error.contains(QLatin1String("${OPSDECK_TEST_SECRET_HOST}")), qPrintable(run.result.error));
}

void TestCurlProbe::earlyHintsAreSkipped()
{
    const ProbeRun run = runCurlProbe(
        testEndpoint(m_server.url(u"/early-hints"_s), { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s }));
    QVERIFY(run.finished);
    QVERIFY2(run.result.error.isEmpty(), qPrintable(run.result.error));
    QCOMPARE(run.result.httpStatus, 200);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
}

void TestCurlProbe::malformedFraming_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("named");
    QTest::addRow("two Content-Length values") << u"/two-lengths"_s << u"Content-Length values (5, 7)"_s;
    QTest::addRow("chunk size not hex") << u"/bad-chunk"_s << u"chunked"_s;
    QTest::addRow("chunk size overflows") << u"/overflow-chunk"_s << u"chunked"_s;
}

void TestCurlProbe::malformedFraming()
{
    QFETCH(QString, path);
    QFETCH(QString, named);
    const ProbeRun run = runCurlProbe(testEndpoint(m_server.url(path), { u"[STATUS] == 200"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("malformed framing: ")), qPrintable(run.result.error));
    QVERIFY2(run.result.error.contains(named), qPrintable(run.result.error));
}

void TestCurlProbe::sshBannerIsNotHttp()
{
    HostileServer ssh;
    ssh.setMode(HostileServer::Mode::Banner);
    QVERIFY(ssh.start());
    const ProbeRun run = runCurlProbe(testEndpoint(ssh.url(u"/"_s), { u"[STATUS] == 200"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("not an HTTP answer")), qPrintable(run.result.error));
    QVERIFY(run.result.connected);
    QTest::qWait(200);
    QCOMPARE(ssh.connections(), 1); // the request went out once
}

void TestCurlProbe::headerCap_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("endless header") << u"/endless-header"_s;
    QTest::addRow("one huge header line") << u"/huge-header"_s;
}

void TestCurlProbe::headerCap()
{
    QFETCH(QString, path);
    const qint64 peakBefore = peakRssKib();
    const ProbeRun run = runCurlProbe(testEndpoint(m_server.url(path), { u"[STATUS] == 200"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(
        run.result.error.contains(QLatin1String("header")) && run.result.error.contains(QLatin1String("larger than")),
        qPrintable(run.result.error));
    QVERIFY(run.elapsedMs < 3000 + marginMs);
    QVERIFY2(peakRssKib() - peakBefore < 32 * 1024, "memory grew by more than 32 MiB");
}

void TestCurlProbe::closedConnectionIsNotRetried()
{
    // A kept-alive connection first, then a POST whose connection closes without an answer: libcurl would send a
    // request again on a reused connection that closed; a POST gets a connection of its own and is sent once.
    HostileServer server;
    QVERIFY(server.start());
    CurlTransport transport;
    QCOMPARE(runCurlProbe(testEndpoint(server.url(u"/ok"_s)), &transport).result.httpStatus, 200);
    Endpoint post = testEndpoint(server.url(u"/close"_s));
    post.method = u"POST"_s;
    post.body = u"{\"restart\":true}"_s;
    const ProbeRun run = runCurlProbe(post, &transport);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("not sent again")), qPrintable(run.result.error));
    QTest::qWait(200);
    QCOMPARE(server.requests(), 2);
}

void TestCurlProbe::credentialsStayWithTheirOrigin()
{
    HostileServer other;
    QVERIFY(other.start());
    HostileServer first;
    QVERIFY(first.start());
    first.setHttpRedirectTarget(other.url(u"/echo-headers"_s)); // another port: another origin
    qputenv("OPSDECK_TEST_API_KEY", "k3y-value");
    Endpoint endpoint = testEndpoint(first.url(u"/to-http"_s), { u"[STATUS] == 200"_s });
    endpoint.headers.insert(u"Authorization"_s, u"Bearer abc"_s);
    endpoint.headers.insert(u"Cookie"_s, u"session=1"_s);
    endpoint.headers.insert(u"X-Api-Key"_s, u"${OPSDECK_TEST_API_KEY}"_s);
    endpoint.headers.insert(u"X-Plain"_s, u"kept"_s);
    const ProbeRun run = runCurlProbe(endpoint);
    qunsetenv("OPSDECK_TEST_API_KEY");
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    const QByteArray seen = run.result.body.toLower();
    QVERIFY2(seen.contains("x-plain: kept"), seen.constData());
    QVERIFY2(!seen.contains("authorization"), seen.constData());
    QVERIFY2(!seen.contains("cookie"), seen.constData());
    QVERIFY2(!seen.contains("x-api-key") && !seen.contains("k3y"), seen.constData());
}

void TestCurlProbe::credentialsFollowSameOrigin()
{
    Endpoint endpoint = testEndpoint(m_server.url(u"/to-echo"_s), { u"[STATUS] == 200"_s });
    endpoint.headers.insert(u"Authorization"_s, u"Bearer abc"_s);
    const ProbeRun run = runCurlProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QVERIFY2(run.result.body.contains("Authorization: Bearer abc"), run.result.body.constData());
}

void TestCurlProbe::phaseTimings()
{
    const ProbeRun plain = runCurlProbe(testEndpoint(m_server.url(u"/delay"_s)));
    QVERIFY(plain.finished);
    const ProbeResult &r = plain.result;
    QVERIFY(r.connectMs > 0);
    QCOMPARE(r.tlsMs, -1.0); // no TLS
    QVERIFY2(r.firstByteMs >= r.connectMs && r.firstByteMs >= 250, qPrintable(QString::number(r.firstByteMs)));
    QVERIFY(r.totalMs >= r.firstByteMs);

    HostileServer *server = tlsServer(u"good"_s);
    QVERIFY(server);
    Endpoint endpoint = testEndpoint(server->url(u"/ok"_s), { u"[STATUS] == 200"_s });
    endpoint.caFile = m_dir.filePath(u"ca.pem"_s);
    const ProbeRun tls = runCurlProbe(endpoint);
    QVERIFY2(tls.result.error.isEmpty(), qPrintable(tls.result.error));
    QVERIFY(tls.result.connectMs > 0);
    QVERIFY(tls.result.tlsMs >= tls.result.connectMs);
    QVERIFY(tls.result.firstByteMs >= tls.result.tlsMs);
    QVERIFY(tls.result.totalMs >= tls.result.firstByteMs);
}

void TestCurlProbe::reusedTlsConnectionKeepsCertificate()
{
    // The second probe reuses the first one's connection: no handshake, yet [CERTIFICATE_EXPIRATION] still works.
    HostileServer *server = tlsServer(u"good"_s);
    QVERIFY(server);
    Endpoint endpoint
        = testEndpoint(server->url(u"/ok"_s), { u"[STATUS] == 200"_s, u"[CERTIFICATE_EXPIRATION] > 48h"_s });
    endpoint.caFile = m_dir.filePath(u"ca.pem"_s);
    CurlTransport transport;
    const ProbeRun first = runCurlProbe(endpoint, &transport);
    const ProbeRun second = runCurlProbe(endpoint, &transport);
    QCOMPARE(first.result.rawState, EndpointState::Ok);
    QVERIFY(first.result.tlsMs > 0);
    QVERIFY2(second.result.error.isEmpty(), qPrintable(second.result.error));
    QCOMPARE(second.result.rawState, EndpointState::Ok);
    QCOMPARE(second.result.tlsMs, -1.0); // no handshake: the connection was reused
    QVERIFY(second.result.certificateExpiry.has_value());
    QCOMPARE(second.result.certificateExpiry, first.result.certificateExpiry);
}

void TestCurlProbe::http2WhenOffered()
{
    // nghttpd (Debian nghttp2-server) offers h2 through ALPN; the Qt servers here speak only HTTP/1.1.
    const QString nghttpd = QStandardPaths::findExecutable(u"nghttpd"_s, { u"/usr/sbin"_s, u"/usr/bin"_s });
    if (nghttpd.isEmpty()) {
        QSKIP("nghttpd (Debian package nghttp2-server) is not installed");
    }
    QVERIFY(QDir(m_dir.path()).mkpath(u"htdocs"_s));
    QFile page(m_dir.filePath(u"htdocs/ok"_s));
    QVERIFY(page.open(QIODevice::WriteOnly) && page.write(R"({"status":"healthy"})") > 0);
    page.close();
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess server;
    server.start(nghttpd,
        { u"-a"_s, u"127.0.0.1"_s, u"-d"_s, m_dir.filePath(u"htdocs"_s), QString::number(port),
            m_dir.filePath(u"good.key"_s), m_dir.filePath(u"good.pem"_s) });
    QVERIFY(server.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(
        [port] {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            return s.waitForConnected(200);
        }(),
        10000);
    Endpoint endpoint = testEndpoint(QUrl(u"https://127.0.0.1:%1/ok"_s.arg(port)),
        { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s, u"[CERTIFICATE_EXPIRATION] > 48h"_s });
    endpoint.caFile = m_dir.filePath(u"ca.pem"_s);
    const ProbeRun run = runCurlProbe(endpoint);
    server.kill();
    server.waitForFinished();
    QVERIFY(run.finished);
    QVERIFY2(run.result.error.isEmpty(), qPrintable(run.result.error));
    QCOMPARE(run.result.protocol, u"HTTP/2"_s);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
}

void TestCurlProbe::caFileTrustsOnlyItsEndpoint()
{
    // One transport (one shared CA store in libcurl): an endpoint's ca-file must not make another endpoint's
    // server, signed by the same private CA, trusted.
    HostileServer *first = tlsServer(u"good"_s);
    HostileServer *second = tlsServer(u"good"_s);
    QVERIFY(first && second);
    CurlTransport transport;
    const ProbeRun plainBefore = runCurlProbe(testEndpoint(second->url(u"/ok"_s)), &transport);
    QVERIFY2(plainBefore.result.error.contains(QLatin1String("issuer")), qPrintable(plainBefore.result.error));
    Endpoint trusted = testEndpoint(first->url(u"/ok"_s), { u"[STATUS] == 200"_s });
    trusted.caFile = m_dir.filePath(u"ca.pem"_s);
    QCOMPARE(runCurlProbe(trusted, &transport).result.rawState, EndpointState::Ok);
    const ProbeRun plainAfter = runCurlProbe(testEndpoint(second->url(u"/ok"_s)), &transport);
    QCOMPARE(plainAfter.result.rawState, EndpointState::Critical);
    QVERIFY2(plainAfter.result.error.contains(QLatin1String("issuer")), qPrintable(plainAfter.result.error));
}

QTEST_GUILESS_MAIN(TestCurlProbe)
#include "tst_curlprobe.moc"
