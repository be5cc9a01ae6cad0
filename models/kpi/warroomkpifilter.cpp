// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/warroomkpifilter.h"

#include "kpi/kpievaluator.h"
#include "kpi/kpimodel.h"

void WarRoomKpiFilter::setWarRoomIds(const QSet<QString> &ids)
{
    m_ids = ids;
    setDynamicSortFilter(true); // states change: re-filter on dataChanged
    invalidateFilter();
}

bool WarRoomKpiFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_ids.isEmpty()) {
        return m_ids.contains(index.data(KpiModel::IdRole).toString());
    }
    const auto state = KpiState(index.data(KpiModel::StateRole).toInt());
    return state == KpiState::Warning || state == KpiState::Critical;
}
