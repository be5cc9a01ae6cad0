// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentlifecycle.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

const QStringList statusNames = { u"detected"_s, u"investigating"_s, u"mitigated"_s, u"resolved"_s, u"closed"_s };

} // namespace

QString IncidentLifecycle::statusName(IncidentStatus status)
{
    return statusNames.value(int(status));
}

std::optional<IncidentStatus> IncidentLifecycle::statusFromName(const QString &name)
{
    const qsizetype i = statusNames.indexOf(name);
    return i < 0 ? std::nullopt : std::optional(IncidentStatus(i));
}

QString IncidentLifecycle::statusText(IncidentStatus status)
{
    switch (status) {
    case IncidentStatus::Detected:
        return QCoreApplication::translate("IncidentLifecycle", "Detected");
    case IncidentStatus::Investigating:
        return QCoreApplication::translate("IncidentLifecycle", "Investigating");
    case IncidentStatus::Mitigated:
        return QCoreApplication::translate("IncidentLifecycle", "Mitigated");
    case IncidentStatus::Resolved:
        return QCoreApplication::translate("IncidentLifecycle", "Resolved");
    case IncidentStatus::Closed:
        return QCoreApplication::translate("IncidentLifecycle", "Closed");
    }
    return {};
}

QList<IncidentStatus> IncidentLifecycle::allStatuses()
{
    return { IncidentStatus::Detected, IncidentStatus::Investigating, IncidentStatus::Mitigated,
        IncidentStatus::Resolved, IncidentStatus::Closed };
}

QList<IncidentStatus> IncidentLifecycle::nextStatuses(IncidentStatus from)
{
    switch (from) {
    case IncidentStatus::Detected:
        return { IncidentStatus::Investigating, IncidentStatus::Mitigated, IncidentStatus::Resolved };
    case IncidentStatus::Investigating:
        return { IncidentStatus::Mitigated, IncidentStatus::Resolved };
    case IncidentStatus::Mitigated:
        return { IncidentStatus::Investigating, IncidentStatus::Resolved };
    case IncidentStatus::Resolved:
        return { IncidentStatus::Investigating, IncidentStatus::Closed };
    case IncidentStatus::Closed:
        return {};
    }
    return {};
}

bool IncidentLifecycle::canTransition(IncidentStatus from, IncidentStatus to)
{
    return nextStatuses(from).contains(to);
}

QString IncidentLifecycle::rejection(IncidentStatus from, IncidentStatus to)
{
    if (canTransition(from, to)) {
        return {};
    }
    const auto tr = [](const char *text) { return QCoreApplication::translate("IncidentLifecycle", text); };
    if (from == to) {
        return tr("the incident is already %1").arg(statusText(to));
    }
    if (from == IncidentStatus::Closed) {
        return tr("a closed incident cannot change its status; open a new incident instead");
    }
    if (to == IncidentStatus::Detected) {
        return tr("an incident cannot go back to %1 from %2").arg(statusText(to), statusText(from));
    }
    if (to == IncidentStatus::Closed) {
        return tr("only a resolved incident can be closed; this one is %1").arg(statusText(from));
    }
    return tr("cannot change the status from %1 to %2; only %3 can follow it")
        .arg(statusText(from), statusText(to), [&] {
            QStringList names;
            for (IncidentStatus s : nextStatuses(from)) {
                names.append(statusText(s));
            }
            return names.join(u", "_s);
        }());
}

QString IncidentLifecycle::apply(Incident &incident, IncidentStatus to, const QDateTime &at)
{
    const QString why = rejection(incident.status, to);
    if (!why.isEmpty()) {
        return why;
    }
    const auto reach = [&at](QDateTime &milestone) {
        if (!milestone.isValid()) {
            milestone = at;
        }
    };
    if (incident.status == IncidentStatus::Detected) {
        reach(incident.acknowledgedAt);
    }
    switch (to) {
    case IncidentStatus::Investigating:
        if (incident.status == IncidentStatus::Resolved) {
            incident.resolvedAt = {};
        }
        break;
    case IncidentStatus::Mitigated:
        reach(incident.mitigatedAt);
        break;
    case IncidentStatus::Resolved:
        reach(incident.mitigatedAt);
        reach(incident.resolvedAt);
        break;
    case IncidentStatus::Closed:
        reach(incident.closedAt);
        break;
    case IncidentStatus::Detected:
        break;
    }
    incident.status = to;
    return {};
}
