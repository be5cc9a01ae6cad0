// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentstore.h"

#include "checklist/checkliststore.h"
#include "incident/incidentlifecycle.h"
#include "incident/incidentsql.h"
#include "storage/storage.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

TimelineEntry change(TimelineKind kind, const QString &subject, const QString &from, const QString &to)
{
    TimelineEntry e;
    e.kind = kind;
    e.subject = subject;
    e.from = from;
    e.to = to;
    return e;
}

QString timeText(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s) : QString();
}

} // namespace

IncidentStore::IncidentStore(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
{
    connect(m_storage, &Storage::changed, this, [this](const QString &subject, qint64 rowId) {
        if (subject == u"incidents"_s) {
            reloadIncident(rowId);
        }
    });
    connect(m_storage, &Storage::resyncNeeded, this, &IncidentStore::refresh);
}

void IncidentStore::setWorkspace(const Workspace &workspace)
{
    const bool changed = workspace.info.id != m_workspaceId;
    m_workspaceId = workspace.info.id;
    m_severities = workspace.incidents.severities.isEmpty() ? IncidentSettings::defaultSeverities()
                                                            : workspace.incidents.severities;
    m_categories = workspace.incidents.categories;
    if (changed) {
        m_incidents.clear();
        Q_EMIT incidentsReset();
    }
}

std::optional<SeverityLevel> IncidentStore::severity(const QString &id) const
{
    for (const SeverityLevel &level : m_severities) {
        if (level.id == id) {
            return level;
        }
    }
    return std::nullopt;
}

QString IncidentStore::operatorName()
{
    return ChecklistStore::operatorName();
}

void IncidentStore::refresh()
{
    const QString workspaceId = m_workspaceId;
    const quint64 generation = ++m_loadGeneration;
    m_storage
        ->read(tr("Loading the incidents"),
            [workspaceId](QSqlDatabase &db) { return IncidentSql::loadIncidents(db, workspaceId); })
        .then(this, [this, generation](const StorageResult<QList<Incident>> &r) {
            if (generation != m_loadGeneration) {
                return;
            }
            if (!r) {
                Q_EMIT loadFailed(r.error());
                return;
            }
            m_incidents = r.value();
            Q_EMIT incidentsReset();
        });
}

const Incident *IncidentStore::incident(qint64 id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_incidents.at(i);
}

int IncidentStore::indexOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_incidents.size(); ++i) {
        if (m_incidents.at(i).id == id) {
            return int(i);
        }
    }
    return -1;
}

QString IncidentStore::create(Incident draft, const QList<TimelineEntry> &evidence)
{
    if (draft.title.trimmed().isEmpty()) {
        return tr("an incident needs a title");
    }
    if (!severity(draft.severity)) {
        return tr("unknown severity \"%1\"; the workspace defines %2").arg(draft.severity, [this] {
            QStringList ids;
            for (const SeverityLevel &l : std::as_const(m_severities)) {
                ids.append(l.id);
            }
            return ids.join(u", "_s);
        }());
    }
    const QString author = operatorName();
    if (author.trimmed().isEmpty()) {
        return tr("no operator name: set one in the settings");
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    draft.workspaceId = m_workspaceId;
    draft.status = IncidentStatus::Detected;
    draft.createdAt = now;
    if (!draft.detectedAt.isValid()) {
        draft.detectedAt = now;
    }
    if (!draft.startedAt.isValid()) {
        draft.startedAt = draft.detectedAt;
    }
    TimelineEntry opened
        = change(TimelineKind::StatusChange, u"status"_s, {}, IncidentLifecycle::statusName(IncidentStatus::Detected));
    opened.occurredAt = draft.detectedAt;
    QList<TimelineEntry> entries { opened };
    entries += evidence;
    for (TimelineEntry &e : entries) {
        e.author = e.author.isEmpty() ? author : e.author;
        e.recordedAt = now;
        if (!e.occurredAt.isValid()) {
            e.occurredAt = now;
        }
    }
    m_storage
        ->write(tr("Opening the incident \"%1\"").arg(draft.title.trimmed()),
            [draft, entries](QSqlDatabase &db) { return IncidentSql::create(db, draft, entries); })
        .then(this, [this](const StorageResult<Incident> &r) {
            if (r) {
                replaceIncident(r.value());
                Q_EMIT incidentCreated(r.value().id);
            } else {
                Q_EMIT writeFailed(0, r.error());
            }
        });
    return {};
}

QList<TimelineEntry> IncidentStore::changeEntries(const Incident &before, const Incident &after)
{
    QList<TimelineEntry> out;
    if (before.status != after.status) {
        out.append(change(TimelineKind::StatusChange, u"status"_s, IncidentLifecycle::statusName(before.status),
            IncidentLifecycle::statusName(after.status)));
    }
    if (before.severity != after.severity) {
        out.append(change(TimelineKind::SeverityChange, u"severity"_s, before.severity, after.severity));
    }
    if (before.commander != after.commander) {
        out.append(change(TimelineKind::RoleChange, u"commander"_s, before.commander, after.commander));
    }
    if (before.responders != after.responders) {
        out.append(change(TimelineKind::RoleChange, u"responders"_s, before.responders.join(u", "_s),
            after.responders.join(u", "_s)));
    }
    const auto field = [&out](const char *name, const QString &from, const QString &to) {
        if (from != to) {
            out.append(change(TimelineKind::FieldChange, QString::fromLatin1(name), from, to));
        }
    };
    const auto users = [](qint64 n) { return n < 0 ? QString() : QString::number(n); };
    field("title", before.title, after.title);
    field("category", before.category, after.category);
    field("scope", before.scope, after.scope);
    field("services", before.services.join(u", "_s), after.services.join(u", "_s));
    field("affected-users", users(before.affectedUsers), users(after.affectedUsers));
    field("revenue", before.revenue, after.revenue);
    field("started", timeText(before.startedAt), timeText(after.startedAt));
    field("detected", timeText(before.detectedAt), timeText(after.detectedAt));
    field("acknowledged", timeText(before.acknowledgedAt), timeText(after.acknowledgedAt));
    field("mitigated", timeText(before.mitigatedAt), timeText(after.mitigatedAt));
    field("resolved", timeText(before.resolvedAt), timeText(after.resolvedAt));
    return out;
}

QString IncidentStore::save(const Incident &edited)
{
    const Incident *current = incident(edited.id);
    if (!current) {
        return tr("incident %1 is not loaded").arg(edited.id);
    }
    if (edited.title.trimmed().isEmpty()) {
        return tr("an incident needs a title");
    }
    if (!severity(edited.severity)) {
        return tr("unknown severity \"%1\"").arg(edited.severity);
    }
    Incident next = edited;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (edited.status != current->status) {
        next.status = current->status;
        const QString why = IncidentLifecycle::apply(next, edited.status, now);
        if (!why.isEmpty()) {
            return why;
        }
    }
    // The milestones a status change reaches are implied by its entry; only the edit's own changes are listed.
    QList<TimelineEntry> entries = changeEntries(*current, edited);
    if (entries.isEmpty() && next.postMortem == current->postMortem) {
        return {};
    }
    const QString author = operatorName();
    if (author.trimmed().isEmpty()) {
        return tr("no operator name: set one in the settings");
    }
    for (TimelineEntry &e : entries) {
        e.author = author;
        e.recordedAt = now;
        e.occurredAt = now;
    }
    const qint64 seenVersion = edited.version;
    submitWrite(edited.id, tr("Saving the incident \"%1\"").arg(current->title),
        [next, seenVersion, entries](QSqlDatabase &db) { return IncidentSql::update(db, next, seenVersion, entries); });
    return {};
}

QString IncidentStore::setStatus(qint64 incidentId, IncidentStatus to)
{
    const Incident *current = incident(incidentId);
    if (!current) {
        return tr("incident %1 is not loaded").arg(incidentId);
    }
    Incident edited = *current;
    edited.status = to;
    return save(edited);
}

QString IncidentStore::appendNote(qint64 incidentId, const QString &text, const QDateTime &occurredAt)
{
    if (text.trimmed().isEmpty()) {
        return tr("a timeline note needs some text");
    }
    TimelineEntry e;
    e.kind = TimelineKind::Note;
    e.text = text.trimmed();
    e.occurredAt = occurredAt;
    return appendEntry(incidentId, e);
}

QString IncidentStore::appendEntry(qint64 incidentId, TimelineEntry entry)
{
    if (entry.author.isEmpty()) {
        entry.author = entry.isAutomatic() ? u"opsdeck"_s : operatorName();
    }
    if (entry.author.trimmed().isEmpty()) {
        return tr("no operator name: set one in the settings");
    }
    entry.recordedAt = QDateTime::currentDateTimeUtc();
    if (!entry.occurredAt.isValid()) {
        entry.occurredAt = entry.recordedAt;
    }
    return submitAppend(incidentId, { entry });
}

QString IncidentStore::correct(qint64 incidentId, qint64 entryId, const QString &text, const QDateTime &occurredAt)
{
    const Incident *current = incident(incidentId);
    const TimelineEntry *old = current ? current->entry(entryId) : nullptr;
    if (!old) {
        return tr("timeline entry %1 of incident %2 is not loaded").arg(entryId).arg(incidentId);
    }
    TimelineEntry e = *old;
    e.id = 0;
    e.correctsId = entryId;
    e.text = text.trimmed();
    e.occurredAt = occurredAt.isValid() ? occurredAt : old->occurredAt;
    e.author = operatorName();
    if (e.kind == TimelineKind::Note && e.text.isEmpty()) {
        return tr("a correction of a note needs the corrected text");
    }
    if (e.text == old->text && e.occurredAt == old->occurredAt) {
        return tr("the correction changes nothing");
    }
    return appendEntry(incidentId, e);
}

QString IncidentStore::submitAppend(qint64 incidentId, const QList<TimelineEntry> &entries)
{
    if (!incident(incidentId)) {
        return tr("incident %1 is not loaded").arg(incidentId);
    }
    submitWrite(incidentId, tr("Adding to the timeline of the incident \"%1\"").arg(titleOf(incidentId)),
        [incidentId, entries](QSqlDatabase &db) { return IncidentSql::append(db, incidentId, entries); });
    return {};
}

QString IncidentStore::saveActionItem(const ActionItem &item)
{
    if (!incident(item.incidentId)) {
        return tr("incident %1 is not loaded").arg(item.incidentId);
    }
    if (item.action.trimmed().isEmpty()) {
        return tr("an action item needs a description of the action");
    }
    submitWrite(item.incidentId, tr("Saving an action item of the incident \"%1\"").arg(titleOf(item.incidentId)),
        [item](QSqlDatabase &db) { return IncidentSql::saveActionItem(db, item); });
    return {};
}

QString IncidentStore::removeActionItem(qint64 incidentId, qint64 itemId)
{
    if (!incident(incidentId)) {
        return tr("incident %1 is not loaded").arg(incidentId);
    }
    submitWrite(incidentId, tr("Removing an action item of the incident \"%1\"").arg(titleOf(incidentId)),
        [incidentId, itemId](QSqlDatabase &db) { return IncidentSql::removeActionItem(db, incidentId, itemId); });
    return {};
}

bool IncidentStore::isSaving(qint64 incidentId) const
{
    return m_writesInFlight.value(incidentId) > 0;
}

QString IncidentStore::titleOf(qint64 incidentId) const
{
    const Incident *i = incident(incidentId);
    return i ? i->title : QString::number(incidentId);
}

void IncidentStore::submitWrite(qint64 incidentId, const QString &what, std::function<Incident(QSqlDatabase &)> job)
{
    ++m_writesInFlight[incidentId];
    Q_EMIT savingChanged(incidentId);
    m_storage->write(what, std::move(job)).then(this, [this, incidentId](const StorageResult<Incident> &r) {
        if (--m_writesInFlight[incidentId] <= 0) {
            m_writesInFlight.remove(incidentId);
        }
        if (r) {
            replaceIncident(r.value());
            Q_EMIT savingChanged(incidentId);
            return;
        }
        Q_EMIT writeFailed(incidentId, r.error());
        Q_EMIT savingChanged(incidentId);
        reload(incidentId);
    });
}

void IncidentStore::reload(qint64 incidentId)
{
    m_storage
        ->read(tr("Reloading the incident \"%1\"").arg(titleOf(incidentId)),
            [incidentId](QSqlDatabase &db) { return IncidentSql::loadIncident(db, incidentId); })
        .then(this, [this, incidentId](const StorageResult<Incident> &r) {
            if (r) {
                replaceIncident(r.value());
            } else {
                Q_EMIT writeFailed(incidentId, r.error());
            }
        });
}

void IncidentStore::reloadIncident(qint64 incidentId)
{
    m_storage
        ->read(tr("Reloading the incident \"%1\"").arg(titleOf(incidentId)),
            [incidentId](QSqlDatabase &db) { return IncidentSql::loadIncident(db, incidentId); })
        .then(this, [this](const StorageResult<Incident> &r) {
            // Failed: offline, and the change feed catches up once it is back.
            if (r && r->workspaceId == m_workspaceId) {
                replaceIncident(r.value());
            }
        });
}

void IncidentStore::replaceIncident(const Incident &incident)
{
    const int i = indexOf(incident.id);
    if (i < 0) {
        m_incidents.prepend(incident);
        Q_EMIT incidentAdded(incident.id);
        return;
    }
    m_incidents[i] = incident;
    Q_EMIT incidentChanged(incident.id);
}

QString IncidentStore::ackRefusal(int outcome, qint64 incidentId, const Incident &stored)
{
    switch (IncidentSql::AckOutcome(outcome)) {
    case IncidentSql::AckOutcome::Acknowledged:
        return {};
    case IncidentSql::AckOutcome::NotFound:
        return tr("no incident %1 in this workspace").arg(incidentId);
    case IncidentSql::AckOutcome::AlreadyAcknowledged: {
        const TimelineEntry *by = nullptr;
        for (const TimelineEntry &e : stored.timeline) {
            by = e.kind == TimelineKind::Acknowledged ? &e : by;
        }
        return tr("incident %1 was already acknowledged at %2%3")
            .arg(incidentId)
            .arg(timeText(stored.acknowledgedAt), by ? tr(" by %1").arg(by->author) : QString());
    }
    case IncidentSql::AckOutcome::NotOpen:
        return tr("incident %1 is %2: there is nothing to acknowledge")
            .arg(incidentId)
            .arg(IncidentLifecycle::statusText(stored.status));
    }
    return {};
}

QString IncidentStore::acknowledge(qint64 incidentId, const QString &by)
{
    if (!incident(incidentId)) {
        return tr("incident %1 is not loaded").arg(incidentId);
    }
    const QString author = by.trimmed().isEmpty() ? operatorName() : by.trimmed();
    if (author.trimmed().isEmpty()) {
        return tr("no operator name: set one in the settings");
    }
    const QString workspaceId = m_workspaceId;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ++m_writesInFlight[incidentId];
    Q_EMIT savingChanged(incidentId);
    m_storage
        ->write(tr("Acknowledging the incident \"%1\"").arg(titleOf(incidentId)),
            [workspaceId, incidentId, author, now](
                QSqlDatabase &db) { return IncidentSql::acknowledge(db, workspaceId, incidentId, author, now); })
        .then(this, [this, incidentId](const StorageResult<IncidentSql::AckResult> &r) {
            if (--m_writesInFlight[incidentId] <= 0) {
                m_writesInFlight.remove(incidentId);
            }
            Q_EMIT savingChanged(incidentId);
            if (!r) {
                Q_EMIT writeFailed(incidentId, r.error());
                Q_EMIT acknowledgeFinished(incidentId, r.error());
                return;
            }
            if (r->outcome != IncidentSql::AckOutcome::NotFound) {
                replaceIncident(r->incident);
            }
            Q_EMIT acknowledgeFinished(incidentId, ackRefusal(int(r->outcome), incidentId, r->incident));
        });
    return {};
}

QString IncidentStore::claimEntry(qint64 incidentId, TimelineEntry entry, std::function<bool(const Incident &)> wanted,
    std::function<void(bool claimed)> done)
{
    if (!incident(incidentId)) {
        return tr("incident %1 is not loaded").arg(incidentId);
    }
    entry.author = entry.author.isEmpty() ? u"opsdeck"_s : entry.author;
    entry.recordedAt = QDateTime::currentDateTimeUtc();
    if (!entry.occurredAt.isValid()) {
        entry.occurredAt = entry.recordedAt;
    }
    struct Claim
    {
        Incident incident;
        bool claimed = false;
    };
    m_storage
        ->write(tr("Adding to the timeline of the incident \"%1\"").arg(titleOf(incidentId)),
            [incidentId, entry, wanted](QSqlDatabase &db) {
                Claim c;
                c.incident = IncidentSql::appendIf(db, incidentId, entry, wanted, &c.claimed);
                return c;
            })
        .then(this, [this, incidentId, done](const StorageResult<Claim> &r) {
            if (!r) {
                Q_EMIT writeFailed(incidentId, r.error());
                done(false);
                return;
            }
            replaceIncident(r->incident);
            done(r->claimed);
        });
    return {};
}
