// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/scheduleparser.h"

#include "workspace/timeofday.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

std::optional<Schedule> fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return std::nullopt;
}

void sortUnique(QList<int> &list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
}

std::optional<QList<int>> monthDays(QStringView list, QString *error)
{
    QList<int> days;
    for (QStringView part : list.split(u',')) {
        bool ok = false;
        const int day = part.toInt(&ok);
        if (!ok || day < 1 || day > 31) {
            if (error) {
                *error = QCoreApplication::translate(
                    "WorkspaceLoader", "expected days of the month from 1 to 31 like 1,15, got \"%1\"")
                             .arg(list.toString());
            }
            return std::nullopt;
        }
        days.append(day);
    }
    sortUnique(days);
    return days;
}

} // namespace

std::optional<int> ScheduleParser::weekday(QStringView name)
{
    static constexpr const char16_t *names[]
        = { u"monday", u"tuesday", u"wednesday", u"thursday", u"friday", u"saturday", u"sunday" };
    if (name.size() < 3) {
        return std::nullopt;
    }
    for (int i = 0; i < 7; ++i) {
        const QStringView full(names[i]);
        if (name.compare(full.first(3), Qt::CaseInsensitive) == 0 || name.compare(full, Qt::CaseInsensitive) == 0) {
            return i + 1;
        }
    }
    return std::nullopt;
}

std::optional<QList<int>> ScheduleParser::weekdays(QStringView list, QString *error)
{
    QList<int> days;
    for (QStringView part : list.split(u',')) {
        const auto day = weekday(part.trimmed());
        if (!day) {
            if (error) {
                *error = QCoreApplication::translate(
                    "WorkspaceLoader", "expected weekdays like mon,fri (mon, tue, wed, thu, fri, sat, sun), got \"%1\"")
                             .arg(list.toString());
            }
            return std::nullopt;
        }
        days.append(*day);
    }
    sortUnique(days);
    return days;
}

std::optional<Schedule> ScheduleParser::parse(QStringView text, QString *error)
{
    const QString expected = QCoreApplication::translate("WorkspaceLoader",
        "expected a schedule like \"daily 09:00\", \"weekly mon,fri 09:00\", \"monthly 1\" "
        "or \"on-demand\", got \"%1\"")
                                 .arg(text.toString());
    static const QRegularExpression commaSpaces(u"\\s*,\\s*"_s);
    const QString normalized = text.trimmed().toString().replace(commaSpaces, u","_s);
    const QStringList words = normalized.split(u' ', Qt::SkipEmptyParts);

    Schedule schedule;
    schedule.text = text.trimmed().toString();
    if (words.isEmpty()) {
        return fail(error, expected);
    }
    const QString kind = words.first().toLower();
    qsizetype next = 1;
    if (kind == u"on-demand" && words.size() == 1) {
        schedule.kind = Schedule::Kind::OnDemand;
        return schedule;
    } else if (kind == u"daily") {
        schedule.kind = Schedule::Kind::Daily;
    } else if ((kind == u"weekly" || kind == u"monthly") && words.size() >= 2) {
        QString partError;
        if (kind == u"weekly") {
            schedule.kind = Schedule::Kind::Weekly;
            const auto days = weekdays(words.at(1), &partError);
            if (!days) {
                return fail(error, partError);
            }
            schedule.weekdays = *days;
        } else {
            schedule.kind = Schedule::Kind::Monthly;
            const auto days = monthDays(words.at(1), &partError);
            if (!days) {
                return fail(error, partError);
            }
            schedule.monthDays = *days;
        }
        next = 2;
    } else {
        return fail(error, expected);
    }
    if (words.size() == next + 1) {
        QString timeError;
        schedule.time = TimeOfDay::parse(words.at(next), &timeError);
        if (!schedule.time) {
            return fail(error, timeError);
        }
    } else if (words.size() > next + 1) {
        return fail(error, expected);
    }
    return schedule;
}
