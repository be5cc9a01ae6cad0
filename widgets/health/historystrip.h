// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/endpointmodel.h"

#include <QWidget>

// The last results of one endpoint as a row of coloured cells, oldest on the left; a failing cell is also drawn
// taller so the strip reads without colour. Hovering a cell tells its time, state and latency.
class HistoryStrip final : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryStrip(QWidget *parent = nullptr);

    void setHistory(const std::deque<HistoryPoint> &history, int capacity);
    int cellCount() const { return int(m_points.size()); }
    // The cell under `pos`, -1 when none.
    int cellAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF cellRect(int index) const;

    QList<HistoryPoint> m_points;
    int m_capacity = 60;
};
