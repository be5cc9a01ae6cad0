// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

// What the KPI figures need of one probe result.
struct ProbeRecord
{
    qint64 atMs = 0;
    EndpointState state = EndpointState::Unknown;
    double totalMs = -1;
};

struct ErrorBudget
{
    double allowedMs = 0; // (100 - objective) % of the period: 99.9 % of 30 d allows 43.2 min
    double spentMs = 0; // time spent CRITICAL within the period
    double remainingPercent = 100; // of the allowance; negative when overspent
    double burnRate = 0; // how fast it is spent over the burn window; 1 = exactly used up by the period's end
};

// Figures from an endpoint's probe results: uptime %, latency percentiles, failure rate, the error budget.
// Records are in time order. UNKNOWN results (not evaluated) count neither as up nor as down; MAINTENANCE and
// PENDING count as up, like a status page does.
class ProbeFigures final
{
    Q_DECLARE_TR_FUNCTIONS(ProbeFigures)

public:
    struct Figure
    {
        std::optional<double> value;
        QString error;
    };

    // figure: uptime | latency-p50 | latency-p95 | failure-rate, over the `window` before `nowMs`.
    static Figure compute(const QString &figure, const QList<ProbeRecord> &records, qint64 nowMs, Milliseconds window);
    // Linear interpolation between closest ranks (numpy's default); NaN for an empty list.
    static double percentile(QList<double> values, double p);
    // A result counts for the time until the next one, at most `maxSampleMs` (gaps when nothing was probing).
    static ErrorBudget errorBudget(const QList<ProbeRecord> &records, qint64 nowMs, double objectivePercent,
        Milliseconds period, Milliseconds burnWindow = Milliseconds(3600000), qint64 maxSampleMs = 300000);
};
