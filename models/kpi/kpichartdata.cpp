// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpichartdata.h"

#include "kpi/kpimodel.h"
#include "samples/samplestore.h"
#include "sources/prometheusclient.h"

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
                    Q_EMIT failed(id, r.errorText());
                    return;
                }
                QList<ChartSeries> series;
                for (const PromSeries &s : r.series) {
                    auto buffer = std::make_shared<SeriesBuffer>();
                    buffer->append(s.points);
                    series.append({ seriesName(s.labels, id), buffer });
                }
                Q_EMIT loaded(id, series, from, to);
            });
        return;
    }
    const auto fromTile = [this](const QString &id, const QList<QPointF> &stored) {
        auto buffer = std::make_shared<SeriesBuffer>();
        buffer->append(stored);
        if (const KpiTile *tile = m_model->tile(id)) {
            buffer->append(tile->history); // what is older than the last stored point is dropped
        }
        return QList<ChartSeries> { { id, buffer } };
    };
    if (m_samples) {
        const SampleQuery query { kpi.id, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch(), std::max(1, plotWidthPx) };
        m_samples->query(query, this,
            [this, generation, fromTile, id = kpi.id, from, to](const SampleRange &stored, const QString &error) {
                if (generation != m_generation) {
                    return;
                }
                const QList<ChartSeries> series = fromTile(id, stored.points);
                if (!error.isEmpty() && series.constFirst().buffer->isEmpty()) {
                    Q_EMIT failed(id, error);
                } else {
                    Q_EMIT loaded(id, series, from, to);
                }
            });
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this, generation, id = kpi.id, series = fromTile(kpi.id, {}), from, to] {
            if (generation == m_generation) {
                Q_EMIT loaded(id, series, from, to);
            }
        },
        Qt::QueuedConnection);
}

void KpiChartData::setSampleStore(SampleStore *store)
{
    m_samples = store;
}
