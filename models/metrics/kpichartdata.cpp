// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpichartdata.h"

#include "metrics/kpimodel.h"
#include "metrics/prometheusclient.h"

namespace {

QString seriesName(const MetricLabels &labels, const QString &fallback)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.key() != u"__name__") {
            parts.append(it.key() + QLatin1Char('=') + it.value());
        }
    }
    return parts.isEmpty() ? fallback : parts.join(QLatin1String(", "));
}

} // namespace

KpiChartData::KpiChartData(PrometheusClient *prometheus, KpiModel *model, QObject *parent)
    : QObject(parent)
    , m_prometheus(prometheus)
    , m_model(model)
{ }

void KpiChartData::load(const Kpi &kpi, Milliseconds range, int plotWidthPx, const QDateTime &end)
{
    const quint64 generation = ++m_generation;
    const QDateTime to = end.isValid() ? end : QDateTime::currentDateTimeUtc();
    const QDateTime from = to.addMSecs(-range.count());
    if (kpi.source.kind == KpiSource::Kind::Prometheus && m_prometheus->server().isSet()) {
        const Milliseconds step
            = PrometheusClient::rangeStep(range, plotWidthPx, m_prometheus->server().scrapeInterval);
        m_prometheus->range(
            kpi.source.query, from, to, step, this, [this, generation, id = kpi.id, from, to](const PromResponse &r) {
                if (generation != m_generation) {
                    return;
                }
                if (!r.ok()) {
                    emit failed(id, r.errorText());
                    return;
                }
                QList<ChartSeries> series;
                for (const PromSeries &s : r.series) {
                    auto buffer = std::make_shared<SeriesBuffer>();
                    buffer->append(s.points);
                    series.append({ seriesName(s.labels, id), buffer });
                }
                emit loaded(id, series, from, to);
            });
        return;
    }
    auto buffer = std::make_shared<SeriesBuffer>();
    if (const KpiTile *tile = m_model->tile(kpi.id)) {
        buffer->append(tile->history);
    }
    const QList<ChartSeries> series { { kpi.id, buffer } };
    QMetaObject::invokeMethod(
        this,
        [this, generation, id = kpi.id, series, from, to] {
            if (generation == m_generation) {
                emit loaded(id, series, from, to);
            }
        },
        Qt::QueuedConnection);
}
