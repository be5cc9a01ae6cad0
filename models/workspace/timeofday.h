// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <QTime>

#include <optional>

// A time of day written HH:MM (24-hour clock, 00:00 .. 23:59; a single-digit hour such as 9:30 is accepted).
class TimeOfDay final
{
public:
    static std::optional<QTime> parse(QStringView text, QString *error = nullptr);
};
