// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/schedulecalculator.h"

using namespace Qt::StringLiterals;

namespace {

// Longer than any gap between two periods (monthly on the 31st: 31 days after clamping).
constexpr int MaxPeriodGapDays = 62;

} // namespace

ScheduleCalculator::ScheduleCalculator(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
{ }

bool ScheduleCalculator::occursOn(const Schedule &schedule, QDate date)
{
    switch (schedule.kind) {
    case Schedule::Kind::OnDemand:
        return false;
    case Schedule::Kind::Daily:
        return true;
    case Schedule::Kind::Weekly:
        return schedule.weekdays.contains(date.dayOfWeek());
    case Schedule::Kind::Monthly: {
        const int last = date.daysInMonth();
        for (int day : schedule.monthDays) {
            if (qMin(day, last) == date.day()) {
                return true;
            }
        }
        return false;
    }
    }
    return false;
}

QDateTime ScheduleCalculator::toUtc(QDate date, QTime time) const
{
    // The local wall-clock reading as if it were UTC; the real instant is that minus the zone's offset then.
    const qint64 naive = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    constexpr qint64 window = 15LL * 3600 * 1000; // offsets stay within +-14 h
    const auto offsetAt = [this](qint64 ms) {
        return qint64(m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC))) * 1000;
    };
    const qint64 before = offsetAt(naive - window);
    const qint64 after = offsetAt(naive + window);
    const qint64 first = naive - before;
    const qint64 second = naive - after;
    const bool firstValid = offsetAt(first) == before;
    const bool secondValid = offsetAt(second) == after;
    qint64 ms = first; // in a gap: the offset before it
    if (firstValid && secondValid) {
        ms = qMin(first, second);
    } else if (secondValid) {
        ms = second;
    }
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString ScheduleCalculator::periodKey(const QString &checklistId, QDate date)
{
    return checklistId + u'@' + date.toString(Qt::ISODate);
}

QDate ScheduleCalculator::nextOccurrence(const Schedule &schedule, QDate after) const
{
    for (int i = 1; i <= MaxPeriodGapDays; ++i) {
        const QDate date = after.addDays(i);
        if (occursOn(schedule, date)) {
            return date;
        }
    }
    return after.addDays(1);
}

ChecklistPeriod ScheduleCalculator::period(const QString &checklistId, const Schedule &schedule, QDate date) const
{
    ChecklistPeriod p;
    p.key = periodKey(checklistId, date);
    p.date = date;
    p.start = toUtc(date, QTime(0, 0));
    p.due = schedule.time ? toUtc(date, *schedule.time) : toUtc(date.addDays(1), QTime(0, 0));
    p.end = toUtc(nextOccurrence(schedule, date), QTime(0, 0));
    if (p.end < p.due) {
        p.end = p.due;
    }
    return p;
}

QList<ChecklistPeriod> ScheduleCalculator::periods(
    const QString &checklistId, const Schedule &schedule, const QDateTime &from, const QDateTime &to) const
{
    QList<ChecklistPeriod> out;
    if (schedule.kind == Schedule::Kind::OnDemand || !from.isValid() || !to.isValid() || to <= from) {
        return out;
    }
    const QDate first = from.toTimeZone(m_zone).date().addDays(-1);
    const QDate last = to.toTimeZone(m_zone).date().addDays(1);
    for (QDate date = first; date <= last; date = date.addDays(1)) {
        if (!occursOn(schedule, date)) {
            continue;
        }
        ChecklistPeriod p = period(checklistId, schedule, date);
        if (p.start >= from && p.start < to) {
            out.append(p);
        }
    }
    return out;
}

PeriodStatus ScheduleCalculator::status(const ChecklistPeriod &period, const QDateTime &now, bool isSigned)
{
    if (isSigned) {
        return PeriodStatus::Signed;
    }
    if (now < period.start) {
        return PeriodStatus::Upcoming;
    }
    if (now < period.due) {
        return PeriodStatus::Open;
    }
    return now < period.end ? PeriodStatus::Overdue : PeriodStatus::Missed;
}
