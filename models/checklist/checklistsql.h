// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checklist/checklistinstance.h"

#include <QList>
#include <QMetaType>
#include <QSqlDatabase>

// A period's instance to create if it does not exist yet.
struct NewChecklistInstance
{
    QString workspaceId;
    QString checklistId;
    ChecklistPeriod period;
    QByteArray templateJson;
};

struct ChecklistWriteResult
{
    // The item had changed since the writer saw it (another window): the record is kept in the history,
    // flagged, and not applied.
    bool conflict = false;
    ChecklistInstance instance; // as stored after the write
};
Q_DECLARE_METATYPE(ChecklistWriteResult)

// The checklist SQL, run inside Storage jobs on the worker thread (each call is one job's work; failures throw
// StorageError so the job's writes roll back). Portable between SQLite and PostgreSQL.
namespace ChecklistSql {

// Idempotent: existing (workspace, checklist, period) rows are left alone. Returns how many were created.
int ensureInstances(QSqlDatabase &db, const QList<NewChecklistInstance> &instances, qint64 nowMs);
// Instances whose period started at or after sinceMs, newest first, with their history.
QList<ChecklistInstance> loadInstances(QSqlDatabase &db, const QString &workspaceId, qint64 sinceMs);
ChecklistInstance loadInstance(QSqlDatabase &db, qint64 instanceId);
// Appends tick/untick/skip. seenItemVersion: the version of the item's latest record the writer saw (0: none).
// A signed instance refuses it (the guard is in the UPDATE/INSERT itself, so no race can slip past).
ChecklistWriteResult recordAction(
    QSqlDatabase &db, qint64 instanceId, qint64 seenItemVersion, const ChecklistTick &tick);
// Signs if the instance is complete and still at seenVersion.
ChecklistInstance sign(QSqlDatabase &db, qint64 instanceId, qint64 seenVersion, const QString &signer, qint64 atMs,
    const QString &comment);

} // namespace ChecklistSql
