// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpi/kpievaluator.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

// One KPI tile as a plain value: the KPI's definition, what its source said last and the state that gives.
// KpiModel holds one per row and hands them out by id or row; code that is not a view reads these, not roles.
struct KpiTile
{
    Q_DECLARE_TR_FUNCTIONS(KpiTile)

public:
    static constexpr qsizetype historySize = 120;
    static constexpr int trendIntervals = 10; // the trend compares with the value this many intervals ago

    Kpi kpi;
    std::optional<double> value; // the last good value, kept through errors
    QDateTime updatedAt; // of `value`
    QDateTime attemptedAt; // of the last read, good or not
    QString error; // of the last read; empty when it gave a value
    std::optional<double> burnRate;
    std::optional<double> budgetLeftMs;
    KpiState state = KpiState::Unknown;
    QList<QPointF> history; // (ms since the epoch, value), oldest first, for the sparkline and the trend
    // Its reading would send a secret of a workspace version not trusted yet: not read, no value, state Unknown.
    bool waitingForTrust = false;

    // The value with the KPI's decimals in the default locale, "—" without one.
    QString valueText() const;
    // valueText() followed by the unit when there is a value: "99.95 %", "—".
    QString valueWithUnit() const;
    // The value minus the one trendIntervals intervals ago; nullopt without two readings that far apart.
    std::optional<double> trend() const;

    // `value` with the KPI's decimals in the default locale; NaN and infinities spelled out.
    static QString formatValue(const Kpi &kpi, double value);
};
