// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faults.h"

#include <QJsonValue>

#include <cmath>

using namespace Qt::StringLiterals;

QJsonObject Faults::toJson() const
{
    return QJsonObject {
        { u"latencyMs"_s, latencyMs },
        { u"errorRate"_s, errorRate ? QJsonValue(*errorRate) : QJsonValue(QJsonValue::Null) },
        { u"down"_s, down },
        { u"slowBodyMs"_s, slowBodyMs },
        { u"hugeBodyBytes"_s, hugeBodyBytes },
    };
}

namespace {

// A whole number in [0, max]; returns an error text or an empty string.
QString readInteger(const QJsonObject &patch, const QString &key, qint64 max, qint64 *out)
{
    const QJsonValue value = patch.value(key);
    const double number = value.toDouble(-1.0);
    if (!value.isDouble() || number < 0 || number > double(max) || std::floor(number) != number) {
        return u"%1: expected a whole number from 0 to %2"_s.arg(key).arg(max);
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
                error = u"errorRate: expected a number from 0 to 1, or null to clear the override"_s;
            }
        } else if (key == QLatin1String("down")) {
            if (!it.value().isBool()) {
                error = u"down: expected true or false"_s;
            }
            next.down = it.value().toBool();
        } else {
            error = u"%1: unknown fault (known: latencyMs, errorRate, down, slowBodyMs, hugeBodyBytes)"_s.arg(key);
        }
        if (!error.isEmpty()) {
            return error;
        }
    }
    *faults = next;
    return {};
}
