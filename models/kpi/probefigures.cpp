// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/probefigures.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

bool isDown(EndpointState s)
{
    return s == EndpointState::Critical;
}

bool counts(EndpointState s)
{
    return s != EndpointState::Unknown;
}

// Time spent down and time observed within [fromMs, toMs).
std::pair<double, double> downTime(const QList<ProbeRecord> &records, qint64 fromMs, qint64 toMs, qint64 maxSampleMs)
{
    double down = 0;
    double observed = 0;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const ProbeRecord &r = records.at(i);
        if (!counts(r.state)) {
            continue;
        }
        const qint64 next = i + 1 < records.size() ? records.at(i + 1).atMs : toMs;
        const qint64 start = std::max(r.atMs, fromMs);
        const qint64 end = std::min({ next, r.atMs + maxSampleMs, toMs });
        if (end <= start) {
            continue;
        }
        observed += double(end - start);
        if (isDown(r.state)) {
            down += double(end - start);
        }
    }
    return { down, observed };
}

} // namespace

double ProbeFigures::percentile(QList<double> values, double p)
{
    if (values.isEmpty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(p, 0.0, 1.0) * double(values.size() - 1);
    const auto lower = qsizetype(std::floor(rank));
    const auto upper = std::min(lower + 1, values.size() - 1);
    return values.at(lower) + (values.at(upper) - values.at(lower)) * (rank - double(lower));
}

ProbeFigures::Figure ProbeFigures::compute(
    const QString &figure, const QList<ProbeRecord> &records, qint64 nowMs, Milliseconds window)
{
    const qint64 from = nowMs - window.count();
    int up = 0;
    int down = 0;
    QList<double> latencies;
    for (const ProbeRecord &r : records) {
        if (r.atMs < from || r.atMs > nowMs || !counts(r.state)) {
            continue;
        }
        (isDown(r.state) ? down : up) += 1;
        if (r.totalMs >= 0 && !isDown(r.state)) {
            latencies.append(r.totalMs);
        }
    }
    if (figure == u"latency-p50" || figure == u"latency-p95") {
        if (latencies.isEmpty()) {
            return { std::nullopt, tr("no successful check in the window yet") };
        }
        return { percentile(latencies, figure == u"latency-p50" ? 0.5 : 0.95), {} };
    }
    if (up + down == 0) {
        return { std::nullopt, tr("no check results in the window yet") };
    }
    if (figure == u"uptime") {
        return { 100.0 * up / (up + down), {} };
    }
    if (figure == u"failure-rate") {
        return { 100.0 * down / (up + down), {} };
    }
    return { std::nullopt, tr("unknown probe figure \"%1\"").arg(figure) };
}

ErrorBudget ProbeFigures::errorBudget(const QList<ProbeRecord> &records, qint64 nowMs, double objectivePercent,
    Milliseconds period, Milliseconds burnWindow, qint64 maxSampleMs)
{
    ErrorBudget b;
    const double badShare = (100.0 - objectivePercent) / 100.0;
    b.allowedMs = badShare * double(period.count());
    b.spentMs = downTime(records, nowMs - period.count(), nowMs, maxSampleMs).first;
    b.remainingPercent = b.allowedMs > 0 ? 100.0 * (b.allowedMs - b.spentMs) / b.allowedMs : 0.0;
    const auto [down, observed] = downTime(records, nowMs - burnWindow.count(), nowMs, maxSampleMs);
    b.burnRate = observed > 0 && badShare > 0 ? (down / observed) / badShare : 0.0;
    return b;
}
