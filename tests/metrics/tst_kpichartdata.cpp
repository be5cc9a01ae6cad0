// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "kpi/kpichartdata.h"
#include "kpi/kpimodel.h"
#include "promservers.h"
#include "sources/prometheusclient.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Chart data from a real Prometheus scraping the demo service.
class TestKpiChartData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rangeFromPrometheus();
};

void TestKpiChartData::rangeFromPrometheus()
{
    QProcess demo;
    const QUrl base = startDemoService(&demo, { u"--exit-with-stdin"_s }, {});
    QVERIFY(base.isValid());
    LoopbackServer prometheus;
    QVERIFY2(
        prometheus.startPrometheus(base.host() + u':' + QString::number(base.port())), qPrintable(prometheus.error()));
    QNetworkAccessManager nam;
    MetricServer server;
    server.url = prometheus.url().toString();
    server.scrapeInterval = 1s;
    PrometheusClient client(&nam, server);
    KpiModel model;
    KpiChartData data(&client, &model);
    QSignalSpy loaded(&data, &KpiChartData::loaded);
    QSignalSpy failed(&data, &KpiChartData::failed);

    Kpi kpi;
    kpi.id = u"requests"_s;
    kpi.source.kind = KpiSource::Kind::Prometheus;
    kpi.source.query = u"sum by (status) (http_requests_total)"_s;
    // Wait until Prometheus holds a few scrapes, then chart the last 15 minutes at 900 px: 1 s steps.
    const auto holdsAFewScrapes = [&] {
        loaded.clear();
        data.load(kpi, 15min, 900);
        if (!loaded.wait(10000)) {
            return false;
        }
        const auto series = loaded.at(0).at(1).value<QList<ChartSeries>>();
        return !series.isEmpty() && series.constFirst().buffer->size() >= 3;
    };
    QTRY_VERIFY_WITH_TIMEOUT(holdsAFewScrapes(), 30000);
    const auto series = loaded.at(0).at(1).value<QList<ChartSeries>>();
    QVERIFY(series.constFirst().name.startsWith(u"status="_s));
    const auto from = loaded.at(0).at(2).toDateTime();
    const auto to = loaded.at(0).at(3).toDateTime();
    QCOMPARE(from.msecsTo(to), qint64(900000));

    // A superseded load is dropped; a bad query reports Prometheus's error.
    kpi.source.query = u"sum(("_s;
    loaded.clear();
    data.load(kpi, 1h, 900);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).toString(), u"requests"_s);
    QVERIFY(failed.at(0).at(1).toString().startsWith(u"bad_data: "_s));
    prometheus.stop();
    demo.closeWriteChannel();
    demo.waitForFinished(5000);
}

QTEST_GUILESS_MAIN(TestKpiChartData)
#include "tst_kpichartdata.moc"
