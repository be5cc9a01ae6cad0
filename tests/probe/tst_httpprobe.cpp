// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostileserver.h"
#include "probetesthelpers.h"

#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

// One test per hostile or broken server case: each must end in the named state, with a reason that says what
// happened, within the endpoint's deadline plus a small margin, without holding more than the body cap.
class TestHttpProbe final : public QObject
{
    Q_OBJECT

private slots:
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

private:
    bool openssl(const QStringList &args);
    bool makeLeaf(const QString &name, const QString &san, const QString &days);
    HostileServer *tlsServer(const QString &name);

    QTemporaryDir m_dir;
    HostileServer m_server;
    static constexpr qint64 marginMs = 1500;
};

bool TestHttpProbe::openssl(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning() << "openssl" << args << p.readAllStandardError();
        return false;
    }
    return true;
}

bool TestHttpProbe::makeLeaf(const QString &name, const QString &san, const QString &days)
{
    QFile ext(m_dir.filePath(name + QLatin1String(".ext")));
    if (!ext.open(QIODevice::WriteOnly) || ext.write("subjectAltName=" + san.toLatin1() + "\n") < 0) {
        return false;
    }
    ext.close();
    const QString key = name + QLatin1String(".key");
    return openssl({ QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
               QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
               QStringLiteral("-keyout"), key, QStringLiteral("-out"), name + QLatin1String(".csr"),
               QStringLiteral("-subj"), QStringLiteral("/CN=opsdeck-test") })
        && openssl(
            { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QLatin1String(".csr"),
                QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), name + QLatin1String(".pem"),
                QStringLiteral("-days"), days, QStringLiteral("-extfile"), name + QLatin1String(".ext") });
}

void TestHttpProbe::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start());
    if (!QSslSocket::supportsSsl()) {
        QSKIP("no TLS backend");
    }
    const QStringList ec { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes") };
    QVERIFY(openssl(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ec
        + QStringList { QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
            QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
            QStringLiteral("/CN=OpsDeck Test CA") }));
    QVERIFY(makeLeaf(QStringLiteral("good"), QStringLiteral("IP:127.0.0.1,DNS:localhost"), QStringLiteral("30")));
    QVERIFY(makeLeaf(QStringLiteral("expired"), QStringLiteral("IP:127.0.0.1,DNS:localhost"), QStringLiteral("-1")));
    QVERIFY(makeLeaf(QStringLiteral("wronghost"), QStringLiteral("DNS:wrong.example"), QStringLiteral("30")));
    QVERIFY(openssl(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ec
        + QStringList { QStringLiteral("-keyout"), QStringLiteral("selfsigned.key"), QStringLiteral("-out"),
            QStringLiteral("selfsigned.pem"), QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
            QStringLiteral("/CN=opsdeck-self"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1") }));
}

HostileServer *TestHttpProbe::tlsServer(const QString &name)
{
    QFile cert(m_dir.filePath(name + QLatin1String(".pem")));
    QFile key(m_dir.filePath(name + QLatin1String(".key")));
    if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
        return nullptr;
    }
    auto *server = new HostileServer(this);
    server->setTls(QSslCertificate(&cert, QSsl::Pem), QSslKey(&key, QSsl::Ec, QSsl::Pem));
    server->setHttpRedirectTarget(m_server.url(QStringLiteral("/ok")));
    return server->start() ? server : nullptr;
}

void TestHttpProbe::okResponse()
{
    const ProbeRun run = runProbe(testEndpoint(m_server.url(QStringLiteral("/ok")),
        { QStringLiteral("[STATUS] == 200"), QStringLiteral("[BODY].status == healthy") }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QCOMPARE(run.result.httpStatus, 200);
    QCOMPARE(run.result.body, QByteArray(R"({"status":"healthy"})"));
    QCOMPARE(run.result.headers.value(QStringLiteral("content-type")), QStringLiteral("application/json"));
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
    const ProbeRun run = runProbe(testEndpoint(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(run.result.error));
    QVERIFY(!run.result.connected);
}

void TestHttpProbe::unresolvableHost()
{
    const ProbeRun run = runProbe(testEndpoint(QUrl(QStringLiteral("http://opsdeck-probe-test.invalid/health"))));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("opsdeck-probe-test.invalid")), qPrintable(run.result.error));
    QVERIFY(!run.result.connected);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
}

void TestHttpProbe::headersNeverSent()
{
    const ProbeRun run = runProbe(testEndpoint(m_server.url(QStringLiteral("/silent")), {}, Milliseconds(2000)));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(QLatin1String("deadline")), qPrintable(run.result.error));
    QCOMPARE(run.result.httpStatus, 0);
    QVERIFY2(run.elapsedMs >= 1900 && run.elapsedMs < 2000 + marginMs, qPrintable(QString::number(run.elapsedMs)));
}

void TestHttpProbe::trickledBody()
{
    // A byte every 2 s keeps Qt's transfer timeout from ever firing; only the overall deadline stops it.
    const ProbeRun run = runProbe(testEndpoint(m_server.url(QStringLiteral("/trickle")), {}, Milliseconds(3000)));
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
        << QStringLiteral("/huge") << QStringLiteral("body larger than the 1 MiB cap (Content-Length: 2147483648)");
    QTest::addRow("endless body without length")
        << QStringLiteral("/endless") << QStringLiteral("body larger than the 1 MiB cap");
    QTest::addRow("lying Content-Length") << QStringLiteral("/lying-length") << QStringLiteral("deadline");
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
    const ProbeRun run = runProbe(testEndpoint(m_server.url(QStringLiteral("/chunked"))));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QCOMPARE(run.result.error, QStringLiteral("body larger than the 1 MiB cap"));
    QCOMPARE(run.result.body.size(), 1024 * 1024);
    QVERIFY(run.result.bodyTruncated);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
    QVERIFY2(peakRssKib() - peakBefore < 32 * 1024, "memory grew by more than 32 MiB");
}

void TestHttpProbe::gzipBomb()
{
    QVERIFY(HostileServer::gzipBomb().size() < 1024 * 1024); // so that the Content-Length check does not catch it
    const qint64 peakBefore = peakRssKib();
    Endpoint endpoint = testEndpoint(m_server.url(QStringLiteral("/gzip-bomb")), { QStringLiteral("[STATUS] == 200") });
    const ProbeRun run = runProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    // OpsDeck accepts only uncompressed bodies, so the bomb is never inflated.
    QCOMPARE(run.result.error,
        QStringLiteral("body refused: it is gzip-encoded although only an uncompressed body was accepted"));
    QVERIFY(run.result.body.size() <= 1024 * 1024);
    QVERIFY(run.elapsedMs < 3000 + marginMs);
    QVERIFY2(peakRssKib() - peakBefore < 32 * 1024, "memory grew by more than 32 MiB");
}

void TestHttpProbe::redirectLoop()
{
    const ProbeRun run = runProbe(testEndpoint(m_server.url(QStringLiteral("/loop-a"))));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("redirect loop:")), qPrintable(run.result.error));
    QVERIFY(run.result.error.contains(QLatin1String("/loop-a")));
}

void TestHttpProbe::redirectChain()
{
    const ProbeRun run = runProbe(testEndpoint(m_server.url(QStringLiteral("/chain/0"))));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QCOMPARE(run.result.error, QStringLiteral("more than 5 redirect(s)"));

    Endpoint shortChain
        = testEndpoint(m_server.url(QStringLiteral("/chain/57")), { QStringLiteral("[STATUS] == 200") });
    const ProbeRun followed = runProbe(shortChain);
    QCOMPARE(followed.result.rawState, EndpointState::Ok);
    QCOMPARE(followed.result.body, QByteArray("end of chain"));
}

void TestHttpProbe::httpsToHttpRedirect()
{
    HostileServer *server = tlsServer(QStringLiteral("good"));
    QVERIFY(server);
    Endpoint endpoint = testEndpoint(server->url(QStringLiteral("/to-http")));
    endpoint.caFile = m_dir.filePath(QStringLiteral("ca.pem"));
    const ProbeRun run = runProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.startsWith(QLatin1String("refused a redirect from https to http")),
        qPrintable(run.result.error));
}

void TestHttpProbe::resetMidBody()
{
    const ProbeRun run
        = runProbe(testEndpoint(m_server.url(QStringLiteral("/reset")), { QStringLiteral("[STATUS] == 200") }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(!run.result.error.isEmpty(), "a reset must be named");
    QVERIFY(run.elapsedMs < 3000);
}

void TestHttpProbe::malformedJson()
{
    const ProbeRun run = runProbe(testEndpoint(m_server.url(QStringLiteral("/malformed-json")),
        { QStringLiteral("[STATUS] == 200"), QStringLiteral("[BODY].status == healthy") }));
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
    const ProbeRun run = runProbe(testEndpoint(m_server.url(QStringLiteral("/html502")),
        { QStringLiteral("[STATUS] == 200"), QStringLiteral("[BODY].status == healthy") }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical); // a failed condition outranks the unreadable body
    QCOMPARE(run.result.httpStatus, 502);
    QVERIFY(run.result.error.isEmpty());
    QCOMPARE(run.result.conditions[0].verdict, ConditionResult::Verdict::Fail);
    QVERIFY(run.result.conditions[0].actual.contains(QLatin1String("502")));
    QVERIFY(run.result.body.contains("<h1>502 Bad Gateway</h1>"));
    QCOMPARE(run.result.headers.value(QStringLiteral("content-type")), QStringLiteral("text/html"));
}

void TestHttpProbe::tlsFailure_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("named");
    QTest::addRow("expired") << QStringLiteral("expired") << QStringLiteral("ca.pem") << QStringLiteral("expired");
    QTest::addRow("self-signed") << QStringLiteral("selfsigned") << QStringLiteral("ca.pem")
                                 << QStringLiteral("self-signed");
    QTest::addRow("wrong host") << QStringLiteral("wronghost") << QStringLiteral("ca.pem")
                                << QStringLiteral("host name");
    QTest::addRow("private CA not trusted") << QStringLiteral("good") << QString() << QStringLiteral("issuer");
}

void TestHttpProbe::tlsFailure()
{
    QFETCH(QString, certificate);
    QFETCH(QString, caFile);
    QFETCH(QString, named);
    HostileServer *server = tlsServer(certificate);
    QVERIFY(server);
    Endpoint endpoint = testEndpoint(server->url(QStringLiteral("/ok")), { QStringLiteral("[STATUS] == 200") });
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
    QTest::addRow("private CA") << QStringLiteral("good") << QStringLiteral("ca.pem");
    QTest::addRow("self-signed, itself trusted") << QStringLiteral("selfsigned") << QStringLiteral("selfsigned.pem");
}

void TestHttpProbe::tlsPassesWithCaFile()
{
    QFETCH(QString, certificate);
    QFETCH(QString, caFile);
    HostileServer *server = tlsServer(certificate);
    QVERIFY(server);
    Endpoint endpoint = testEndpoint(server->url(QStringLiteral("/ok")),
        { QStringLiteral("[STATUS] == 200"), QStringLiteral("[BODY].status == healthy") });
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
    Endpoint endpoint = testEndpoint(server.url(QStringLiteral("/ok")), { QStringLiteral("[STATUS] == 200") });
    endpoint.headers.insert(QStringLiteral("Authorization"), QStringLiteral("Bearer ${OPSDECK_TEST_UNSET_TOKEN}"));
    const ProbeRun run = runProbe(endpoint);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Unknown);
    QCOMPARE(
        run.result.error, QStringLiteral("OPSDECK_TEST_UNSET_TOKEN is not set in the environment; nothing was sent"));
    QVERIFY(!server.hasPendingConnections());
    QTest::qWait(100);
    QCOMPARE(server.findChildren<QTcpSocket *>().size(), 0);
}

void TestHttpProbe::secretsAreRedacted()
{
    qputenv("OPSDECK_TEST_SECRET_HOST", "s3cr3t-value");
    Endpoint endpoint = testEndpoint(QUrl());
    endpoint.url = QStringLiteral("http://${OPSDECK_TEST_SECRET_HOST}.invalid/health");
    const ProbeRun run = runProbe(endpoint);
    qunsetenv("OPSDECK_TEST_SECRET_HOST");
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(!run.result.error.contains(QLatin1String("s3cr3t")), qPrintable(run.result.error));
    QVERIFY2(run.result.error.contains(QLatin1String("${OPSDECK_TEST_SECRET_HOST}")), qPrintable(run.result.error));
}

QTEST_GUILESS_MAIN(TestHttpProbe)
#include "tst_httpprobe.moc"
