// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicehelpers.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

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
    return send("GET", QStringLiteral("/health"))
        .json()
        .value(QStringLiteral("performance"))
        .toObject()
        .value(QStringLiteral("errorRate"))
        .toDouble(-1);
}

void tst_DemoService::initTestCase()
{
    m_base = startDemoService(
        &m_service, { QStringLiteral("--exit-with-stdin"), QStringLiteral("--seed"), QStringLiteral("42") }, token);
    QVERIFY2(m_base.isValid(), m_service.readAllStandardError().constData());
    QCOMPARE(m_base.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(m_base.port() > 0);
}

void tst_DemoService::init()
{
    QCOMPARE(send("DELETE", QStringLiteral("/admin/faults")).status, 200);
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
    const QStringList health { QStringLiteral("status"), QStringLiteral("timestamp"), QStringLiteral("uptime"),
        QStringLiteral("version"), QStringLiteral("services"), QStringLiteral("performance") };
    QTest::addRow("health") << QStringLiteral("/health") << 200 << health;
    QTest::addRow("seed 003 health") << QStringLiteral("/api/health") << 200 << health;
    QTest::addRow("livez") << QStringLiteral("/livez") << 200
                           << QStringList { QStringLiteral("status"), QStringLiteral("timestamp") };
    QTest::addRow("readyz") << QStringLiteral("/readyz") << 200
                            << QStringList { QStringLiteral("status"), QStringLiteral("checks") };
    QTest::addRow("unknown") << QStringLiteral("/no/such/route") << 404 << QStringList { QStringLiteral("error") };
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
        QVERIFY2(json.contains(key), qPrintable(key + QStringLiteral(" missing in ") + QString::fromUtf8(reply.body)));
    }
}

void tst_DemoService::healthShape()
{
    const QJsonObject json = send("GET", QStringLiteral("/health")).json();
    QVERIFY(QStringList({ QStringLiteral("healthy"), QStringLiteral("degraded") })
                .contains(json.value(QStringLiteral("status")).toString()));
    QVERIFY(QDateTime::fromString(json.value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(json.value(QStringLiteral("uptime")).isDouble());
    QCOMPARE(json.value(QStringLiteral("version")).toString(), QStringLiteral("v2"));
    const QJsonObject services = json.value(QStringLiteral("services")).toObject();
    for (const char *name : { "database", "redis", "kakaoMaps", "stripe" }) {
        const QJsonObject service = services.value(QLatin1String(name)).toObject();
        QCOMPARE(service.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QVERIFY2(service.value(QStringLiteral("responseTime")).toDouble() > 0, name);
    }
    QVERIFY(services.value(QStringLiteral("redis")).toObject().value(QStringLiteral("keyCount")).toDouble() > 0);
    const QJsonObject performance = json.value(QStringLiteral("performance")).toObject();
    QVERIFY(performance.value(QStringLiteral("avgResponseTime")).toDouble() > 0);
    QVERIFY(performance.value(QStringLiteral("requestCount")).toDouble() > 0);
    const double errorRate = performance.value(QStringLiteral("errorRate")).toDouble(-1);
    QVERIFY(errorRate >= 0 && errorRate <= 1);
}

void tst_DemoService::metricsGrammar()
{
    const HttpResult reply = send("GET", QStringLiteral("/metrics"), {}, {});
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.contentType.startsWith("text/plain"));
    QSet<QString> typed;
    QList<double> buckets;
    double count = -1;
    const QStringList lines = QString::fromUtf8(reply.body).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    static const QRegularExpression type(
        QStringLiteral("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)$"));
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
        QVERIFY2(typed.contains(family), qPrintable(QStringLiteral("no # TYPE before ") + line));
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
    const QByteArray before = send("GET", QStringLiteral("/metrics")).body;
    const double requestsBefore = send("GET", QStringLiteral("/health"))
                                      .json()
                                      .value(QStringLiteral("performance"))
                                      .toObject()
                                      .value(QStringLiteral("requestCount"))
                                      .toDouble();
    QTest::qWait(1500);
    const QByteArray after = send("GET", QStringLiteral("/metrics")).body;
    const double requestsAfter = send("GET", QStringLiteral("/health"))
                                     .json()
                                     .value(QStringLiteral("performance"))
                                     .toObject()
                                     .value(QStringLiteral("requestCount"))
                                     .toDouble();
    for (const char *sample : { "http_request_duration_seconds_count", "cache_hits_total" }) {
        const QString name = QLatin1String(sample);
        QVERIFY2(metricValue(after, name) > metricValue(before, name), sample);
    }
    QVERIFY(metricValue(after, QStringLiteral("http_request_duration_seconds_sum"))
        > metricValue(before, QStringLiteral("http_request_duration_seconds_sum")));
    QVERIFY(requestsAfter >= requestsBefore + 10); // about 20 simulated requests per second
}

void tst_DemoService::adminRefusesBadTokens_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    const QList<QPair<QByteArray, QString>> routes {
        { "GET", QStringLiteral("/admin/deployments") },
        { "POST", QStringLiteral("/admin/rollback") },
        { "POST", QStringLiteral("/admin/deploy") },
        { "POST", QStringLiteral("/admin/cache/clear") },
        { "GET", QStringLiteral("/admin/cache-stats") },
        { "POST", QStringLiteral("/api/cache/clear") },
        { "GET", QStringLiteral("/api/cache/stats") },
        { "GET", QStringLiteral("/admin/faults") },
        { "POST", QStringLiteral("/admin/faults") },
        { "DELETE", QStringLiteral("/admin/faults") },
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
    QVERIFY(!reply.json().value(QStringLiteral("error")).toString().isEmpty());
    // Nothing was changed by the refused request.
    const QJsonObject deployments = send("GET", QStringLiteral("/admin/deployments")).json();
    QCOMPARE(deployments.value(QStringLiteral("current")).toString(), QStringLiteral("v2"));
    QCOMPARE(send("GET", QStringLiteral("/admin/faults")).json().value(QStringLiteral("down")).toBool(), false);
}

void tst_DemoService::deployments()
{
    const HttpResult reply = send("GET", QStringLiteral("/admin/deployments"));
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(QStringLiteral("current")).toString(), QStringLiteral("v2"));
    QStringList versions;
    const QJsonArray list = json.value(QStringLiteral("deployments")).toArray();
    for (const QJsonValue &value : list) {
        versions.append(value.toObject().value(QStringLiteral("version")).toString());
        QCOMPARE(value.toObject().value(QStringLiteral("current")).toBool(), versions.last() == QLatin1String("v2"));
    }
    QCOMPARE(versions, QStringList({ QStringLiteral("v1"), QStringLiteral("v2") }));
    QCOMPARE(send("PUT", QStringLiteral("/admin/deployments")).status, 405);
}

void tst_DemoService::invalidFaults_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addRow("negative latency") << QByteArray(R"({"latencyMs": -1})") << QStringLiteral("latencyMs");
    QTest::addRow("latency as text") << QByteArray(R"({"latencyMs": "slow"})") << QStringLiteral("latencyMs");
    QTest::addRow("error rate above 1") << QByteArray(R"({"errorRate": 1.5})") << QStringLiteral("errorRate");
    QTest::addRow("down as text") << QByteArray(R"({"down": "yes"})") << QStringLiteral("down");
    QTest::addRow("fractional slow body") << QByteArray(R"({"slowBodyMs": 1.5})") << QStringLiteral("slowBodyMs");
    QTest::addRow("negative huge body") << QByteArray(R"({"hugeBodyBytes": -5})") << QStringLiteral("hugeBodyBytes");
    QTest::addRow("unknown field") << QByteArray(R"({"latencyMs": 5, "explode": true})") << QStringLiteral("explode");
    QTest::addRow("array") << QByteArray("[1, 2]") << QStringLiteral("body");
    QTest::addRow("broken JSON") << QByteArray("{nope") << QStringLiteral("body");
}

void tst_DemoService::invalidFaults()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const HttpResult reply = send("POST", QStringLiteral("/admin/faults"), body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.json().value(QStringLiteral("error")).toString().startsWith(field + QLatin1Char(':')),
        reply.body.constData());
    // A rejected patch changes nothing, not even its valid fields.
    QCOMPARE(send("GET", QStringLiteral("/admin/faults")).json().value(QStringLiteral("latencyMs")).toInt(), 0);
}

void tst_DemoService::faults_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("minMs");
    QTest::addColumn<int>("minBytes");
    QTest::addRow("latency") << QByteArray(R"({"latencyMs": 400})") << QStringLiteral("/livez") << 200 << 400 << 0;
    QTest::addRow("latency on metrics") << QByteArray(R"({"latencyMs": 300})") << QStringLiteral("/metrics") << 200
                                        << 300 << 0;
    QTest::addRow("down health") << QByteArray(R"({"down": true})") << QStringLiteral("/health") << 503 << 0 << 0;
    QTest::addRow("down readyz") << QByteArray(R"({"down": true})") << QStringLiteral("/readyz") << 503 << 0 << 0;
    QTest::addRow("down livez") << QByteArray(R"({"down": true})") << QStringLiteral("/livez") << 503 << 0 << 0;
    QTest::addRow("down metrics") << QByteArray(R"({"down": true})") << QStringLiteral("/metrics") << 503 << 0 << 0;
    QTest::addRow("slow body") << QByteArray(R"({"slowBodyMs": 800})") << QStringLiteral("/health") << 200 << 800 << 0;
    QTest::addRow("huge body") << QByteArray(R"({"hugeBodyBytes": 300000})") << QStringLiteral("/health") << 200 << 0
                               << 300000;
    QTest::addRow("huge and slow") << QByteArray(R"({"hugeBodyBytes": 200000, "slowBodyMs": 500})")
                                   << QStringLiteral("/health") << 200 << 500 << 200000;
}

void tst_DemoService::faults()
{
    QFETCH(QByteArray, fault);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(int, minMs);
    QFETCH(int, minBytes);
    const HttpResult set = send("POST", QStringLiteral("/admin/faults"), fault);
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
        QCOMPARE(json.value(QStringLiteral("status")).toString() == QLatin1String("unhealthy"), status == 503);
    }
    // The admin API keeps working, so the fault can be cleared.
    QCOMPARE(send("DELETE", QStringLiteral("/admin/faults")).status, 200);
    QCOMPARE(send("GET", path, {}, {}).status, 200);
}

void tst_DemoService::slowBodyIsTrickled()
{
    QCOMPARE(send("POST", QStringLiteral("/admin/faults"), R"({"slowBodyMs": 1200})").status, 200);
    const HttpResult reply = send("GET", QStringLiteral("/health"));
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.elapsedMs >= 1200, qPrintable(QString::number(reply.elapsedMs)));
    // The first bytes come early: the body is trickled, not merely delayed.
    QVERIFY2(reply.firstByteMs >= 0 && reply.firstByteMs < 700, qPrintable(QString::number(reply.firstByteMs)));
    QVERIFY(!reply.json().isEmpty());
}

void tst_DemoService::errorRateFaultFailsEveryRequest()
{
    QCOMPARE(send("POST", QStringLiteral("/admin/faults"), R"({"errorRate": 1.0})").status, 200);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(send("GET", QStringLiteral("/livez"), {}, {}).status, 500);
    }
    // Simulated traffic fails too, and /metrics still answers so the failures can be seen.
    QTRY_VERIFY_WITH_TIMEOUT(send("GET", QStringLiteral("/metrics")).body.contains("status=\"500\"} "), 5000);
    QCOMPARE(send("POST", QStringLiteral("/admin/faults"), R"({"errorRate": null})").status, 200);
    QCOMPARE(send("GET", QStringLiteral("/livez"), {}, {}).status, 200);
}

void tst_DemoService::cacheClear()
{
    const double hitsBefore
        = metricValue(send("GET", QStringLiteral("/metrics")).body, QStringLiteral("cache_hits_total"));
    QVERIFY(hitsBefore > 30);
    const HttpResult reply = send("POST", QStringLiteral("/admin/cache/clear"));
    QCOMPARE(reply.status, 200);
    const int cleared = reply.json().value(QStringLiteral("keysCleared")).toInt();
    QVERIFY(cleared > 1000);
    const double hitsAfter
        = metricValue(send("GET", QStringLiteral("/metrics")).body, QStringLiteral("cache_hits_total"));
    QVERIFY2(hitsAfter >= 0 && hitsAfter < hitsBefore, qPrintable(QString::number(hitsAfter)));
    const int keys = send("GET", QStringLiteral("/health"))
                         .json()
                         .value(QStringLiteral("services"))
                         .toObject()
                         .value(QStringLiteral("redis"))
                         .toObject()
                         .value(QStringLiteral("keyCount"))
                         .toInt();
    QVERIFY(keys < cleared);
    QCOMPARE(send("GET", QStringLiteral("/admin/cache/clear")).status, 405);
}

void tst_DemoService::cacheStatsAndSeedPaths()
{
    QTest::qWait(300); // some simulated traffic
    const QJsonObject stats = send("GET", QStringLiteral("/admin/cache-stats")).json();
    const double hitRate = stats.value(QStringLiteral("hit_rate")).toDouble(-1);
    QVERIFY2(hitRate > 0 && hitRate <= 100, qPrintable(QString::number(hitRate)));
    QVERIFY(stats.value(QStringLiteral("hits")).toDouble() > 0);
    QCOMPARE(send("POST", QStringLiteral("/admin/cache-stats")).status, 405);

    // Seed 003's paths for the same admin actions.
    const HttpResult cleared = send("POST", QStringLiteral("/api/cache/clear"));
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.json().value(QStringLiteral("status")).toString(), QStringLiteral("cleared"));
    const HttpResult after = send("GET", QStringLiteral("/api/cache/stats"));
    QCOMPARE(after.status, 200);
    QVERIFY(after.json().contains(QStringLiteral("hit_rate")));
    QVERIFY(cleared.json().contains(QStringLiteral("keysCleared")));
}

void tst_DemoService::rollback()
{
    QTRY_VERIFY_WITH_TIMEOUT(healthErrorRate() > 0.01, 10000); // v2 runs at about 4 %
    QCOMPARE(send("GET", QStringLiteral("/health")).json().value(QStringLiteral("status")).toString(),
        QStringLiteral("degraded"));

    const HttpResult unknown = send("POST", QStringLiteral("/admin/rollback"), R"({"version": "v9"})");
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.json().value(QStringLiteral("error")).toString().contains(QLatin1String("v9")));
    QCOMPARE(send("POST", QStringLiteral("/admin/rollback"), R"({"release": "v1"})").status, 400);
    QCOMPARE(send("POST", QStringLiteral("/admin/rollback"), R"({"version": "v2"})").status, 409);

    const HttpResult done = send("POST", QStringLiteral("/admin/rollback"), R"({"version": "v1"})");
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json().value(QStringLiteral("previous")).toString(), QStringLiteral("v2"));
    QCOMPARE(done.json().value(QStringLiteral("current")).toString(), QStringLiteral("v1"));
    QCOMPARE(send("GET", QStringLiteral("/admin/deployments")).json().value(QStringLiteral("current")).toString(),
        QStringLiteral("v1"));
    QVERIFY(send("GET", QStringLiteral("/metrics")).body.contains("deployment_info{version=\"v1\"} 1\n"));
    QCOMPARE(send("POST", QStringLiteral("/admin/rollback"), R"({"version": "v1"})").status, 409);

    QTRY_VERIFY_WITH_TIMEOUT(healthErrorRate() < 0.01, 15000);
    const QJsonObject health = send("GET", QStringLiteral("/health")).json();
    QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
    QCOMPARE(health.value(QStringLiteral("version")).toString(), QStringLiteral("v1"));

    QCOMPARE(send("POST", QStringLiteral("/admin/rollback"), R"({"version": "v2"})").status, 200);
}

void tst_DemoService::deployWithAnErrorRate()
{
    QCOMPARE(send("GET", QStringLiteral("/admin/deploy")).status, 405);
    QCOMPARE(send("POST", QStringLiteral("/admin/deploy"), R"({"version": "v9"})").status, 400);
    QCOMPARE(send("POST", QStringLiteral("/admin/deploy"), R"({"version": "v2", "errorRate": 2})").status, 400);
    QCOMPARE(send("POST", QStringLiteral("/admin/deploy"), R"({"version": "v2", "errorRate": "x"})").status, 400);
    const HttpResult unknown = send("POST", QStringLiteral("/admin/deploy"), R"({"version": "v2", "mood": 1})");
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.json().value(QStringLiteral("error")).toString().contains(QLatin1String("mood")));

    // Deploying the current release again is allowed (unlike a rollback) and changes its error rate.
    const HttpResult deployed = send("POST", QStringLiteral("/admin/deploy"), R"({"version": "v2", "errorRate": 0.3})");
    QCOMPARE(deployed.status, 200);
    QCOMPARE(deployed.json().value(QStringLiteral("current")).toString(), QStringLiteral("v2"));
    QCOMPARE(deployed.json().value(QStringLiteral("errorRate")).toDouble(), 0.3);
    // Noisy near any line: the first reading past it is what counts.
    QVERIFY(QTest::qWaitFor([this] { return healthErrorRate() > 0.15; }, 20000));

    // The rate belongs to v2: rolling back leaves it behind, unlike the errorRate fault.
    QCOMPARE(send("POST", QStringLiteral("/admin/rollback"), R"({"version": "v1"})").status, 200);
    QVERIFY(QTest::qWaitFor([this] { return healthErrorRate() < 0.01; }, 20000));

    const HttpResult back = send("POST", QStringLiteral("/admin/deploy"), R"({"version": "v2", "errorRate": 0.04})");
    QCOMPARE(back.status, 200);
    QCOMPARE(back.json().value(QStringLiteral("previous")).toString(), QStringLiteral("v1"));
    QCOMPARE(back.json().value(QStringLiteral("current")).toString(), QStringLiteral("v2"));
}

void tst_DemoService::exitsWhenStdinCloses()
{
    QProcess child;
    QVERIFY(startDemoService(&child, { QStringLiteral("--exit-with-stdin") }, token).isValid());
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
    static const QRegularExpression generated(QStringLiteral("generated admin token: ([0-9a-f]{32,})$"));
    const QRegularExpressionMatch match = generated.match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    const QUrl saved = m_base;
    m_base = base;
    const int withGenerated
        = send("GET", QStringLiteral("/admin/faults"), {}, "Bearer " + match.captured(1).toUtf8()).status;
    const int withTestToken = send("GET", QStringLiteral("/admin/faults")).status;
    m_base = saved;
    child.kill();
    child.waitForFinished();
    QCOMPARE(withGenerated, 200);
    QCOMPARE(withTestToken, 403);
}

void tst_DemoService::rejectsBadPort()
{
    QProcess child;
    child.start(QStringLiteral(OPSDECK_DEMO_SERVICE_PATH), { QStringLiteral("--port"), QStringLiteral("70000") });
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitCode(), 2);
    QVERIFY(child.readAllStandardError().contains("--port"));
}

QTEST_GUILESS_MAIN(tst_DemoService)
#include "tst_demoservice.moc"
