// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/timelinefiltermodel.h"

#include "incident/timelinemodel.h"

TimelineFilterModel::TimelineFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0);
}

void TimelineFilterModel::setKinds(const QSet<TimelineKind> &kinds)
{
    m_kinds = kinds;
    invalidateFilter();
}

void TimelineFilterModel::setShowSuperseded(bool show)
{
    m_showSuperseded = show;
    invalidateFilter();
}

int TimelineFilterModel::rowAtOrAfter(const QDateTime &at) const
{
    const int rows = rowCount();
    for (int row = 0; row < rows; ++row) {
        if (index(row, 0).data(TimelineModel::OccurredAtRole).toDateTime() >= at) {
            return row;
        }
    }
    return rows - 1;
}

bool TimelineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_showSuperseded && index.data(TimelineModel::SupersededRole).toBool()) {
        return false;
    }
    return m_kinds.isEmpty() || m_kinds.contains(TimelineKind(index.data(TimelineModel::KindRole).toInt()));
}

bool TimelineFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QDateTime a = left.data(TimelineModel::OccurredAtRole).toDateTime();
    const QDateTime b = right.data(TimelineModel::OccurredAtRole).toDateTime();
    if (a != b) {
        return a < b;
    }
    return left.data(TimelineModel::EntryIdRole).toLongLong() < right.data(TimelineModel::EntryIdRole).toLongLong();
}
