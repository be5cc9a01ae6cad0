// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/agenthealth.h"

#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "session/session.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

const QString healthy = u"healthy"_s;
const QString degraded = u"degraded"_s;
const QString unhealthy = u"unhealthy"_s;

int rank(const QString &status)
{
    return status == healthy ? 0 : status == degraded ? 1 : 2;
}

QJsonObject workspacePart(const Session &session, const AgentHealth::Agent &agent)
{
    QJsonObject part;
    part[u"status"_s] = !session.hasWorkspace() ? unhealthy : agent.lastLoadOk ? healthy : degraded;
    if (session.hasWorkspace()) {
        part[u"id"_s] = session.workspace().info.id;
    }
    if (!agent.lastLoadOk && !agent.lastLoadError.isEmpty()) {
        part[u"error"_s] = agent.lastLoadError;
    }
    return part;
}

QJsonObject storagePart(const Session &session)
{
    const Storage *storage = session.storage();
    QJsonObject part;
    const Storage::State state = storage->state();
    part[u"status"_s] = state == Storage::State::Open ? (storage->isOnline() ? healthy : degraded)
        : state == Storage::State::Opening            ? degraded
                                                      : unhealthy;
    part[u"team"_s] = storage->isTeam();
    if (!storage->errorString().isEmpty() && state != Storage::State::Open) {
        part[u"error"_s] = storage->errorString();
    }
    return part;
}

QJsonObject envelope(const QString &status, const QJsonObject &services, qint64 startedMs)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return { { u"status"_s, status }, { u"timestamp"_s, now.toString(Qt::ISODateWithMs) },
        { u"uptime"_s, (now.toMSecsSinceEpoch() - startedMs) / 1000 }, { u"services"_s, services } };
}

} // namespace

bool AgentHealth::ready(const Session &session)
{
    return session.hasWorkspace() && session.storage()->state() == Storage::State::Open;
}

QJsonObject AgentHealth::health(const Session &session, const Agent &agent)
{
    QJsonObject services { { u"workspace"_s, workspacePart(session, agent) }, { u"storage"_s, storagePart(session) } };
    const EndpointModel *endpoints = session.endpoints();
    int critical = 0;
    double latencySum = 0;
    int latencies = 0;
    for (const Endpoint &endpoint : session.workspace().endpoints) {
        const EndpointStatus *s = endpoints->status(endpoint.name);
        if (s && s->last && s->last->state == EndpointState::Critical) {
            ++critical;
        }
        if (s && s->last && s->last->totalMs >= 0) {
            latencySum += s->last->totalMs;
            ++latencies;
        }
    }
    // The watched endpoints being down is their news, not the agent's: the probes part is healthy while it runs.
    QJsonObject probes { { u"status"_s, session.probes()->isRunning() ? healthy : degraded },
        { u"endpoints"_s, endpoints->endpointCount() }, { u"critical"_s, critical } };
    if (latencies > 0) {
        probes[u"responseTime"_s] = qRound(latencySum / latencies);
    }
    services[u"probes"_s] = probes;
    QString worst = healthy;
    for (auto it = services.constBegin(); it != services.constEnd(); ++it) {
        const QString status = it.value().toObject().value(u"status"_s).toString();
        if (rank(status) > rank(worst)) {
            worst = status;
        }
    }
    return envelope(worst, services, agent.startedMs);
}

QJsonObject AgentHealth::readiness(const Session &session, const Agent &agent)
{
    const QJsonObject services { { u"workspace"_s, workspacePart(session, agent) },
        { u"storage"_s, storagePart(session) } };
    return envelope(ready(session) ? healthy : unhealthy, services, agent.startedMs);
}
