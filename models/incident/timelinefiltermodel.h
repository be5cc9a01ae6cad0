// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"

#include <QDateTime>
#include <QSet>
#include <QSortFilterProxyModel>

// A TimelineModel in occurred-at order (ties by id), filtered by kind, with superseded entries hidden unless asked.
class TimelineFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TimelineFilterModel(QObject *parent = nullptr);

    // Empty = every kind.
    void setKinds(const QSet<TimelineKind> &kinds);
    void setShowSuperseded(bool show);
    bool showSuperseded() const { return m_showSuperseded; }
    // The first row that occurred at or after `at` (the last row when none did); -1 when empty.
    int rowAtOrAfter(const QDateTime &at) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QSet<TimelineKind> m_kinds;
    bool m_showSuperseded = false;
};
