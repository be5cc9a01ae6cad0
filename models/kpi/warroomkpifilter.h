// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

// The KPI tiles the war room shows: those the workspace marks `war-room: true`; in a workspace that marks none,
// the ones that are warning or critical right now. The source model is a KpiModel.
class WarRoomKpiFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setWarRoomIds(const QSet<QString> &ids);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QSet<QString> m_ids;
};
