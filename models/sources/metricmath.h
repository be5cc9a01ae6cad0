// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/exposition.h"

#include <QCoreApplication>
#include <QDateTime>

// Figures from scraped /metrics, computed the way PromQL does: sum() of gauges, rate() of counters between two
// scrapes (counter resets count from zero), histogram_quantile() over bucket increases.
class MetricMath final
{
    Q_DECLARE_TR_FUNCTIONS(MetricMath)

public:
    struct Bucket
    {
        double upperBound = 0;
        double count = 0;
    };
    struct Figure
    {
        std::optional<double> value;
        QString error; // when there is no value: why
    };

    // The samples named `name` whose labels include all of `labels`.
    static QList<MetricSample> select(const Exposition &scrape, const QString &name, const MetricLabels &labels);
    static Figure gauge(const Exposition &scrape, const QString &metric, const MetricLabels &labels);
    // Per-second increase of the matching counters from `older` (taken `seconds` earlier) to `newer`, summed.
    static Figure rate(const Exposition &older, const Exposition &newer, double seconds, const QString &metric,
        const MetricLabels &labels);
    // Quantile `q` of histogram `metric` (its _bucket series, summed by le). With `older`, over the increase since it.
    static Figure quantile(
        const Exposition *older, const Exposition &newer, double q, const QString &metric, const MetricLabels &labels);
    // Prometheus's histogram_quantile() on cumulative buckets (any order; +Inf required).
    static double histogramQuantile(double q, QList<Bucket> buckets);
    // "name{a="1",b="2"}" for error texts and tooltips.
    static QString selectorText(const QString &metric, const MetricLabels &labels);
};
