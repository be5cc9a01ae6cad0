// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "kpi/kpireader.h"
#include "sources/metricmath.h"
#include "sources/metricsscraper.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Every kind of source but Prometheus (see tst_prometheusclient), against the real demo service.
class TestKpiReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void gaugeMatchesMetrics();
    void rateNeedsTwoScrapes();
    void rateRetryIsNotHandedTheSameScrape();
    void quantile();
    void jsonField();
    void probeFigures();
    void errorBudget();
    void sourceText();

private:
    KpiFigure read(KpiReader *reader, const Kpi &kpi);
    Kpi metricsKpi(const QString &metric, const QString &aggregate) const;

    QProcess m_demo;
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

KpiFigure TestKpiReader::read(KpiReader *reader, const Kpi &kpi)
{
    std::optional<KpiFigure> figure;
    reader->read(kpi, this, [&figure](const KpiFigure &f) { figure = f; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(figure.has_value(), 15000); }();
    return figure.value_or(KpiFigure {});
}

Kpi TestKpiReader::metricsKpi(const QString &metric, const QString &aggregate) const
{
    Kpi kpi;
    kpi.id = metric;
    kpi.source.kind = KpiSource::Kind::Metrics;
    kpi.source.url = m_base.toString() + u"/metrics"_s;
    kpi.source.metric = metric;
    kpi.source.aggregate = aggregate;
    kpi.source.window = 1min;
    return kpi;
}

void TestKpiReader::initTestCase()
{
    m_base = startDemoService(&m_demo, { u"--exit-with-stdin"_s }, {});
    QVERIFY(m_base.isValid());
}

void TestKpiReader::cleanupTestCase()
{
    m_demo.closeWriteChannel();
    m_demo.waitForFinished(5000);
}

void TestKpiReader::gaugeMatchesMetrics()
{
    KpiReader reader(&m_nam);
    reader.scraper()->setReuseAgeMs(0);
    const KpiFigure f = read(&reader, metricsKpi(u"db_connections_max"_s, u"gauge"_s));
    QCOMPARE(f.value, 100.0);
    // The same figure the scrape the reader used holds.
    const KpiFigure cpu = read(&reader, metricsKpi(u"process_cpu_usage_percent"_s, u"gauge"_s));
    const auto kept = reader.scraper()->history(m_base.toString() + u"/metrics"_s);
    QCOMPARE(cpu.value, MetricMath::gauge(*kept.constLast().metrics, u"process_cpu_usage_percent"_s, {}).value);
    const KpiFigure missing = read(&reader, metricsKpi(u"no_such_metric"_s, u"gauge"_s));
    QCOMPARE(missing.error, u"no sample no_such_metric in the scrape"_s);
}

void TestKpiReader::rateNeedsTwoScrapes()
{
    KpiReader reader(&m_nam);
    reader.scraper()->setReuseAgeMs(0);
    const Kpi kpi = metricsKpi(u"http_requests_total"_s, u"rate"_s);
    const KpiFigure first = read(&reader, kpi);
    QVERIFY(!first.value);
    QVERIFY(first.retrySoon);
    QTest::qWait(1500);
    const KpiFigure second = read(&reader, kpi);
    QVERIFY2(second.value, qPrintable(second.error));
    // The service simulates about 20 requests a second.
    QVERIFY2(*second.value > 5 && *second.value < 60, qPrintable(QString::number(*second.value)));
}

// With the scraper's default reuse age: a rate's retry that comes sooner than that (KpiPoller::retryMs, or a coarse
// timer firing a little early) gets a scrape of its own instead of the one it could not compute a rate from.
void TestKpiReader::rateRetryIsNotHandedTheSameScrape()
{
    KpiReader reader(&m_nam);
    const Kpi kpi = metricsKpi(u"http_requests_total"_s, u"rate"_s);
    const KpiFigure first = read(&reader, kpi);
    QVERIFY(first.retrySoon);
    QTest::qWait(700); // more than the 500 ms a baseline needs, well within the 2 s reuse age
    const KpiFigure second = read(&reader, kpi);
    QVERIFY2(second.value, qPrintable(second.error));
    QVERIFY(!second.retrySoon);
    QCOMPARE(reader.scraper()->requestsSent(), 2);
    // Everything else still shares that scrape, and so does the rate once it has a baseline.
    QVERIFY(read(&reader, metricsKpi(u"process_cpu_usage_percent"_s, u"gauge"_s)).value);
    QVERIFY(read(&reader, kpi).value);
    QCOMPARE(reader.scraper()->requestsSent(), 2);
}

void TestKpiReader::quantile()
{
    KpiReader reader(&m_nam);
    Kpi kpi = metricsKpi(u"http_request_duration_seconds"_s, u"quantile"_s);
    kpi.source.quantile = 0.95;
    const KpiFigure f = read(&reader, kpi);
    QVERIFY2(f.value, qPrintable(f.error));
    const auto kept = reader.scraper()->history(kpi.source.url);
    QCOMPARE(f.value, MetricMath::quantile(nullptr, *kept.constLast().metrics, 0.95, kpi.source.metric, {}).value);
    QVERIFY(*f.value > 0 && *f.value < 10);
}

void TestKpiReader::jsonField()
{
    KpiReader reader(&m_nam);
    Kpi kpi;
    kpi.source.kind = KpiSource::Kind::Json;
    kpi.source.endpoint = u"health"_s;
    kpi.source.path = u"performance.errorRate"_s;
    QCOMPARE(read(&reader, kpi).error, u"endpoint health has not been checked yet"_s);

    const HttpResult health = sendRequest(&m_nam, "GET", m_base.resolved(QUrl(u"/health"_s)));
    ProbeResult result;
    result.endpoint = u"health"_s;
    result.startedAt = QDateTime::currentDateTimeUtc();
    result.state = EndpointState::Ok;
    result.body = health.body;
    reader.addProbeResult(result);
    const KpiFigure f = read(&reader, kpi);
    QVERIFY2(f.value, qPrintable(f.error));
    QCOMPARE(*f.value, health.json().value(u"performance"_s).toObject().value(u"errorRate"_s).toDouble());

    // A failed check keeps the last good body for the figure.
    ProbeResult failed = result;
    failed.body.clear();
    failed.error = u"connection refused"_s;
    reader.addProbeResult(failed);
    QCOMPARE(read(&reader, kpi).value, f.value);
}

void TestKpiReader::probeFigures()
{
    KpiReader reader(&m_nam);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 10; ++i) {
        ProbeResult r;
        r.endpoint = u"health"_s;
        r.startedAt = now.addSecs(-10 + i);
        r.state = i == 3 ? EndpointState::Critical : EndpointState::Ok;
        r.totalMs = 100 + i;
        reader.addProbeResult(r);
    }
    Kpi kpi;
    kpi.source.kind = KpiSource::Kind::Probe;
    kpi.source.endpoint = u"health"_s;
    kpi.source.figure = u"uptime"_s;
    kpi.source.window = 1h;
    QCOMPARE(read(&reader, kpi).value, 90.0);
    kpi.source.figure = u"failure-rate"_s;
    QCOMPARE(read(&reader, kpi).value, 10.0);
    kpi.source.figure = u"latency-p50"_s;
    QCOMPARE(read(&reader, kpi).value, 105.0); // 100..109 without 103

    // Older records from the database go before the live ones.
    reader.addProbeRecords(u"health"_s, { { now.addSecs(-100).toMSecsSinceEpoch(), EndpointState::Critical, -1 } });
    QCOMPARE(reader.probeRecords(u"health"_s).size(), 11);
    QCOMPARE(reader.probeRecords(u"health"_s).constFirst().state, EndpointState::Critical);
}

void TestKpiReader::errorBudget()
{
    KpiReader reader(&m_nam);
    Kpi kpi;
    kpi.source.kind = KpiSource::Kind::ErrorBudget;
    kpi.source.endpoint = u"health"_s;
    kpi.source.objective = 99.9;
    kpi.source.window = 24h * 30;
    QVERIFY(!read(&reader, kpi).value);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    reader.addProbeRecords(u"health"_s,
        { { now.addSecs(-3600).toMSecsSinceEpoch(), EndpointState::Ok, 10 },
            { now.addSecs(-600).toMSecsSinceEpoch(), EndpointState::Critical, -1 },
            { now.addSecs(-300).toMSecsSinceEpoch(), EndpointState::Ok, 10 } });
    const KpiFigure f = read(&reader, kpi);
    QVERIFY(f.value && f.burnRate);
    // 5 minutes down of 43.2 allowed.
    QVERIFY2(std::abs(*f.value - 100.0 * (43.2 - 5) / 43.2) < 0.01, qPrintable(QString::number(*f.value)));
    QVERIFY(*f.burnRate > 80); // 5 of the last 60 minutes bad = 83x the sustainable rate
    QVERIFY(f.budgetLeftMs);
    QVERIFY2(std::abs(*f.budgetLeftMs - (43.2 - 5) * 60000) < 1000, qPrintable(QString::number(*f.budgetLeftMs)));
}

void TestKpiReader::sourceText()
{
    Kpi kpi = metricsKpi(u"http_requests_total"_s, u"rate"_s);
    kpi.source.labels = { { u"status"_s, u"500"_s } };
    QCOMPARE(KpiReader::sourceText(kpi.source),
        uR"(rate(http_requests_total{status="500"}[1m]) from )"_s + m_base.toString() + u"/metrics"_s);
}

QTEST_GUILESS_MAIN(TestKpiReader)
#include "tst_kpireader.moc"
