// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentsql.h"

#include "incident/incidentlifecycle.h"
#include "storage/sqlvalues.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("IncidentSql", text);
}

QString listJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFromJson(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        out.append(v.toString());
    }
    return out;
}

const char *const postMortemKeys[] = { "summary", "root-cause", "contributing-factors", "resolution",
    "prevention-immediate", "prevention-long-term", "lessons" };

QList<QString PostMortem::*> postMortemFields()
{
    return { &PostMortem::summary, &PostMortem::rootCause, &PostMortem::contributingFactors, &PostMortem::resolution,
        &PostMortem::preventionImmediate, &PostMortem::preventionLongTerm, &PostMortem::lessons };
}

QString postMortemJson(const PostMortem &pm)
{
    QJsonObject o;
    const auto fields = postMortemFields();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        o.insert(QLatin1String(postMortemKeys[i]), pm.*fields.at(i));
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

PostMortem postMortemFromJson(const QString &json)
{
    PostMortem pm;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    const auto fields = postMortemFields();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        pm.*fields.at(i) = o.value(QLatin1String(postMortemKeys[i])).toString();
    }
    return pm;
}

const QString incidentColumns = u"id, workspace_id, title, severity, status, commander, responders_json, category, "
                                u"scope, affected_users, services_json, revenue, started_at_ms, detected_at_ms, "
                                u"acknowledged_at_ms, mitigated_at_ms, resolved_at_ms, closed_at_ms, postmortem_json, "
                                u"created_at_ms, version"_s;
const QString entryColumns = u"id, incident_id, kind, author, recorded_at_ms, occurred_at_ms, text, subject, "
                             u"from_value, to_value, corrects_id"_s;

Incident readIncident(const QSqlQuery &q)
{
    Incident i;
    i.id = q.value(0).toLongLong();
    i.workspaceId = q.value(1).toString();
    i.title = q.value(2).toString();
    i.severity = q.value(3).toString();
    i.status = IncidentLifecycle::statusFromName(q.value(4).toString()).value_or(IncidentStatus::Detected);
    i.commander = q.value(5).toString();
    i.responders = listFromJson(q.value(6).toString());
    i.category = q.value(7).toString();
    i.scope = q.value(8).toString();
    i.affectedUsers = q.value(9).isNull() ? -1 : q.value(9).toLongLong();
    i.services = listFromJson(q.value(10).toString());
    i.revenue = q.value(11).toString();
    i.startedAt = timeFromSql(q.value(12));
    i.detectedAt = timeFromSql(q.value(13));
    i.acknowledgedAt = timeFromSql(q.value(14));
    i.mitigatedAt = timeFromSql(q.value(15));
    i.resolvedAt = timeFromSql(q.value(16));
    i.closedAt = timeFromSql(q.value(17));
    i.postMortem = postMortemFromJson(q.value(18).toString());
    i.createdAt = timeFromSql(q.value(19));
    i.version = q.value(20).toLongLong();
    return i;
}

TimelineEntry readEntry(const QSqlQuery &q)
{
    TimelineEntry e;
    e.id = q.value(0).toLongLong();
    e.incidentId = q.value(1).toLongLong();
    e.kind = TimelineEntry::kindFromName(q.value(2).toString()).value_or(TimelineKind::Note);
    e.author = q.value(3).toString();
    e.recordedAt = timeFromSql(q.value(4));
    e.occurredAt = timeFromSql(q.value(5));
    e.text = q.value(6).toString();
    e.subject = q.value(7).toString();
    e.from = q.value(8).toString();
    e.to = q.value(9).toString();
    e.correctsId = q.value(10).isNull() ? 0 : q.value(10).toLongLong();
    return e;
}

ActionItem readActionItem(const QSqlQuery &q)
{
    ActionItem a;
    a.id = q.value(0).toLongLong();
    a.incidentId = q.value(1).toLongLong();
    a.action = q.value(2).toString();
    a.owner = q.value(3).toString();
    a.due = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    a.status = ActionItem::statusFromName(q.value(5).toString()).value_or(ActionStatus::Open);
    return a;
}

// Attaches the timelines and action items of the incidents selected by `where` (bound to `values`).
void attachChildren(QSqlDatabase &db, QList<Incident> &incidents, const QString &where, const QVariantList &values)
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < incidents.size(); ++i) {
        index.insert(incidents.at(i).id, i);
    }
    QSqlQuery entries = sqlExec(db,
        u"SELECT "_s + entryColumns + u" FROM incident_timeline WHERE incident_id IN (SELECT id FROM incidents WHERE "_s
            + where + u") ORDER BY id"_s,
        values);
    while (entries.next()) {
        if (const auto it = index.constFind(entries.value(1).toLongLong()); it != index.constEnd()) {
            incidents[*it].timeline.append(readEntry(entries));
        }
    }
    QSqlQuery items = sqlExec(db,
        u"SELECT id, incident_id, action, owner, due_date, status FROM incident_action_items WHERE incident_id IN "
        u"(SELECT id FROM incidents WHERE "_s
            + where + u") ORDER BY id"_s,
        values);
    while (items.next()) {
        if (const auto it = index.constFind(items.value(1).toLongLong()); it != index.constEnd()) {
            incidents[*it].actionItems.append(readActionItem(items));
        }
    }
}

void validate(const Incident &incident)
{
    if (incident.title.trimmed().isEmpty()) {
        throw StorageError(tr("an incident needs a title"));
    }
    if (incident.severity.trimmed().isEmpty()) {
        throw StorageError(tr("an incident needs a severity"));
    }
}

void insertEntries(QSqlDatabase &db, qint64 incidentId, const QList<TimelineEntry> &entries)
{
    for (const TimelineEntry &e : entries) {
        if (e.author.trimmed().isEmpty()) {
            throw StorageError(tr("no operator name: set one in the settings"));
        }
        if (e.kind == TimelineKind::Note && e.text.trimmed().isEmpty()) {
            throw StorageError(tr("a timeline note needs some text"));
        }
        if (e.correctsId != 0) {
            QSqlQuery q = sqlExec(db, u"SELECT incident_id FROM incident_timeline WHERE id = ?"_s, { e.correctsId });
            if (!q.next() || q.value(0).toLongLong() != incidentId) {
                throw StorageError(tr("timeline entry %1 does not belong to incident %2, so it cannot be corrected")
                                       .arg(e.correctsId)
                                       .arg(incidentId));
            }
        }
        sqlExec(db,
            u"INSERT INTO incident_timeline (incident_id, kind, author, recorded_at_ms, occurred_at_ms, text, subject, "
            u"from_value, to_value, corrects_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { incidentId, TimelineEntry::kindName(e.kind), e.author, e.recordedAt.toMSecsSinceEpoch(),
                (e.occurredAt.isValid() ? e.occurredAt : e.recordedAt).toMSecsSinceEpoch(), sqlText(e.text),
                sqlText(e.subject), sqlText(e.from), sqlText(e.to),
                e.correctsId != 0 ? QVariant(e.correctsId) : QVariant(QMetaType::fromType<qint64>()) });
    }
}

QVariantList fieldValues(const Incident &i)
{
    return { i.title.trimmed(), i.severity, IncidentLifecycle::statusName(i.status), sqlText(i.commander),
        listJson(i.responders), sqlText(i.category), sqlText(i.scope),
        i.affectedUsers >= 0 ? QVariant(i.affectedUsers) : QVariant(QMetaType::fromType<qint64>()),
        listJson(i.services), sqlText(i.revenue), sqlTime(i.startedAt), sqlTime(i.detectedAt),
        sqlTime(i.acknowledgedAt), sqlTime(i.mitigatedAt), sqlTime(i.resolvedAt), sqlTime(i.closedAt),
        postMortemJson(i.postMortem) };
}

const QString fieldColumns = u"title, severity, status, commander, responders_json, category, scope, affected_users, "
                             u"services_json, revenue, started_at_ms, detected_at_ms, acknowledged_at_ms, "
                             u"mitigated_at_ms, resolved_at_ms, closed_at_ms, postmortem_json"_s;

} // namespace

namespace IncidentSql {

QList<Incident> loadIncidents(QSqlDatabase &db, const QString &workspaceId)
{
    QList<Incident> out;
    QSqlQuery q = sqlExec(db,
        u"SELECT "_s + incidentColumns
            + u" FROM incidents WHERE workspace_id = ? ORDER BY CASE WHEN status IN ('resolved', 'closed') THEN 1 "
              u"ELSE 0 END, COALESCE(started_at_ms, detected_at_ms, created_at_ms) DESC, id DESC"_s,
        { workspaceId });
    while (q.next()) {
        out.append(readIncident(q));
    }
    attachChildren(db, out, u"workspace_id = ?"_s, { workspaceId });
    return out;
}

Incident loadIncident(QSqlDatabase &db, qint64 incidentId)
{
    QSqlQuery q = sqlExec(db, u"SELECT "_s + incidentColumns + u" FROM incidents WHERE id = ?"_s, { incidentId });
    if (!q.next()) {
        throw StorageError(tr("incident %1 does not exist").arg(incidentId));
    }
    QList<Incident> one { readIncident(q) };
    attachChildren(db, one, u"id = ?"_s, { incidentId });
    return one.constFirst();
}

Incident create(QSqlDatabase &db, const Incident &incident, const QList<TimelineEntry> &entries)
{
    validate(incident);
    QVariantList values = fieldValues(incident);
    values.prepend(incident.workspaceId);
    values.append(incident.createdAt.toMSecsSinceEpoch());
    // RETURNING, not lastInsertId(): PostgreSQL's driver has no last insert id for identity columns.
    QSqlQuery q = sqlExec(db,
        u"INSERT INTO incidents (workspace_id, "_s + fieldColumns
            + u", created_at_ms, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
              u"RETURNING id"_s,
        values);
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    if (id <= 0) {
        throw StorageError(tr("the database did not return the new incident's id"));
    }
    insertEntries(db, id, entries);
    return loadIncident(db, id);
}

Incident update(QSqlDatabase &db, const Incident &incident, qint64 seenVersion, const QList<TimelineEntry> &entries)
{
    validate(incident);
    QString assignments = fieldColumns;
    assignments.replace(u", "_s, u" = ?, "_s);
    QVariantList values = fieldValues(incident);
    values << incident.id << seenVersion;
    const int updated = sqlExec(db,
        u"UPDATE incidents SET "_s + assignments + u" = ?, version = version + 1 WHERE id = ? AND version = ?"_s,
        values)
                            .numRowsAffected();
    if (updated != 1) {
        const Incident current = loadIncident(db, incident.id); // throws if it does not exist
        throw StorageError(tr("incident %1 was changed in another window (version %2, you edited version %3); "
                              "your edit was not saved, review it and save again")
                               .arg(incident.id)
                               .arg(current.version)
                               .arg(seenVersion));
    }
    insertEntries(db, incident.id, entries);
    return loadIncident(db, incident.id);
}

Incident append(QSqlDatabase &db, qint64 incidentId, const QList<TimelineEntry> &entries)
{
    loadIncident(db, incidentId); // throws if it does not exist
    insertEntries(db, incidentId, entries);
    return loadIncident(db, incidentId);
}

Incident saveActionItem(QSqlDatabase &db, const ActionItem &item)
{
    if (item.action.trimmed().isEmpty()) {
        throw StorageError(tr("an action item needs a description of the action"));
    }
    const QVariantList values { item.action.trimmed(), sqlText(item.owner),
        item.due.isValid() ? item.due.toString(Qt::ISODate) : u""_s, ActionItem::statusName(item.status) };
    if (item.id == 0) {
        loadIncident(db, item.incidentId);
        sqlExec(db,
            u"INSERT INTO incident_action_items (action, owner, due_date, status, incident_id) "
            u"VALUES (?, ?, ?, ?, ?)"_s,
            values + QVariantList { item.incidentId });
    } else {
        const int updated = sqlExec(db,
            u"UPDATE incident_action_items SET action = ?, owner = ?, due_date = ?, status = ? "
            u"WHERE id = ? AND incident_id = ?"_s,
            values + QVariantList { item.id, item.incidentId })
                                .numRowsAffected();
        if (updated != 1) {
            throw StorageError(tr("action item %1 of incident %2 does not exist").arg(item.id).arg(item.incidentId));
        }
    }
    return loadIncident(db, item.incidentId);
}

Incident removeActionItem(QSqlDatabase &db, qint64 incidentId, qint64 itemId)
{
    sqlExec(db, u"DELETE FROM incident_action_items WHERE id = ? AND incident_id = ?"_s, { itemId, incidentId });
    return loadIncident(db, incidentId);
}

} // namespace IncidentSql
