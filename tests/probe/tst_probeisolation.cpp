// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostileserver.h"
#include "probe/probeengine.h"
#include "probetesthelpers.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

// One hostile endpoint beside a healthy one in the same ProbeEngine, a case per kind of hostility: the healthy
// endpoint's results stay OK, its median latency moves by less than 100 ms against a run without the neighbour,
// and the engine is gone in under a second while the hostile probe still runs. Every server has a thread of its
// own, so a server busy streaming cannot slow the healthy one: what is measured is the probes' isolation.
class TestProbeIsolation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostileNeighbour_data();
    void hostileNeighbour();

private:
    struct Round
    {
        QList<double> healthyMs;
        QList<ProbeResult> hostile;
        qint64 destroyMs = 0;
    };
    Round run(const Endpoint *hostile);
    static double median(QList<double> values);

    std::unique_ptr<ServerThread> m_healthy;
    static constexpr int rounds = 15;
};

void TestProbeIsolation::initTestCase()
{
    m_healthy = std::make_unique<ServerThread>();
    QVERIFY(m_healthy->isListening());
}

double TestProbeIsolation::median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

TestProbeIsolation::Round TestProbeIsolation::run(const Endpoint *hostile)
{
    Workspace w;
    w.info.id = u"isolation"_s;
    Endpoint healthy = testEndpoint(m_healthy->url(u"/ok"_s), { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s });
    healthy.name = u"healthy"_s;
    healthy.interval = Milliseconds(100);
    w.endpoints.append(healthy);
    if (hostile) {
        w.endpoints.append(*hostile);
    }
    Round round;
    auto engine = std::make_unique<ProbeEngine>();
    engine->setFlapControl(false);
    engine->setJitter(0);
    engine->setWorkspace(w);
    connect(engine.get(), &ProbeEngine::resultReady, this, [&round](const ProbeResult &r) {
        if (r.endpoint == QLatin1String("healthy")) {
            if (r.state != EndpointState::Ok) {
                qWarning() << "healthy endpoint:" << endpointStateName(r.state) << r.error;
                round.healthyMs.append(-1); // fails the comparison below
            } else {
                round.healthyMs.append(r.totalMs);
            }
        } else {
            round.hostile.append(r);
        }
    });
    engine->start();
    (void)QTest::qWaitFor(
        [&] { return round.healthyMs.size() >= rounds && (!hostile || !round.hostile.isEmpty()); }, 30000);
    QElapsedTimer clock;
    clock.start();
    engine.reset(); // with the hostile probe most likely still running
    round.destroyMs = clock.elapsed();
    return round;
}

void TestProbeIsolation::hostileNeighbour_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    const int http = int(HostileServer::Mode::Http);
    QTest::addRow("endless header") << http << u"http"_s << u"/endless-header"_s << u"larger than"_s;
    QTest::addRow("huge header") << http << u"http"_s << u"/huge-header"_s << u"larger than"_s;
    QTest::addRow("endless body") << http << u"http"_s << u"/endless"_s << u"body larger"_s;
    QTest::addRow("trickle") << http << u"http"_s << u"/trickle"_s << u"deadline"_s;
    QTest::addRow("stall after the request") << http << u"http"_s << u"/silent"_s << u"deadline"_s;
    QTest::addRow("two Content-Length values") << http << u"http"_s << u"/two-lengths"_s << u"malformed framing"_s;
    QTest::addRow("bad chunk size") << http << u"http"_s << u"/bad-chunk"_s << u"malformed framing"_s;
    QTest::addRow("TLS handshake stall") << int(HostileServer::Mode::NeverRead) << u"https"_s << u"/"_s
                                         << u"deadline"_s;
    QTest::addRow("accept and never read")
        << int(HostileServer::Mode::NeverRead) << u"http"_s << u"/"_s << u"deadline"_s;
    QTest::addRow("SSH banner") << int(HostileServer::Mode::Banner) << u"http"_s << u"/"_s << u"not an HTTP answer"_s;
}

void TestProbeIsolation::hostileNeighbour()
{
    QFETCH(int, mode);
    QFETCH(QString, scheme);
    QFETCH(QString, path);
    QFETCH(QString, reason);
    ServerThread server { HostileServer::Mode(mode) };
    QVERIFY(server.isListening());
    Endpoint hostile = testEndpoint(server.url(path, scheme), { u"[STATUS] == 200"_s }, Milliseconds(1500));
    hostile.name = u"hostile"_s;
    hostile.interval = Milliseconds(100);

    const Round alone = run(nullptr);
    const Round beside = run(&hostile);
    QVERIFY(alone.healthyMs.size() >= rounds);
    QVERIFY2(beside.healthyMs.size() >= rounds, qPrintable(QString::number(beside.healthyMs.size())));
    QVERIFY(!beside.healthyMs.contains(-1)); // every healthy result OK
    QVERIFY(!beside.hostile.isEmpty());
    for (const ProbeResult &r : beside.hostile) {
        QCOMPARE(r.state, EndpointState::Critical);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
    }
    const double shift = median(beside.healthyMs) - median(alone.healthyMs);
    qInfo("healthy median %.2f ms alone, %.2f ms beside; engine gone in %lld ms", median(alone.healthyMs),
        median(beside.healthyMs), beside.destroyMs);
    QVERIFY2(shift < 100, qPrintable(u"the healthy endpoint's median latency moved by %1 ms"_s.arg(shift)));
    QVERIFY2(beside.destroyMs < 1000, qPrintable(u"destroying the engine took %1 ms"_s.arg(beside.destroyMs)));
}

QTEST_GUILESS_MAIN(TestProbeIsolation)
#include "tst_probeisolation.moc"
