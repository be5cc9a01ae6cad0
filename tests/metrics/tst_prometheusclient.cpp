// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "kpi/kpireader.h"
#include "promservers.h"
#include "sources/prometheusclient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Against a real Prometheus on loopback that scrapes the real demo service every second.
class TestPrometheusClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rangeStep_data();
    void rangeStep();
    void instantMatchesPrometheus();
    void badQueryKeepsPrometheusError();
    void coalescesIdenticalQueries();
    void queryRange();
    void tileValue();
    void prometheusDown();

private:
    PromResponse run(PrometheusClient *client, const QString &query);

    QProcess m_demo;
    LoopbackServer m_prometheus;
    QNetworkAccessManager m_nam;
    std::unique_ptr<PrometheusClient> m_client;
};

PromResponse TestPrometheusClient::run(PrometheusClient *client, const QString &query)
{
    std::optional<PromResponse> response;
    client->instant(query, this, [&response](const PromResponse &r) { response = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(response.has_value(), 20000); }();
    return response.value_or(PromResponse {});
}

void TestPrometheusClient::initTestCase()
{
    const QUrl demo = startDemoService(&m_demo, { u"--exit-with-stdin"_s }, {});
    QVERIFY(demo.isValid());
    QVERIFY2(m_prometheus.startPrometheus(demo.host() + u':' + QString::number(demo.port())),
        qPrintable(m_prometheus.error()));
    MetricServer server;
    server.url = m_prometheus.url().toString();
    server.scrapeInterval = 1s;
    m_client = std::make_unique<PrometheusClient>(&m_nam, server);
    // The first scrape lands within a few seconds.
    QTRY_VERIFY_WITH_TIMEOUT(run(m_client.get(), u"up{job=\"demo\"} == 1"_s).series.size() == 1, 30000);
}

void TestPrometheusClient::cleanupTestCase()
{
    m_client.reset();
    m_prometheus.stop();
    m_demo.closeWriteChannel();
    m_demo.waitForFinished(5000);
}

void TestPrometheusClient::rangeStep_data()
{
    QTest::addColumn<qint64>("rangeMs");
    QTest::addColumn<int>("px");
    QTest::addColumn<qint64>("scrapeMs");
    QTest::addColumn<qint64>("stepMs");
    QTest::addRow("15m at 1600 px, 15 s scrape: the scrape interval")
        << qint64(900000) << 1600 << qint64(15000) << qint64(15000);
    QTest::addRow("30d at 1600 px: one point per pixel")
        << qint64(2592000000) << 1600 << qint64(15000) << qint64(1620000);
    QTest::addRow("24h at 1000 px, rounded up to seconds") << qint64(86400000) << 1000 << qint64(1000) << qint64(87000);
    QTest::addRow("never below one second") << qint64(60000) << 2000 << qint64(0) << qint64(1000);
}

void TestPrometheusClient::rangeStep()
{
    QFETCH(qint64, rangeMs);
    QFETCH(int, px);
    QFETCH(qint64, scrapeMs);
    QFETCH(qint64, stepMs);
    QCOMPARE(PrometheusClient::rangeStep(Milliseconds(rangeMs), px, Milliseconds(scrapeMs)).count(), stepMs);
}

void TestPrometheusClient::instantMatchesPrometheus()
{
    const PromResponse r = run(m_client.get(), u"db_connections_max{job=\"demo\"}"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QCOMPARE(r.resultType, u"vector"_s);
    QCOMPARE(r.series.size(), 1);
    QCOMPARE(r.series[0].labels.value(u"job"_s), u"demo"_s);
    QCOMPARE(r.series[0].points[0].y(), 100.0);

    const PromResponse nan = run(m_client.get(), u"0/0"_s);
    QVERIFY(nan.ok());
    QCOMPARE(nan.resultType, u"scalar"_s);
    QVERIFY(std::isnan(nan.series[0].points[0].y()));
    const PromResponse inf = run(m_client.get(), u"vector(1/0)"_s);
    QCOMPARE(inf.series[0].points[0].y(), std::numeric_limits<double>::infinity());
}

void TestPrometheusClient::badQueryKeepsPrometheusError()
{
    const QString bad = u"sum(rate(http_requests_total[5m]"_s;
    const PromResponse r = run(m_client.get(), bad);
    QCOMPARE(r.status, PromResponse::Status::ApiError);
    QCOMPARE(r.errorType, u"bad_data"_s);
    // Exactly what Prometheus says when asked directly.
    QUrl direct = m_prometheus.url().resolved(QUrl(u"/api/v1/query"_s));
    direct.setQuery(QUrlQuery { { u"query"_s, QString::fromLatin1(QUrl::toPercentEncoding(bad)) } });
    const HttpResult raw = sendRequest(&m_nam, "GET", direct);
    QCOMPARE(raw.status, 400);
    QCOMPARE(r.error, raw.json().value(u"error"_s).toString());
    QVERIFY(r.error.contains(u"parse error"_s));
}

void TestPrometheusClient::coalescesIdenticalQueries()
{
    const int before = m_client->requestsSent();
    int answers = 0;
    double first = 0;
    double second = -1;
    m_client->instant(u"sum(up)"_s, this, [&](const PromResponse &r) {
        ++answers;
        first = r.series.value(0).points.value(0).y();
    });
    m_client->instant(u"sum(up)"_s, this, [&](const PromResponse &r) {
        ++answers;
        second = r.series.value(0).points.value(0).y();
    });
    QTRY_COMPARE_WITH_TIMEOUT(answers, 2, 20000);
    QCOMPARE(m_client->requestsSent() - before, 1);
    QCOMPARE(first, 1.0);
    QCOMPARE(second, first);

    // A context that is gone gets no callback.
    auto *gone = new QObject;
    bool called = false;
    m_client->instant(u"sum(up)"_s, gone, [&called](const PromResponse &) { called = true; });
    delete gone;
    QVERIFY(run(m_client.get(), u"sum(up) + 0"_s).ok());
    QVERIFY(!called);
}

void TestPrometheusClient::queryRange()
{
    QDateTime start;
    QDateTime end;
    std::optional<PromResponse> response;
    const auto points = [&]() -> qsizetype {
        end = QDateTime::currentDateTimeUtc();
        start = end.addSecs(-5);
        response.reset();
        m_client->range(
            u"up{job=\"demo\"}"_s, start, end, 1s, this, [&response](const PromResponse &r) { response = r; });
        QElapsedTimer timer;
        timer.start();
        while (!response && timer.elapsed() < 20000) {
            QTest::qWait(20);
        }
        return response && response->ok() && !response->series.isEmpty() ? response->series[0].points.size() : 0;
    };
    // Prometheus started a moment ago: wait until it holds a few seconds of samples.
    QTRY_VERIFY_WITH_TIMEOUT(points() >= 3, 20000);
    QCOMPARE(response->resultType, u"matrix"_s);
    QCOMPARE(response->series.size(), 1);
    const QList<QPointF> &list = response->series[0].points;
    QVERIFY(list.constLast().x() <= double(end.toMSecsSinceEpoch()) + 1);
    QVERIFY(list.constFirst().x() >= double(start.toMSecsSinceEpoch()) - 1);
    for (qsizetype i = 1; i < list.size(); ++i) {
        QCOMPARE(list[i].x() - list[i - 1].x(), 1000.0); // the step asked for
        QCOMPARE(list[i].y(), 1.0);
    }
}

void TestPrometheusClient::tileValue()
{
    Workspace workspace;
    workspace.sources.prometheus = m_client->server();
    KpiReader reader(&m_nam);
    reader.setWorkspace(workspace);
    Kpi kpi;
    kpi.source.kind = KpiSource::Kind::Prometheus;
    kpi.source.query = u"max(db_connections_max)"_s;
    std::optional<KpiFigure> figure;
    reader.read(kpi, this, [&figure](const KpiFigure &f) { figure = f; });
    QTRY_VERIFY_WITH_TIMEOUT(figure.has_value(), 20000);
    QCOMPARE(figure->value, 100.0);

    kpi.source.query = u"http_requests_total"_s; // several series
    figure.reset();
    reader.read(kpi, this, [&figure](const KpiFigure &f) { figure = f; });
    QTRY_VERIFY_WITH_TIMEOUT(figure.has_value(), 20000);
    QVERIFY(!figure->value);
    QVERIFY2(figure->error.contains(u"aggregate it"_s), qPrintable(figure->error));

    kpi.source.query = u"rate(http_requests_total{status=~\"5..\"}"_s; // broken PromQL: Prometheus's own words
    figure.reset();
    reader.read(kpi, this, [&figure](const KpiFigure &f) { figure = f; });
    QTRY_VERIFY_WITH_TIMEOUT(figure.has_value(), 20000);
    QVERIFY(!figure->value);
    QVERIFY2(figure->error.startsWith(u"bad_data: "_s), qPrintable(figure->error));
}

void TestPrometheusClient::prometheusDown()
{
    MetricServer server;
    server.url = u"http://127.0.0.1:%1"_s.arg(LoopbackServer::freePort());
    PrometheusClient client(&m_nam, server);
    client.setTimeout(5s);
    const PromResponse r = run(&client, u"up"_s);
    QCOMPARE(r.status, PromResponse::Status::TransportError);
    QVERIFY2(r.error.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(r.error));
}

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
