// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QString>

#include <optional>

// One SLA figure (time to acknowledge or to resolve) of an incident against its severity's target, counted from
// the incident's anchor (started, else detected) to the milestone, or to `now` while the milestone is not reached.
struct SlaFigure
{
    enum class State {
        None, // no target, or no anchor to count from
        Ok, // running under the near threshold, or stopped within the target
        Near, // running, past nearFraction of the target
        Breached, // past the target (running or stopped)
    };
    State state = State::None;
    Milliseconds elapsed { 0 };
    Milliseconds target { 0 };
    bool running = false; // the milestone is not reached yet

    Milliseconds remaining() const { return target - elapsed; }
};

class SlaClock final
{
public:
    static constexpr double nearFraction = 0.75;

    static SlaFigure acknowledge(const Incident &incident, const SeverityLevel &level, const QDateTime &now);
    static SlaFigure resolve(const Incident &incident, const SeverityLevel &level, const QDateTime &now);
    static SlaFigure figure(
        const QDateTime &anchor, const QDateTime &reached, Milliseconds target, const QDateTime &now);

    // "12:34" under an hour, "3:04:05" above, "2d 3h" above a day; negative with a leading minus.
    static QString formatDuration(Milliseconds duration);
    // "4:12 / 5:00" while running, "overdue by 1:05", "met in 4:12", "missed by 0:30" (translated).
    static QString text(const SlaFigure &figure);

    static std::optional<SeverityLevel> level(const QList<SeverityLevel> &levels, const QString &id);
};
