// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentautorecorder.h"

#include "incident/incidentstore.h"
#include "kpi/kpimodel.h"

using namespace Qt::StringLiterals;

IncidentAutoRecorder::IncidentAutoRecorder(IncidentStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

void IncidentAutoRecorder::setWorkspace(const Workspace &workspace)
{
    m_endpoints = workspace.endpoints;
    m_kpis = workspace.kpis;
}

QStringList IncidentAutoRecorder::matchingNames(const QString &endpoint) const
{
    QStringList names { endpoint };
    for (const Endpoint &e : m_endpoints) {
        if (e.name == endpoint && !e.group.isEmpty()) {
            names.append(e.group);
        }
    }
    return names;
}

QList<qint64> IncidentAutoRecorder::matchingIncidents(const QString &endpoint) const
{
    return matching(matchingNames(endpoint));
}

QList<qint64> IncidentAutoRecorder::matching(const QStringList &names) const
{
    QList<qint64> out;
    for (const Incident &incident : m_store->incidents()) {
        if (!incident.isOpen()) {
            continue;
        }
        for (const QString &service : incident.services) {
            if (names.contains(service)) {
                out.append(incident.id);
                break;
            }
        }
    }
    return out;
}

QString IncidentAutoRecorder::evidenceText(const ProbeResult &result)
{
    QStringList parts;
    if (result.httpStatus > 0) {
        parts.append(result.totalMs >= 0 ? tr("HTTP %1 in %2 ms").arg(result.httpStatus).arg(qRound(result.totalMs))
                                         : tr("HTTP %1").arg(result.httpStatus));
    }
    QStringList failed;
    for (const ConditionResult &c : result.conditions) {
        if (c.verdict == ConditionResult::Verdict::Pass) {
            continue;
        }
        failed.append(c.verdict == ConditionResult::Verdict::Error
                ? tr("%1 (could not be evaluated: %2)").arg(c.condition, c.error)
                : tr("%1 (actual %2)").arg(c.condition, c.actual));
    }
    if (!failed.isEmpty()) {
        parts.append(tr("failed: %1").arg(failed.join(u", "_s)));
    }
    if (!result.error.isEmpty()) {
        parts.append(tr("error: %1").arg(result.error));
    }
    // A body-derived value can be long; the timeline line must stay a line.
    constexpr qsizetype maxChars = 400;
    const QString text = parts.join(u"; "_s);
    return text.size() > maxChars ? text.left(maxChars - 1) + u'…' : text;
}

TimelineEntry IncidentAutoRecorder::endpointEntry(
    const QString &endpoint, EndpointState from, EndpointState to, const ProbeResult &result)
{
    TimelineEntry e;
    e.kind = TimelineKind::EndpointState;
    e.author = u"opsdeck"_s;
    e.subject = endpoint;
    e.from = endpointStateName(from);
    e.to = endpointStateName(to);
    e.text = evidenceText(result);
    e.occurredAt = result.startedAt;
    return e;
}

void IncidentAutoRecorder::recordEndpointTransition(
    const QString &endpoint, EndpointState from, EndpointState to, const ProbeResult &result)
{
    const QList<qint64> ids = matchingIncidents(endpoint);
    QList<qint64> recorded;
    const TimelineEntry entry = endpointEntry(endpoint, from, to, result);
    for (qint64 id : ids) {
        if (m_store->appendEntry(id, entry).isEmpty()) {
            recorded.append(id);
        }
    }
    if (!recorded.isEmpty()) {
        Q_EMIT this->recorded(endpoint, recorded);
    }
}

void IncidentAutoRecorder::recordKpiCrossing(
    const QString &kpiId, const QString &from, const QString &to, const QString &value)
{
    QStringList names { kpiId };
    for (const Kpi &kpi : m_kpis) {
        if (kpi.id == kpiId && !kpi.source.endpoint.isEmpty()) {
            names += matchingNames(kpi.source.endpoint);
        }
    }
    TimelineEntry e;
    e.kind = TimelineKind::KpiThreshold;
    e.author = u"opsdeck"_s;
    e.subject = kpiId;
    e.from = from;
    e.to = to;
    e.text = value;
    QList<qint64> recorded;
    for (qint64 id : matching(names)) {
        if (m_store->appendEntry(id, e).isEmpty()) {
            recorded.append(id);
        }
    }
    if (!recorded.isEmpty()) {
        Q_EMIT this->recorded(kpiId, recorded);
    }
}

void IncidentAutoRecorder::recordChecklistSignOff(
    const QString &checklistTitle, const QString &signer, const QString &comment)
{
    TimelineEntry e;
    e.kind = TimelineKind::ChecklistSignOff;
    e.author = signer.isEmpty() ? u"opsdeck"_s : signer;
    e.subject = checklistTitle;
    e.text = comment;
    QList<qint64> recorded;
    for (const Incident &incident : m_store->incidents()) {
        if (incident.isOpen() && m_store->appendEntry(incident.id, e).isEmpty()) {
            recorded.append(incident.id);
        }
    }
    if (!recorded.isEmpty()) {
        Q_EMIT this->recorded(checklistTitle, recorded);
    }
}

IncidentAutoRecorder::Draft IncidentAutoRecorder::draftFromEndpoint(
    const QString &endpoint, const ProbeResult &result) const
{
    Draft d;
    d.incident.title = tr("%1 is CRITICAL").arg(endpoint);
    d.incident.severity = m_store->severities().isEmpty() ? QString() : m_store->severities().constFirst().id;
    d.incident.services = { endpoint };
    d.incident.scope = tr("Endpoint %1 fails its health check").arg(endpoint);
    d.incident.startedAt = result.startedAt;
    d.evidence.append(endpointEntry(endpoint, EndpointState::Unknown, result.state, result));
    d.evidence.first().from.clear(); // the state before is not part of this evidence
    return d;
}

QString IncidentAutoRecorder::createFromKpi(
    const QString &kpiId, const QString &title, const QString &state, const QString &value, const QDateTime &at)
{
    if (state != u"critical"_s) {
        return tr("%1 is %2, not critical; open an incident by hand if it needs one").arg(title, state);
    }
    Incident incident;
    incident.title = tr("%1 is critical").arg(title);
    incident.severity = m_store->severities().isEmpty() ? QString() : m_store->severities().constFirst().id;
    incident.services = { kpiId };
    for (const Kpi &kpi : std::as_const(m_kpis)) {
        if (kpi.id == kpiId && !kpi.source.endpoint.isEmpty()) {
            incident.services.append(kpi.source.endpoint);
        }
    }
    incident.scope = tr("KPI %1 past its critical threshold").arg(title);
    incident.startedAt = at;
    TimelineEntry e;
    e.kind = TimelineKind::KpiThreshold;
    e.author = u"opsdeck"_s;
    e.subject = kpiId;
    e.to = state;
    e.text = value;
    e.occurredAt = at;
    return m_store->create(incident, { e });
}

QString IncidentAutoRecorder::createFromKpiTile(const KpiModel &model, const QString &kpiId)
{
    const KpiTile *tile = model.tile(kpiId);
    if (!tile) {
        return tr("no KPI \"%1\" in this workspace").arg(kpiId);
    }
    return createFromKpi(kpiId, tile->kpi.title.text(model.language()), KpiEvaluator::stateName(tile->state).toLower(),
        tile->valueWithUnit(), tile->updatedAt);
}

QString IncidentAutoRecorder::createFromEndpoint(const QString &endpoint, const ProbeResult &result)
{
    if (result.state != EndpointState::Critical) {
        return tr("%1 is %2, not CRITICAL; open an incident by hand if it needs one")
            .arg(endpoint, endpointStateName(result.state));
    }
    const Draft d = draftFromEndpoint(endpoint, result);
    return m_store->create(d.incident, d.evidence);
}
