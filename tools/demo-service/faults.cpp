// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faults.h"

#include <QJsonValue>

#include <cmath>

QJsonObject Faults::toJson() const
{
    return QJsonObject {
        { QStringLiteral("latencyMs"), latencyMs },
        { QStringLiteral("errorRate"), errorRate ? QJsonValue(*errorRate) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("down"), down },
        { QStringLiteral("slowBodyMs"), slowBodyMs },
        { QStringLiteral("hugeBodyBytes"), hugeBodyBytes },
    };
}

namespace {

// A whole number in [0, max]; returns an error text or an empty string.
QString readInteger(const QJsonObject &patch, const QString &key, qint64 max, qint64 *out)
{
    const QJsonValue value = patch.value(key);
    const double number = value.toDouble(-1.0);
    if (!value.isDouble() || number < 0 || number > double(max) || std::floor(number) != number) {
        return QStringLiteral("%1: expected a whole number from 0 to %2").arg(key).arg(max);
    }
    *out = qint64(number);
    return {};
}

} // namespace

QString Faults::apply(const QJsonObject &patch, Faults *faults)
{
    Faults next = *faults;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString key = it.key();
        qint64 number = 0;
        QString error;
        if (key == QLatin1String("latencyMs")) {
            error = readInteger(patch, key, maxDelayMs, &number);
            next.latencyMs = int(number);
        } else if (key == QLatin1String("slowBodyMs")) {
            error = readInteger(patch, key, maxDelayMs, &number);
            next.slowBodyMs = int(number);
        } else if (key == QLatin1String("hugeBodyBytes")) {
            error = readInteger(patch, key, maxHugeBodyBytes, &number);
            next.hugeBodyBytes = number;
        } else if (key == QLatin1String("errorRate")) {
            if (it.value().isNull()) {
                next.errorRate.reset();
            } else if (const double rate = it.value().toDouble(-1.0); it.value().isDouble() && rate >= 0 && rate <= 1) {
                next.errorRate = rate;
            } else {
                error = QStringLiteral("errorRate: expected a number from 0 to 1, or null to clear the override");
            }
        } else if (key == QLatin1String("down")) {
            if (!it.value().isBool()) {
                error = QStringLiteral("down: expected true or false");
            }
            next.down = it.value().toBool();
        } else {
            error = QStringLiteral("%1: unknown fault (known: latencyMs, errorRate, down, slowBodyMs, hugeBodyBytes)")
                        .arg(key);
        }
        if (!error.isEmpty()) {
            return error;
        }
    }
    *faults = next;
    return {};
}
