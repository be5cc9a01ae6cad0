// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/exposition.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

class TestExposition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samples_data();
    void samples();
    void families();
    void malformed_data();
    void malformed();
    void demoFixture();
};

void TestExposition::samples_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("name");
    QTest::addColumn<MetricLabels>("labels");
    QTest::addColumn<double>("value");
    QTest::addColumn<qint64>("timestamp"); // -1 = none

    const double inf = std::numeric_limits<double>::infinity();
    QTest::addRow("plain") << QByteArray("up 1") << u"up"_s << MetricLabels() << 1.0 << qint64(-1);
    QTest::addRow("labels") << QByteArray(R"(http_requests_total{method="post",code="200"} 1027 1395066363000)")
                            << u"http_requests_total"_s
                            << MetricLabels { { u"method"_s, u"post"_s }, { u"code"_s, u"200"_s } } << 1027.0
                            << qint64(1395066363000);
    QTest::addRow("escapes") << QByteArray(
        R"(msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9)")
                             << u"msdos_file_access_time_seconds"_s
                             << MetricLabels { { u"path"_s, u"C:\\DIR\\FILE.TXT"_s },
                                    { u"error"_s, u"Cannot find file:\n\"FILE.TXT\""_s } }
                             << 1.458255915e9 << qint64(-1);
    QTest::addRow("+Inf bucket") << QByteArray(R"(rpc_duration_seconds_bucket{le="+Inf"} 144320)")
                                 << u"rpc_duration_seconds_bucket"_s << MetricLabels { { u"le"_s, u"+Inf"_s } }
                                 << 144320.0 << qint64(-1);
    QTest::addRow("-Inf value") << QByteArray("metric_without_timestamp_and_labels -Inf")
                                << u"metric_without_timestamp_and_labels"_s << MetricLabels() << -inf << qint64(-1);
    QTest::addRow("+Inf value") << QByteArray("x +Inf") << u"x"_s << MetricLabels() << inf << qint64(-1);
    QTest::addRow("summary quantile") << QByteArray(R"(rpc_duration_seconds{quantile="0.99"} 76656)")
                                      << u"rpc_duration_seconds"_s << MetricLabels { { u"quantile"_s, u"0.99"_s } }
                                      << 76656.0 << qint64(-1);
    QTest::addRow("trailing comma and spaces") << QByteArray(R"(  a { b = "c" , } 2.5  )") << u"a"_s
                                               << MetricLabels { { u"b"_s, u"c"_s } } << 2.5 << qint64(-1);
    QTest::addRow("colon in name") << QByteArray("job:requests:rate5m 3e-3") << u"job:requests:rate5m"_s
                                   << MetricLabels() << 0.003 << qint64(-1);
    QTest::addRow("negative timestamp") << QByteArray("something_weird{problem=\"division by zero\"} +Inf -3982045")
                                        << u"something_weird"_s
                                        << MetricLabels { { u"problem"_s, u"division by zero"_s } } << inf
                                        << qint64(-3982045);
    QTest::addRow("utf-8 label") << QByteArray("title{ko=\"\xec\x97\x90\xeb\x9f\xac\xec\x9c\xa8\"} 1") << u"title"_s
                                 << MetricLabels { { u"ko"_s,
                                        QString::fromUtf8("\xec\x97\x90\xeb\x9f\xac\xec\x9c\xa8") } }
                                 << 1.0 << qint64(-1);
}

void TestExposition::samples()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, name);
    QFETCH(MetricLabels, labels);
    QFETCH(double, value);
    QFETCH(qint64, timestamp);
    const Exposition e = ExpositionParser::parse(QByteArray(line + "\n"));
    QVERIFY2(e.ok(), qPrintable(e.errors.join(u'\n')));
    QCOMPARE(e.samples.size(), 1);
    const MetricSample &s = e.samples.constFirst();
    QCOMPARE(s.name, name);
    QCOMPARE(s.labels, labels);
    QCOMPARE(s.value, value);
    QCOMPARE(s.timestampMs.value_or(-1), timestamp);
}

void TestExposition::families()
{
    const QByteArray text = "# A normal comment.\n"
                            "#\n"
                            "# HELP http_requests_total The total number of HTTP requests.\n"
                            "# TYPE http_requests_total counter\n"
                            "http_requests_total{method=\"post\",code=\"200\"} 1027\n"
                            "\n"
                            "# HELP api_http_request_latency_seconds Latency with \\\\ and \\n escapes.\n"
                            "# TYPE api_http_request_latency_seconds histogram\n"
                            "api_http_request_latency_seconds_bucket{le=\"0.05\"} 24054\r\n"
                            "api_http_request_latency_seconds_bucket{le=\"+Inf\"} 144320\n"
                            "api_http_request_latency_seconds_sum 53423\n"
                            "api_http_request_latency_seconds_count 144320\n"
                            "# TYPE weird gauge\n"
                            "weird NaN";
    const Exposition e = ExpositionParser::parse(text);
    QVERIFY2(e.ok(), qPrintable(e.errors.join(u'\n')));
    QCOMPARE(e.samples.size(), 6);
    QCOMPARE(e.types.value(u"http_requests_total"_s), u"counter"_s);
    QCOMPARE(e.types.value(u"api_http_request_latency_seconds"_s), u"histogram"_s);
    QCOMPARE(e.types.value(u"weird"_s), u"gauge"_s);
    QCOMPARE(e.help.value(u"api_http_request_latency_seconds"_s), u"Latency with \\ and \n escapes."_s);
    QVERIFY(std::isnan(e.samples.constLast().value));
}

void TestExposition::malformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::addRow("no value") << QByteArray("ok 1\nmetric_only\n") << u"line 2: metric_only: expected a value"_s;
    QTest::addRow("bad value") << QByteArray("x abc") << u"line 1: x: \"abc\" is not a number"_s;
    QTest::addRow("unclosed labels") << QByteArray("x{a=\"1\" 2")
                                     << u"line 1: column 9: expected ',' or '}' after a label"_s;
    QTest::addRow("unquoted label") << QByteArray("x{a=1} 2")
                                    << u"line 1: column 5: expected a quoted value for label a"_s;
    QTest::addRow("unclosed quote") << QByteArray("x{a=\"1} 2")
                                    << u"line 1: label a: label value without a closing quote"_s;
    QTest::addRow("bad escape") << QByteArray("x{a=\"\\t\"} 2")
                                << u"line 1: label a: unknown escape \\t in a label value"_s;
    QTest::addRow("duplicate label") << QByteArray("x{a=\"1\",a=\"2\"} 2") << u"line 1: label a appears twice"_s;
    QTest::addRow("bad timestamp") << QByteArray("x 1 12.5")
                                   << u"line 1: x: \"12.5\" is not a timestamp in milliseconds"_s;
    QTest::addRow("trailing text") << QByteArray("x 1 1000 extra")
                                   << u"line 1: x: unexpected text after the timestamp: extra"_s;
    QTest::addRow("bad name") << QByteArray("9lives 1") << u"line 1: expected a metric name"_s;
    QTest::addRow("unknown type") << QByteArray("# TYPE x meter") << u"line 1: # TYPE x: unknown type \"meter\""_s;
    QTest::addRow("type twice") << QByteArray("# TYPE x gauge\n# TYPE x gauge") << u"line 2: # TYPE x given twice"_s;
    QTest::addRow("HTML page") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                               << u"line 1: expected a metric name"_s;
}

void TestExposition::malformed()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const Exposition e = ExpositionParser::parse(text);
    QVERIFY(!e.ok());
    QCOMPARE(e.errors.constFirst(), error);
}

void TestExposition::demoFixture()
{
    QFile file(QFINDTESTDATA("data/demo-metrics.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Exposition e = ExpositionParser::parse(file.readAll());
    QVERIFY2(e.ok(), qPrintable(e.errors.join(u'\n')));
    QCOMPARE(e.types.value(u"http_request_duration_seconds"_s), u"histogram"_s);
    QCOMPARE(e.samples.size(), 30);
}

QTEST_GUILESS_MAIN(TestExposition)
#include "tst_exposition.moc"
