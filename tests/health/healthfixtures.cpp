// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthfixtures.h"

#include "workspace/workspaceloader.h"

#include <QFile>
#include <QTest>

namespace HealthFixtures {

Workspace workspace()
{
    const QString path = QFINDTESTDATA("data/health.yaml");
    const LoadResult loaded = WorkspaceLoader::loadFile(path);
    if (!loaded.ok()) {
        QTest::qFail("data/health.yaml does not load", __FILE__, __LINE__);
        return {};
    }
    return *loaded.workspace;
}

QByteArray degradedBody()
{
    QFile file(QFINDTESTDATA("data/health-degraded.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail("data/health-degraded.json is missing", __FILE__, __LINE__);
        return {};
    }
    return file.readAll().trimmed();
}

QDateTime baseTime()
{
    return QDateTime(QDate(2026, 11, 22), QTime(8, 30), Qt::UTC);
}

static ProbeResult base(const QString &endpoint, const QDateTime &at, EndpointState state)
{
    ProbeResult result;
    result.endpoint = endpoint;
    result.startedAt = at;
    result.state = state;
    result.rawState = state;
    result.connected = true;
    result.httpStatus = 200;
    result.ip = QStringLiteral("127.0.0.1");
    result.connectMs = 3.2;
    result.tlsMs = 11.5;
    result.headers.insert(QStringLiteral("content-type"), QStringLiteral("application/json"));
    result.certificateExpiry = at.addDays(41);
    result.conditions << ConditionResult { QStringLiteral("[STATUS] == 200"), QStringLiteral("200"),
        ConditionResult::Verdict::Pass, {}, false };
    return result;
}

ProbeResult ok(const QString &endpoint, double totalMs, const QDateTime &at)
{
    ProbeResult result = base(endpoint, at, EndpointState::Ok);
    result.totalMs = totalMs;
    result.firstByteMs = totalMs * 0.8;
    result.body = R"({"status":"ok"})";
    return result;
}

ProbeResult slow(const QString &endpoint, double totalMs, const QDateTime &at)
{
    ProbeResult result = base(endpoint, at, EndpointState::Warning);
    result.totalMs = totalMs;
    result.firstByteMs = totalMs - 20;
    result.body = R"({"status":"ok","page":{"name":"Stripe"}})";
    result.conditions << ConditionResult { QStringLiteral("[RESPONSE_TIME] < 500"), QString::number(qRound(totalMs)),
        ConditionResult::Verdict::Fail, {}, true };
    return result;
}

ProbeResult critical(const QString &endpoint, const QDateTime &at)
{
    ProbeResult result = base(endpoint, at, EndpointState::Critical);
    result.httpStatus = 503;
    result.totalMs = 2481;
    result.firstByteMs = 2466;
    result.body = degradedBody();
    result.conditions[0] = ConditionResult { QStringLiteral("[STATUS] == 200"), QStringLiteral("503"),
        ConditionResult::Verdict::Fail, {}, false };
    result.conditions << ConditionResult { QStringLiteral("[BODY].status == healthy"), QStringLiteral("degraded"),
        ConditionResult::Verdict::Fail, {}, false };
    result.conditions << ConditionResult { QStringLiteral("[RESPONSE_TIME] < 300"), QStringLiteral("2481"),
        ConditionResult::Verdict::Fail, {}, true };
    result.components = {
        { QStringLiteral("database"), QStringLiteral("unhealthy"), 2450.0 },
        { QStringLiteral("redis"), QStringLiteral("healthy"), std::nullopt },
        { QStringLiteral("kakaoMaps"), QStringLiteral("healthy"), 120.0 },
        { QStringLiteral("stripe"), QStringLiteral("healthy"), 80.0 },
    };
    return result;
}

ProbeResult refused(const QString &endpoint, const QDateTime &at)
{
    ProbeResult result = base(endpoint, at, EndpointState::Critical);
    result.connected = false;
    result.httpStatus = 0;
    result.connectMs = -1;
    result.tlsMs = -1;
    result.certificateExpiry.reset();
    result.headers.clear();
    result.error = QStringLiteral("Connection refused");
    result.conditions[0] = ConditionResult { QStringLiteral("[STATUS] == 200"), QStringLiteral("0"),
        ConditionResult::Verdict::Fail, {}, false };
    return result;
}

} // namespace HealthFixtures
