// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "warroom/warroomkpiboard.h"

#include "kpi/warroomkpifilter.h"
#include "overview/kpigridview.h"
#include "warroom/kpipagemodel.h"

#include <QEvent>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WarRoomKpiBoard::WarRoomKpiBoard(QWidget *parent)
    : QWidget(parent)
    , m_filter(new WarRoomKpiFilter(this))
    , m_pages(new KpiPageModel(this))
    , m_grid(new KpiGridView(this))
    , m_pageLabel(new QLabel(this))
    , m_pageTimer(new QTimer(this))
{
    setObjectName(u"warRoomKpis"_s);
    m_pages->setSourceModel(m_filter);
    m_grid->setObjectName(u"warRoomKpiGrid"_s);
    m_grid->setPaged(true);
    m_grid->setFocusPolicy(Qt::NoFocus);
    m_grid->setModel(m_pages);
    m_pageLabel->setObjectName(u"warRoomKpiPage"_s);
    m_pageLabel->setForegroundRole(QPalette::PlaceholderText);
    m_pageLabel->setAlignment(Qt::AlignRight);
    m_pageTimer->setObjectName(u"warRoomKpiPageTimer"_s);
    m_pageTimer->setInterval(pageIntervalMs);
    connect(m_pageTimer, &QTimer::timeout, this, &WarRoomKpiBoard::showNextPage);
    connect(m_grid, &KpiGridView::tilesPerPageChanged, m_pages, &KpiPageModel::setPageSize);
    connect(m_pages, &KpiPageModel::pagesChanged, this, &WarRoomKpiBoard::updatePages);
    m_pages->setPageSize(m_grid->tilesPerPage());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pageLabel);
    layout->addWidget(m_grid, 1);
    updatePages();
}

void WarRoomKpiBoard::setKpiModel(QAbstractItemModel *model)
{
    m_filter->setSourceModel(model); // re-filtered as states change (dynamicSortFilter)
    updatePages();
}

void WarRoomKpiBoard::setWarRoomKpis(const QSet<QString> &ids)
{
    m_filter->setWarRoomIds(ids);
    updatePages();
}

int WarRoomKpiBoard::tileCount() const
{
    return m_filter->sourceModel() ? m_filter->rowCount() : 0;
}

int WarRoomKpiBoard::pageCount() const
{
    return m_pages->pageCount();
}

int WarRoomKpiBoard::currentPage() const
{
    return m_pages->page();
}

void WarRoomKpiBoard::showNextPage()
{
    m_pages->setPage((m_pages->page() + 1) % m_pages->pageCount());
}

void WarRoomKpiBoard::updatePages()
{
    const int pages = m_pages->pageCount();
    m_pageLabel->setVisible(pages > 1);
    if (pages > 1 && !m_pageTimer->isActive()) {
        m_pageTimer->start();
    } else if (pages <= 1) {
        m_pageTimer->stop();
    }
    retranslateUi();
    const int tiles = tileCount();
    if (tiles != m_tileCount) {
        m_tileCount = tiles;
        Q_EMIT tileCountChanged(tiles);
    }
}

void WarRoomKpiBoard::retranslateUi()
{
    m_pageLabel->setText(tr("Page %1/%2").arg(m_pages->page() + 1).arg(m_pages->pageCount()));
}

void WarRoomKpiBoard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}
