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
    const auto *kpis = qobject_cast<const KpiModel *>(sourceModel());
    const KpiTile *tile = kpis && !sourceParent.isValid() ? kpis->tile(sourceRow) : nullptr;
    if (!tile) {
        return false;
    }
    if (!m_ids.isEmpty()) {
        return m_ids.contains(tile->kpi.id);
    }
    return tile->state == KpiState::Warning || tile->state == KpiState::Critical;
}
