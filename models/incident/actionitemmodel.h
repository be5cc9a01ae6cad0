// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"

#include <QAbstractTableModel>

class IncidentStore;

// The action items of one incident (action, owner, due date, status), editable in place: an edit is saved through
// the store and shows once stored. The last row is a blank "new item" row; typing an action there adds one.
class ActionItemModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ActionColumn, OwnerColumn, DueColumn, StatusColumn, ColumnCount };
    enum Role { ItemIdRole = Qt::UserRole + 1, StatusRole };

    explicit ActionItemModel(IncidentStore *store, QObject *parent = nullptr);

    void setIncidentId(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    // The store's refusal of the last edit, if any (empty when it was submitted).
    QString lastError() const { return m_lastError; }
    // Removes the stored item in `row` (the blank last row has none); the rows follow when the store has it.
    QString removeItem(int row);
    static QString statusText(ActionStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void load();

    IncidentStore *m_store;
    qint64 m_incidentId = 0;
    QList<ActionItem> m_items;
    bool m_hasIncident = false;
    QString m_lastError;
};
