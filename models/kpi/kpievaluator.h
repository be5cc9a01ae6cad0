// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QDateTime>
#include <QString>

#include <optional>

// A tile's state. Stale: the last good value is older than 3x the KPI's interval. Unknown: no value (yet), or NaN.
enum class KpiState { Normal, Warning, Critical, Stale, Unknown };

class KpiEvaluator final
{
public:
    static constexpr int staleFactor = 3;

    // The state of `value` against `thresholds`: with direction above, values over crit (warn) are critical
    // (warning); with below, values under them. Equal to a line is still on the good side. NaN is unknown.
    static KpiState classify(const Thresholds &thresholds, double value);
    // classify(), then Stale when `updatedAt` is older than staleFactor x the KPI's interval at `now`, Unknown
    // without a value.
    static KpiState evaluate(
        const Kpi &kpi, std::optional<double> value, const QDateTime &updatedAt, const QDateTime &now);

    // Worst first: Critical > Unknown > Stale > Warning > Normal.
    static int severity(KpiState state);
    // Monitoring-plugins exit codes: 0 normal, 1 warning, 2 critical, 3 stale/unknown.
    static int exitCode(KpiState state);
    static QString stateName(KpiState state); // "NORMAL", ... (untranslated, for --json and logs)
};
