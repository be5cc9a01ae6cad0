// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/runbookaudit.h"

#include "incident/incidentstore.h"
#include "storage/storage.h"
#include "storage/storageerror.h"

#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

RunbookAudit::RunbookAudit(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
{
    connect(m_storage, &Storage::jobFinished, this, [this](quint64 id, const QVariant &result) {
        if (m_writes.contains(id)) {
            RunbookAuditRecord r = m_writes.take(id);
            r.id = result.toLongLong();
            emit recorded(r);
        } else if (m_loads.contains(id)) {
            emit loaded(m_loads.take(id), result.value<QList<RunbookAuditRecord>>());
        }
    });
    connect(m_storage, &Storage::jobFailed, this, [this](quint64 id, const QString &error) {
        if (m_writes.remove(id) > 0) {
            emit writeFailed(error);
        } else if (m_loads.contains(id)) {
            m_loads.remove(id);
            emit writeFailed(error);
        }
    });
}

void RunbookAudit::record(const RunbookAuditRecord &record, const QString &service, const QStringList &endpoints)
{
    const quint64 id = m_storage->submit([record](QSqlDatabase &db) { return QVariant(insert(db, record)); });
    m_writes.insert(id, record);
    if (m_incidents) {
        if (const qint64 incident = activeIncident(m_incidents->incidents(), service, endpoints)) {
            m_incidents->appendEntry(incident, timelineEntry(record));
        }
    }
}

void RunbookAudit::load(const QString &workspaceId, const QString &runbookId, int limit)
{
    const quint64 id = m_storage->submitRead([workspaceId, runbookId, limit](QSqlDatabase &db) {
        return QVariant::fromValue(select(db, workspaceId, runbookId, limit));
    });
    m_loads.insert(id, runbookId);
}

qint64 RunbookAudit::activeIncident(
    const QList<Incident> &incidents, const QString &service, const QStringList &endpoints)
{
    qint64 newest = 0;
    QDateTime newestAt;
    for (const Incident &incident : incidents) {
        if (!incident.isOpen()) {
            continue;
        }
        const bool matches = (!service.isEmpty() && incident.services.contains(service))
            || std::any_of(endpoints.cbegin(), endpoints.cend(),
                [&](const QString &endpoint) { return incident.services.contains(endpoint); });
        if (matches) {
            return incident.id;
        }
        const QDateTime at = incident.anchor().isValid() ? incident.anchor() : incident.createdAt;
        if (!newest || at > newestAt) {
            newest = incident.id;
            newestAt = at;
        }
    }
    return newest;
}

QStringList RunbookAudit::endpointsOf(const Runbook &runbook)
{
    QStringList endpoints;
    for (const RunbookStep &step : runbook.steps) {
        if (!step.endpoint.isEmpty() && !endpoints.contains(step.endpoint)) {
            endpoints.append(step.endpoint);
        }
    }
    return endpoints;
}

TimelineEntry RunbookAudit::timelineEntry(const RunbookAuditRecord &record)
{
    TimelineEntry e;
    e.kind = TimelineKind::RunbookStep;
    e.subject = record.runbookId;
    e.from = record.stepId;
    e.to = record.status;
    e.occurredAt = record.at;
    const QString what = record.phase == RunbookAuditRecord::Phase::Before ? record.request : record.outcome;
    e.text = QCoreApplication::translate("RunbookAudit", "%1 / %2: %3 — %4")
                 .arg(record.runbookId, record.stepId, record.status, what);
    return e;
}

qint64 RunbookAudit::insert(QSqlDatabase &db, const RunbookAuditRecord &r)
{
    const auto text = [](const QString &s) { return s.isNull() ? u""_s : s; };
    const QSqlQuery q = sqlExec(db,
        u"INSERT INTO runbook_audit (run_id, workspace_id, runbook_id, step_id, step_index, phase, actor, at_ms, "
        u"kind, target, request_summary, status, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { text(r.runId), text(r.workspaceId), text(r.runbookId), text(r.stepId), r.stepIndex,
            r.phase == RunbookAuditRecord::Phase::Before ? u"before"_s : u"after"_s, text(r.actor),
            r.at.toMSecsSinceEpoch(), text(r.kind), text(r.target), text(r.request), text(r.status), text(r.outcome) });
    return q.lastInsertId().toLongLong();
}

QList<RunbookAuditRecord> RunbookAudit::select(
    QSqlDatabase &db, const QString &workspaceId, const QString &runbookId, int limit)
{
    QSqlQuery q = sqlExec(db,
        u"SELECT id, run_id, workspace_id, runbook_id, step_id, step_index, phase, actor, at_ms, kind, target, "
        u"request_summary, status, outcome FROM runbook_audit WHERE workspace_id = ? AND runbook_id = ? "
        u"ORDER BY id DESC LIMIT ?"_s,
        { workspaceId, runbookId, limit });
    QList<RunbookAuditRecord> out;
    while (q.next()) {
        RunbookAuditRecord r;
        r.id = q.value(0).toLongLong();
        r.runId = q.value(1).toString();
        r.workspaceId = q.value(2).toString();
        r.runbookId = q.value(3).toString();
        r.stepId = q.value(4).toString();
        r.stepIndex = q.value(5).toInt();
        r.phase
            = q.value(6).toString() == u"before" ? RunbookAuditRecord::Phase::Before : RunbookAuditRecord::Phase::After;
        r.actor = q.value(7).toString();
        r.at = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), QTimeZone::utc());
        r.kind = q.value(9).toString();
        r.target = q.value(10).toString();
        r.request = q.value(11).toString();
        r.status = q.value(12).toString();
        r.outcome = q.value(13).toString();
        out.prepend(r);
    }
    return out;
}
