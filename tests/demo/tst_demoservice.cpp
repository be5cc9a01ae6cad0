// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicehelpers.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray token = QByteArrayLiteral("test-token-123");
const QByteArray bearer = "Bearer " + token;

// Each sample line of the text exposition format: name, optional labels, value, optional timestamp.
const QRegularExpression &sampleGrammar()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? ([-+]?(?:[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|Inf|NaN))(?: -?[0-9]+)?$)"));
    return re;
}

} // namespace

class tst_DemoService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void routes_data();
    void routes();
    void healthShape();
    void metricsGrammar();
    void countersIncrease();
    void adminRefusesBadTokens_data();
    void adminRefusesBadTokens();
    void deployments();
    void invalidFaults_data();
    void invalidFaults();
    void faults_data();
    void faults();
    void slowBodyIsTrickled();
    void errorRateFaultFailsEveryRequest();
    void cacheClear();
    void cacheStatsAndSeedPaths();
    void rollback();
    void deployWithAnErrorRate();
    void exitsWhenStdinCloses();
    void generatesTokenWhenNoneGiven();
    void rejectsBadPort();

private:
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QByteArray &authorization = bearer);
    double healthErrorRate();

    QProcess m_service;
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

HttpResult tst_DemoService::send(
    const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &authorization)
{
    return sendRequest(&m_nam, method, m_base.resolved(QUrl(path)), body, authorization);
}

double tst_DemoService::healthErrorRate()
{
    return send("GET", u"/health"_s).json().value(u"performance"_s).toObject().value(u"errorRate"_s).toDouble(-1);
}

void tst_DemoService::initTestCase()
{
    m_base = startDemoService(&m_service, { u"--exit-with-stdin"_s, u"--seed"_s, u"42"_s }, token);
    QVERIFY2(m_base.isValid(), m_service.readAllStandardError().constData());
    QCOMPARE(m_base.host(), u"127.0.0.1"_s);
    QVERIFY(m_base.port() > 0);
}

void tst_DemoService::init()
{
    QCOMPARE(send("DELETE", u"/admin/faults"_s).status, 200);
}

void tst_DemoService::cleanupTestCase()
{
    m_service.closeWriteChannel();
    if (!m_service.waitForFinished(5000)) {
        m_service.kill();
        m_service.waitForFinished();
    }
}

void tst_DemoService::routes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("keys");
    const QStringList health { u"status"_s, u"timestamp"_s, u"uptime"_s, u"version"_s, u"services"_s,
        u"performance"_s };
    QTest::addRow("health") << u"/health"_s << 200 << health;
    QTest::addRow("seed 003 health") << u"/api/health"_s << 200 << health;
    QTest::addRow("livez") << u"/livez"_s << 200 << QStringList { u"status"_s, u"timestamp"_s };
    QTest::addRow("readyz") << u"/readyz"_s << 200 << QStringList { u"status"_s, u"checks"_s };
    QTest::addRow("unknown") << u"/no/such/route"_s << 404 << QStringList { u"error"_s };
}

void tst_DemoService::routes()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QStringList, keys);
    const HttpResult reply = send("GET", path, {}, {});
    QCOMPARE(reply.status, status);
    QVERIFY2(reply.contentType.startsWith("application/json"), reply.contentType.constData());
    const QJsonObject json = reply.json();
    for (const QString &key : std::as_const(keys)) {
        QVERIFY2(json.contains(key), qPrintable(key + u" missing in "_s + QString::fromUtf8(reply.body)));
    }
}

void tst_DemoService::healthShape()
{
    const QJsonObject json = send("GET", u"/health"_s).json();
    QVERIFY(QStringList({ u"healthy"_s, u"degraded"_s }).contains(json.value(u"status"_s).toString()));
    QVERIFY(QDateTime::fromString(json.value(u"timestamp"_s).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(json.value(u"uptime"_s).isDouble());
    QCOMPARE(json.value(u"version"_s).toString(), u"v2"_s);
    const QJsonObject services = json.value(u"services"_s).toObject();
    for (const char *name : { "database", "redis", "kakaoMaps", "stripe" }) {
        const QJsonObject service = services.value(QLatin1String(name)).toObject();
        QCOMPARE(service.value(u"status"_s).toString(), u"healthy"_s);
        QVERIFY2(service.value(u"responseTime"_s).toDouble() > 0, name);
    }
    QVERIFY(services.value(u"redis"_s).toObject().value(u"keyCount"_s).toDouble() > 0);
    const QJsonObject performance = json.value(u"performance"_s).toObject();
    QVERIFY(performance.value(u"avgResponseTime"_s).toDouble() > 0);
    QVERIFY(performance.value(u"requestCount"_s).toDouble() > 0);
    const double errorRate = performance.value(u"errorRate"_s).toDouble(-1);
    QVERIFY(errorRate >= 0 && errorRate <= 1);
}

void tst_DemoService::metricsGrammar()
{
    const HttpResult reply = send("GET", u"/metrics"_s, {}, {});
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.contentType.startsWith("text/plain"));
    QSet<QString> typed;
    QList<double> buckets;
    double count = -1;
    const QStringList lines = QString::fromUtf8(reply.body).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    static const QRegularExpression type(u"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)$"_s);
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("# HELP "))) {
            continue;
        }
        if (const QRegularExpressionMatch m = type.match(line); m.hasMatch()) {
            typed.insert(m.captured(1));
            continue;
        }
        const QRegularExpressionMatch m = sampleGrammar().match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        QString family = m.captured(1);
        for (const char *suffix : { "_bucket", "_sum", "_count" }) {
            if (family.endsWith(QLatin1String(suffix)) && !typed.contains(family)) {
                family.chop(qsizetype(qstrlen(suffix)));
            }
        }
        QVERIFY2(typed.contains(family), qPrintable(u"no # TYPE before "_s + line));
        if (m.captured(1) == QLatin1String("http_request_duration_seconds_bucket")) {
            buckets.append(m.captured(3).toDouble());
        } else if (m.captured(1) == QLatin1String("http_request_duration_seconds_count")) {
            count = m.captured(3).toDouble();
        }
    }
    for (const char *name : { "http_requests_total", "http_request_duration_seconds", "cache_hits_total",
             "cache_misses_total", "process_cpu_usage_percent", "process_memory_usage_percent", "disk_usage_percent",
             "db_connections_active", "db_connections_max", "api_quota_used_percent", "cdn_skin_load_success_total",
             "cdn_skin_load_failure_total", "deployment_info" }) {
        QVERIFY2(typed.contains(QLatin1String(name)), name);
    }
    QCOMPARE(buckets.size(), 12); // 0.005 .. 10 and +Inf
    for (qsizetype i = 1; i < buckets.size(); ++i) {
        QVERIFY2(buckets.at(i) >= buckets.at(i - 1), "histogram buckets must be cumulative");
    }
    QCOMPARE(buckets.last(), count);
    QVERIFY(reply.body.contains("http_request_duration_seconds_bucket{le=\"+Inf\"}"));
    QVERIFY(reply.body.contains("deployment_info{version=\"v2\"} 1\n"));
    QVERIFY(reply.body.contains("http_requests_total{route=\"/health\",status=\"200\"}"));
}

void tst_DemoService::countersIncrease()
{
    const QByteArray before = send("GET", u"/metrics"_s).body;
    const double requestsBefore
        = send("GET", u"/health"_s).json().value(u"performance"_s).toObject().value(u"requestCount"_s).toDouble();
    QTest::qWait(1500);
    const QByteArray after = send("GET", u"/metrics"_s).body;
    const double requestsAfter
        = send("GET", u"/health"_s).json().value(u"performance"_s).toObject().value(u"requestCount"_s).toDouble();
    for (const char *sample : { "http_request_duration_seconds_count", "cache_hits_total" }) {
        const QString name = QLatin1String(sample);
        QVERIFY2(metricValue(after, name) > metricValue(before, name), sample);
    }
    QVERIFY(metricValue(after, u"http_request_duration_seconds_sum"_s)
        > metricValue(before, u"http_request_duration_seconds_sum"_s));
    QVERIFY(requestsAfter >= requestsBefore + 10); // about 20 simulated requests per second
}

void tst_DemoService::adminRefusesBadTokens_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    const QList<QPair<QByteArray, QString>> routes {
        { "GET", u"/admin/deployments"_s },
        { "POST", u"/admin/rollback"_s },
        { "POST", u"/admin/deploy"_s },
        { "POST", u"/admin/cache/clear"_s },
        { "GET", u"/admin/cache-stats"_s },
        { "POST", u"/api/cache/clear"_s },
        { "GET", u"/api/cache/stats"_s },
        { "GET", u"/admin/faults"_s },
        { "POST", u"/admin/faults"_s },
        { "DELETE", u"/admin/faults"_s },
    };
    for (const auto &[method, path] : routes) {
        const QByteArray name = method + ' ' + path.toUtf8();
        QTest::addRow("%s missing", name.constData()) << method << path << QByteArray() << 401;
        QTest::addRow("%s basic", name.constData()) << method << path << QByteArray("Basic dXNlcjpwdw==") << 401;
        QTest::addRow("%s wrong", name.constData()) << method << path << QByteArray("Bearer nope") << 403;
        QTest::addRow("%s prefix", name.constData()) << method << path << QByteArray(bearer.chopped(1)) << 403;
        QTest::addRow("%s longer", name.constData()) << method << path << QByteArray(bearer + "4") << 403;
    }
}

void tst_DemoService::adminRefusesBadTokens()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    const HttpResult reply = send(method, path, QByteArrayLiteral("{\"version\":\"v1\",\"down\":true}"), authorization);
    QCOMPARE(reply.status, status);
    QVERIFY(!reply.json().value(u"error"_s).toString().isEmpty());
    // Nothing was changed by the refused request.
    const QJsonObject deployments = send("GET", u"/admin/deployments"_s).json();
    QCOMPARE(deployments.value(u"current"_s).toString(), u"v2"_s);
    QCOMPARE(send("GET", u"/admin/faults"_s).json().value(u"down"_s).toBool(), false);
}

void tst_DemoService::deployments()
{
    const HttpResult reply = send("GET", u"/admin/deployments"_s);
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(u"current"_s).toString(), u"v2"_s);
    QStringList versions;
    const QJsonArray list = json.value(u"deployments"_s).toArray();
    for (const QJsonValue &value : list) {
        versions.append(value.toObject().value(u"version"_s).toString());
        QCOMPARE(value.toObject().value(u"current"_s).toBool(), versions.last() == QLatin1String("v2"));
    }
    QCOMPARE(versions, QStringList({ u"v1"_s, u"v2"_s }));
    QCOMPARE(send("PUT", u"/admin/deployments"_s).status, 405);
}

void tst_DemoService::invalidFaults_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addRow("negative latency") << QByteArray(R"({"latencyMs": -1})") << u"latencyMs"_s;
    QTest::addRow("latency as text") << QByteArray(R"({"latencyMs": "slow"})") << u"latencyMs"_s;
    QTest::addRow("error rate above 1") << QByteArray(R"({"errorRate": 1.5})") << u"errorRate"_s;
    QTest::addRow("down as text") << QByteArray(R"({"down": "yes"})") << u"down"_s;
    QTest::addRow("fractional slow body") << QByteArray(R"({"slowBodyMs": 1.5})") << u"slowBodyMs"_s;
    QTest::addRow("negative huge body") << QByteArray(R"({"hugeBodyBytes": -5})") << u"hugeBodyBytes"_s;
    QTest::addRow("unknown field") << QByteArray(R"({"latencyMs": 5, "explode": true})") << u"explode"_s;
    QTest::addRow("array") << QByteArray("[1, 2]") << u"body"_s;
    QTest::addRow("broken JSON") << QByteArray("{nope") << u"body"_s;
}

void tst_DemoService::invalidFaults()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const HttpResult reply = send("POST", u"/admin/faults"_s, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.json().value(u"error"_s).toString().startsWith(field + QLatin1Char(':')), reply.body.constData());
    // A rejected patch changes nothing, not even its valid fields.
    QCOMPARE(send("GET", u"/admin/faults"_s).json().value(u"latencyMs"_s).toInt(), 0);
}

void tst_DemoService::faults_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("minMs");
    QTest::addColumn<int>("minBytes");
    QTest::addRow("latency") << QByteArray(R"({"latencyMs": 400})") << u"/livez"_s << 200 << 400 << 0;
    QTest::addRow("latency on metrics") << QByteArray(R"({"latencyMs": 300})") << u"/metrics"_s << 200 << 300 << 0;
    QTest::addRow("down health") << QByteArray(R"({"down": true})") << u"/health"_s << 503 << 0 << 0;
    QTest::addRow("down readyz") << QByteArray(R"({"down": true})") << u"/readyz"_s << 503 << 0 << 0;
    QTest::addRow("down livez") << QByteArray(R"({"down": true})") << u"/livez"_s << 503 << 0 << 0;
    QTest::addRow("down metrics") << QByteArray(R"({"down": true})") << u"/metrics"_s << 503 << 0 << 0;
    QTest::addRow("slow body") << QByteArray(R"({"slowBodyMs": 800})") << u"/health"_s << 200 << 800 << 0;
    QTest::addRow("huge body") << QByteArray(R"({"hugeBodyBytes": 300000})") << u"/health"_s << 200 << 0 << 300000;
    QTest::addRow("huge and slow") << QByteArray(R"({"hugeBodyBytes": 200000, "slowBodyMs": 500})") << u"/health"_s
                                   << 200 << 500 << 200000;
}

void tst_DemoService::faults()
{
    QFETCH(QByteArray, fault);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(int, minMs);
    QFETCH(int, minBytes);
    const HttpResult set = send("POST", u"/admin/faults"_s, fault);
    QCOMPARE(set.status, 200);
    const QJsonObject applied = set.json();
    const QJsonObject wanted = QJsonDocument::fromJson(fault).object();
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        QCOMPARE(applied.value(it.key()), it.value());
    }

    const HttpResult reply = send("GET", path, {}, {});
    QCOMPARE(reply.status, status);
    QVERIFY2(reply.elapsedMs >= minMs, qPrintable(QString::number(reply.elapsedMs)));
    QVERIFY2(reply.body.size() >= minBytes, qPrintable(QString::number(reply.body.size())));
    if (path == QLatin1String("/health")) {
        const QJsonObject json = reply.json();
        QVERIFY2(!json.isEmpty(), "the /health body must stay valid JSON");
        QCOMPARE(json.value(u"status"_s).toString() == QLatin1String("unhealthy"), status == 503);
    }
    // The admin API keeps working, so the fault can be cleared.
    QCOMPARE(send("DELETE", u"/admin/faults"_s).status, 200);
    QCOMPARE(send("GET", path, {}, {}).status, 200);
}

void tst_DemoService::slowBodyIsTrickled()
{
    QCOMPARE(send("POST", u"/admin/faults"_s, R"({"slowBodyMs": 1200})").status, 200);
    const HttpResult reply = send("GET", u"/health"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.elapsedMs >= 1200, qPrintable(QString::number(reply.elapsedMs)));
    // The first bytes come early: the body is trickled, not merely delayed.
    QVERIFY2(reply.firstByteMs >= 0 && reply.firstByteMs < 700, qPrintable(QString::number(reply.firstByteMs)));
    QVERIFY(!reply.json().isEmpty());
}

void tst_DemoService::errorRateFaultFailsEveryRequest()
{
    QCOMPARE(send("POST", u"/admin/faults"_s, R"({"errorRate": 1.0})").status, 200);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(send("GET", u"/livez"_s, {}, {}).status, 500);
    }
    // Simulated traffic fails too, and /metrics still answers so the failures can be seen.
    QTRY_VERIFY_WITH_TIMEOUT(send("GET", u"/metrics"_s).body.contains("status=\"500\"} "), 5000);
    QCOMPARE(send("POST", u"/admin/faults"_s, R"({"errorRate": null})").status, 200);
    QCOMPARE(send("GET", u"/livez"_s, {}, {}).status, 200);
}

void tst_DemoService::cacheClear()
{
    const double hitsBefore = metricValue(send("GET", u"/metrics"_s).body, u"cache_hits_total"_s);
    QVERIFY(hitsBefore > 30);
    const HttpResult reply = send("POST", u"/admin/cache/clear"_s);
    QCOMPARE(reply.status, 200);
    const int cleared = reply.json().value(u"keysCleared"_s).toInt();
    QVERIFY(cleared > 1000);
    const double hitsAfter = metricValue(send("GET", u"/metrics"_s).body, u"cache_hits_total"_s);
    QVERIFY2(hitsAfter >= 0 && hitsAfter < hitsBefore, qPrintable(QString::number(hitsAfter)));
    const int keys = send("GET", u"/health"_s)
                         .json()
                         .value(u"services"_s)
                         .toObject()
                         .value(u"redis"_s)
                         .toObject()
                         .value(u"keyCount"_s)
                         .toInt();
    QVERIFY(keys < cleared);
    QCOMPARE(send("GET", u"/admin/cache/clear"_s).status, 405);
}

void tst_DemoService::cacheStatsAndSeedPaths()
{
    QTest::qWait(300); // some simulated traffic
    const QJsonObject stats = send("GET", u"/admin/cache-stats"_s).json();
    const double hitRate = stats.value(u"hit_rate"_s).toDouble(-1);
    QVERIFY2(hitRate > 0 && hitRate <= 100, qPrintable(QString::number(hitRate)));
    QVERIFY(stats.value(u"hits"_s).toDouble() > 0);
    QCOMPARE(send("POST", u"/admin/cache-stats"_s).status, 405);

    // Seed 003's paths for the same admin actions.
    const HttpResult cleared = send("POST", u"/api/cache/clear"_s);
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.json().value(u"status"_s).toString(), u"cleared"_s);
    const HttpResult after = send("GET", u"/api/cache/stats"_s);
    QCOMPARE(after.status, 200);
    QVERIFY(after.json().contains(u"hit_rate"_s));
    QVERIFY(cleared.json().contains(u"keysCleared"_s));
}

void tst_DemoService::rollback()
{
    QTRY_VERIFY_WITH_TIMEOUT(healthErrorRate() > 0.01, 10000); // v2 runs at about 4 %
    QCOMPARE(send("GET", u"/health"_s).json().value(u"status"_s).toString(), u"degraded"_s);

    const HttpResult unknown = send("POST", u"/admin/rollback"_s, R"({"version": "v9"})");
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.json().value(u"error"_s).toString().contains(QLatin1String("v9")));
    QCOMPARE(send("POST", u"/admin/rollback"_s, R"({"release": "v1"})").status, 400);
    QCOMPARE(send("POST", u"/admin/rollback"_s, R"({"version": "v2"})").status, 409);

    const HttpResult done = send("POST", u"/admin/rollback"_s, R"({"version": "v1"})");
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json().value(u"previous"_s).toString(), u"v2"_s);
    QCOMPARE(done.json().value(u"current"_s).toString(), u"v1"_s);
    QCOMPARE(send("GET", u"/admin/deployments"_s).json().value(u"current"_s).toString(), u"v1"_s);
    QVERIFY(send("GET", u"/metrics"_s).body.contains("deployment_info{version=\"v1\"} 1\n"));
    QCOMPARE(send("POST", u"/admin/rollback"_s, R"({"version": "v1"})").status, 409);

    QTRY_VERIFY_WITH_TIMEOUT(healthErrorRate() < 0.01, 15000);
    const QJsonObject health = send("GET", u"/health"_s).json();
    QCOMPARE(health.value(u"status"_s).toString(), u"healthy"_s);
    QCOMPARE(health.value(u"version"_s).toString(), u"v1"_s);

    QCOMPARE(send("POST", u"/admin/rollback"_s, R"({"version": "v2"})").status, 200);
}

void tst_DemoService::deployWithAnErrorRate()
{
    QCOMPARE(send("GET", u"/admin/deploy"_s).status, 405);
    QCOMPARE(send("POST", u"/admin/deploy"_s, R"({"version": "v9"})").status, 400);
    QCOMPARE(send("POST", u"/admin/deploy"_s, R"({"version": "v2", "errorRate": 2})").status, 400);
    QCOMPARE(send("POST", u"/admin/deploy"_s, R"({"version": "v2", "errorRate": "x"})").status, 400);
    const HttpResult unknown = send("POST", u"/admin/deploy"_s, R"({"version": "v2", "mood": 1})");
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.json().value(u"error"_s).toString().contains(QLatin1String("mood")));

    // Deploying the current release again is allowed (unlike a rollback) and changes its error rate.
    const HttpResult deployed = send("POST", u"/admin/deploy"_s, R"({"version": "v2", "errorRate": 0.3})");
    QCOMPARE(deployed.status, 200);
    QCOMPARE(deployed.json().value(u"current"_s).toString(), u"v2"_s);
    QCOMPARE(deployed.json().value(u"errorRate"_s).toDouble(), 0.3);
    // Noisy near any line: the first reading past it is what counts.
    QVERIFY(QTest::qWaitFor([this] { return healthErrorRate() > 0.15; }, 20000));

    // The rate belongs to v2: rolling back leaves it behind, unlike the errorRate fault.
    QCOMPARE(send("POST", u"/admin/rollback"_s, R"({"version": "v1"})").status, 200);
    QVERIFY(QTest::qWaitFor([this] { return healthErrorRate() < 0.01; }, 20000));

    const HttpResult back = send("POST", u"/admin/deploy"_s, R"({"version": "v2", "errorRate": 0.04})");
    QCOMPARE(back.status, 200);
    QCOMPARE(back.json().value(u"previous"_s).toString(), u"v1"_s);
    QCOMPARE(back.json().value(u"current"_s).toString(), u"v2"_s);
}

void tst_DemoService::exitsWhenStdinCloses()
{
    QProcess child;
    QVERIFY(startDemoService(&child, { u"--exit-with-stdin"_s }, token).isValid());
    QTest::qWait(300);
    QCOMPARE(child.state(), QProcess::Running);
    child.closeWriteChannel();
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
}

void tst_DemoService::generatesTokenWhenNoneGiven()
{
    QProcess child;
    const QUrl base = startDemoService(&child, {}, {});
    QVERIFY(base.isValid());
    child.setReadChannel(QProcess::StandardError);
    QTRY_VERIFY(child.canReadLine());
    const QString line = QString::fromUtf8(child.readLine()).trimmed();
    static const QRegularExpression generated(u"generated admin token: ([0-9a-f]{32,})$"_s);
    const QRegularExpressionMatch match = generated.match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    const QUrl saved = m_base;
    m_base = base;
    const int withGenerated = send("GET", u"/admin/faults"_s, {}, "Bearer " + match.captured(1).toUtf8()).status;
    const int withTestToken = send("GET", u"/admin/faults"_s).status;
    m_base = saved;
    child.kill();
    child.waitForFinished();
    QCOMPARE(withGenerated, 200);
    QCOMPARE(withTestToken, 403);
}

void tst_DemoService::rejectsBadPort()
{
    QProcess child;
    child.start(QStringLiteral(OPSDECK_DEMO_SERVICE_PATH), { u"--port"_s, u"70000"_s });
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitCode(), 2);
    QVERIFY(child.readAllStandardError().contains("--port"));
}

QTEST_GUILESS_MAIN(tst_DemoService)
#include "tst_demoservice.moc"
