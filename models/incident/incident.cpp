// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incident.h"

using namespace Qt::StringLiterals;

namespace {

const QStringList kindNames = { u"note"_s, u"status"_s, u"severity"_s, u"role"_s, u"field"_s, u"endpoint"_s, u"kpi"_s,
    u"runbook"_s, u"checklist"_s, u"notification"_s, u"escalation"_s, u"acknowledged"_s, u"auto"_s };
const QStringList actionStatusNames = { u"open"_s, u"in-progress"_s, u"done"_s };

} // namespace

QString TimelineEntry::kindName(TimelineKind kind)
{
    return kindNames.value(int(kind));
}

std::optional<TimelineKind> TimelineEntry::kindFromName(const QString &name)
{
    const qsizetype i = kindNames.indexOf(name);
    return i < 0 ? std::nullopt : std::optional(TimelineKind(i));
}

QList<TimelineKind> TimelineEntry::allKinds()
{
    QList<TimelineKind> out;
    for (qsizetype i = 0; i < kindNames.size(); ++i) {
        out.append(TimelineKind(i));
    }
    return out;
}

QString ActionItem::statusName(ActionStatus status)
{
    return actionStatusNames.value(int(status));
}

std::optional<ActionStatus> ActionItem::statusFromName(const QString &name)
{
    const qsizetype i = actionStatusNames.indexOf(name);
    return i < 0 ? std::nullopt : std::optional(ActionStatus(i));
}

const TimelineEntry *Incident::entry(qint64 entryId) const
{
    for (const TimelineEntry &e : timeline) {
        if (e.id == entryId) {
            return &e;
        }
    }
    return nullptr;
}
