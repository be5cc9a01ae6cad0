// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpi/kpichartdata.h"

#include <QChartView>
#include <QTimer>

class QAreaSeries;
class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;

// One chart panel: a line per series, a local-time axis, warning and critical bands from the KPI's thresholds,
// a legend and a crosshair that reads the values under the mouse. Series are filled with replace() from the
// buffers, reduced to the plot's pixel width (M4), at most ten times a second. Drag to zoom into a time span,
// +/- to zoom, arrow keys to pan, 0 to go back.
class KpiChartView final : public QChartView
{
    Q_OBJECT

public:
    static constexpr int refreshMs = 100;

    explicit KpiChartView(QWidget *parent = nullptr);

    void setKpi(const Kpi &kpi);
    void setData(const QList<ChartSeries> &series, const QDateTime &from, const QDateTime &to);
    // Redraws from the buffers now (normally coalesced to refreshMs).
    void refreshNow();

    QList<QLineSeries *> lines() const { return m_lines; }
    QString crosshairText() const;
    int plotWidth() const;
    int refreshes() const { return m_refreshes; }

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void scheduleRefresh();
    void rebuildBands();
    void nameBands();
    void updateBands();
    void updateCrosshair(const QPointF &at);

    Kpi m_kpi;
    QList<ChartSeries> m_series;
    QList<QLineSeries *> m_lines;
    QList<QAreaSeries *> m_bands;
    QDateTimeAxis *m_time;
    QValueAxis *m_values;
    QGraphicsLineItem *m_crossLine;
    QGraphicsSimpleTextItem *m_crossText;
    QTimer m_refresh;
    int m_refreshes = 0;
};
