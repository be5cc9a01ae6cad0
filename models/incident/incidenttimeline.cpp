// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidenttimeline.h"

#include "incident/incidentlifecycle.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("IncidentTimeline", text);
}

QString statusText(const QString &name)
{
    const auto status = IncidentLifecycle::statusFromName(name);
    return status ? IncidentLifecycle::statusText(*status) : name;
}

QString fieldText(const QString &field)
{
    if (field == u"commander"_s) {
        return tr("Commander");
    }
    if (field == u"responders"_s) {
        return tr("Responders");
    }
    if (field == u"title"_s) {
        return tr("Title");
    }
    if (field == u"category"_s) {
        return tr("Category");
    }
    if (field == u"scope"_s) {
        return tr("Scope");
    }
    if (field == u"services"_s) {
        return tr("Services");
    }
    if (field == u"affected-users"_s) {
        return tr("Affected users");
    }
    if (field == u"revenue"_s) {
        return tr("Revenue impact");
    }
    if (field == u"started"_s) {
        return tr("Started");
    }
    if (field == u"detected"_s) {
        return tr("Detected");
    }
    if (field == u"acknowledged"_s) {
        return tr("Acknowledged");
    }
    if (field == u"mitigated"_s) {
        return tr("Mitigated");
    }
    if (field == u"resolved"_s) {
        return tr("Resolved");
    }
    return field;
}

QString change(const QString &label, const QString &from, const QString &to)
{
    const QString none = tr("(none)");
    return tr("%1: %2 → %3").arg(label, from.isEmpty() ? none : from, to.isEmpty() ? none : to);
}

QHash<qint64, qint64> parents(const QList<TimelineEntry> &entries)
{
    QHash<qint64, qint64> parent;
    for (const TimelineEntry &e : entries) {
        parent.insert(e.id, e.correctsId);
    }
    return parent;
}

qint64 root(const QHash<qint64, qint64> &parent, qint64 entryId)
{
    qint64 id = entryId;
    // Bounded walk: a corrupt cycle must not hang the GUI.
    for (qsizetype steps = 0; steps <= parent.size(); ++steps) {
        const qint64 up = parent.value(id, 0);
        if (up == 0 || !parent.contains(up)) {
            return id;
        }
        id = up;
    }
    return id;
}

} // namespace

qint64 IncidentTimeline::rootOf(const QList<TimelineEntry> &entries, qint64 entryId)
{
    return root(parents(entries), entryId);
}

QSet<qint64> IncidentTimeline::superseded(const QList<TimelineEntry> &entries)
{
    const QHash<qint64, qint64> parent = parents(entries);
    QHash<qint64, qint64> newest; // root → newest id
    for (const TimelineEntry &e : entries) {
        const qint64 r = root(parent, e.id);
        newest[r] = std::max(newest.value(r, 0), e.id);
    }
    QSet<qint64> out;
    for (const TimelineEntry &e : entries) {
        if (newest.value(root(parent, e.id)) != e.id) {
            out.insert(e.id);
        }
    }
    return out;
}

QList<IncidentTimeline::Effective> IncidentTimeline::effective(const QList<TimelineEntry> &entries)
{
    const QHash<qint64, qint64> parent = parents(entries);
    QHash<qint64, qsizetype> byRoot;
    QList<Effective> out;
    for (const TimelineEntry &e : entries) {
        const qint64 r = root(parent, e.id);
        const auto it = byRoot.constFind(r);
        if (it == byRoot.constEnd()) {
            byRoot.insert(r, out.size());
            out.append({ e, r, e.id == r ? 0 : 1 });
            continue;
        }
        Effective &chain = out[*it];
        if (e.id != r) {
            ++chain.corrections;
        }
        if (e.id > chain.entry.id) {
            chain.entry = e;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Effective &a, const Effective &b) {
        if (a.entry.occurredAt != b.entry.occurredAt) {
            return a.entry.occurredAt < b.entry.occurredAt;
        }
        return a.rootId < b.rootId;
    });
    return out;
}

QString IncidentTimeline::kindText(TimelineKind kind)
{
    switch (kind) {
    case TimelineKind::Note:
        return tr("Note");
    case TimelineKind::StatusChange:
        return tr("Status");
    case TimelineKind::SeverityChange:
        return tr("Severity");
    case TimelineKind::RoleChange:
        return tr("Role");
    case TimelineKind::FieldChange:
        return tr("Update");
    case TimelineKind::EndpointState:
        return tr("Endpoint");
    case TimelineKind::KpiThreshold:
        return tr("KPI");
    case TimelineKind::RunbookStep:
        return tr("Runbook");
    case TimelineKind::ChecklistSignOff:
        return tr("Checklist");
    case TimelineKind::Notification:
        return tr("Notification");
    case TimelineKind::Escalation:
        return tr("Escalation");
    case TimelineKind::Acknowledged:
        return tr("Acknowledged");
    case TimelineKind::AutoIncident:
        return tr("Automatic");
    }
    return {};
}

QString IncidentTimeline::describe(const TimelineEntry &entry)
{
    QString line;
    switch (entry.kind) {
    case TimelineKind::Note:
    case TimelineKind::RunbookStep:
    case TimelineKind::ChecklistSignOff:
    case TimelineKind::Notification:
    case TimelineKind::Escalation:
    case TimelineKind::AutoIncident:
        return entry.text;
    case TimelineKind::Acknowledged:
        line = tr("Acknowledged by %1").arg(entry.author);
        break;
    case TimelineKind::StatusChange:
        if (entry.from.isEmpty()) {
            line = tr("Opened as %1").arg(statusText(entry.to));
            break;
        }
        line = change(tr("Status"), statusText(entry.from), statusText(entry.to));
        break;
    case TimelineKind::SeverityChange:
        line = change(tr("Severity"), entry.from, entry.to);
        break;
    case TimelineKind::RoleChange:
    case TimelineKind::FieldChange:
        line = change(fieldText(entry.subject), entry.from, entry.to);
        break;
    case TimelineKind::EndpointState:
    case TimelineKind::KpiThreshold:
        line = entry.from.isEmpty() ? tr("%1: %2").arg(entry.subject, entry.to)
                                    : change(entry.subject, entry.from, entry.to);
        break;
    }
    return entry.text.isEmpty() ? line : line + u" ("_s + entry.text + u')';
}
