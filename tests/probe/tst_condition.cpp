// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/condition.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Verdict = ConditionResult::Verdict;

Q_DECLARE_METATYPE(ConditionInput)
Q_DECLARE_METATYPE(ConditionResult::Verdict)

namespace {

const QDateTime Now(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

const QByteArray HealthBody = R"({"status":"healthy","count":3,"ratio":0.5,"neg":-2,"whole":1.0,"str1":"1",
"version":"1.10","flag":true,"nothing":null,"name":"밋핀","obj":{"a":1,"b":2},"nested":[[1,2],[3]],"empty":[],
"services":{"api":{"status":"UP","responseTime":12},"cache":{"status":"DOWN"}},
"items":[{"id":7,"status":"ok"},{"id":8,"status":"ok"}]})";

ConditionInput response(const QByteArray &body = HealthBody, int status = 200)
{
    ConditionInput in;
    in.status = status;
    in.responseTimeMs = 123.9;
    in.body = body;
    in.ip = u"127.0.0.1"_s;
    in.connected = status != 0;
    in.now = Now;
    return in;
}

ConditionInput withStatus(int status)
{
    return response(HealthBody, status);
}

ConditionInput withTime(double ms)
{
    ConditionInput in = response();
    in.responseTimeMs = ms;
    return in;
}

ConditionInput withCertificate(qint64 msFromNow)
{
    ConditionInput in = response();
    in.certificateExpiry = Now.addMSecs(msFromNow);
    return in;
}

constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Day = 24 * Hour;

} // namespace

class TestCondition final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void parseErrors_data();
    void parseErrors();
    void contextParsesBodyOnce();
    void fromResult();
};

void TestCondition::evaluate_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<ConditionInput>("input");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("error");
    const auto P = Verdict::Pass;
    const auto F = Verdict::Fail;
    const auto E = Verdict::Error;
    const QString none;

    // [STATUS] and every operator
    QTest::addRow("status ==") << u"[STATUS] == 200"_s << response() << P << u"[STATUS] (200) == 200"_s << none;
    QTest::addRow("status == fails") << u"[STATUS] == 200"_s << withStatus(503) << F << u"[STATUS] (503) == 200"_s
                                     << none;
    QTest::addRow("status not connected")
        << u"[STATUS] == 200"_s << withStatus(0) << F << u"[STATUS] (0) == 200"_s << none;
    QTest::addRow("status !=") << u"[STATUS] != 500"_s << response() << P << u"[STATUS] (200) != 500"_s << none;
    QTest::addRow("status != fails") << u"[STATUS] != 200"_s << response() << F << u"[STATUS] (200) != 200"_s << none;
    QTest::addRow("status <") << u"[STATUS] < 300"_s << withStatus(204) << P << u"[STATUS] (204) < 300"_s << none;
    QTest::addRow("status < fails") << u"[STATUS] < 300"_s << withStatus(301) << F << u"[STATUS] (301) < 300"_s << none;
    QTest::addRow("status <=") << u"[STATUS] <= 299"_s << withStatus(299) << P << u"[STATUS] (299) <= 299"_s << none;
    QTest::addRow("status >") << u"[STATUS] > 400"_s << withStatus(400) << F << u"[STATUS] (400) > 400"_s << none;
    QTest::addRow("status >=") << u"[STATUS] >= 500"_s << withStatus(503) << P << u"[STATUS] (503) >= 500"_s << none;
    QTest::addRow("lower-case placeholder")
        << u"[status] == 200"_s << response() << P << u"[STATUS] (200) == 200"_s << none;
    QTest::addRow("literal on the left") << u"200 == [STATUS]"_s << response() << P << u"200 == [STATUS] (200)"_s
                                         << none;
    QTest::addRow("leading zeros") << u"[STATUS] == 0200"_s << response() << P << u"[STATUS] (200) == 0200"_s << none;
    QTest::addRow("not a number with <") << u"[STATUS] < abc"_s << response() << E << u"[STATUS] (200) < abc"_s
                                         << u"\"abc\" is not a number or a duration, so it cannot be compared with <"_s;

    // [RESPONSE_TIME] in whole milliseconds, compared with numbers or durations
    QTest::addRow("time <") << u"[RESPONSE_TIME] < 200"_s << response() << P << u"[RESPONSE_TIME] (123) < 200"_s
                            << none;
    QTest::addRow("time < 1s fails") << u"[RESPONSE_TIME] < 1s"_s << withTime(1500) << F
                                     << u"[RESPONSE_TIME] (1500) < 1s"_s << none;
    QTest::addRow("time <= 1m") << u"[RESPONSE_TIME] <= 1m"_s << withTime(800) << P << u"[RESPONSE_TIME] (800) <= 1m"_s
                                << none;
    QTest::addRow("time truncated") << u"[RESPONSE_TIME] <= 200"_s << withTime(200.7) << P
                                    << u"[RESPONSE_TIME] (200) <= 200"_s << none;

    // raw [BODY]
    QTest::addRow("raw body") << u"[BODY] == OK"_s << response("OK\n") << P << u"[BODY] (OK) == OK"_s << none;
    QTest::addRow("raw body pattern")
        << u"[BODY] == pat(*<h1>Example Domain</h1>*)"_s << response("<html><h1>Example Domain</h1></html>") << P
        << u"[BODY] (<html><h1>Example Domain</h1></html>) == pat(*<h1>Example Domain</h1>*)"_s << none;
    QTest::addRow("raw body clipped") << u"[BODY] == b"_s << response(QByteArray(200, 'a')) << F
                                      << u"[BODY] ("_s + QString(80, u'a') + u"…) == b"_s << none;
    QTest::addRow("raw body on one line")
        << u"[BODY] == x"_s << response("line 1\n  line 2") << F << u"[BODY] (line 1 line 2) == x"_s << none;
    QTest::addRow("has body") << u"has([BODY]) == true"_s << response("x") << P << u"has([BODY]) (true) == true"_s
                              << none;
    QTest::addRow("has empty body") << u"has([BODY]) == false"_s << response(" \n") << P
                                    << u"has([BODY]) (false) == false"_s << none;
    QTest::addRow("len of text body") << u"len([BODY]) == 5"_s << response("hello") << P << u"len([BODY]) (5) == 5"_s
                                      << none;
    QTest::addRow("len of array body") << u"len([BODY]) == 3"_s << response("[1, 2, 3]") << P
                                       << u"len([BODY]) (3) == 3"_s << none;

    // [IP], [CONNECTED]
    QTest::addRow("ip") << u"[IP] == 127.0.0.1"_s << response() << P << u"[IP] (127.0.0.1) == 127.0.0.1"_s << none;
    QTest::addRow("ip pattern fails") << u"[IP] == pat(10.*)"_s << response() << F << u"[IP] (127.0.0.1) == pat(10.*)"_s
                                      << none;
    QTest::addRow("connected") << u"[CONNECTED] == true"_s << response() << P << u"[CONNECTED] (true) == true"_s
                               << none;
    QTest::addRow("not connected") << u"[CONNECTED] == true"_s << withStatus(0) << F << u"[CONNECTED] (false) == true"_s
                                   << none;

    // [CERTIFICATE_EXPIRATION], [DOMAIN_EXPIRATION]
    QTest::addRow("cert in 30 days") << u"[CERTIFICATE_EXPIRATION] > 48h"_s << withCertificate(30 * Day) << P
                                     << u"[CERTIFICATE_EXPIRATION] (30d) > 48h"_s << none;
    QTest::addRow("cert in 1h30m") << u"[CERTIFICATE_EXPIRATION] > 48h"_s << withCertificate(Hour * 3 / 2) << F
                                   << u"[CERTIFICATE_EXPIRATION] (1h30m) > 48h"_s << none;
    QTest::addRow("cert expired") << u"[CERTIFICATE_EXPIRATION] > 48h"_s << withCertificate(-2 * Day) << F
                                  << u"[CERTIFICATE_EXPIRATION] (-2d) > 48h"_s << none;
    QTest::addRow("cert days") << u"[CERTIFICATE_EXPIRATION] > 7d"_s << withCertificate(6 * Day) << F
                               << u"[CERTIFICATE_EXPIRATION] (6d) > 7d"_s << none;
    QTest::addRow("cert combined") << u"[CERTIFICATE_EXPIRATION] >= 1h30m"_s << withCertificate(Hour * 3 / 2) << P
                                   << u"[CERTIFICATE_EXPIRATION] (1h30m) >= 1h30m"_s << none;
    QTest::addRow("cert in ms") << u"[CERTIFICATE_EXPIRATION] > 3600000"_s << withCertificate(2 * Hour) << P
                                << u"[CERTIFICATE_EXPIRATION] (2h) > 3600000"_s << none;
    QTest::addRow("no cert") << u"[CERTIFICATE_EXPIRATION] > 48h"_s << response() << E
                             << u"[CERTIFICATE_EXPIRATION] (invalid) > 48h"_s
                             << u"[CERTIFICATE_EXPIRATION]: the response has no TLS certificate"_s;
    QTest::addRow("has no cert") << u"has([CERTIFICATE_EXPIRATION]) == false"_s << response() << P
                                 << u"has([CERTIFICATE_EXPIRATION]) (false) == false"_s << none;
    QTest::addRow("domain expiration") << u"[DOMAIN_EXPIRATION] > 720h"_s << response() << E
                                       << u"[DOMAIN_EXPIRATION] (invalid) > 720h"_s
                                       << u"[DOMAIN_EXPIRATION] is not supported by OpsDeck"_s;

    // [BODY] JSON paths
    QTest::addRow("path") << u"[BODY].status == healthy"_s << response() << P << u"[BODY].status (healthy) == healthy"_s
                          << none;
    QTest::addRow("path fails") << u"[BODY].status == degraded"_s << response() << F
                                << u"[BODY].status (healthy) == degraded"_s << none;
    QTest::addRow("nested path") << u"[BODY].services.api.status == UP"_s << response() << P
                                 << u"[BODY].services.api.status (UP) == UP"_s << none;
    QTest::addRow("missing key ==") << u"[BODY].services.db.status == UP"_s << response() << F
                                    << u"[BODY].services.db.status (missing) == UP"_s
                                    << u"[BODY].services.db.status: no such key \"db\""_s;
    QTest::addRow("missing key !=") << u"[BODY].error != fatal"_s << response() << P
                                    << u"[BODY].error (missing) != fatal"_s << u"[BODY].error: no such key \"error\""_s;
    QTest::addRow("missing key <") << u"[BODY].latency < 100"_s << response() << E
                                   << u"[BODY].latency (missing) < 100"_s
                                   << u"[BODY].latency: no such key \"latency\""_s;
    QTest::addRow("path through a string")
        << u"[BODY].status.code == 1"_s << response() << E << u"[BODY].status.code (invalid) == 1"_s
        << u"[BODY].status.code: [BODY].status is a string, not an object"_s;
    QTest::addRow("index") << u"[BODY].items[0].id == 7"_s << response() << P << u"[BODY].items[0].id (7) == 7"_s
                           << none;
    QTest::addRow("index fails") << u"[BODY].items[1].id == 7"_s << response() << F << u"[BODY].items[1].id (8) == 7"_s
                                 << none;
    QTest::addRow("index out of range") << u"[BODY].items[5].id == 7"_s << response() << F
                                        << u"[BODY].items[5].id (missing) == 7"_s
                                        << u"[BODY].items[5].id: index 5 is out of range (the array has 2 item(s))"_s;
    QTest::addRow("index into an object")
        << u"[BODY].services[0] == x"_s << response() << E << u"[BODY].services[0] (invalid) == x"_s
        << u"[BODY].services[0]: [BODY].services is an object, not an array"_s;
    QTest::addRow("root array") << u"[BODY][1].id == 2"_s << response(R"([{"id":1},{"id":2}])") << P
                                << u"[BODY][1].id (2) == 2"_s << none;
    QTest::addRow("object as compact JSON") << uR"([BODY][0] == {"id":1})"_s << response(R"([{ "id" : 1 }])") << P
                                            << uR"([BODY][0] ({"id":1}) == {"id":1})"_s << none;
    QTest::addRow("nested arrays") << u"[BODY].nested[0][1] == 2"_s << response() << P
                                   << u"[BODY].nested[0][1] (2) == 2"_s << none;
    QTest::addRow("array as compact JSON") << u"[BODY].nested == [[1,2],[3]]"_s << response() << P
                                           << u"[BODY].nested ([[1,2],[3]]) == [[1,2],[3]]"_s << none;
    QTest::addRow("null value") << u"[BODY].nothing == null"_s << response() << F << u"[BODY].nothing (null) == null"_s
                                << u"[BODY].nothing: the value is null"_s;
    QTest::addRow("path through null") << u"[BODY].nothing.x == 1"_s << response() << F
                                       << u"[BODY].nothing.x (missing) == 1"_s
                                       << u"[BODY].nothing.x: [BODY].nothing is null"_s;
    QTest::addRow("scalar body") << u"[BODY].x == 1"_s << response("42") << E << u"[BODY].x (invalid) == 1"_s
                                 << u"[BODY].x: [BODY] is a number, not an object"_s;
    QTest::addRow("bool") << u"[BODY].flag == true"_s << response() << P << u"[BODY].flag (true) == true"_s << none;
    QTest::addRow("unicode") << u"[BODY].name == 밋핀"_s << response() << P << u"[BODY].name (밋핀) == 밋핀"_s << none;
    QTest::addRow("both sides resolved") << u"[BODY].items[0].id < [BODY].items[1].id"_s << response() << P
                                         << u"[BODY].items[0].id (7) < [BODY].items[1].id (8)"_s << none;

    // numbers and strings
    QTest::addRow("number") << u"[BODY].count == 3"_s << response() << P << u"[BODY].count (3) == 3"_s << none;
    QTest::addRow("number vs float literal")
        << u"[BODY].count == 3.0"_s << response() << P << u"[BODY].count (3) == 3.0"_s << none;
    QTest::addRow("1.0 prints as 1") << u"[BODY].whole == 1"_s << response() << P << u"[BODY].whole (1) == 1"_s << none;
    QTest::addRow("string \"1\" vs 1") << u"[BODY].str1 == 1"_s << response() << P << u"[BODY].str1 (1) == 1"_s << none;
    QTest::addRow("float >") << u"[BODY].ratio > 0"_s << response() << P << u"[BODY].ratio (0.5) > 0"_s << none;
    QTest::addRow("float ==") << u"[BODY].ratio == 0.50"_s << response() << P << u"[BODY].ratio (0.5) == 0.50"_s
                              << none;
    QTest::addRow("float <") << u"[BODY].ratio < 0.4"_s << response() << F << u"[BODY].ratio (0.5) < 0.4"_s << none;
    QTest::addRow("negative <") << u"[BODY].neg < 0"_s << response() << P << u"[BODY].neg (-2) < 0"_s << none;
    QTest::addRow("negative ==") << u"[BODY].neg == -2"_s << response() << P << u"[BODY].neg (-2) == -2"_s << none;
    QTest::addRow("text vs number") << u"[BODY].status == 1"_s << response() << F << u"[BODY].status (healthy) == 1"_s
                                    << none;
    QTest::addRow("text with <") << u"[BODY].status < 5"_s << response() << E << u"[BODY].status (healthy) < 5"_s
                                 << u"[BODY].status is not a number (\"healthy\"), so it cannot be compared with <"_s;
    QTest::addRow("case matters") << u"[BODY].status == HEALTHY"_s << response() << F
                                  << u"[BODY].status (healthy) == HEALTHY"_s << none;

    // len()
    QTest::addRow("len array") << u"len([BODY].items) == 2"_s << response() << P << u"len([BODY].items) (2) == 2"_s
                               << none;
    QTest::addRow("len object") << u"len([BODY].obj) == 2"_s << response() << P << u"len([BODY].obj) (2) == 2"_s
                                << none;
    QTest::addRow("len string") << u"len([BODY].status) == 7"_s << response() << P << u"len([BODY].status) (7) == 7"_s
                                << none;
    QTest::addRow("len unicode string") << u"len([BODY].name) == 2"_s << response() << P
                                        << u"len([BODY].name) (2) == 2"_s << none;
    QTest::addRow("len empty array") << u"len([BODY].empty) > 0"_s << response() << F << u"len([BODY].empty) (0) > 0"_s
                                     << none;
    QTest::addRow("len missing") << u"len([BODY].missing) > 0"_s << response() << E
                                 << u"len([BODY].missing) (missing) > 0"_s
                                 << u"[BODY].missing: no such key \"missing\""_s;
    QTest::addRow("len status") << u"len([STATUS]) == 3"_s << response() << P << u"len([STATUS]) (3) == 3"_s << none;

    // has()
    QTest::addRow("has present") << u"has([BODY].status) == true"_s << response() << P
                                 << u"has([BODY].status) (true) == true"_s << none;
    QTest::addRow("has absent") << u"has([BODY].errors) == false"_s << response() << P
                                << u"has([BODY].errors) (false) == false"_s << none;
    QTest::addRow("has absent fails") << u"has([BODY].errors) == true"_s << response() << F
                                      << u"has([BODY].errors) (false) == true"_s << none;
    QTest::addRow("has null") << u"has([BODY].nothing) == false"_s << response() << P
                              << u"has([BODY].nothing) (false) == false"_s << none;
    QTest::addRow("has index") << u"has([BODY].items[1]) == true"_s << response() << P
                               << u"has([BODY].items[1]) (true) == true"_s << none;
    QTest::addRow("has on HTML") << u"has([BODY].errors) == false"_s << response("<html>502</html>") << E
                                 << u"has([BODY].errors) (invalid) == false"_s
                                 << u"[BODY].errors: the body is not JSON (it starts with \"<html>502</html>\")"_s;

    // pat()
    QTest::addRow("pat *") << u"[BODY].status == pat(heal*)"_s << response() << P
                           << u"[BODY].status (healthy) == pat(heal*)"_s << none;
    QTest::addRow("pat ?") << u"[BODY].status == pat(heal?hy)"_s << response() << P
                           << u"[BODY].status (healthy) == pat(heal?hy)"_s << none;
    QTest::addRow("pat ? is one character")
        << u"[BODY].status == pat(h?y)"_s << response() << F << u"[BODY].status (healthy) == pat(h?y)"_s << none;
    QTest::addRow("pat !=") << u"[BODY].status != pat(*down*)"_s << response() << P
                            << u"[BODY].status (healthy) != pat(*down*)"_s << none;
    QTest::addRow("pat on the left") << u"pat(U*) == [BODY].services.api.status"_s << response() << P
                                     << u"pat(U*) == [BODY].services.api.status (UP)"_s << none;
    QTest::addRow("pat escaped *") << u"[BODY] == pat(a\\*b)"_s << response("a*b") << P
                                   << u"[BODY] (a*b) == pat(a\\*b)"_s << none;
    QTest::addRow("pat escaped * literal")
        << u"[BODY] == pat(a\\*b)"_s << response("axb") << F << u"[BODY] (axb) == pat(a\\*b)"_s << none;
    QTest::addRow("pat many stars") << u"[BODY] == pat(*a*b*c*)"_s << response(QByteArray(5000, 'a') + "bc") << P
                                    << u"[BODY] ("_s + QString(80, u'a') + u"…) == pat(*a*b*c*)"_s << none;
    QTest::addRow("pat missing") << u"[BODY].gone == pat(*)"_s << response() << F
                                 << u"[BODY].gone (missing) == pat(*)"_s << u"[BODY].gone: no such key \"gone\""_s;

    // any()
    QTest::addRow("any") << u"[STATUS] == any(200, 204, 429)"_s << withStatus(429) << P
                         << u"[STATUS] (429) == any(200, 204, 429)"_s << none;
    QTest::addRow("any fails") << u"[STATUS] == any(200, 204, 429)"_s << withStatus(500) << F
                               << u"[STATUS] (500) == any(200, 204, 429)"_s << none;
    QTest::addRow("any !=") << u"[STATUS] != any(500, 503)"_s << response() << P << u"[STATUS] (200) != any(500, 503)"_s
                            << none;
    QTest::addRow("any text") << u"[BODY].status == any(ok,healthy)"_s << response() << P
                              << u"[BODY].status (healthy) == any(ok,healthy)"_s << none;

    // [*]: every element must hold
    QTest::addRow("wildcard") << u"[BODY].items[*].status == ok"_s << response() << P
                              << u"[BODY].items[*].status == ok (2 element(s))"_s << none;
    QTest::addRow("wildcard fails") << u"[BODY].items[*].id == 7"_s << response() << F
                                    << u"[BODY].items[1].id (8) == 7"_s << none;
    QTest::addRow("wildcard empty") << u"[BODY].empty[*].id == 1"_s << response() << F
                                    << u"[BODY].empty[*].id == 1 (no elements)"_s << u"the array is empty"_s;
    QTest::addRow("wildcard missing") << u"[BODY].gone[*].id == 1"_s << response() << F
                                      << u"[BODY].gone[*].id == 1 (no elements)"_s
                                      << u"[BODY].gone[*].id: no such key \"gone\""_s;

    // bodies that are not JSON
    QTest::addRow("HTML 502")
        << u"[BODY].status == UP"_s << response("<html><h1>502 Bad Gateway</h1></html>", 502) << E
        << u"[BODY].status (invalid) == UP"_s
        << u"[BODY].status: the body is not JSON (it starts with \"<html><h1>502 Bad Gateway</h1></…\")"_s;
    QTest::addRow("malformed JSON") << u"[BODY].status == UP"_s << response(R"({"status": "UP",)") << E
                                    << u"[BODY].status (invalid) == UP"_s
                                    << u"[BODY].status: the body is not JSON (unterminated object at byte 16)"_s;
    QTest::addRow("two JSON values") << u"[BODY].a == 1"_s << response(R"({"a":1} {"a":2})") << E
                                     << u"[BODY].a (invalid) == 1"_s
                                     << u"[BODY].a: the body is not JSON (missing value separator at byte 9)"_s;
    QTest::addRow("empty body") << u"[BODY].status == UP"_s << response("") << E << u"[BODY].status (invalid) == UP"_s
                                << u"[BODY].status: the body is empty, not JSON"_s;
    QTest::addRow("deep nesting") << u"[BODY][0] == 1"_s << response(QByteArray(100000, '[')) << E
                                  << u"[BODY][0] (invalid) == 1"_s
                                  << u"[BODY][0]: the body is not JSON (too deeply nested document at byte 1024)"_s;

    // white space
    QTest::addRow("spaces around") << u"  [STATUS] == 200  "_s << response() << P << u"[STATUS] (200) == 200"_s << none;
    QTest::addRow("no spaces") << u"[STATUS]==200"_s << response() << P << u"[STATUS] (200) == 200"_s << none;
    QTest::addRow("tabs") << u"[STATUS]\t==\t200"_s << response() << P << u"[STATUS] (200) == 200"_s << none;
    QTest::addRow("many spaces") << u"[STATUS]   <    300"_s << response() << P << u"[STATUS] (200) < 300"_s << none;
    QTest::addRow("spaces inside len") << u"len( [BODY].items ) == 2"_s << response() << P
                                       << u"len([BODY].items) (2) == 2"_s << none;
    QTest::addRow("spaces in a literal") << u"[BODY] == Example Domain"_s << response("Example Domain") << P
                                         << u"[BODY] (Example Domain) == Example Domain"_s << none;
}

void TestCondition::evaluate()
{
    QFETCH(QString, condition);
    QFETCH(ConditionInput, input);
    QFETCH(Verdict, verdict);
    QFETCH(QString, actual);
    QFETCH(QString, error);
    QString parseError;
    const auto parsed = Condition::parse(condition, &parseError);
    QVERIFY2(parsed, qPrintable(parseError));
    QVERIFY(parseError.isEmpty());
    const ConditionResult result = parsed->evaluate(input);
    QCOMPARE(result.condition, condition.trimmed());
    QCOMPARE(result.actual, actual);
    QCOMPARE(result.error, error);
    QCOMPARE(result.verdict, verdict);
}

void TestCondition::parseErrors_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("error");
    QTest::addColumn<qsizetype>("column");
    const QString operators = u"(==, !=, <, <=, >, >= with a space on each side)"_s;
    QTest::addRow("empty") << QString()
                           << u"column 1: the condition is empty; expected a comparison such as \"[STATUS] == 200\""_s
                           << qsizetype(1);
    QTest::addRow("blank") << u"   "_s
                           << u"column 1: the condition is empty; expected a comparison such as \"[STATUS] == 200\""_s
                           << qsizetype(1);
    QTest::addRow("no operator") << u"[STATUS]"_s
                                 << u"column 9: expected an operator (==, !=, <, <=, >, >=) after \"[STATUS]\""_s
                                 << qsizetype(9);
    QTest::addRow("single =") << u"[STATUS] = 200"_s
                              << u"column 10: expected an operator (==, !=, <, <=, >, >=) after \"[STATUS]\""_s
                              << qsizetype(10);
    QTest::addRow("no value") << u"[STATUS] == "_s << u"column 12: expected a value after \"==\""_s << qsizetype(12);
    QTest::addRow("words") << u"status is 200"_s
                           << u"column 1: expected a comparison such as \"[STATUS] == 200\" "_s + operators
                           << qsizetype(1);
    QTest::addRow("literal without spaces")
        << u"200==[STATUS]"_s << u"column 1: expected a comparison such as \"[STATUS] == 200\" "_s + operators
        << qsizetype(1);
    QTest::addRow("unknown placeholder")
        << u"[STAUTS] == 200"_s
        << u"column 1: unknown placeholder \"[STAUTS]\"; expected [STATUS], [RESPONSE_TIME], [BODY], [IP], "
           "[CONNECTED], [CERTIFICATE_EXPIRATION] or [DNS_RCODE]"_s
        << qsizetype(1);
    QTest::addRow("unknown placeholder on the right")
        << u"200 == [CODE]"_s
        << u"column 8: unknown placeholder \"[CODE]\"; expected [STATUS], [RESPONSE_TIME], [BODY], [IP], "
           "[CONNECTED], [CERTIFICATE_EXPIRATION] or [DNS_RCODE]"_s
        << qsizetype(8);
    QTest::addRow("path without dot") << u"[BODY]status == x"_s << u"column 7: expected \".\" or \"[\" in the path"_s
                                      << qsizetype(7);
    QTest::addRow("empty key") << u"[BODY]..a == 1"_s << u"column 8: expected a key after \".\""_s << qsizetype(8);
    QTest::addRow("bad index") << u"[BODY].items[x] == 1"_s
                               << u"column 14: expected an array index (0, 1, ...) or * inside [ ]"_s << qsizetype(14);
    QTest::addRow("negative index") << u"[BODY].items[-1] == 1"_s
                                    << u"column 14: expected an array index (0, 1, ...) or * inside [ ]"_s
                                    << qsizetype(14);
    QTest::addRow("unclosed index") << u"[BODY].items[0 == 1"_s << u"column 13: expected \"]\" to close this \"[\""_s
                                    << qsizetype(13);
    QTest::addRow("path on status") << u"[STATUS].code == 1"_s << u"column 9: only [BODY] can be followed by a path"_s
                                    << qsizetype(9);
    QTest::addRow("space in path") << u"[BODY].a b == 1"_s
                                   << u"column 10: expected an operator (==, !=, <, <=, >, >=) after \"[BODY].a\""_s
                                   << qsizetype(10);
    QTest::addRow("unclosed len") << u"len([BODY].items > 0"_s << u"column 1: missing \")\" to close \"len(\""_s
                                  << qsizetype(1);
    QTest::addRow("len of a literal") << u"len(abc) > 0"_s
                                      << u"column 5: len() expects a placeholder such as [BODY].items"_s
                                      << qsizetype(5);
    QTest::addRow("unclosed pat") << u"[BODY] == pat(*x*"_s << u"column 11: missing \")\" to close \"pat(\""_s
                                  << qsizetype(11);
    QTest::addRow("pat with <") << u"[BODY] < pat(*x*)"_s << u"column 10: pat() can only be used with == or !="_s
                                << qsizetype(10);
    QTest::addRow("any with >") << u"[STATUS] > any(1, 2)"_s << u"column 12: any() can only be used with == or !="_s
                                << qsizetype(12);
    QTest::addRow("pat vs any") << u"pat(a*) == any(b)"_s
                                << u"column 12: pat() and any() cannot be compared with each other"_s << qsizetype(12);
    QTest::addRow("empty any") << u"[STATUS] == any( )"_s << u"column 17: any() needs at least one value"_s
                               << qsizetype(17);
    QTest::addRow("two wildcards in a path")
        << u"[BODY].a[*].b[*] == 1"_s << u"column 15: only one [*] is allowed in a path"_s << qsizetype(15);
    QTest::addRow("wildcards on both sides")
        << u"[BODY].a[*] == [BODY].b[*]"_s << u"column 16: only one side of a condition can use [*]"_s << qsizetype(16);
    QTest::addRow("too long a path") << u"[BODY]"_s + u".a"_s.repeated(65) + u" == 1"_s
                                     << u"column 135: the path has more than 64 steps"_s << qsizetype(135);
}

void TestCondition::parseErrors()
{
    QFETCH(QString, condition);
    QFETCH(QString, error);
    QFETCH(qsizetype, column);
    QString actual;
    qsizetype actualColumn = 0;
    QVERIFY(!Condition::parse(condition, &actual, &actualColumn).has_value());
    QCOMPARE(actual, error);
    QCOMPARE(actualColumn, column);
    QVERIFY(!Condition::parse(condition, nullptr).has_value()); // no error pointer is fine too
}

void TestCondition::contextParsesBodyOnce()
{
    const auto status = Condition::parse(u"[STATUS] == 200"_s, nullptr);
    const auto healthy = Condition::parse(u"[BODY].status == healthy"_s, nullptr);
    const auto count = Condition::parse(u"len([BODY].items) == 2"_s, nullptr);
    QVERIFY(status && healthy && count);
    QVERIFY(!status->readsBody());
    QVERIFY(healthy->readsBody());

    ConditionContext context(response());
    QCOMPARE(status->evaluate(context).verdict, Verdict::Pass);
    QVERIFY(!context.isBodyParsed()); // lazily: a check without [BODY] never parses
    QCOMPARE(healthy->evaluate(context).verdict, Verdict::Pass);
    QVERIFY(context.isBodyParsed());
    const QJsonValue *first = context.json(nullptr);
    QCOMPARE(count->evaluate(context).verdict, Verdict::Pass);
    QCOMPARE(context.json(nullptr), first); // the same parsed value, not a second parse

    ConditionContext broken(response("not json"));
    QString error;
    QVERIFY(!broken.json(&error));
    QCOMPARE(error, u"the body is not JSON (illegal value at byte 2)"_s);
    QCOMPARE(healthy->evaluate(broken).verdict, Verdict::Error);
}

void TestCondition::fromResult()
{
    ProbeResult r;
    r.httpStatus = 503;
    r.totalMs = 42.5;
    r.body = "{}";
    r.ip = u"::1"_s;
    r.connected = true;
    r.certificateExpiry = Now.addDays(3);
    const ConditionInput in = ConditionInput::fromResult(r, Now);
    QCOMPARE(in.status, 503);
    QCOMPARE(in.responseTimeMs, 42.5);
    QCOMPARE(in.body, QByteArray("{}"));
    QCOMPARE(in.ip, u"::1"_s);
    QVERIFY(in.connected);
    QVERIFY(in.certificateExpiry);
    QCOMPARE(*in.certificateExpiry, Now.addDays(3));
    QCOMPARE(in.now, Now);
    const auto cert = Condition::parse(u"[CERTIFICATE_EXPIRATION] > 48h"_s, nullptr);
    QVERIFY(cert);
    QCOMPARE(cert->evaluate(in).actual, u"[CERTIFICATE_EXPIRATION] (3d) > 48h"_s);
}

QTEST_GUILESS_MAIN(TestCondition)
#include "tst_condition.moc"
