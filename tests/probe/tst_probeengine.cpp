// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostileserver.h"
#include "probe/probeengine.h"
#include "probetesthelpers.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

class TestProbeEngine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void inFlightCapQueuesTheRest();
    void intervalsAreJittered();
    void firstChecksAreSpread();
    void fewEndpointsAreCheckedRightAway();
    void failureThresholdGoesThroughPending();
    void setWorkspaceKeepsStateOfRemainingEndpoints();
    void maintenanceWindowReportsMaintenance();
    void flapControlOffReportsRawState();
    void healthComponentsFromSeedShape();

private:
    Workspace workspace(int count, const QString &path, Milliseconds interval = Milliseconds(60000)) const;
    HostileServer m_server;
    quint16 m_refusedPort = 0;
};

void TestProbeEngine::initTestCase()
{
    QVERIFY(m_server.start());
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    m_refusedPort = closed.serverPort();
}

Workspace TestProbeEngine::workspace(int count, const QString &path, Milliseconds interval) const
{
    Workspace w;
    w.info.id = QStringLiteral("test");
    for (int i = 0; i < count; ++i) {
        Endpoint e = testEndpoint(m_server.url(path), { QStringLiteral("[STATUS] == 200") });
        e.name = QStringLiteral("e%1").arg(i);
        e.interval = interval;
        w.endpoints.append(e);
    }
    return w;
}

void TestProbeEngine::inFlightCapQueuesTheRest()
{
    ProbeEngine engine;
    engine.setMaxInFlight(3);
    engine.setWorkspace(workspace(10, QStringLiteral("/delay")));
    int maxInFlight = 0;
    connect(&engine, &ProbeEngine::probeStarted, this, [&] { maxInFlight = std::max(maxInFlight, engine.inFlight()); });
    QSignalSpy results(&engine, &ProbeEngine::resultReady);
    QElapsedTimer timer;
    timer.start();
    engine.checkAllNow();
    QCOMPARE(engine.inFlight(), 3);
    QCOMPARE(engine.queued(), 7);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 10, 10000);
    QCOMPARE(maxInFlight, 3);
    // Four waves of at most three requests, each held 300 ms by the server.
    QVERIFY2(timer.elapsed() >= 1150, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(engine.inFlight(), 0);
    for (const QList<QVariant> &r : std::as_const(results)) {
        QCOMPARE(r.at(0).value<ProbeResult>().state, EndpointState::Ok);
    }
}

void TestProbeEngine::intervalsAreJittered()
{
    ProbeEngine engine;
    engine.setJitter(0.2);
    engine.setWorkspace(workspace(1, QStringLiteral("/ok"), Milliseconds(300)));
    QList<qint64> starts;
    QElapsedTimer clock;
    clock.start();
    connect(&engine, &ProbeEngine::probeStarted, this, [&] { starts.append(clock.elapsed()); });
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(starts.size() >= 9, 10000);
    engine.stop();
    QList<qint64> gaps;
    for (qsizetype i = 1; i < starts.size(); ++i) {
        gaps.append(starts[i] - starts[i - 1]);
    }
    const auto [lo, hi] = std::minmax_element(gaps.cbegin(), gaps.cend());
    QVERIFY2(*lo >= 240 - 20 && *hi <= 360 + 50, qPrintable(QStringLiteral("%1..%2").arg(*lo).arg(*hi)));
    QVERIFY2(*hi - *lo >= 10, "intervals must vary");
}

void TestProbeEngine::firstChecksAreSpread()
{
    // Many endpoints: 5 ms of spread each, capped by the interval (2 s here), so no burst of 400 requests.
    ProbeEngine engine;
    engine.setWorkspace(workspace(400, QStringLiteral("/ok"), Milliseconds(2000)));
    QList<qint64> starts;
    QSet<QString> seen;
    QElapsedTimer clock;
    clock.start();
    connect(&engine, &ProbeEngine::probeStarted, this, [&](const QString &name) {
        if (!seen.contains(name)) { // first checks only
            seen.insert(name);
            starts.append(clock.elapsed());
        }
    });
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(starts.size(), 400, 10000);
    engine.stop();
    std::sort(starts.begin(), starts.end());
    QVERIFY2(starts.constLast() - starts.constFirst() > 1000, "the first checks must not start in one burst");
    QVERIFY(starts.at(200) > 500); // about half of them in the second half of the spread
}

void TestProbeEngine::fewEndpointsAreCheckedRightAway()
{
    ProbeEngine engine;
    engine.setWorkspace(workspace(5, QStringLiteral("/ok"), Milliseconds(60000)));
    QList<qint64> starts;
    QElapsedTimer clock;
    clock.start();
    connect(&engine, &ProbeEngine::probeStarted, this, [&] { starts.append(clock.elapsed()); });
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(starts.size(), 5, 5000);
    engine.stop();
    QVERIFY2(*std::max_element(starts.cbegin(), starts.cend()) < 1000,
        "with a handful of endpoints every first result must be on screen at once, not after the interval");
}

void TestProbeEngine::failureThresholdGoesThroughPending()
{
    Workspace w;
    Endpoint e = testEndpoint(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_refusedPort)));
    e.name = QStringLiteral("down");
    e.failureThreshold = 2;
    w.endpoints.append(e);
    ProbeEngine engine;
    engine.setWorkspace(w);
    QSignalSpy results(&engine, &ProbeEngine::resultReady);
    QSignalSpy changes(&engine, &ProbeEngine::stateChanged);
    engine.checkNow(QStringLiteral("down"));
    QVERIFY(results.wait(5000));
    QCOMPARE(results.last().at(0).value<ProbeResult>().state, EndpointState::Pending);
    QCOMPARE(results.last().at(0).value<ProbeResult>().rawState, EndpointState::Critical);
    QCOMPARE(changes.size(), 0); // the first result is not a change
    engine.checkNow(QStringLiteral("down"));
    QVERIFY(results.wait(5000));
    QCOMPARE(engine.state(QStringLiteral("down")), EndpointState::Critical);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0].at(0).toString(), QStringLiteral("down"));
    QCOMPARE(changes[0].at(1).value<EndpointState>(), EndpointState::Pending);
    QCOMPARE(changes[0].at(2).value<EndpointState>(), EndpointState::Critical);
}

void TestProbeEngine::setWorkspaceKeepsStateOfRemainingEndpoints()
{
    Workspace w = workspace(2, QStringLiteral("/ok"));
    ProbeEngine engine;
    engine.setWorkspace(w);
    QSignalSpy results(&engine, &ProbeEngine::resultReady);
    engine.checkAllNow();
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 5000);
    QCOMPARE(engine.state(QStringLiteral("e0")), EndpointState::Ok);
    w.endpoints.removeLast();
    w.endpoints[0].interval = Milliseconds(120000);
    engine.setWorkspace(w);
    QCOMPARE(engine.state(QStringLiteral("e0")), EndpointState::Ok);
    QCOMPARE(engine.state(QStringLiteral("e1")), EndpointState::Unknown);
    engine.checkNow(QStringLiteral("e1"));
    QTest::qWait(200);
    QCOMPARE(results.size(), 2); // a removed endpoint is not checked
}

void TestProbeEngine::maintenanceWindowReportsMaintenance()
{
    Workspace w;
    Endpoint e = testEndpoint(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_refusedPort)));
    e.name = QStringLiteral("down");
    w.endpoints.append(e);
    MaintenanceWindow window;
    window.name = QStringLiteral("now");
    window.start = QTime::currentTime().addSecs(-60);
    window.duration = Milliseconds(3600 * 1000);
    window.endpoints = { QStringLiteral("down") };
    w.maintenance.append(window);
    ProbeEngine engine;
    engine.setWorkspace(w);
    QSignalSpy results(&engine, &ProbeEngine::resultReady);
    engine.checkNow(QStringLiteral("down"));
    QVERIFY(results.wait(5000));
    const ProbeResult r = results.last().at(0).value<ProbeResult>();
    QCOMPARE(r.state, EndpointState::Maintenance);
    QCOMPARE(r.rawState, EndpointState::Critical);
    QVERIFY(!r.error.isEmpty());
}

void TestProbeEngine::flapControlOffReportsRawState()
{
    Workspace w;
    Endpoint e = testEndpoint(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_refusedPort)));
    e.name = QStringLiteral("down");
    e.failureThreshold = 5;
    w.endpoints.append(e);
    ProbeEngine engine;
    engine.setFlapControl(false);
    engine.setWorkspace(w);
    QSignalSpy results(&engine, &ProbeEngine::resultReady);
    engine.checkNow(QStringLiteral("down"));
    QVERIFY(results.wait(5000));
    QCOMPARE(results.last().at(0).value<ProbeResult>().state, EndpointState::Critical);
}

void TestProbeEngine::healthComponentsFromSeedShape()
{
    Workspace w = workspace(2, QStringLiteral("/seed-health"));
    w.endpoints[1].url = m_server.url(QStringLiteral("/ok")).toString();
    ProbeEngine engine;
    engine.setWorkspace(w);
    QSignalSpy results(&engine, &ProbeEngine::resultReady);
    engine.checkAllNow();
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 5000);
    for (const QList<QVariant> &args : std::as_const(results)) {
        const ProbeResult r = args.at(0).value<ProbeResult>();
        if (r.endpoint == QLatin1String("e1")) {
            QVERIFY(r.components.isEmpty()); // no services object
            continue;
        }
        QCOMPARE(r.components.size(), 2); // "note" is not an object with a status
        QCOMPARE(r.components[0].name, QStringLiteral("database"));
        QCOMPARE(r.components[0].status, QStringLiteral("healthy"));
        QCOMPARE(r.components[0].responseTimeMs, std::optional<double>(12.5));
        QCOMPARE(r.components[1].name, QStringLiteral("redis"));
        QCOMPARE(r.components[1].status, QStringLiteral("unhealthy"));
        QVERIFY(!r.components[1].responseTimeMs);
    }
}

QTEST_GUILESS_MAIN(TestProbeEngine)
#include "tst_probeengine.moc"
