// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/kpigridview.h"

#include "kpi/kpimodel.h"
#include "overview/kpitiledelegate.h"

#include <QResizeEvent>
#include <QScrollBar>

KpiGridView::KpiGridView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new KpiTileDelegate(this))
{
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setAutoFillBackground(false);
    setItemDelegate(m_delegate);
    connect(this, &QListView::clicked, this,
        [this](const QModelIndex &index) { Q_EMIT tileActivated(index.data(KpiModel::IdRole).toString()); });
    relayout();
}

QSize KpiGridView::tileSize() const
{
    return m_delegate->tileSize();
}

void KpiGridView::setPaged(bool paged)
{
    m_paged = paged;
    setVerticalScrollBarPolicy(paged ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    relayout();
}

void KpiGridView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        relayout();
    }
}

void KpiGridView::resizeEvent(QResizeEvent *event)
{
    relayout();
    QListView::resizeEvent(event);
}

void KpiGridView::relayout()
{
    // The scroll bar's width is always reserved so that showing it never changes the column count back and forth.
    const int scrollBar
        = m_paged || verticalScrollBar()->isVisible() ? 0 : style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const int width = viewport()->width() - scrollBar - 1;
    // Tiles grow with the text (the war-room screen scales its font to the display); at desktop sizes the
    // minimums rule.
    const int em = fontMetrics().height();
    const int minWidth = std::max(minTileWidth, em * 13);
    m_columns = std::max(1, (width - spacing) / (minWidth + spacing));
    const int tileWidth = std::max(minWidth / 2, (width - spacing) / m_columns - spacing);
    int tileHeight = std::clamp(tileWidth * 45 / 100, std::max(150, em * 8), std::max(220, em * 11));
    int rows = 0;
    if (m_paged) {
        // A row that would not fit whole is left to the next page; one row always shows, shrunk to the view (the
        // tile drops its sparkline first when short).
        const int height = viewport()->height();
        rows = height / (tileHeight + spacing);
        if (rows == 0) {
            tileHeight = std::max(em * 4, height - spacing);
            rows = 1;
        }
    }
    m_delegate->setTileSize(QSize(tileWidth, tileHeight));
    setGridSize(QSize(tileWidth + spacing, tileHeight + spacing));
    setSpacing(0);
    doItemsLayout();
    const int tiles = m_paged ? m_columns * rows : 0;
    if (tiles != m_tilesPerPage) {
        m_tilesPerPage = tiles;
        Q_EMIT tilesPerPageChanged(tiles);
    }
}
