// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSortFilterProxyModel>

#include <algorithm>

// One page of a flat source model: rows [page * pageSize, (page + 1) * pageSize). Rows coming and going in the
// source move the later ones between pages, so the page is worked out again on every such change.
class KpiPageModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit KpiPageModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    // 0 shows every row on one page.
    void setPageSize(int rows);
    void setPage(int page);
    int page() const { return std::min(m_page, pageCount() - 1); }
    int pageCount() const;

Q_SIGNALS:
    void pagesChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void repage();

    QList<QMetaObject::Connection> m_sourceConnections;
    int m_pageSize = 0;
    int m_page = 0;
};
