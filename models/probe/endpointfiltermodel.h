// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"

#include <QList>
#include <QSortFilterProxyModel>

// Filters EndpointModel's endpoints by state and text; a group shows while any of its endpoints does. Sorts by
// EndpointModel::SortRole.
class EndpointFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EndpointFilterModel(QObject *parent = nullptr);

    // Empty = every state. Endpoints without a result yet pass only an empty state filter.
    void setStates(const QList<EndpointState> &states);
    QList<EndpointState> states() const;
    // Case-insensitive substring of the endpoint's name, title, group or URL; blank = everything.
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    quint32 m_stateMask = 0; // bit n = EndpointState n
    QString m_text;
    QString m_foldedText;
};
