// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/promresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

namespace {

// "{k=v,...} ms:value ms:value" per series, one line each.
QString dump(const PromResponse &r)
{
    QStringList lines;
    for (const PromSeries &s : r.series) {
        QStringList labels;
        for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it) {
            labels.append(it.key() + u'=' + it.value());
        }
        QString line = u'{' + labels.join(u',') + u'}';
        for (const QPointF &p : s.points) {
            line += u' ' + QString::number(p.x(), 'g', 17) + u':' + QString::number(p.y(), 'g', 17);
        }
        lines.append(line);
    }
    return lines.join(u'\n');
}

const QByteArray matrixStart = R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[)";

} // namespace

using namespace Qt::StringLiterals;

class TestPromResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vector();
    void matrixWithSpecialValues();
    void scalar();
    void apiError();
    void apiErrorWithoutMessage_data();
    void apiErrorWithoutMessage();
    void notPrometheus_data();
    void notPrometheus();
    void parses_data();
    void parses();
    void malformed_data();
    void malformed();
    void apiErrorFieldsInAnyOrder();
    void matchesQJsonDocument();
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

// Found by the prom_response fuzzer: an answer that is not a success but gives no error said nothing at all.
void TestPromResponse::apiErrorWithoutMessage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::addRow("error without text") << QByteArray(R"({"status":"error"})")
                                        << u"the answer's status is \"error\" and it gives no error"_s;
    QTest::addRow("unknown status") << QByteArray(R"({"status":"s.uccess","data":{"resultType":"vector"}})")
                                    << u"the answer's status is \"s.uccess\" and it gives no error"_s;
}

void TestPromResponse::apiErrorWithoutMessage()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const PromResponse r = PromResponseParser::parse(body, 200);
    QCOMPARE(r.status, PromResponse::Status::ApiError);
    QCOMPARE(r.errorText(), error);
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
                               << 200 << u"malformed Prometheus answer at byte 84: a sample is not [time, \"value\"]"_s;
    QTest::addRow("string") << QByteArray(R"({"status":"success","data":{"resultType":"string","result":[1,"a"]}})")
                            << 200 << u"malformed Prometheus answer at byte 59: a string result has no numeric value"_s;
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

void TestPromResponse::parses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("resultType");
    QTest::addColumn<QString>("series");
    QTest::addColumn<QStringList>("warnings");
    const auto vector = [](const QByteArray &metric, const QByteArray &value = R"([1,"2"])") -> QByteArray {
        return R"({"status":"success","data":{"resultType":"vector","result":[{"metric":)" + metric + R"(,"value":)"
            + value + "}]}}";
    };
    QTest::addRow("escapes in a label value") << vector(R"({"path":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00"})") << u"vector"_s
                                              << u"{path=a\"b\\c/d\n\té😀} 1000:2"_s << QStringList();
    QTest::addRow("unicode as UTF-8") << vector(R"({"지역":"서울","job":"api"})") << u"vector"_s
                                      << u"{job=api,지역=서울} 1000:2"_s << QStringList();
    QTest::addRow("escaped key") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[)"
                                               R"({"\u006detric":{"a":"b"},"value":[1,"1"]}]}})")
                                 << u"vector"_s << u"{a=b} 1000:1"_s << QStringList();
    QTest::addRow("metric null") << vector("null") << u"vector"_s << u"{} 1000:2"_s << QStringList();
    QTest::addRow("label value not a string")
        << vector(R"({"n":5,"m":"x"})") << u"vector"_s << u"{m=x,n=} 1000:2"_s << QStringList();
    QTest::addRow("empty matrix") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[]}})")
                                  << u"matrix"_s << QString() << QStringList();
    QTest::addRow("vector without result") << QByteArray(R"({"status":"success","data":{"resultType":"vector"}})")
                                           << u"vector"_s << QString() << QStringList();
    QTest::addRow("warnings before status")
        << QByteArray(R"({"warnings":["w1","w \"2\""],"status":"success","data":{"resultType":"matrix","result":[]}})")
        << u"matrix"_s << QString() << QStringList { u"w1"_s, u"w \"2\""_s };
    QTest::addRow("data before status") << QByteArray(
        R"({"data":{"resultType":"vector","result":[{"metric":{},"value":[1,"3"]}]},"status":"success"})")
                                        << u"vector"_s << u"{} 1000:3"_s << QStringList();
    QTest::addRow("result before resultType")
        << QByteArray(R"({"status":"success","data":{"result":[{"metric":{"a":"1"},"values":[[1,"5"],[2,"6"]]}],)"
                      R"("resultType":"matrix"}})")
        << u"matrix"_s << u"{a=1} 1000:5 2000:6"_s << QStringList();
    QTest::addRow("unknown fields skipped")
        << QByteArray(R"({"status":"success","infos":["i"],"data":{"resultType":"matrix","stats":{"timings":)"
                      R"({"evalTotalTime":0.1,"x":[true,false,null,-1.5e3,{}]}},"result":[{"metric":{"a":"1"},)"
                      R"("histograms":[[1,{"count":"2","buckets":[[0,"1","2","3"]]}]],"values":[[3,"7"]]}]}})")
        << u"matrix"_s << u"{a=1} 3000:7"_s << QStringList();
    QTest::addRow("white space everywhere")
        << QByteArray("{\n  \"status\" : \"success\" ,\r\n\t\"data\": { \"resultType\": \"matrix\", \"result\": [ {"
                      "\"metric\" : { \"a\" : \"1\" } , \"values\" : [ [ 1 , \"2\" ] , [2,\"3\"] ] } ] } }\n")
        << u"matrix"_s << u"{a=1} 1000:2 2000:3"_s << QStringList();
    QTest::addRow("timestamps") << QByteArray(matrixStart
        + R"([1700000000,"1"],[1700000000.5,"2"],[1.7e9,"3"],)"
          R"([-1,"4"]]}]}})") << u"matrix"_s
                                << u"{} 1700000000000:1 1700000000500:2 1700000000000:3 -1000:4"_s << QStringList();
    QTest::addRow("values") << QByteArray(matrixStart
        + R"([1,"NaN"],[2,"+Inf"],[3,"-Inf"],[4,"Inf"],[5,"nan"],)"
          R"([6,"1e-3"],[7,"-0.5"],[8,"0"]]}]}})")
                            << u"matrix"_s
                            << u"{} 1000:nan 2000:inf 3000:-inf 4000:inf 5000:nan 6000:0.001 7000:-0.5 8000:0"_s
                            << QStringList();
    QTest::addRow("two series") << QByteArray(
        R"({"status":"success","data":{"resultType":"matrix","result":[)"
        R"({"metric":{"s":"a"},"values":[[1,"1"]]},{"metric":{"s":"b"},"values":[]}]}})")
                                << u"matrix"_s << u"{s=a} 1000:1\n{s=b}"_s << QStringList();
}

void TestPromResponse::parses()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, resultType);
    QFETCH(QString, series);
    QFETCH(QStringList, warnings);
    const PromResponse r = PromResponseParser::parse(body, 200);
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    QCOMPARE(r.resultType, resultType);
    QCOMPARE(dump(r), series);
    QCOMPARE(r.warnings, warnings);
}

void TestPromResponse::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error"); // %1 = the offset
    QTest::addColumn<QByteArray>("anchor"); // the offset is where this starts (plus delta), or the body's end
    QTest::addColumn<int>("delta");
    const QString json = u"not a Prometheus API answer: "_s;
    const QString shape = u"malformed Prometheus answer at byte %1: "_s;
    const QString pointShape = shape + u"a point is not [time, \"value\"]"_s;
    const QByteArray vectorStart = R"({"status":"success","data":{"resultType":"vector","result":[{"metric":)";
    QTest::addRow("truncated after a point")
        << QByteArray(matrixStart + R"([1,"1"],[2,)") << 200
        << QString(json + u"expected the rest of the answer at byte %1, found the end of the body"_s) << QByteArray()
        << 0;
    QTest::addRow("truncated in a value")
        << QByteArray(matrixStart + R"([1,"0.2)") << 200
        << QString(json + u"a string that starts at byte %1 is not closed"_s) << QByteArray(R"("0.2)") << 0;
    QTest::addRow("truncated in a label")
        << QByteArray(vectorStart + R"({"job":"de)") << 200
        << QString(json + u"a string that starts at byte %1 is not closed"_s) << QByteArray(R"("de)") << 0;
    QTest::addRow("root not closed") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]})")
                                     << 200 << QString(json + u"expected '}' at byte %1, found the end of the body"_s)
                                     << QByteArray() << 0;
    QTest::addRow("not JSON") << QByteArray("<html>oops</html>") << 200
                              << QString(json + u"expected '{' at byte %1, found '<'"_s) << QByteArray("<") << 0;
    QTest::addRow("text after the answer")
        << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}} x)") << 200
        << QString(json + u"unexpected text after the answer at byte %1"_s) << QByteArray(" x") << 1;
    QTest::addRow("bad escape") << QByteArray(vectorStart + R"({"job":"a\qb"},"value":[1,"1"]}]}})") << 200
                                << QString(json + u"invalid escape at byte %1"_s) << QByteArray(R"(\q)") << 0;
    QTest::addRow("bad \\u") << QByteArray(vectorStart + R"({"job":"a\u12G4"},"value":[1,"1"]}]}})") << 200
                             << QString(json + u"expected four hex digits after \\u at byte %1"_s) << QByteArray("12G4")
                             << 0;
    QTest::addRow("invalid UTF-8") << QByteArray(vectorStart + "{\"job\":\"\xff\"},\"value\":[1,\"1\"]}]}}") << 200
                                   << QString(json + u"the string at byte %1 is not valid UTF-8"_s)
                                   << QByteArray("\"\xff") << 0;
    QTest::addRow("raw control character")
        << QByteArray(vectorStart + "{\"job\":\"a\nb\"},\"value\":[1,\"1\"]}]}}") << 200
        << QString(json + u"expected an escaped control character at byte %1, found byte 0x0a"_s) << QByteArray("\n")
        << 0;
    QTest::addRow("value not a number") << QByteArray(matrixStart + R"([1,"abc"]]}]}})") << 200 << pointShape
                                        << QByteArray(R"("abc)") << 0;
    QTest::addRow("three elements") << QByteArray(matrixStart + R"([1,"2",3]]}]}})") << 200 << pointShape
                                    << QByteArray(",3]") << 0;
    QTest::addRow("time as a string") << QByteArray(matrixStart + R"(["1","2"]]}]}})") << 200 << pointShape
                                      << QByteArray(R"(["1")") << 1;
    QTest::addRow("malformed number") << QByteArray(matrixStart + R"([1.2.3,"2"]]}]}})") << 200
                                      << QString(json + u"expected a number at byte %1, found '1'"_s)
                                      << QByteArray("1.2.3") << 0;
    QTest::addRow("result not a list") << QByteArray(
        R"({"status":"success","data":{"resultType":"matrix","result":{}}})")
                                       << 200 << QString(shape + u"the result is not a list"_s) << QByteArray("{}}}")
                                       << 0;
    QTest::addRow("series not an object")
        << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[1]}})") << 200
        << QString(shape + u"a series is not an object"_s) << QByteArray("[1]") << 1;
    QTest::addRow("sample without value")
        << QByteArray(vectorStart + "{}}]}}") << 200 << QString(shape + u"a sample is not [time, \"value\"]"_s)
        << QByteArray("{}}]") << 3;
    QTest::addRow("unknown resultType") << QByteArray(
        R"({"status":"success","data":{"resultType":"histogram","result":[]}})")
                                        << 200 << QString(shape + u"unknown resultType \"histogram\""_s)
                                        << QByteArray("[]") << 0;
    QTest::addRow("scalar without result")
        << QByteArray(R"({"status":"success","data":{"resultType":"scalar"}})") << 200
        << QString(shape + u"a scalar is not [time, \"value\"]"_s) << QByteArray(R"({"resultType)") << 0;
    QTest::addRow("nested too deep") << QByteArray(
        R"({"status":"success","x":)" + QByteArray(300, '[') + QByteArray(300, ']') + "}")
                                     << 200 << QString(json + u"values are nested more than 256 deep at byte %1"_s)
                                     << QByteArray("[[") << 257;
    QTest::addRow("HTTP error, not JSON")
        << QByteArray("upstream timed out") << 504 << u"HTTP 504 and no Prometheus API answer in the body"_s
        << QByteArray() << 0;
}

void TestPromResponse::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QByteArray, anchor);
    QFETCH(int, delta);
    const qsizetype offset = anchor.isEmpty() ? body.size() : body.indexOf(anchor) + delta;
    const PromResponse r = PromResponseParser::parse(body, status);
    QCOMPARE(r.status, PromResponse::Status::TransportError);
    QCOMPARE(r.error, error.contains(u"%1"_s) ? error.arg(offset) : error);
    QCOMPARE(r.httpStatus, status);
    QVERIFY(r.series.isEmpty());
}

void TestPromResponse::apiErrorFieldsInAnyOrder()
{
    const PromResponse r = PromResponseParser::parse(R"({"errorType":"execution","error":"query timed out",)"
                                                     R"("data":{"resultType":"matrix","result":"garbage"},)"
                                                     R"("status":"error","warnings":["partial"]})",
        422);
    QCOMPARE(r.status, PromResponse::Status::ApiError);
    QCOMPARE(r.errorText(), u"execution: query timed out"_s);
    QCOMPARE(r.warnings, QStringList { u"partial"_s });
    QCOMPARE(r.httpStatus, 422);
    QVERIFY(r.series.isEmpty());
}

// Same numbers, to the bit, as QJsonDocument and QString::toDouble give for the same body.
void TestPromResponse::matchesQJsonDocument()
{
    QRandomGenerator random(42);
    QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    for (int s = 0; s < 3; ++s) {
        body += (s ? "," : "") + QByteArray(R"({"metric":{"s":")") + QByteArray::number(s) + R"("},"values":[)";
        for (int i = 0; i < 500; ++i) {
            const double t = 1700000000.0 + i * 0.137 + s;
            const double v = (random.generateDouble() - 0.5) * std::pow(10.0, random.bounded(-12, 12));
            const char format = "gef"[i % 3];
            body += (i ? "," : "") + QByteArray("[") + QByteArray::number(t, i % 2 ? 'g' : 'f', 13) + ",\""
                + QByteArray::number(v, format, format == 'f' ? 20 : 17) + "\"]";
        }
        body += "]}";
    }
    body += "]}}";
    const PromResponse r = PromResponseParser::parse(body, 200);
    QVERIFY2(r.ok(), qPrintable(r.errorText()));
    const QJsonArray result = QJsonDocument::fromJson(body).object()[u"data"_s].toObject()[u"result"_s].toArray();
    QCOMPARE(r.series.size(), result.size());
    for (qsizetype s = 0; s < result.size(); ++s) {
        const QJsonArray values = result[s].toObject()[u"values"_s].toArray();
        QCOMPARE(r.series[s].points.size(), values.size());
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QPointF expected(
                values[i].toArray()[0].toDouble() * 1000.0, values[i].toArray()[1].toString().toDouble());
            const QPointF actual = r.series[s].points[i];
            QVERIFY2(actual.x() == expected.x() && actual.y() == expected.y(),
                qPrintable(u"series %1 point %2: %3 %4, expected %5 %6"_s.arg(s)
                               .arg(i)
                               .arg(actual.x(), 0, 'g', 17)
                               .arg(actual.y(), 0, 'g', 17)
                               .arg(expected.x(), 0, 'g', 17)
                               .arg(expected.y(), 0, 'g', 17)));
        }
    }
}

QTEST_GUILESS_MAIN(TestPromResponse)
#include "tst_promresponse.moc"
