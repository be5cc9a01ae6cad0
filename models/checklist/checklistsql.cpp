// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistsql.h"

#include "storage/sqlvalues.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString instanceColumns = u"id, workspace_id, checklist_id, period_key, template_json, period_start_ms, "
                                u"due_at_ms, period_end_ms, created_at_ms, signed_by, signed_at_ms, sign_comment, "
                                u"version"_s;
const QString tickColumns
    = u"t.id, t.instance_id, t.item_id, t.action, t.actor, t.at_ms, t.note, t.evidence_json, t.skip_reason, "
      u"t.version, t.conflict"_s;

ChecklistInstance readInstance(const QSqlQuery &q)
{
    ChecklistInstance i;
    i.id = q.value(0).toLongLong();
    i.workspaceId = q.value(1).toString();
    i.checklistId = q.value(2).toString();
    i.periodKey = q.value(3).toString();
    QString error;
    if (!i.readTemplateJson(q.value(4).toString().toUtf8(), &error)) {
        throw StorageError(error);
    }
    i.period = { i.periodKey, {}, timeFromSql(q.value(5)), timeFromSql(q.value(6)), timeFromSql(q.value(7)) };
    i.created = timeFromSql(q.value(8));
    i.signedBy = q.value(9).toString();
    i.signedAt = timeFromSql(q.value(10));
    i.signComment = q.value(11).toString();
    i.version = q.value(12).toLongLong();
    return i;
}

ChecklistTick readTick(const QSqlQuery &q)
{
    ChecklistTick t;
    t.id = q.value(0).toLongLong();
    t.itemId = q.value(2).toString();
    t.action = ChecklistTick::actionFromName(q.value(3).toString()).value_or(TickAction::Untick);
    t.actor = q.value(4).toString();
    t.at = timeFromSql(q.value(5));
    t.note = q.value(6).toString();
    t.evidence = ChecklistEvidence::fromJson(QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object());
    t.skipReason = q.value(8).toString();
    t.version = q.value(9).toLongLong();
    t.conflict = q.value(10).toInt() != 0;
    return t;
}

void attachHistory(QSqlQuery &q, QList<ChecklistInstance> &instances)
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < instances.size(); ++i) {
        index.insert(instances.at(i).id, i);
    }
    while (q.next()) {
        const auto it = index.constFind(q.value(1).toLongLong());
        if (it != index.constEnd()) {
            instances[*it].history.append(readTick(q));
        }
    }
}

} // namespace

namespace ChecklistSql {

int ensureInstances(QSqlDatabase &db, const QList<NewChecklistInstance> &instances, qint64 nowMs)
{
    int created = 0;
    for (const NewChecklistInstance &n : instances) {
        created += sqlExec(db,
            u"INSERT INTO checklist_instances (workspace_id, checklist_id, period_key, template_json, "
            u"period_start_ms, due_at_ms, period_end_ms, created_at_ms, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) "
            u"ON CONFLICT (workspace_id, checklist_id, period_key) DO NOTHING"_s,
            { n.workspaceId, n.checklistId, n.period.key, QString::fromUtf8(n.templateJson),
                n.period.start.toMSecsSinceEpoch(), n.period.due.toMSecsSinceEpoch(), n.period.end.toMSecsSinceEpoch(),
                nowMs })
                       .numRowsAffected();
    }
    return created;
}

QList<ChecklistInstance> loadInstances(QSqlDatabase &db, const QString &workspaceId, qint64 sinceMs)
{
    QList<ChecklistInstance> out;
    QSqlQuery q = sqlExec(db,
        u"SELECT "_s + instanceColumns
            + u" FROM checklist_instances WHERE workspace_id = ? AND period_start_ms >= ? "
              u"ORDER BY period_start_ms DESC, id DESC"_s,
        { workspaceId, sinceMs });
    while (q.next()) {
        out.append(readInstance(q));
    }
    QSqlQuery ticks = sqlExec(db,
        u"SELECT "_s + tickColumns
            + u" FROM checklist_ticks t JOIN checklist_instances i ON i.id = t.instance_id "
              u"WHERE i.workspace_id = ? AND i.period_start_ms >= ? ORDER BY t.id"_s,
        { workspaceId, sinceMs });
    attachHistory(ticks, out);
    return out;
}

ChecklistInstance loadInstance(QSqlDatabase &db, qint64 instanceId)
{
    QSqlQuery q
        = sqlExec(db, u"SELECT "_s + instanceColumns + u" FROM checklist_instances WHERE id = ?"_s, { instanceId });
    if (!q.next()) {
        throw StorageError(
            QCoreApplication::translate("ChecklistSql", "checklist instance %1 does not exist").arg(instanceId));
    }
    QList<ChecklistInstance> one { readInstance(q) };
    QSqlQuery ticks
        = sqlExec(db, u"SELECT "_s + tickColumns + u" FROM checklist_ticks t WHERE t.instance_id = ? ORDER BY t.id"_s,
            { instanceId });
    attachHistory(ticks, one);
    return one.constFirst();
}

ChecklistWriteResult recordAction(
    QSqlDatabase &db, qint64 instanceId, qint64 seenItemVersion, const ChecklistTick &tick)
{
    if (tick.action == TickAction::Skip && tick.skipReason.trimmed().isEmpty()) {
        throw StorageError(
            QCoreApplication::translate("ChecklistSql", "skipping \"%1\" needs a reason").arg(tick.itemId));
    }
    if (tick.actor.trimmed().isEmpty()) {
        throw StorageError(QCoreApplication::translate("ChecklistSql", "no operator name: set one in the settings"));
    }
    const int bumped = sqlExec(db,
        u"UPDATE checklist_instances SET version = version + 1 WHERE id = ? AND signed_at_ms IS NULL"_s, { instanceId })
                           .numRowsAffected();
    if (bumped != 1) {
        loadInstance(db, instanceId); // throws if it does not exist
        throw StorageError(
            QCoreApplication::translate("ChecklistSql", "checklist instance %1 is signed off and can no longer change")
                .arg(instanceId));
    }
    QSqlQuery latest = sqlExec(db,
        u"SELECT version FROM checklist_ticks WHERE instance_id = ? AND item_id = ? AND conflict = 0 "
        u"ORDER BY id DESC LIMIT 1"_s,
        { instanceId, tick.itemId });
    const qint64 latestVersion = latest.next() ? latest.value(0).toLongLong() : 0;
    const bool conflict = latestVersion != seenItemVersion;
    const QString evidence = tick.evidence.isEmpty()
        ? QString()
        : QString::fromUtf8(QJsonDocument(tick.evidence.toJson()).toJson(QJsonDocument::Compact));
    const int inserted = sqlExec(db,
        u"INSERT INTO checklist_ticks (instance_id, item_id, action, actor, at_ms, note, evidence_json, "
        u"skip_reason, version, conflict) SELECT id, ?, ?, ?, ?, ?, ?, ?, version, ? FROM checklist_instances "
        u"WHERE id = ? AND signed_at_ms IS NULL"_s,
        { tick.itemId, ChecklistTick::actionName(tick.action), tick.actor, tick.at.toMSecsSinceEpoch(),
            sqlText(tick.note), sqlText(evidence), sqlText(tick.skipReason), conflict ? 1 : 0, instanceId })
                             .numRowsAffected();
    if (inserted != 1) {
        throw StorageError(
            QCoreApplication::translate("ChecklistSql", "checklist instance %1 is signed off and can no longer change")
                .arg(instanceId));
    }
    return { conflict, loadInstance(db, instanceId) };
}

ChecklistInstance sign(
    QSqlDatabase &db, qint64 instanceId, qint64 seenVersion, const QString &signer, qint64 atMs, const QString &comment)
{
    const ChecklistInstance current = loadInstance(db, instanceId);
    if (current.isSigned()) {
        throw StorageError(
            QCoreApplication::translate("ChecklistSql", "checklist instance %1 is already signed off by %2")
                .arg(instanceId)
                .arg(current.signedBy));
    }
    if (current.version != seenVersion) {
        throw StorageError(QCoreApplication::translate(
            "ChecklistSql", "the checklist changed in another window since you opened it; review it and sign again"));
    }
    QStringList open;
    for (const ChecklistItem &item : current.items) {
        if (current.state(item.id) == ItemState::Open) {
            open.append(item.id);
        }
    }
    if (!open.isEmpty()) {
        throw StorageError(
            QCoreApplication::translate("ChecklistSql", "cannot sign off: items not ticked or skipped: %1")
                .arg(open.join(u", "_s)));
    }
    if (signer.trimmed().isEmpty()) {
        throw StorageError(QCoreApplication::translate("ChecklistSql", "no operator name: set one in the settings"));
    }
    const int updated = sqlExec(db,
        u"UPDATE checklist_instances SET signed_by = ?, signed_at_ms = ?, sign_comment = ?, version = version + 1 "
        u"WHERE id = ? AND version = ? AND signed_at_ms IS NULL"_s,
        { signer, atMs, sqlText(comment), instanceId, seenVersion })
                            .numRowsAffected();
    if (updated != 1) {
        throw StorageError(QCoreApplication::translate(
            "ChecklistSql", "the checklist changed in another window since you opened it; review it and sign again"));
    }
    return loadInstance(db, instanceId);
}

} // namespace ChecklistSql
