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
    connect(m_storage, &Storage::jobFinished, this, &IncidentStore::onJobFinished);
    connect(m_storage, &Storage::jobFailed, this, &IncidentStore::onJobFailed);
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
        emit incidentsReset();
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
    m_latestLoad = m_storage->submitRead(
        [workspaceId](QSqlDatabase &db) { return QVariant::fromValue(IncidentSql::loadIncidents(db, workspaceId)); });
    track(m_latestLoad, JobKind::Load, 0);
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
    const quint64 id = m_storage->submit(
        [draft, entries](QSqlDatabase &db) { return QVariant::fromValue(IncidentSql::create(db, draft, entries)); });
    track(id, JobKind::Create, 0);
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
    const quint64 id = m_storage->submit([next, seenVersion, entries](QSqlDatabase &db) {
        return QVariant::fromValue(IncidentSql::update(db, next, seenVersion, entries));
    });
    track(id, JobKind::Write, edited.id);
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
    const quint64 id = m_storage->submit([incidentId, entries](QSqlDatabase &db) {
        return QVariant::fromValue(IncidentSql::append(db, incidentId, entries));
    });
    track(id, JobKind::Write, incidentId);
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
    const quint64 id = m_storage->submit(
        [item](QSqlDatabase &db) { return QVariant::fromValue(IncidentSql::saveActionItem(db, item)); });
    track(id, JobKind::Write, item.incidentId);
    return {};
}

QString IncidentStore::removeActionItem(qint64 incidentId, qint64 itemId)
{
    if (!incident(incidentId)) {
        return tr("incident %1 is not loaded").arg(incidentId);
    }
    const quint64 id = m_storage->submit([incidentId, itemId](QSqlDatabase &db) {
        return QVariant::fromValue(IncidentSql::removeActionItem(db, incidentId, itemId));
    });
    track(id, JobKind::Write, incidentId);
    return {};
}

bool IncidentStore::isSaving(qint64 incidentId) const
{
    for (const Job &job : m_jobs) {
        if (job.incidentId == incidentId && job.kind == JobKind::Write) {
            return true;
        }
    }
    return false;
}

void IncidentStore::track(quint64 jobId, JobKind kind, qint64 incidentId)
{
    m_jobs.insert(jobId, { kind, incidentId });
    if (kind == JobKind::Write) {
        emit savingChanged(incidentId);
    }
}

void IncidentStore::reload(qint64 incidentId)
{
    const quint64 id = m_storage->submitRead(
        [incidentId](QSqlDatabase &db) { return QVariant::fromValue(IncidentSql::loadIncident(db, incidentId)); });
    track(id, JobKind::Reload, incidentId);
}

void IncidentStore::reloadIncident(qint64 incidentId)
{
    const quint64 id = m_storage->submitRead(
        [incidentId](QSqlDatabase &db) { return QVariant::fromValue(IncidentSql::loadIncident(db, incidentId)); });
    track(id, JobKind::Refresh, incidentId);
}

void IncidentStore::replaceIncident(const Incident &incident)
{
    const int i = indexOf(incident.id);
    if (i < 0) {
        m_incidents.prepend(incident);
        emit incidentAdded(incident.id);
        return;
    }
    m_incidents[i] = incident;
    emit incidentChanged(incident.id);
}

void IncidentStore::onJobFinished(quint64 id, const QVariant &result)
{
    const auto it = m_jobs.constFind(id);
    if (it == m_jobs.constEnd()) {
        return; // another component's job
    }
    const Job job = *it;
    m_jobs.erase(it);
    switch (job.kind) {
    case JobKind::Load:
        if (id == m_latestLoad) {
            m_incidents = result.value<QList<Incident>>();
            emit incidentsReset();
        }
        break;
    case JobKind::Create: {
        const auto incident = result.value<Incident>();
        replaceIncident(incident);
        emit incidentCreated(incident.id);
        break;
    }
    case JobKind::Reload:
        replaceIncident(result.value<Incident>());
        break;
    case JobKind::Refresh:
        if (const auto incident = result.value<Incident>(); incident.workspaceId == m_workspaceId) {
            replaceIncident(incident);
        }
        break;
    case JobKind::Write:
        replaceIncident(result.value<Incident>());
        emit savingChanged(job.incidentId);
        break;
    }
}

void IncidentStore::onJobFailed(quint64 id, const QString &error)
{
    const auto it = m_jobs.constFind(id);
    if (it == m_jobs.constEnd()) {
        return;
    }
    const Job job = *it;
    m_jobs.erase(it);
    switch (job.kind) {
    case JobKind::Load:
        emit loadFailed(error);
        break;
    case JobKind::Create:
    case JobKind::Reload:
        emit writeFailed(job.incidentId, error);
        break;
    case JobKind::Refresh:
        break; // offline: the change feed catches up once it is back
    case JobKind::Write:
        emit writeFailed(job.incidentId, error);
        emit savingChanged(job.incidentId);
        reload(job.incidentId); // show what is stored now (another window's edit, say)
        break;
    }
}
