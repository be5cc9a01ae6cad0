// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

// Splits a ChecklistInstanceModel into the current periods (today's, this week's, this month's and open
// on-demand lists), the missed ones, and the history of ended periods.
class ChecklistInstanceFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class View { Current, Missed, History };

    explicit ChecklistInstanceFilter(QObject *parent = nullptr);

    void setView(View view);
    View view() const { return m_view; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    View m_view = View::Current;
};
