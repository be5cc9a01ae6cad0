// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/metricmath.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

bool includes(const MetricLabels &have, const MetricLabels &want)
{
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        if (have.value(it.key()) != it.value()) {
            return false;
        }
    }
    return true;
}

QString seriesKey(const MetricSample &s)
{
    QString key = s.name;
    for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it) {
        key += QLatin1Char('\x1f') + it.key() + QLatin1Char('=') + it.value();
    }
    return key;
}

QMap<double, double> bucketsByBound(
    const Exposition &scrape, const QString &metric, const MetricLabels &labels, QString *error)
{
    QMap<double, double> sums;
    const QList<MetricSample> buckets = MetricMath::select(scrape, metric + QLatin1String("_bucket"), labels);
    for (const MetricSample &b : buckets) {
        const auto bound = ExpositionParser::parseValue(b.labels.value(u"le"_s).toUtf8());
        if (!bound) {
            *error = MetricMath::tr("%1: a bucket has no valid \"le\" label").arg(metric);
            return {};
        }
        sums[*bound] += b.value;
    }
    if (sums.isEmpty()) {
        *error = MetricMath::tr("no histogram buckets %1")
                     .arg(MetricMath::selectorText(metric + QLatin1String("_bucket"), labels));
    }
    return sums;
}

} // namespace

QString MetricMath::selectorText(const QString &metric, const MetricLabels &labels)
{
    if (labels.isEmpty()) {
        return metric;
    }
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        parts.append(it.key() + QLatin1String("=\"") + it.value() + QLatin1Char('"'));
    }
    return metric + QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

QList<MetricSample> MetricMath::select(const Exposition &scrape, const QString &name, const MetricLabels &labels)
{
    QList<MetricSample> out;
    for (const MetricSample &s : scrape.samples) {
        if (s.name == name && includes(s.labels, labels)) {
            out.append(s);
        }
    }
    return out;
}

MetricMath::Figure MetricMath::gauge(const Exposition &scrape, const QString &metric, const MetricLabels &labels)
{
    const QList<MetricSample> samples = select(scrape, metric, labels);
    if (samples.isEmpty()) {
        return { std::nullopt, tr("no sample %1 in the scrape").arg(selectorText(metric, labels)) };
    }
    double sum = 0;
    for (const MetricSample &s : samples) {
        sum += s.value;
    }
    return { sum, {} };
}

MetricMath::Figure MetricMath::rate(
    const Exposition &older, const Exposition &newer, double seconds, const QString &metric, const MetricLabels &labels)
{
    if (seconds <= 0) {
        return { std::nullopt, tr("a rate needs two scrapes at different times") };
    }
    const QList<MetricSample> now = select(newer, metric, labels);
    if (now.isEmpty()) {
        return { std::nullopt, tr("no sample %1 in the scrape").arg(selectorText(metric, labels)) };
    }
    QHash<QString, double> before;
    for (const MetricSample &s : select(older, metric, labels)) {
        before.insert(seriesKey(s), s.value);
    }
    double increase = 0;
    for (const MetricSample &s : now) {
        const auto it = before.constFind(seriesKey(s));
        // A series new since the older scrape started from zero; a drop is a counter reset.
        const double previous = it == before.cend() ? 0.0 : *it;
        increase += s.value >= previous ? s.value - previous : s.value;
    }
    return { increase / seconds, {} };
}

MetricMath::Figure MetricMath::quantile(
    const Exposition *older, const Exposition &newer, double q, const QString &metric, const MetricLabels &labels)
{
    QString error;
    QMap<double, double> now = bucketsByBound(newer, metric, labels, &error);
    if (!error.isEmpty()) {
        return { std::nullopt, error };
    }
    if (older) {
        QString ignored;
        const QMap<double, double> before = bucketsByBound(*older, metric, labels, &ignored);
        bool reset = false;
        for (auto it = now.cbegin(); it != now.cend(); ++it) {
            reset = reset || it.value() < before.value(it.key());
        }
        if (!reset) {
            for (auto it = now.begin(); it != now.end(); ++it) {
                it.value() -= before.value(it.key());
            }
        }
    }
    QList<Bucket> buckets;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        buckets.append({ it.key(), it.value() });
    }
    if (!std::isinf(buckets.constLast().upperBound)) {
        return { std::nullopt, tr("%1: the histogram has no +Inf bucket").arg(metric) };
    }
    const double value = histogramQuantile(q, buckets);
    if (std::isnan(value)) {
        return { std::nullopt, tr("%1: no observations in the window").arg(metric) };
    }
    return { value, {} };
}

double MetricMath::histogramQuantile(double q, QList<Bucket> buckets)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (std::isnan(q)) {
        return nan;
    }
    if (q < 0) {
        return -std::numeric_limits<double>::infinity();
    }
    if (q > 1) {
        return std::numeric_limits<double>::infinity();
    }
    std::sort(
        buckets.begin(), buckets.end(), [](const Bucket &a, const Bucket &b) { return a.upperBound < b.upperBound; });
    if (buckets.size() < 2 || !std::isinf(buckets.constLast().upperBound)) {
        return nan;
    }
    // Like Prometheus: counts that go down (scrape races) are raised to the running maximum.
    for (qsizetype i = 1; i < buckets.size(); ++i) {
        buckets[i].count = std::max(buckets[i].count, buckets[i - 1].count);
    }
    const double observations = buckets.constLast().count;
    if (observations == 0 || std::isnan(observations)) {
        return nan;
    }
    double rank = q * observations;
    qsizetype b = 0;
    while (b < buckets.size() - 1 && buckets[b].count < rank) {
        ++b;
    }
    if (b == buckets.size() - 1) {
        return buckets[b - 1].upperBound;
    }
    if (b == 0 && buckets[0].upperBound <= 0) {
        return buckets[0].upperBound;
    }
    double start = 0;
    const double end = buckets[b].upperBound;
    double count = buckets[b].count;
    if (b > 0) {
        start = buckets[b - 1].upperBound;
        count -= buckets[b - 1].count;
        rank -= buckets[b - 1].count;
    }
    return start + (end - start) * (rank / count);
}
