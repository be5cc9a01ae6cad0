// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checklist/checklistinstance.h"
#include "checklist/schedulecalculator.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimeZone>

#include <functional>
#include <optional>

class Storage;
struct ChecklistWriteResult;
struct NewChecklistInstance;

// The checklists of a workspace over Storage: creates the instances of due periods, loads them, and records
// ticks and sign-offs, all asynchronously. An item shows Saving until the worker has committed the write, then
// Saved; Unsaved (with the error, and retry()) when it failed; Conflict when another window changed the item first
// (the record is kept in the history, not applied). Every failed write (ticks, sign-offs, creating the instances of
// due periods) also reaches the operator through Storage::writeFailed().
class ChecklistStore final : public QObject
{
    Q_OBJECT
public:
    enum class SaveState { Saved, Saving, Unsaved, Conflict };
    Q_ENUM(SaveState)
    // The latest probe result for a verify: target, or nullopt when there is none yet. Wired to the probe engine.
    using Verifier = std::function<std::optional<ChecklistEvidence>(const ChecklistVerify &verify)>;

    explicit ChecklistStore(Storage *storage, QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    QString workspaceId() const { return m_workspaceId; }
    const QList<Checklist> &templates() const { return m_templates; }
    void setTimeZone(const QTimeZone &zone) { m_calc = ScheduleCalculator(zone); }
    QTimeZone timeZone() const { return m_calc.zone(); }
    // How far back periods are created (missed ones too) and loaded for history; default 35 days.
    void setLookbackDays(int days) { m_lookbackDays = days; }
    void setVerifier(Verifier verifier) { m_verifier = std::move(verifier); }
    bool hasVerifier() const { return bool(m_verifier); }

    // QSettings "operator/name", else the OS user.
    static QString operatorName();

    // Creates the instances of every period started in the lookback window up to `now`, then reloads.
    void refresh(const QDateTime &now = QDateTime::currentDateTimeUtc());
    void startOnDemand(const QString &checklistId, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Reads one instance again (another console changed it, see Storage::changed); one of this workspace that is
    // not loaded yet and within the lookback window is added.
    void reloadInstance(qint64 instanceId);

    const QList<ChecklistInstance> &instances() const { return m_instances; }
    const ChecklistInstance *instance(qint64 id) const;

    // Evidence for an item at tick time: the verifier's latest result, or "not verified (no probe result yet)".
    ChecklistEvidence evidenceFor(const ChecklistItem &item) const;

    // Return false (and do nothing) when the item is unknown, the instance signed, or a write is in flight.
    bool tick(qint64 instanceId, const QString &itemId, const QString &note = {});
    bool untick(qint64 instanceId, const QString &itemId, const QString &note = {});
    bool skip(qint64 instanceId, const QString &itemId, const QString &reason);
    bool retry(qint64 instanceId, const QString &itemId);
    void sign(qint64 instanceId, const QString &comment);

    // Instances that became overdue (past due, unsigned, their period not over) since the last call: each one is
    // reported once per store, through becameLate() too. Instances already late at the first call count as well.
    QList<qint64> checkLate(const QDateTime &now = QDateTime::currentDateTimeUtc());

    SaveState saveState(qint64 instanceId, const QString &itemId) const;
    QString saveError(qint64 instanceId, const QString &itemId) const;
    bool isSaving(qint64 instanceId) const;

Q_SIGNALS:
    void instancesReset();
    void instanceChanged(qint64 instanceId);
    void itemSaveStateChanged(qint64 instanceId, const QString &itemId);
    void loadFailed(const QString &error);
    void conflictDetected(qint64 instanceId, const QString &itemId, const QString &message);
    void signedOff(qint64 instanceId);
    void signFailed(qint64 instanceId, const QString &error);
    void becameLate(qint64 instanceId);

private:
    struct Write
    {
        qint64 instanceId = 0;
        qint64 seenItemVersion = 0;
        ChecklistTick tick;
    };
    struct ItemSave
    {
        SaveState state = SaveState::Saved;
        QString error;
        Write last;
    };
    bool record(
        qint64 instanceId, const QString &itemId, TickAction action, const QString &note, const QString &skipReason);
    void submitWrite(const Write &write);
    void onWritten(qint64 instanceId, const QString &itemId, const ChecklistWriteResult &write);
    void ensureInstances(const QString &what, const QList<NewChecklistInstance> &instances, qint64 nowMs);
    QString titleOf(qint64 instanceId) const;
    void replaceInstance(const ChecklistInstance &instance);
    void mergeInstance(const ChecklistInstance &instance);
    void setItemSave(qint64 instanceId, const QString &itemId, SaveState state, const QString &error = {});
    static QString itemKey(qint64 instanceId, const QString &itemId);

    Storage *m_storage;
    ScheduleCalculator m_calc;
    Verifier m_verifier;
    QString m_workspaceId;
    QList<Checklist> m_templates;
    QList<ChecklistInstance> m_instances;
    QHash<QString, ItemSave> m_saves;
    int m_lookbackDays = 35;
    qint64 m_loadedSinceMs = 0;
    QSet<qint64> m_reportedLate;
};
