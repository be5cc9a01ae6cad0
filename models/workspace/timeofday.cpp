// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/timeofday.h"

#include <QCoreApplication>

#include <algorithm>

std::optional<QTime> TimeOfDay::parse(QStringView text, QString *error)
{
    const QStringView s = text.trimmed();
    const qsizetype colon = s.indexOf(u':');
    auto isNumber = [](QStringView part, qsizetype minLength) {
        if (part.size() < minLength || part.size() > 2) {
            return false;
        }
        return std::all_of(part.begin(), part.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    if (colon > 0 && isNumber(s.first(colon), 1) && isNumber(s.sliced(colon + 1), 2)) {
        const int hour = s.first(colon).toInt();
        const int minute = s.sliced(colon + 1).toInt();
        if (hour < 24 && minute < 60) {
            return QTime(hour, minute);
        }
    }
    if (error) {
        *error = QCoreApplication::translate("WorkspaceLoader", "expected a time like 09:00, got \"%1\"")
                     .arg(text.toString());
    }
    return std::nullopt;
}
