// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// When an Uptime Kuma maintenance opens, as a workspace window (a start time, a duration and weekdays) where that
// can say it. Kuma (server/model/maintenance.js) turns every recurring strategy into a cron pattern run by croner:
// weekdays are cron day-of-week numbers (0 or 7 Sunday, 1 Monday, ...), `duration` is in seconds (cron strategy,
// and recurring ones since 1.23; older rows have only start_time/end_time), recurring-interval fires every
// `interval_day` days counted from start_date.
namespace KumaSchedule {

struct Row
{
    QString strategy; // manual, single, recurring-interval, recurring-weekday, recurring-day-of-month, cron
    QString startTime; // "HH:mm" or "HH:mm:ss"
    QString endTime;
    qint64 durationSeconds = 0;
    QString weekdays; // JSON array
    QString daysOfMonth; // JSON array
    qint64 intervalDay = 0;
    QString startDate; // "YYYY-MM-DD ..." or empty
    QString cron;
};

struct Window
{
    QString start; // "HH:mm"
    qint64 durationSeconds = 0;
    QStringList every; // "mon", ...; empty = every day
    QString why; // non-empty: not expressible, and why
};

Window fromRow(const Row &row);
// A cron day-of-week field ("1-5", "MON,WED", "0,6", "*") as day names; nullopt-like: `ok` false when not one.
QStringList weekdays(const QString &field, bool *ok);

} // namespace KumaSchedule
