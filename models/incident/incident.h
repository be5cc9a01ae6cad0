// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain values of the incident area: the incident with its milestones, impact and post-mortem fields, its
// append-only timeline and its action items. IncidentStore loads and writes them; item models wrap them.

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Seed 001's lifecycle, in order.
enum class IncidentStatus { Detected, Investigating, Mitigated, Resolved, Closed };

enum class TimelineKind {
    Note,
    StatusChange,
    SeverityChange,
    RoleChange, // commander or responders
    FieldChange, // title, impact, milestones ...
    EndpointState, // automatic: an endpoint changed state
    KpiThreshold, // automatic: a KPI crossed a threshold
    RunbookStep, // automatic: a runbook step ran, with its result
    ChecklistSignOff, // automatic: a checklist was signed
    Notification, // automatic: a message went (or failed to go) to a provider; subject = provider id
    Escalation, // automatic: an escalation step; subject = policy, to = level (1-based), from = reminder number
    Acknowledged, // someone acknowledged the incident: the escalation stops
    AutoIncident, // automatic: a rule opened or added to the incident; subject = rule, from = endpoint/KPI, to = action
};

// One append-only entry. A correction is a new entry whose correctsId names the entry it corrects (which may
// itself be a correction); the corrected text and occurred-at replace the old ones in the effective timeline.
struct TimelineEntry
{
    qint64 id = 0;
    qint64 incidentId = 0;
    TimelineKind kind = TimelineKind::Note;
    QString author; // operator name, or "opsdeck" for automatic entries
    QDateTime recordedAt; // when it was written; never changes
    QDateTime occurredAt; // when it happened; back-filled events set it earlier
    QString text; // a note, or the summary of an automatic event
    QString subject; // the field, endpoint, KPI, runbook or checklist it is about
    QString from; // status, severity, role or state changes: old and new value
    QString to;
    qint64 correctsId = 0;

    bool isCorrection() const { return correctsId != 0; }
    bool isAutomatic() const { return kind >= TimelineKind::EndpointState && kind != TimelineKind::Acknowledged; }
    static QString kindName(TimelineKind kind); // stable name for the database
    static std::optional<TimelineKind> kindFromName(const QString &name);
    static QList<TimelineKind> allKinds();
};

enum class ActionStatus { Open, InProgress, Done };

// Post-mortem action items: action, owner, due date, status (seed 000's table).
struct ActionItem
{
    qint64 id = 0; // 0 = not stored yet
    qint64 incidentId = 0;
    QString action;
    QString owner;
    QDate due;
    ActionStatus status = ActionStatus::Open;

    static QString statusName(ActionStatus status);
    static std::optional<ActionStatus> statusFromName(const QString &name);
    friend bool operator==(const ActionItem &, const ActionItem &) = default;
};

// Seed 000's post-mortem sections. Multi-line fields hold one point per line.
struct PostMortem
{
    QString summary;
    QString rootCause;
    QString contributingFactors;
    QString resolution;
    QString preventionImmediate;
    QString preventionLongTerm;
    QString lessons;
    friend bool operator==(const PostMortem &, const PostMortem &) = default;
};

struct Incident
{
    qint64 id = 0;
    QString workspaceId;
    QString title;
    QString severity; // SeverityLevel::id
    IncidentStatus status = IncidentStatus::Detected;
    QString commander;
    QStringList responders;
    QString category;
    // Impact: the scope in words, affected users (-1 = unknown), services (endpoint names or groups), revenue.
    QString scope;
    qint64 affectedUsers = -1;
    QStringList services;
    QString revenue;
    // Milestones; "started" may be back-dated and anchors the time-to-X figures.
    QDateTime startedAt;
    QDateTime detectedAt;
    QDateTime acknowledgedAt;
    QDateTime mitigatedAt;
    QDateTime resolvedAt;
    QDateTime closedAt;
    PostMortem postMortem;
    QDateTime createdAt;
    qint64 version = 0; // counts writes of the fields above, for optimistic concurrency
    QList<TimelineEntry> timeline; // in recording order
    QList<ActionItem> actionItems;

    bool isOpen() const { return status < IncidentStatus::Resolved; }
    // The moment the SLA clocks count from: started, else detected.
    QDateTime anchor() const { return startedAt.isValid() ? startedAt : detectedAt; }
    const TimelineEntry *entry(qint64 entryId) const;
};

Q_DECLARE_METATYPE(Incident)
Q_DECLARE_METATYPE(TimelineEntry)
