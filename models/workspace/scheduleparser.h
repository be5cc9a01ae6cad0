// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QString>
#include <QStringView>

#include <optional>

// Checklist schedules: "daily 09:00", "weekly mon 09:00", "weekly mon,fri", "monthly 1", "monthly 1,15 10:00",
// "on-demand". The time is optional (absent = due by the end of the day).
class ScheduleParser final
{
public:
    static std::optional<Schedule> parse(QStringView text, QString *error = nullptr);
    // "mon" .. "sun" (case-insensitive; full English names too) -> 1 .. 7
    static std::optional<int> weekday(QStringView name);
    // "mon,fri" -> {1, 5}, sorted without repeats
    static std::optional<QList<int>> weekdays(QStringView list, QString *error = nullptr);
};
