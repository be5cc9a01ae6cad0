// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>

#include <vector>

// A chart's history in its own buffer (x = ms since the epoch, in time order), never in a visible series: a
// refresh asks for what one plot width can show, reduced per pixel column with M4 (first, min, max, last), so
// its cost follows the width in pixels rather than the number of points in the range.
class SeriesBuffer final
{
public:
    explicit SeriesBuffer(qsizetype capacity = 4'000'000);

    // Points older than the last one are dropped (a late sample); NaN values are kept out (gaps).
    void append(double tMs, double value);
    void append(const QList<QPointF> &points);
    void clear();
    qsizetype size() const { return qsizetype(m_points.size() - m_start); }
    bool isEmpty() const { return size() == 0; }
    QPointF last() const { return m_points.back(); }

    // At most 4 points per column over [fromMs, toMs], in time order.
    QList<QPointF> downsample(double fromMs, double toMs, int columns) const;
    static QList<QPointF> m4(const QPointF *begin, const QPointF *end, double fromMs, double toMs, int columns);

private:
    std::vector<QPointF> m_points;
    std::size_t m_start = 0; // dropped from the front, compacted now and then
    qsizetype m_capacity;
};
