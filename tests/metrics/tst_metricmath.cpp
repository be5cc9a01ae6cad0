// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/metricmath.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

Exposition fixture()
{
    QFile file(QFINDTESTDATA("data/demo-metrics.txt"));
    file.open(QIODevice::ReadOnly);
    return ExpositionParser::parse(file.readAll());
}

} // namespace

class TestMetricMath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gauge();
    void rate();
    void histogramQuantile_data();
    void histogramQuantile();
    void quantileOverWindow();
    void quantileErrors();
};

void TestMetricMath::gauge()
{
    const Exposition e = fixture();
    QCOMPARE(MetricMath::gauge(e, u"process_cpu_usage_percent"_s, {}).value, 42.5);
    // Several series are summed like sum() does.
    QCOMPARE(MetricMath::gauge(e, u"http_requests_total"_s, {}).value, 1052.0);
    QCOMPARE(MetricMath::gauge(e, u"http_requests_total"_s, { { u"status"_s, u"500"_s } }).value, 40.0);
    const MetricMath::Figure missing = MetricMath::gauge(e, u"http_requests_total"_s, { { u"status"_s, u"503"_s } });
    QVERIFY(!missing.value);
    QCOMPARE(missing.error, uR"(no sample http_requests_total{status="503"} in the scrape)"_s);
}

void TestMetricMath::rate()
{
    const Exposition before = ExpositionParser::parse("c{a=\"1\"} 100\nc{a=\"2\"} 50\nc{a=\"3\"} 7\n");
    // a=1 grew by 30, a=2 was reset (restarted) and counted 20 since, a=4 is new with 10.
    const Exposition after = ExpositionParser::parse("c{a=\"1\"} 130\nc{a=\"2\"} 20\nc{a=\"4\"} 10\n");
    QCOMPARE(MetricMath::rate(before, after, 10, u"c"_s, {}).value, 6.0);
    QCOMPARE(MetricMath::rate(before, after, 10, u"c"_s, { { u"a"_s, u"1"_s } }).value, 3.0);
    QVERIFY(!MetricMath::rate(before, after, 0, u"c"_s, {}).value);
    QVERIFY(!MetricMath::rate(before, after, 10, u"d"_s, {}).value);
}

void TestMetricMath::histogramQuantile_data()
{
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected");
    // Worked out by hand with Prometheus's algorithm over data/demo-metrics.txt's buckets.
    QTest::addRow("p50") << 0.5 << 0.10975;
    QTest::addRow("p95") << 0.95 << 0.4985;
    QTest::addRow("p99") << 0.99 << 1.222;
    QTest::addRow("p100 is the highest finite bucket reached") << 1.0 << 5.0;
    QTest::addRow("q > 1") << 1.5 << std::numeric_limits<double>::infinity();
    QTest::addRow("q < 0") << -0.1 << -std::numeric_limits<double>::infinity();
}

void TestMetricMath::histogramQuantile()
{
    QFETCH(double, q);
    QFETCH(double, expected);
    const MetricMath::Figure f = MetricMath::quantile(nullptr, fixture(), q, u"http_request_duration_seconds"_s, {});
    QVERIFY2(f.value, qPrintable(f.error));
    if (std::isinf(expected)) {
        QCOMPARE(*f.value, expected);
    } else {
        QVERIFY2(std::abs(*f.value - expected) < 1e-9, qPrintable(QString::number(*f.value, 'g', 12)));
    }
}

void TestMetricMath::quantileOverWindow()
{
    // Only what happened between the scrapes counts: 100 new observations, all between 1 s and 2.5 s.
    const Exposition before
        = ExpositionParser::parse("h_bucket{le=\"1\"} 500\nh_bucket{le=\"2.5\"} 500\nh_bucket{le=\"+Inf\"} 500\n");
    const Exposition after
        = ExpositionParser::parse("h_bucket{le=\"1\"} 500\nh_bucket{le=\"2.5\"} 600\nh_bucket{le=\"+Inf\"} 600\n");
    QCOMPARE(MetricMath::quantile(&before, after, 0.5, u"h"_s, {}).value, 1.75);
    QCOMPARE(MetricMath::quantile(nullptr, after, 0.5, u"h"_s, {}).value, 0.6);
    // All observations above the last finite bound: that bound, like Prometheus.
    const Exposition tail = ExpositionParser::parse("h_bucket{le=\"1\"} 0\nh_bucket{le=\"+Inf\"} 9\n");
    QCOMPARE(MetricMath::quantile(nullptr, tail, 0.9, u"h"_s, {}).value, 1.0);
    // Buckets that go down (a scrape race) are made monotonic first.
    QCOMPARE(MetricMath::histogramQuantile(
                 0.55, { { 1, 10 }, { 2, 8 }, { 3, 20 }, { std::numeric_limits<double>::infinity(), 20 } }),
        2.1);
}

void TestMetricMath::quantileErrors()
{
    const Exposition noInf = ExpositionParser::parse("h_bucket{le=\"1\"} 5\n");
    QCOMPARE(MetricMath::quantile(nullptr, noInf, 0.5, u"h"_s, {}).error, u"h: the histogram has no +Inf bucket"_s);
    const Exposition empty = ExpositionParser::parse("h_bucket{le=\"1\"} 0\nh_bucket{le=\"+Inf\"} 0\n");
    QCOMPARE(MetricMath::quantile(nullptr, empty, 0.5, u"h"_s, {}).error, u"h: no observations in the window"_s);
    QCOMPARE(MetricMath::quantile(nullptr, empty, 0.5, u"x"_s, { { u"a"_s, u"b"_s } }).error,
        uR"(no histogram buckets x_bucket{a="b"})"_s);
    QVERIFY(std::isnan(MetricMath::histogramQuantile(std::nan(""), { { 1, 1 }, { INFINITY, 1 } })));
}

QTEST_GUILESS_MAIN(TestMetricMath)
#include "tst_metricmath.moc"
