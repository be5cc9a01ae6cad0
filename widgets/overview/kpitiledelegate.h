// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// Paints one KPI tile from KpiModel's roles: a state bar and name, the title, the value with its unit, the target,
// the trend against the previous window and a sparkline. The size comes from the grid (setTileSize).
class KpiTileDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit KpiTileDelegate(QObject *parent = nullptr);

    void setTileSize(const QSize &size) { m_size = size; }
    QSize tileSize() const { return m_size; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static void paintSparkline(
        QPainter *painter, const QRectF &rect, const QList<QPointF> &points, const QColor &color);

private:
    // Draws at most two lines, the second elided; returns the height used.
    static qreal drawTitle(QPainter *painter, const QFont &font, const QRectF &rect, const QString &title);

    QSize m_size { 280, 170 };
};
