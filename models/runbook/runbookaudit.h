// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"
#include "incident/incidentstore.h"
#include "runbook/runbookrun.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

class Storage;

// The runbook audit trail over Storage: rows are only ever inserted (the table refuses UPDATE and DELETE), and each
// one is also appended to the active incident's timeline when there is one. Records arrive already redacted from
// RunbookRunner; nothing here ever sees a resolved secret. A row that cannot be written is reported by writeFailed()
// here and, for the operator, by Storage::writeFailed().
class RunbookAudit final : public QObject
{
    Q_OBJECT
public:
    explicit RunbookAudit(Storage *storage, QObject *parent = nullptr);

    void setIncidentStore(IncidentStore *store) { m_incidents = store; }
    // `service` picks the incident: an open one listing it (or one of `endpoints`) first, else the newest open one.
    void record(const RunbookAuditRecord &record, const QString &service = {}, const QStringList &endpoints = {});
    // The newest `limit` rows of a runbook, oldest first, through loaded().
    void load(const QString &workspaceId, const QString &runbookId, int limit = 500);

    // The incident runbook steps are attached to, or 0 when none is open.
    static qint64 activeIncident(
        const QList<Incident> &incidents, const QString &service, const QStringList &endpoints);
    static TimelineEntry timelineEntry(const RunbookAuditRecord &record);
    // The endpoints a runbook's steps check or wait for, for record()'s choice of incident.
    static QStringList endpointsOf(const Runbook &runbook);

    // SQL run inside Storage jobs (worker thread); failures throw StorageError.
    static qint64 insert(QSqlDatabase &db, const RunbookAuditRecord &record);
    static QList<RunbookAuditRecord> select(
        QSqlDatabase &db, const QString &workspaceId, const QString &runbookId, int limit);

Q_SIGNALS:
    void recorded(const RunbookAuditRecord &record); // stored, with its id
    void loaded(const QString &runbookId, const QList<RunbookAuditRecord> &records);
    // A row could not be written, or the trail not read (load()).
    void writeFailed(const QString &error);

private:
    Storage *m_storage;
    QPointer<IncidentStore> m_incidents;
};
