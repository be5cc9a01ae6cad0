// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// Which status changes are allowed, and what they do to the milestones.
//
//   detected      → investigating, mitigated, resolved
//   investigating → mitigated, resolved
//   mitigated     → investigating (the mitigation did not hold), resolved
//   resolved      → investigating (reopened), closed
//   closed        → nothing: a closed incident is a record
class IncidentLifecycle final
{
public:
    static QString statusName(IncidentStatus status); // stable, for the database: "detected", ...
    static std::optional<IncidentStatus> statusFromName(const QString &name);
    static QString statusText(IncidentStatus status); // translated
    static QList<IncidentStatus> allStatuses();

    static QList<IncidentStatus> nextStatuses(IncidentStatus from);
    static bool canTransition(IncidentStatus from, IncidentStatus to);
    // Why the change is not allowed (translated), or an empty string when it is.
    static QString rejection(IncidentStatus from, IncidentStatus to);

    // Moves `incident` to `to` at `at`: sets the milestone the change reaches when it is not set yet
    // (acknowledged on leaving detected, mitigated, resolved, closed); reopening clears resolved.
    // Returns the rejection and leaves the incident alone when the change is not allowed.
    static QString apply(Incident &incident, IncidentStatus to, const QDateTime &at);
};
