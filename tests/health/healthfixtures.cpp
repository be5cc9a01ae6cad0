// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthfixtures.h"

#include "workspace/workspaceloader.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

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
    result.ip = u"127.0.0.1"_s;
    result.connectMs = 3.2;
    result.tlsMs = 11.5;
    result.headers.insert(u"content-type"_s, u"application/json"_s);
    result.certificateExpiry = at.addDays(41);
    result.conditions << ConditionResult { u"[STATUS] == 200"_s, u"200"_s, ConditionResult::Verdict::Pass, {}, false };
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
    result.conditions << ConditionResult { u"[RESPONSE_TIME] < 500"_s, QString::number(qRound(totalMs)),
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
    result.conditions[0]
        = ConditionResult { u"[STATUS] == 200"_s, u"503"_s, ConditionResult::Verdict::Fail, {}, false };
    result.conditions << ConditionResult { u"[BODY].status == healthy"_s, u"degraded"_s, ConditionResult::Verdict::Fail,
        {}, false };
    result.conditions << ConditionResult { u"[RESPONSE_TIME] < 300"_s, u"2481"_s, ConditionResult::Verdict::Fail, {},
        true };
    result.components = {
        { u"database"_s, u"unhealthy"_s, 2450.0 },
        { u"redis"_s, u"healthy"_s, std::nullopt },
        { u"kakaoMaps"_s, u"healthy"_s, 120.0 },
        { u"stripe"_s, u"healthy"_s, 80.0 },
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
    result.error = u"Connection refused"_s;
    result.conditions[0] = ConditionResult { u"[STATUS] == 200"_s, u"0"_s, ConditionResult::Verdict::Fail, {}, false };
    return result;
}

} // namespace HealthFixtures
