// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "kpi/kpimodel.h"
#include "kpi/kpipoller.h"
#include "kpi/kpireader.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The poller against the real demo service: tiles fill in, a rate arrives after its second scrape, and when the
// service goes away the tiles keep their last values and go stale.
class TestKpiPoller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pollsAndGoesStale();
    void probeResultsTriggerReads();
};

void TestKpiPoller::pollsAndGoesStale()
{
    QProcess demo;
    const QUrl base = startDemoService(&demo, {}, {});
    QVERIFY(base.isValid());

    Workspace workspace;
    const auto add = [&](const QString &id, const QString &metric, const QString &aggregate, Milliseconds interval) {
        Kpi k;
        k.id = id;
        k.title = { id, id };
        k.interval = interval;
        k.thresholds.crit = 1e9;
        k.source.kind = KpiSource::Kind::Metrics;
        k.source.url = base.toString() + u"/metrics"_s;
        k.source.metric = metric;
        k.source.aggregate = aggregate;
        k.source.window = 1min;
        workspace.kpis.append(k);
    };
    add(u"pool"_s, u"db_connections_max"_s, u"gauge"_s, 1s);
    add(u"traffic"_s, u"http_requests_total"_s, u"rate"_s, 30s);

    QNetworkAccessManager nam;
    KpiReader reader(&nam);
    KpiModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    KpiPoller poller(&reader, &model);
    poller.setWorkspace(workspace);
    QCOMPARE(model.rowCount(), 2);
    poller.start();

    QTRY_COMPARE_WITH_TIMEOUT(model.tile(u"pool"_s)->value, std::optional<double>(100.0), 10000);
    QCOMPARE(model.tile(u"pool"_s)->state, KpiState::Normal);
    // The rate's 30 s interval is cut short for the second scrape it needs.
    QTRY_VERIFY_WITH_TIMEOUT(model.tile(u"traffic"_s)->value.has_value(), 10000);
    QVERIFY(*model.tile(u"traffic"_s)->value > 0);
    // Polled again at its 1 s interval, never two reads at once.
    QTRY_VERIFY_WITH_TIMEOUT(model.tile(u"pool"_s)->history.size() >= 3, 10000);

    demo.kill();
    demo.waitForFinished();
    QTRY_VERIFY_WITH_TIMEOUT(!model.tile(u"pool"_s)->error.isEmpty(), 10000);
    QCOMPARE(model.tile(u"pool"_s)->value, std::optional<double>(100.0)); // the last good value stays
    QTRY_COMPARE_WITH_TIMEOUT(model.tile(u"pool"_s)->state, KpiState::Stale, 10000);

    // A new workspace replaces the tiles; figures still in flight for the old one are dropped.
    poller.setWorkspace(Workspace {});
    QCOMPARE(model.rowCount(), 0);
    poller.stop();
}

void TestKpiPoller::probeResultsTriggerReads()
{
    Workspace workspace;
    Kpi kpi;
    kpi.id = u"errors"_s;
    kpi.interval = 1h; // never due again within the test
    kpi.source.kind = KpiSource::Kind::Json;
    kpi.source.endpoint = u"health"_s;
    kpi.source.path = u"performance.errorRate"_s;
    workspace.kpis = { kpi };
    QNetworkAccessManager nam;
    KpiReader reader(&nam);
    KpiModel model;
    KpiPoller poller(&reader, &model);
    poller.setWorkspace(workspace);
    QSignalSpy applied(&poller, &KpiPoller::figureApplied);
    poller.start();
    QVERIFY(applied.wait(5000));
    QCOMPARE(model.tile(u"errors"_s)->error, u"endpoint health has not been checked yet"_s);

    ProbeResult result;
    result.endpoint = u"health"_s;
    result.startedAt = QDateTime::currentDateTimeUtc();
    result.state = EndpointState::Ok;
    result.body = R"({"performance":{"errorRate":0.25}})";
    reader.addProbeResult(result);
    poller.endpointChecked(u"other"_s);
    QCOMPARE(poller.readsStarted(), 1);
    poller.endpointChecked(u"health"_s);
    QCOMPARE(poller.readsStarted(), 2);
    QTRY_COMPARE(model.tile(u"errors"_s)->value, std::optional<double>(0.25));
}

QTEST_GUILESS_MAIN(TestKpiPoller)
#include "tst_kpipoller.moc"
