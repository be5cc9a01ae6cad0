// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

// One period of a checklist schedule: the instance a shift ticks for that day. Instants are UTC.
struct ChecklistPeriod
{
    QString key; // "<checklist id>@<local date>", e.g. "morning@2026-11-23"
    QDate date; // the local day the period belongs to
    QDateTime start; // local start of that day
    QDateTime due; // the schedule's time on that day, or the end of the day without one
    QDateTime end; // start of the next period: from then on an unsigned instance is missed
    friend bool operator==(const ChecklistPeriod &, const ChecklistPeriod &) = default;
};

enum class PeriodStatus {
    Upcoming, // not started yet
    Open, // started, not yet due
    Overdue, // past due, the next period has not started
    Missed, // the next period has started and it was never signed
    Signed,
};

// Computes the periods of a Schedule in a local time zone. Local times that do not exist (the hour skipped when
// clocks spring forward) use the offset before the gap, and repeated ones (fall back) their first occurrence, as
// RFC 5545 does: "02:30" on a spring-forward day in Berlin is 01:30 UTC.
class ScheduleCalculator final
{
public:
    explicit ScheduleCalculator(const QTimeZone &zone = QTimeZone::systemTimeZone());

    QTimeZone zone() const { return m_zone; }

    // Periods whose start lies in [from, to). On-demand schedules have none.
    QList<ChecklistPeriod> periods(
        const QString &checklistId, const Schedule &schedule, const QDateTime &from, const QDateTime &to) const;
    // Whether the schedule has a period on this local date.
    static bool occursOn(const Schedule &schedule, QDate date);
    static PeriodStatus status(const ChecklistPeriod &period, const QDateTime &now, bool isSigned);

    // The UTC instant of a local date and time in zone().
    QDateTime toUtc(QDate date, QTime time) const;
    static QString periodKey(const QString &checklistId, QDate date);

private:
    ChecklistPeriod period(const QString &checklistId, const Schedule &schedule, QDate date) const;
    QDate nextOccurrence(const Schedule &schedule, QDate after) const;

    QTimeZone m_zone;
};
