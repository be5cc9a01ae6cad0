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

using namespace Qt::StringLiterals;

class TestProbeEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
    w.info.id = u"test"_s;
    for (int i = 0; i < count; ++i) {
        Endpoint e = testEndpoint(m_server.url(path), { u"[STATUS] == 200"_s });
        e.name = u"e%1"_s.arg(i);
        e.interval = interval;
        w.endpoints.append(e);
    }
    return w;
}

void TestProbeEngine::inFlightCapQueuesTheRest()
{
    ProbeEngine engine;
    engine.setMaxInFlight(3);
    engine.setWorkspace(workspace(10, u"/delay"_s));
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
    engine.setWorkspace(workspace(1, u"/ok"_s, Milliseconds(300)));
    QList<qint64> starts;
    QElapsedTimer clock;
    clock.start();
    // When each check was due (its start less its lag): a loaded machine delays starts, not the schedule.
    connect(&engine, &ProbeEngine::probeStarted, this,
        [&](const QString &, qint64 lagMs) { starts.append(clock.elapsed() - lagMs); });
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(starts.size() >= 9, 10000);
    engine.stop();
    QList<qint64> gaps;
    for (qsizetype i = 1; i < starts.size(); ++i) {
        gaps.append(starts[i] - starts[i - 1]);
    }
    const auto [lo, hi] = std::minmax_element(gaps.cbegin(), gaps.cend());
    QVERIFY2(*lo >= 240 - 20 && *hi <= 360 + 50, qPrintable(u"%1..%2"_s.arg(*lo).arg(*hi)));
    QVERIFY2(*hi - *lo >= 10, "intervals must vary");
}

void TestProbeEngine::firstChecksAreSpread()
{
    // Many endpoints: 5 ms of spread each, capped by the interval (2 s here), so no burst of 400 requests.
    ProbeEngine engine;
    engine.setWorkspace(workspace(400, u"/ok"_s, Milliseconds(2000)));
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
    engine.setWorkspace(workspace(5, u"/ok"_s, Milliseconds(60000)));
    QList<qint64> starts;
    QElapsedTimer clock;
    clock.start();
    // When each check was due (its start less its lag): a loaded machine delays starts, not the schedule.
    connect(&engine, &ProbeEngine::probeStarted, this,
        [&](const QString &, qint64 lagMs) { starts.append(clock.elapsed() - lagMs); });
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(starts.size(), 5, 5000);
    engine.stop();
    QVERIFY2(*std::max_element(starts.cbegin(), starts.cend()) < 1000,
        "with a handful of endpoints every first result must be on screen at once, not after the interval");
}

void TestProbeEngine::failureThresholdGoesThroughPending()
{
    Workspace w;
    Endpoint e = testEndpoint(QUrl(u"http://127.0.0.1:%1/"_s.arg(m_refusedPort)));
    e.name = u"down"_s;
    e.failureThreshold = 2;
    w.endpoints.append(e);
    ProbeEngine engine;
    engine.setWorkspace(w);
    QSignalSpy results(&engine, &ProbeEngine::resultReady);
    QSignalSpy changes(&engine, &ProbeEngine::stateChanged);
    engine.checkNow(u"down"_s);
    QVERIFY(results.wait(5000));
    QCOMPARE(results.last().at(0).value<ProbeResult>().state, EndpointState::Pending);
    QCOMPARE(results.last().at(0).value<ProbeResult>().rawState, EndpointState::Critical);
    QCOMPARE(changes.size(), 0); // the first result is not a change
    engine.checkNow(u"down"_s);
    QVERIFY(results.wait(5000));
    QCOMPARE(engine.state(u"down"_s), EndpointState::Critical);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0].at(0).toString(), u"down"_s);
    QCOMPARE(changes[0].at(1).value<EndpointState>(), EndpointState::Pending);
    QCOMPARE(changes[0].at(2).value<EndpointState>(), EndpointState::Critical);
}

void TestProbeEngine::setWorkspaceKeepsStateOfRemainingEndpoints()
{
    Workspace w = workspace(2, u"/ok"_s);
    ProbeEngine engine;
    engine.setWorkspace(w);
    QSignalSpy results(&engine, &ProbeEngine::resultReady);
    engine.checkAllNow();
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 5000);
    QCOMPARE(engine.state(u"e0"_s), EndpointState::Ok);
    w.endpoints.removeLast();
    w.endpoints[0].interval = Milliseconds(120000);
    engine.setWorkspace(w);
    QCOMPARE(engine.state(u"e0"_s), EndpointState::Ok);
    QCOMPARE(engine.state(u"e1"_s), EndpointState::Unknown);
    engine.checkNow(u"e1"_s);
    QTest::qWait(200);
    QCOMPARE(results.size(), 2); // a removed endpoint is not checked
}

void TestProbeEngine::maintenanceWindowReportsMaintenance()
{
    Workspace w;
    Endpoint e = testEndpoint(QUrl(u"http://127.0.0.1:%1/"_s.arg(m_refusedPort)));
    e.name = u"down"_s;
    w.endpoints.append(e);
    MaintenanceWindow window;
    window.name = u"now"_s;
    window.start = QTime::currentTime().addSecs(-60);
    window.duration = Milliseconds(3600 * 1000);
    window.endpoints = { u"down"_s };
    w.maintenance.append(window);
    ProbeEngine engine;
    engine.setWorkspace(w);
    QSignalSpy results(&engine, &ProbeEngine::resultReady);
    engine.checkNow(u"down"_s);
    QVERIFY(results.wait(5000));
    const ProbeResult r = results.last().at(0).value<ProbeResult>();
    QCOMPARE(r.state, EndpointState::Maintenance);
    QCOMPARE(r.rawState, EndpointState::Critical);
    QVERIFY(!r.error.isEmpty());
}

void TestProbeEngine::flapControlOffReportsRawState()
{
    Workspace w;
    Endpoint e = testEndpoint(QUrl(u"http://127.0.0.1:%1/"_s.arg(m_refusedPort)));
    e.name = u"down"_s;
    e.failureThreshold = 5;
    w.endpoints.append(e);
    ProbeEngine engine;
    engine.setFlapControl(false);
    engine.setWorkspace(w);
    QSignalSpy results(&engine, &ProbeEngine::resultReady);
    engine.checkNow(u"down"_s);
    QVERIFY(results.wait(5000));
    QCOMPARE(results.last().at(0).value<ProbeResult>().state, EndpointState::Critical);
}

void TestProbeEngine::healthComponentsFromSeedShape()
{
    Workspace w = workspace(2, u"/seed-health"_s);
    w.endpoints[1].url = m_server.url(u"/ok"_s).toString();
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
        QCOMPARE(r.components[0].name, u"database"_s);
        QCOMPARE(r.components[0].status, u"healthy"_s);
        QCOMPARE(r.components[0].responseTimeMs, std::optional<double>(12.5));
        QCOMPARE(r.components[1].name, u"redis"_s);
        QCOMPARE(r.components[1].status, u"unhealthy"_s);
        QVERIFY(!r.components[1].responseTimeMs);
    }
}

QTEST_GUILESS_MAIN(TestProbeEngine)
#include "tst_probeengine.moc"
