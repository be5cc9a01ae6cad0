// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/runbookaudit.h"

#include "incident/incidentstore.h"
#include "storage/sqlvalues.h"
#include "storage/storage.h"
#include "storage/storageerror.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

RunbookAudit::RunbookAudit(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
{ }

void RunbookAudit::record(const RunbookAuditRecord &record, const QString &service, const QStringList &endpoints)
{
    m_storage
        ->write(tr("Recording step %1 of the runbook %2 in the audit trail").arg(record.stepId, record.runbookId),
            [record](QSqlDatabase &db) { return insert(db, record); })
        .then(this, [this, record](const StorageResult<qint64> &r) {
            if (!r) {
                Q_EMIT writeFailed(r.error());
                return;
            }
            RunbookAuditRecord stored = record;
            stored.id = r.value();
            Q_EMIT recorded(stored);
        });
    if (m_incidents) {
        if (const qint64 incident = activeIncident(m_incidents->incidents(), service, endpoints)) {
            m_incidents->appendEntry(incident, timelineEntry(record));
        }
    }
}

void RunbookAudit::load(const QString &workspaceId, const QString &runbookId, int limit)
{
    m_storage
        ->read(tr("Loading the audit trail of the runbook %1").arg(runbookId),
            [workspaceId, runbookId, limit](QSqlDatabase &db) { return select(db, workspaceId, runbookId, limit); })
        .then(this, [this, runbookId](const StorageResult<QList<RunbookAuditRecord>> &r) {
            if (r) {
                Q_EMIT loaded(runbookId, r.value());
            } else {
                Q_EMIT writeFailed(r.error());
            }
        });
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
    const QSqlQuery q = sqlExec(db,
        u"INSERT INTO runbook_audit (run_id, workspace_id, runbook_id, step_id, step_index, phase, actor, at_ms, "
        u"kind, target, request_summary, status, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { sqlText(r.runId), sqlText(r.workspaceId), sqlText(r.runbookId), sqlText(r.stepId), r.stepIndex,
            r.phase == RunbookAuditRecord::Phase::Before ? u"before"_s : u"after"_s, sqlText(r.actor),
            r.at.toMSecsSinceEpoch(), sqlText(r.kind), sqlText(r.target), sqlText(r.request), sqlText(r.status),
            sqlText(r.outcome) });
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
        r.at = timeFromSql(q.value(8));
        r.kind = q.value(9).toString();
        r.target = q.value(10).toString();
        r.request = q.value(11).toString();
        r.status = q.value(12).toString();
        r.outcome = q.value(13).toString();
        out.prepend(r);
    }
    return out;
}
