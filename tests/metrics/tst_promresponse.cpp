// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/promresponse.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

class TestPromResponse : public QObject
{
    Q_OBJECT

private slots:
    void vector();
    void matrixWithSpecialValues();
    void scalar();
    void apiError();
    void notPrometheus_data();
    void notPrometheus();
};

void TestPromResponse::vector()
{
    const PromResponse r = PromResponseParser::parse(R"({"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"__name__":"up","job":"demo","instance":"127.0.0.1:9"},"value":[1700000000.123,"1"]}]},
        "warnings":["some warning"]})",
        200);
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QCOMPARE(r.resultType, u"vector"_s);
    QCOMPARE(r.series.size(), 1);
    QCOMPARE(r.series[0].labels.value(u"job"_s), u"demo"_s);
    QCOMPARE(r.series[0].points[0], QPointF(1700000000123.0, 1.0));
    QCOMPARE(r.warnings, QStringList { u"some warning"_s });
}

void TestPromResponse::matrixWithSpecialValues()
{
    const PromResponse r = PromResponseParser::parse(R"({"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{},"values":[[1,"NaN"],[2,"+Inf"],[3,"-Inf"],[4,"0.25"]]}]}})",
        200);
    QVERIFY(r.ok());
    const QList<QPointF> &p = r.series[0].points;
    QCOMPARE(p.size(), 4);
    QVERIFY(std::isnan(p[0].y()));
    QCOMPARE(p[1].y(), std::numeric_limits<double>::infinity());
    QCOMPARE(p[2].y(), -std::numeric_limits<double>::infinity());
    QCOMPARE(p[3], QPointF(4000, 0.25));
}

void TestPromResponse::scalar()
{
    const PromResponse r
        = PromResponseParser::parse(R"({"status":"success","data":{"resultType":"scalar","result":[5,"42"]}})", 200);
    QVERIFY(r.ok());
    QCOMPARE(r.series.size(), 1);
    QCOMPARE(r.series[0].points[0].y(), 42.0);
}

void TestPromResponse::apiError()
{
    const PromResponse r = PromResponseParser::parse(
        R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected \"}\""})", 400);
    QCOMPARE(r.status, PromResponse::Status::ApiError);
    QCOMPARE(r.errorType, u"bad_data"_s);
    QCOMPARE(r.errorText(), uR"(bad_data: 1:5: parse error: unexpected "}")"_s);
}

void TestPromResponse::notPrometheus_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addRow("proxy page") << QByteArray("<html>Bad Gateway</html>") << 502
                                << u"HTTP 502 and no Prometheus API answer in the body"_s;
    QTest::addRow("other JSON") << QByteArray("{\"ok\":true}") << 200
                                << u"not a Prometheus API answer: no \"status\" field"_s;
    QTest::addRow("bad point") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}})")
                               << 200 << u"malformed Prometheus answer: a sample is not [time, \"value\"]"_s;
    QTest::addRow("string") << QByteArray(R"({"status":"success","data":{"resultType":"string","result":[1,"a"]}})")
                            << 200 << u"malformed Prometheus answer: a string result has no numeric value"_s;
}

void TestPromResponse::notPrometheus()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    const PromResponse r = PromResponseParser::parse(body, status);
    QCOMPARE(r.status, PromResponse::Status::TransportError);
    QCOMPARE(r.error, error);
    QVERIFY(r.series.isEmpty());
}

QTEST_GUILESS_MAIN(TestPromResponse)
#include "tst_promresponse.moc"
