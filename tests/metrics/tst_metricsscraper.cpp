// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "sources/metricmath.h"
#include "sources/metricsscraper.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Against the real demo service's /metrics.
class TestMetricsScraper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void scrapesAndKeeps();
    void coalescesAndReuses();
    void notMetrics();
    void baselineWithinWindow();

private:
    struct Outcome
    {
        MetricsScraper::Scrape scrape;
        QString error;
        bool done = false;
    };
    Outcome scrape(MetricsScraper *scraper, const QString &url);

    QProcess m_demo;
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

TestMetricsScraper::Outcome TestMetricsScraper::scrape(MetricsScraper *scraper, const QString &url)
{
    Outcome out;
    scraper->scrape(url, this, [&out](const MetricsScraper::Scrape &s, const QString &error) {
        out = { s, error, true };
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(out.done, 15000); }();
    return out;
}

void TestMetricsScraper::initTestCase()
{
    m_base = startDemoService(&m_demo, { u"--exit-with-stdin"_s }, {});
    QVERIFY(m_base.isValid());
}

void TestMetricsScraper::cleanupTestCase()
{
    m_demo.closeWriteChannel();
    m_demo.waitForFinished(5000);
}

void TestMetricsScraper::scrapesAndKeeps()
{
    MetricsScraper scraper(&m_nam);
    const QString url = m_base.toString() + u"/metrics"_s;
    const Outcome o = scrape(&scraper, url);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QVERIFY(o.scrape.metrics);
    QCOMPARE(o.scrape.metrics->types.value(u"http_request_duration_seconds"_s), u"histogram"_s);
    QCOMPARE(MetricMath::gauge(*o.scrape.metrics, u"db_connections_max"_s, {}).value, 100.0);
    QCOMPARE(scraper.history(url).size(), 1);
}

void TestMetricsScraper::coalescesAndReuses()
{
    MetricsScraper scraper(&m_nam);
    const QString url = m_base.toString() + u"/metrics"_s;
    int answers = 0;
    for (int i = 0; i < 3; ++i) {
        scraper.scrape(url, this, [&answers](const MetricsScraper::Scrape &, const QString &) { ++answers; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers, 3, 15000);
    QCOMPARE(scraper.requestsSent(), 1);
    // Young enough to hand out again.
    QVERIFY(scrape(&scraper, url).error.isEmpty());
    QCOMPARE(scraper.requestsSent(), 1);
    scraper.setReuseAgeMs(0);
    QVERIFY(scrape(&scraper, url).error.isEmpty());
    QCOMPARE(scraper.requestsSent(), 2);
    QCOMPARE(scraper.history(url).size(), 2);
    // Reuse::Never asks again however young the kept scrape is.
    scraper.setReuseAgeMs(60000);
    int fresh = 0;
    scraper.scrape(
        url, this, [&fresh](const MetricsScraper::Scrape &, const QString &) { ++fresh; },
        MetricsScraper::Reuse::Never);
    QTRY_COMPARE_WITH_TIMEOUT(fresh, 1, 15000);
    QCOMPARE(scraper.requestsSent(), 3);
    QCOMPARE(scraper.history(url).size(), 3);
}

void TestMetricsScraper::notMetrics()
{
    MetricsScraper scraper(&m_nam);
    const Outcome json = scrape(&scraper, m_base.toString() + u"/health"_s);
    QVERIFY2(json.error.contains(u"is not in the Prometheus text format: line 1:"_s), qPrintable(json.error));
    const Outcome missing = scrape(&scraper, m_base.toString() + u"/nope"_s);
    QVERIFY2(missing.error.endsWith(u"answered HTTP 404"_s), qPrintable(missing.error));
    const Outcome refused = scrape(&scraper, u"http://127.0.0.1:1/metrics"_s);
    QVERIFY(!refused.error.isEmpty());
    QVERIFY(scraper.history(m_base.toString() + u"/health"_s).isEmpty());
}

void TestMetricsScraper::baselineWithinWindow()
{
    MetricsScraper scraper(&m_nam);
    scraper.setReuseAgeMs(0);
    const QString url = m_base.toString() + u"/metrics"_s;
    const Outcome first = scrape(&scraper, url);
    QVERIFY(!scraper.baseline(url, first.scrape, 1min)); // nothing older yet
    QTest::qWait(700);
    const Outcome second = scrape(&scraper, url);
    const auto base = scraper.baseline(url, second.scrape, 1min);
    QVERIFY(base);
    QCOMPARE(base->at, first.scrape.at);
    QVERIFY(!scraper.baseline(url, second.scrape, 100ms)); // the first is outside the window
}

QTEST_GUILESS_MAIN(TestMetricsScraper)
#include "tst_metricsscraper.moc"
