// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/duration.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MaxMs = qint64(3660) * 24 * 3600 * 1000; // about ten years: anything longer is a typo

qint64 unitMs(QStringView unit)
{
    if (unit == u"ms") {
        return 1;
    }
    if (unit == u"s") {
        return 1000;
    }
    if (unit == u"m") {
        return 60 * 1000;
    }
    if (unit == u"h") {
        return 3600 * 1000;
    }
    if (unit == u"d") {
        return 24 * 3600 * 1000;
    }
    return 0;
}

std::optional<Milliseconds> fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return std::nullopt;
}

} // namespace

std::optional<Milliseconds> Duration::parse(QStringView text, QString *error)
{
    const QStringView s = text.trimmed();
    const QString expected = QCoreApplication::translate("WorkspaceLoader", "expected a duration like 30s, got \"%1\"")
                                 .arg(text.toString());
    if (s.startsWith(u'-')) {
        return fail(error,
            QCoreApplication::translate("WorkspaceLoader", "a duration cannot be negative, got \"%1\"")
                .arg(text.toString()));
    }
    if (s == u"0") {
        return Milliseconds { 0 };
    }
    if (s.isEmpty()) {
        return fail(error, expected);
    }
    qint64 total = 0;
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype numberStart = i;
        while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128) {
            ++i;
        }
        const qsizetype unitStart = i;
        while (i < s.size() && s[i].isLetter()) {
            ++i;
        }
        if (numberStart == unitStart || unitStart == i || unitStart - numberStart > 12) {
            return fail(error, expected);
        }
        const qint64 unit = unitMs(s.sliced(unitStart, i - unitStart));
        if (unit == 0) {
            return fail(error, expected);
        }
        const qint64 number = s.sliced(numberStart, unitStart - numberStart).toLongLong();
        if (number > MaxMs / unit || total + number * unit > MaxMs) {
            return fail(error,
                QCoreApplication::translate("WorkspaceLoader", "duration \"%1\" is too long").arg(text.toString()));
        }
        total += number * unit;
    }
    return Milliseconds { total };
}

QString Duration::format(Milliseconds value)
{
    qint64 ms = value.count();
    if (ms <= 0) {
        return u"0"_s;
    }
    static constexpr struct
    {
        qint64 ms;
        char16_t unit[3];
    } units[]
        = { { 24 * 3600 * 1000, u"d" }, { 3600 * 1000, u"h" }, { 60 * 1000, u"m" }, { 1000, u"s" }, { 1, u"ms" } };
    QString out;
    for (const auto &u : units) {
        if (ms >= u.ms) {
            out += QString::number(ms / u.ms) + QStringView(u.unit);
            ms %= u.ms;
        }
    }
    return out;
}
