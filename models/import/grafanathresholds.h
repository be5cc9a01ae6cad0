// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

// Grafana threshold settings mapped to a tile's warn / crit lines and direction.
struct GrafanaThresholds
{
    std::optional<double> warn;
    std::optional<double> crit;
    bool below = false;
    QString problem; // why the thresholds were not carried over (translated); empty = fine or none

    bool isEmpty() const { return !warn && !crit; }

    // fieldConfig.defaults.thresholds: { mode, steps: [{ color, value }] }. Ascending colours green -> yellow/orange
    // -> red give warn at the first warning-coloured step and crit at the first red one; descending colours
    // (red at the bottom) give direction below, with the lines where red and the warning colour end.
    static GrafanaThresholds fromSteps(const QJsonValue &thresholds);
    // singlestat / old gauge: thresholds "80,90" with colors [ok, warn, crit] (or reversed for below).
    static GrafanaThresholds fromLegacy(const QJsonValue &thresholds, const QJsonValue &colors);
    // graph panel: thresholds [{ value, op: gt|lt, colorMode: warning|critical|ok|custom }].
    static GrafanaThresholds fromGraph(const QJsonValue &thresholds);

    enum class Level { Ok, Warn, Crit, Other };
    static Level classify(const QString &color);
};
