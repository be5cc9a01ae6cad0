// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentsql.h"
#include "storage/sqlvalues.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// Another transaction deciding on the same incident waits until this one commits (SQLite writes one at a time).
void lockIncident(QSqlDatabase &db, qint64 incidentId)
{
    if (db.driverName() == u"QPSQL"_s) {
        sqlExec(db, u"SELECT id FROM incidents WHERE id = ? FOR UPDATE"_s, { incidentId });
    }
}

bool exists(QSqlDatabase &db, qint64 incidentId)
{
    QSqlQuery q = sqlExec(db, u"SELECT id FROM incidents WHERE id = ?"_s, { incidentId });
    return q.next();
}

} // namespace

namespace IncidentSql {

AckResult acknowledge(
    QSqlDatabase &db, const QString &workspaceId, qint64 incidentId, const QString &by, const QDateTime &at)
{
    AckResult result;
    lockIncident(db, incidentId);
    if (!exists(db, incidentId)) {
        return result;
    }
    result.incident = loadIncident(db, incidentId);
    if (result.incident.workspaceId != workspaceId) {
        result.incident = {};
        return result;
    }
    if (!result.incident.isOpen()) {
        result.outcome = AckOutcome::NotOpen;
        return result;
    }
    if (result.incident.acknowledgedAt.isValid()) {
        result.outcome = AckOutcome::AlreadyAcknowledged;
        return result;
    }
    if (by.trimmed().isEmpty()) {
        throw StorageError(QCoreApplication::translate("IncidentSql", "no operator name: say who acknowledges"));
    }
    sqlExec(db, u"UPDATE incidents SET acknowledged_at_ms = ?, version = version + 1 WHERE id = ?"_s,
        { at.toMSecsSinceEpoch(), incidentId });
    TimelineEntry e;
    e.kind = TimelineKind::Acknowledged;
    e.author = by.trimmed();
    e.recordedAt = at;
    e.occurredAt = at;
    result.incident = append(db, incidentId, { e });
    result.outcome = AckOutcome::Acknowledged;
    return result;
}

Incident appendIf(QSqlDatabase &db, qint64 incidentId, const TimelineEntry &entry,
    const std::function<bool(const Incident &)> &wanted, bool *claimed)
{
    lockIncident(db, incidentId);
    const Incident current = loadIncident(db, incidentId);
    *claimed = wanted(current);
    return *claimed ? append(db, incidentId, { entry }) : current;
}

} // namespace IncidentSql
