// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "samples/seriesbuffer.h"

#include <algorithm>
#include <cmath>

SeriesBuffer::SeriesBuffer(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(capacity, 16))
{ }

void SeriesBuffer::append(double tMs, double value)
{
    if (std::isnan(value) || (size() > 0 && tMs < m_points.back().x())) {
        return;
    }
    m_points.emplace_back(tMs, value);
    if (size() > m_capacity) {
        ++m_start;
        if (m_start > m_points.size() / 2) {
            m_points.erase(m_points.begin(), m_points.begin() + std::ptrdiff_t(m_start));
            m_start = 0;
        }
    }
}

void SeriesBuffer::append(const QList<QPointF> &points)
{
    m_points.reserve(m_points.size() + std::size_t(points.size()));
    for (const QPointF &p : points) {
        append(p.x(), p.y());
    }
}

void SeriesBuffer::clear()
{
    m_points.clear();
    m_start = 0;
}

QList<QPointF> SeriesBuffer::downsample(double fromMs, double toMs, int columns) const
{
    const QPointF *first = m_points.data() + m_start;
    const QPointF *end = m_points.data() + m_points.size();
    const auto byX = [](const QPointF &p, double x) { return p.x() < x; };
    const QPointF *lo = std::lower_bound(first, end, fromMs, byX);
    const QPointF *hi = std::lower_bound(lo, end, std::nextafter(toMs, INFINITY), byX);
    return m4(lo, hi, fromMs, toMs, columns);
}

QList<QPointF> SeriesBuffer::m4(const QPointF *begin, const QPointF *end, double fromMs, double toMs, int columns)
{
    QList<QPointF> out;
    const auto count = qsizetype(end - begin);
    if (count <= qsizetype(columns) * 4 || columns <= 0 || toMs <= fromMs) {
        out.reserve(count);
        for (const QPointF *p = begin; p != end; ++p) {
            out.append(*p);
        }
        return out;
    }
    out.reserve(qsizetype(columns) * 4);
    const double perColumn = (toMs - fromMs) / columns;
    const QPointF *p = begin;
    while (p != end) {
        const int column = std::min(columns - 1, int((p->x() - fromMs) / perColumn));
        const double columnEnd = fromMs + perColumn * (column + 1);
        const QPointF *firstInColumn = p;
        const QPointF *minPoint = p;
        const QPointF *maxPoint = p;
        const QPointF *lastInColumn = p;
        for (++p; p != end && (p->x() < columnEnd || column == columns - 1); ++p) {
            if (p->y() < minPoint->y()) {
                minPoint = p;
            }
            if (p->y() > maxPoint->y()) {
                maxPoint = p;
            }
            lastInColumn = p;
        }
        // The four in time order, without repeats.
        const QPointF *picks[4] = { firstInColumn, minPoint, maxPoint, lastInColumn };
        std::sort(std::begin(picks), std::end(picks));
        const QPointF *previous = nullptr;
        for (const QPointF *pick : picks) {
            if (pick != previous) {
                out.append(*pick);
                previous = pick;
            }
        }
    }
    return out;
}
