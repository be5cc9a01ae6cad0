// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "samples/seriesbuffer.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <memory>

class KpiModel;
class PrometheusClient;
class SampleStore;

struct ChartSeries
{
    QString name; // the series' labels, or the KPI's id
    std::shared_ptr<SeriesBuffer> buffer;
};

// The history a chart shows for one KPI over a range: Prometheus KPIs through query_range (one point per pixel
// column at most, never finer than the scrape interval), the others from the sample store (raw or roll-ups, so a
// 30-day chart survives restarts) followed by the tile's readings not yet written there. A load that a newer one
// superseded is dropped.
class KpiChartData final : public QObject
{
    Q_OBJECT

public:
    KpiChartData(PrometheusClient *prometheus, KpiModel *model, QObject *parent = nullptr);

    // Without one, non-Prometheus charts show only what the tiles have read since the start.
    void setSampleStore(SampleStore *store);

    // Loads the `range` before `end` for a plot `plotWidthPx` wide; loaded() or failed() follows.
    void load(const Kpi &kpi, Milliseconds range, int plotWidthPx, const QDateTime &end = {});

Q_SIGNALS:
    void loaded(const QString &kpiId, const QList<ChartSeries> &series, const QDateTime &from, const QDateTime &to);
    void failed(const QString &kpiId, const QString &error);

private:
    PrometheusClient *m_prometheus;
    KpiModel *m_model;
    QPointer<SampleStore> m_samples;
    quint64 m_generation = 0;
};
