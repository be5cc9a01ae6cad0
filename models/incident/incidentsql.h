// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"

#include <QList>
#include <QSqlDatabase>

#include <functional>

// The incident SQL, run inside Storage jobs on the worker thread (each call is one job's work; failures throw
// StorageError so the job's writes roll back). Portable between SQLite and PostgreSQL. Every write returns the
// incident as stored afterwards.
namespace IncidentSql {

// Open incidents first, then the newest; each with its timeline and action items.
QList<Incident> loadIncidents(QSqlDatabase &db, const QString &workspaceId);
Incident loadIncident(QSqlDatabase &db, qint64 incidentId);
// Inserts the incident (version 1) and its first entries.
Incident create(QSqlDatabase &db, const Incident &incident, const QList<TimelineEntry> &entries);
// Writes the fields if the stored version is still seenVersion, bumps it, and appends `entries` (the status,
// severity and role changes the edit made) in the same transaction.
Incident update(QSqlDatabase &db, const Incident &incident, qint64 seenVersion, const QList<TimelineEntry> &entries);
// Appending never conflicts: entries from several windows simply interleave.
Incident append(QSqlDatabase &db, qint64 incidentId, const QList<TimelineEntry> &entries);
// Inserts (id 0) or updates an action item.
Incident saveActionItem(QSqlDatabase &db, const ActionItem &item);
Incident removeActionItem(QSqlDatabase &db, qint64 incidentId, qint64 itemId);

// incidentclaimsql.cpp: writes that decide on the incident as stored, so that consoles, agents and `opsdeck ack`
// sharing a database never act twice. On PostgreSQL the incident's row is locked for the transaction first.
enum class AckOutcome { Acknowledged, NotFound, AlreadyAcknowledged, NotOpen };
struct AckResult
{
    AckOutcome outcome = AckOutcome::NotFound;
    Incident incident; // as stored afterwards (unless NotFound)
};
// Sets the acknowledged milestone to `at` and records who acknowledged, unless the incident is not one of
// `workspaceId`'s, is acknowledged already or is resolved.
AckResult acknowledge(
    QSqlDatabase &db, const QString &workspaceId, qint64 incidentId, const QString &by, const QDateTime &at);
// Appends `entry` only when `wanted` holds for the incident as stored now; `claimed` says whether it did.
Incident appendIf(QSqlDatabase &db, qint64 incidentId, const TimelineEntry &entry,
    const std::function<bool(const Incident &)> &wanted, bool *claimed);

} // namespace IncidentSql
