// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistinstancefilter.h"

#include "checklist/checklistinstancemodel.h"
#include "checklist/schedulecalculator.h"

ChecklistInstanceFilter::ChecklistInstanceFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Statuses move with time and ticks: re-filter whenever rows change.
    setDynamicSortFilter(true);
}

void ChecklistInstanceFilter::setView(View view)
{
    m_view = view;
    invalidateFilter();
}

bool ChecklistInstanceFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const ChecklistInstanceModel *>(sourceModel());
    if (!model) {
        return true;
    }
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    const auto status = PeriodStatus(index.data(ChecklistInstanceModel::StatusRole).toInt());
    const bool ended = model->now() >= index.data(ChecklistInstanceModel::PeriodEndRole).toDateTime();
    switch (m_view) {
    case View::Current:
        return status != PeriodStatus::Missed && (!ended || status == PeriodStatus::Open);
    case View::Missed:
        return status == PeriodStatus::Missed;
    case View::History:
        return ended && status != PeriodStatus::Open;
    }
    return true;
}
