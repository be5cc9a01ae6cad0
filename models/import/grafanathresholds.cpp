// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/grafanathresholds.h"

#include <QColor>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using Level = GrafanaThresholds::Level;

struct Step
{
    std::optional<double> value; // nullopt = the base step
    Level level;
};

// Steps in ascending order (Grafana keeps them so) to lines and a direction.
GrafanaThresholds fromLevels(const QList<Step> &steps)
{
    GrafanaThresholds t;
    if (steps.size() < 2) {
        return t;
    }
    const Level base = steps.front().level;
    if (base == Level::Crit || base == Level::Warn) {
        // Descending: bad at the bottom. Crit ends where the first non-red step starts; warn where the first ok
        // step starts.
        t.below = true;
        for (qsizetype i = 1; i < steps.size(); ++i) {
            const Step &s = steps.at(i);
            if (!s.value) {
                continue;
            }
            if (base == Level::Crit && !t.crit && s.level != Level::Crit) {
                t.crit = s.value;
            }
            if (!t.warn && s.level == Level::Ok) {
                t.warn = s.value;
                break;
            }
        }
        if (t.warn && t.crit && *t.warn == *t.crit) {
            t.warn.reset(); // red straight to green: no warning band
        }
        return t;
    }
    for (qsizetype i = 1; i < steps.size(); ++i) {
        const Step &s = steps.at(i);
        if (!s.value) {
            continue;
        }
        if (s.level == Level::Warn && !t.warn && !t.crit) {
            t.warn = s.value;
        } else if (s.level == Level::Crit && !t.crit) {
            t.crit = s.value;
        }
    }
    if (t.isEmpty() && base == Level::Ok) {
        t.problem
            = QCoreApplication::translate("Importer", "threshold colours other than green, yellow/orange and red");
    }
    return t;
}

bool finite(const std::optional<double> &v)
{
    return !v || std::isfinite(*v);
}

GrafanaThresholds checked(GrafanaThresholds t)
{
    if (!finite(t.warn) || !finite(t.crit)) {
        t = {};
        t.problem = QCoreApplication::translate("Importer", "a threshold is not a finite number");
    }
    return t;
}

} // namespace

GrafanaThresholds::Level GrafanaThresholds::classify(const QString &text)
{
    const QString c = text.trimmed().toLower();
    if (c.isEmpty() || c == u"transparent" || c == u"text") {
        return Level::Other;
    }
    if (c.contains(u"red")) {
        return Level::Crit;
    }
    if (c.contains(u"yellow") || c.contains(u"orange")) {
        return Level::Warn;
    }
    if (c.contains(u"green")) {
        return Level::Ok;
    }
    QColor color = QColor::fromString(c);
    if (!color.isValid() && c.startsWith(u"rgb")) {
        const QStringList parts = c.section(u'(', 1).section(u')', 0, 0).split(u',');
        if (parts.size() >= 3) {
            color = QColor(parts[0].trimmed().toInt(), parts[1].trimmed().toInt(), parts[2].trimmed().toInt());
        }
    }
    if (!color.isValid() || color.hsvSaturation() < 60) {
        return Level::Other;
    }
    const int hue = color.hsvHue();
    if (hue < 20 || hue >= 330) {
        return Level::Crit;
    }
    if (hue < 65) {
        return Level::Warn;
    }
    if (hue < 170) {
        return Level::Ok;
    }
    return Level::Other;
}

GrafanaThresholds GrafanaThresholds::fromSteps(const QJsonValue &thresholds)
{
    const QJsonObject object = thresholds.toObject();
    QList<Step> steps;
    for (const QJsonValue &v : object.value(u"steps"_s).toArray()) {
        const QJsonObject step = v.toObject();
        const QJsonValue value = step.value(u"value"_s);
        steps.append({ value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt,
            classify(step.value(u"color"_s).toString()) });
    }
    // Grafana reads the first step as the base and the others in order of value, whatever order they are written in.
    if (steps.size() > 2) {
        std::stable_sort(steps.begin() + 1, steps.end(),
            [](const Step &a, const Step &b) { return a.value.value_or(-qInf()) < b.value.value_or(-qInf()); });
    }
    GrafanaThresholds t = checked(fromLevels(steps));
    if (!t.isEmpty() && object.value(u"mode"_s).toString() == u"percentage") {
        t = {};
        t.problem = QCoreApplication::translate("Importer", "percentage thresholds (relative to min/max)");
    }
    return t;
}

GrafanaThresholds GrafanaThresholds::fromLegacy(const QJsonValue &thresholds, const QJsonValue &colors)
{
    QList<double> values;
    const QString text = thresholds.isString() ? thresholds.toString() : QString();
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok) {
            GrafanaThresholds t;
            t.problem = QCoreApplication::translate("Importer", "thresholds \"%1\" are not numbers").arg(text);
            return t;
        }
        values.append(v);
    }
    const QJsonArray colorList = colors.toArray();
    if (values.isEmpty() || colorList.size() < values.size() + 1) {
        return {};
    }
    QList<Step> steps { { std::nullopt, classify(colorList.at(0).toString()) } };
    for (qsizetype i = 0; i < values.size(); ++i) {
        steps.append({ values.at(i), classify(colorList.at(i + 1).toString()) });
    }
    return checked(fromLevels(steps));
}

GrafanaThresholds GrafanaThresholds::fromGraph(const QJsonValue &thresholds)
{
    GrafanaThresholds t;
    for (const QJsonValue &v : thresholds.toArray()) {
        const QJsonObject o = v.toObject();
        const QString mode = o.value(u"colorMode"_s).toString();
        const QJsonValue value = o.value(u"value"_s);
        if (!value.isDouble() || (mode != u"warning" && mode != u"critical")) {
            continue;
        }
        t.below = o.value(u"op"_s).toString() == u"lt";
        (mode == u"critical" ? t.crit : t.warn) = value.toDouble();
    }
    return checked(t);
}
