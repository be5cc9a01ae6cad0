// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/kumaschedule.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTime>

using namespace Qt::StringLiterals;

namespace KumaSchedule {

namespace {

const QStringList &dayNames()
{
    static const QStringList days { u"sun"_s, u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s };
    return days;
}

// 0..7 (7 = Sunday again) or a three-letter name; -1 otherwise.
int dayNumber(const QString &text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (ok) {
        return n >= 0 && n <= 7 ? n % 7 : -1;
    }
    return int(dayNames().indexOf(text.toLower()));
}

void inOrder(const QList<bool> &days, QStringList *out)
{
    for (int d : { 1, 2, 3, 4, 5, 6, 0 }) {
        if (days.at(d)) {
            out->append(dayNames().at(d));
        }
    }
}

} // namespace

QStringList weekdays(const QString &field, bool *ok)
{
    *ok = true;
    if (field == u"*" || field == u"?") {
        return {};
    }
    QList<bool> days(7, false);
    for (const QString &part : field.split(u',')) {
        const QStringList range = part.split(u'-');
        const int from = dayNumber(range.value(0));
        const int to = range.size() == 2 ? dayNumber(range.at(1)) : from;
        if (range.size() > 2 || from < 0 || to < 0) {
            *ok = false;
            return {};
        }
        // "5-7" (Friday to Sunday) reads 7 as 0: walk forward from `from` until `to`.
        for (int d = from;; d = (d + 1) % 7) {
            days[d] = true;
            if (d == to) {
                break;
            }
        }
    }
    QStringList out;
    inOrder(days, &out);
    return out.size() == 7 ? QStringList() : out;
}

Window fromRow(const Row &row)
{
    Window w;
    const QTime start = QTime::fromString(row.startTime.left(5), u"HH:mm"_s);
    const QTime end = QTime::fromString(row.endTime.left(5), u"HH:mm"_s);
    const qint64 fromTimes = start.isValid() && end.isValid() ? (start.secsTo(end) + 86400) % 86400 : 0;
    w.start = start.toString(u"HH:mm"_s);
    w.durationSeconds = fromTimes > 0 ? fromTimes : row.durationSeconds;

    if (row.strategy == u"manual") {
        w.why = QCoreApplication::translate(
            "Importer", "manual: switched on and off by hand in Kuma; windows here open on a schedule");
    } else if (row.strategy == u"single") {
        w.why = QCoreApplication::translate(
            "Importer", "single: a one-off window between two dates; windows here repeat daily or on weekdays");
    } else if (row.strategy == u"recurring-day-of-month") {
        w.why = QCoreApplication::translate(
            "Importer", "recurring-day-of-month (%1): windows here repeat on weekdays, not on dates")
                    .arg(row.daysOfMonth);
    } else if (row.strategy == u"recurring-weekday") {
        QList<bool> days(7, false);
        for (const QJsonValue d : QJsonDocument::fromJson(row.weekdays.toUtf8()).array()) {
            const int n = d.isString() ? dayNumber(d.toString()) : dayNumber(QString::number(d.toInt(-1)));
            if (n >= 0) {
                days[n] = true;
            }
        }
        inOrder(days, &w.every);
        if (w.every.isEmpty()) {
            w.why = QCoreApplication::translate("Importer", "recurring-weekday without a weekday");
        } else if (w.every.size() == 7) {
            w.every.clear();
        }
    } else if (row.strategy == u"recurring-interval") {
        const QDate first = QDate::fromString(row.startDate.left(10), u"yyyy-MM-dd"_s);
        if (row.intervalDay == 7 && first.isValid()) {
            w.every = { dayNames().at(first.dayOfWeek() % 7) }; // every 7 days from a Tuesday: on Tuesdays
        } else if (row.intervalDay != 1) {
            w.why = QCoreApplication::translate(
                "Importer", "recurring-interval every %1 days: windows here repeat daily or on weekdays")
                        .arg(row.intervalDay);
        }
    } else if (row.strategy == u"cron") {
        // croner: "min hour dom month dow", or with seconds first.
        QStringList f = row.cron.simplified().split(u' ');
        if (f.size() == 6 && f.first() == u"0") {
            f.removeFirst();
        }
        static const QRegularExpression number(u"^\\d{1,2}$"_s);
        bool ok = f.size() == 5 && number.match(f[0]).hasMatch() && number.match(f[1]).hasMatch()
            && (f[2] == u"*" || f[2] == u"?") && f[3] == u"*";
        const QTime at(ok ? f[1].toInt() : -1, ok ? f[0].toInt() : -1);
        if (ok) {
            w.every = weekdays(f[4], &ok);
        }
        if (!ok || !at.isValid()) {
            w.every.clear();
            w.why = QCoreApplication::translate(
                "Importer", "cron \"%1\": only a fixed minute and hour on every day or on weekdays can be carried over")
                        .arg(row.cron);
        } else {
            w.start = at.toString(u"HH:mm"_s);
            w.durationSeconds = row.durationSeconds;
        }
    } else {
        w.why = QCoreApplication::translate("Importer", "unknown strategy \"%1\"").arg(row.strategy);
    }
    if (w.why.isEmpty() && (w.start.isEmpty() || w.durationSeconds <= 0)) {
        w.why = QCoreApplication::translate("Importer", "needs a start and an end time");
    }
    return w;
}

} // namespace KumaSchedule
