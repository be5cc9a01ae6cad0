// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"
#include "workspace/workspace.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

class QSqlDatabase;
class Storage;

// The incidents of a workspace over Storage, all asynchronous. Edits go through save(), which checks the status
// lifecycle, fills the milestones a status change reaches and appends the status, severity, role and field
// changes to the timeline in the same transaction; another window's edit in between is refused (optimistic
// version) and the incident reloaded. Timeline entries are only ever appended.
//
// Each write method returns an empty string when the write was submitted, else why it was refused (translated). A
// write that fails is reported by writeFailed() here (for the editor showing that incident) and by
// Storage::writeFailed() (for the operator), and the incident is reloaded.
class IncidentStore final : public QObject
{
    Q_OBJECT
public:
    explicit IncidentStore(Storage *storage, QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    QString workspaceId() const { return m_workspaceId; }
    const QList<SeverityLevel> &severities() const { return m_severities; }
    const QStringList &categories() const { return m_categories; }
    std::optional<SeverityLevel> severity(const QString &id) const;
    // The author of entries written from this window (QSettings "operator/name", else the OS user).
    static QString operatorName();

    void refresh();
    // Reads one incident again (another console changed it, see Storage::changed); a new one of this workspace
    // is added.
    void reloadIncident(qint64 incidentId);
    const QList<Incident> &incidents() const { return m_incidents; }
    const Incident *incident(qint64 id) const;
    int indexOf(qint64 id) const;

    // Opens an incident: defaults the status to detected, detected/started to now, and records "opened" plus
    // `evidence` (e.g. the endpoint state that prompted it). incidentAdded carries the new id.
    QString create(Incident draft, const QList<TimelineEntry> &evidence = {});
    QString save(const Incident &edited);
    QString setStatus(qint64 incidentId, IncidentStatus to);
    QString appendNote(qint64 incidentId, const QString &text, const QDateTime &occurredAt = {});
    // Automatic entries (author, recorded-at and occurred-at default when empty).
    QString appendEntry(qint64 incidentId, TimelineEntry entry);
    // A new entry that replaces `entryId`'s text and occurred-at in the effective timeline.
    QString correct(qint64 incidentId, qint64 entryId, const QString &text, const QDateTime &occurredAt);
    // Acknowledges as `by` (else the operator): the acknowledged milestone and a timeline entry, decided on the
    // incident as stored, since another console or `opsdeck ack` may have been first. acknowledgeFinished follows.
    QString acknowledge(qint64 incidentId, const QString &by = {});
    // Appends `entry` only if `wanted` holds for the incident as stored (it runs on the storage thread: capture
    // values only); `done(claimed)` follows on this thread once the store has the stored incident.
    QString claimEntry(qint64 incidentId, TimelineEntry entry, std::function<bool(const Incident &)> wanted,
        std::function<void(bool claimed)> done);
    // The message `opsdeck ack` and the window show for an acknowledgement that did not happen (empty otherwise).
    static QString ackRefusal(int outcome, qint64 incidentId, const Incident &stored);
    QString saveActionItem(const ActionItem &item);
    QString removeActionItem(qint64 incidentId, qint64 itemId);

    bool isSaving(qint64 incidentId) const;
    // The changes save() would record for this edit, in order (for tests and the editor's preview).
    static QList<TimelineEntry> changeEntries(const Incident &before, const Incident &after);

Q_SIGNALS:
    void incidentsReset();
    // A new incident in the list: created here, or by another console (team mode).
    void incidentAdded(qint64 incidentId);
    // An incident this store's create() opened is stored (after its incidentAdded).
    void incidentCreated(qint64 incidentId);
    void incidentChanged(qint64 incidentId);
    void writeFailed(qint64 incidentId, const QString &error);
    // acknowledge() ended: `refusal` is empty when this call acknowledged it.
    void acknowledgeFinished(qint64 incidentId, const QString &refusal);
    void loadFailed(const QString &error);
    void savingChanged(qint64 incidentId);

private:
    // A write of `incidentId` that returns the incident as stored afterwards.
    void submitWrite(qint64 incidentId, const QString &what, std::function<Incident(QSqlDatabase &)> job);
    QString submitAppend(qint64 incidentId, const QList<TimelineEntry> &entries);
    // After a failed write: shows what is stored now (another window's edit, say).
    void reload(qint64 incidentId);
    void replaceIncident(const Incident &incident);
    QString titleOf(qint64 incidentId) const;

    Storage *m_storage;
    QString m_workspaceId;
    QList<SeverityLevel> m_severities;
    QStringList m_categories;
    QList<Incident> m_incidents;
    QHash<qint64, int> m_writesInFlight; // by incident
    quint64 m_loadGeneration = 0; // earlier loads are superseded and dropped
};
