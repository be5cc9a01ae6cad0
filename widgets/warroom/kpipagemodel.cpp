// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "warroom/kpipagemodel.h"

KpiPageModel::KpiPageModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void KpiPageModel::setSourceModel(QAbstractItemModel *source)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections)) {
        disconnect(connection);
    }
    m_sourceConnections.clear();
    QSortFilterProxyModel::setSourceModel(source);
    if (source) {
        // Queued: the proxy has to have taken the change in before the page is worked out again.
        for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved }) {
            m_sourceConnections.append(connect(source, signal, this, &KpiPageModel::repage, Qt::QueuedConnection));
        }
        m_sourceConnections.append(
            connect(source, &QAbstractItemModel::modelReset, this, &KpiPageModel::repage, Qt::QueuedConnection));
        m_sourceConnections.append(
            connect(source, &QAbstractItemModel::layoutChanged, this, &KpiPageModel::repage, Qt::QueuedConnection));
    }
    repage();
}

void KpiPageModel::setPageSize(int rows)
{
    if (rows != m_pageSize) {
        m_pageSize = std::max(0, rows);
        repage();
    }
}

void KpiPageModel::setPage(int page)
{
    page = std::clamp(page, 0, pageCount() - 1);
    if (page != this->page()) {
        m_page = page;
        invalidateFilter();
        Q_EMIT pagesChanged();
    }
}

int KpiPageModel::pageCount() const
{
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    return m_pageSize > 0 ? std::max(1, (rows + m_pageSize - 1) / m_pageSize) : 1;
}

void KpiPageModel::repage()
{
    m_page = std::min(m_page, pageCount() - 1);
    invalidateFilter();
    Q_EMIT pagesChanged();
}

bool KpiPageModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return m_pageSize <= 0 || sourceRow / m_pageSize == m_page;
}
