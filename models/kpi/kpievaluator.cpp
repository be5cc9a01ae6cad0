// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpievaluator.h"

#include <cmath>

using namespace Qt::StringLiterals;

KpiState KpiEvaluator::classify(const Thresholds &thresholds, double value)
{
    if (std::isnan(value)) {
        return KpiState::Unknown;
    }
    const bool above = thresholds.direction == Thresholds::Direction::Above;
    const auto beyond = [above, value](double line) { return above ? value > line : value < line; };
    if (thresholds.crit && beyond(*thresholds.crit)) {
        return KpiState::Critical;
    }
    if (thresholds.warn && beyond(*thresholds.warn)) {
        return KpiState::Warning;
    }
    return KpiState::Normal;
}

KpiState KpiEvaluator::evaluate(
    const Kpi &kpi, std::optional<double> value, const QDateTime &updatedAt, const QDateTime &now)
{
    if (!value) {
        return KpiState::Unknown;
    }
    if (updatedAt.isValid() && updatedAt.msecsTo(now) > staleFactor * kpi.interval.count()) {
        return KpiState::Stale;
    }
    return classify(kpi.thresholds, *value);
}

int KpiEvaluator::severity(KpiState state)
{
    switch (state) {
    case KpiState::Normal:
        return 0;
    case KpiState::Warning:
        return 1;
    case KpiState::Stale:
        return 2;
    case KpiState::Unknown:
        return 3;
    case KpiState::Critical:
        return 4;
    }
    return 3;
}

int KpiEvaluator::exitCode(KpiState state)
{
    switch (state) {
    case KpiState::Normal:
        return 0;
    case KpiState::Warning:
        return 1;
    case KpiState::Critical:
        return 2;
    case KpiState::Stale:
    case KpiState::Unknown:
        break;
    }
    return 3;
}

QString KpiEvaluator::stateName(KpiState state)
{
    switch (state) {
    case KpiState::Normal:
        return u"NORMAL"_s;
    case KpiState::Warning:
        return u"WARNING"_s;
    case KpiState::Critical:
        return u"CRITICAL"_s;
    case KpiState::Stale:
        return u"STALE"_s;
    case KpiState::Unknown:
        break;
    }
    return u"UNKNOWN"_s;
}
