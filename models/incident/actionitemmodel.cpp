// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/actionitemmodel.h"

#include "incident/incidentstore.h"

#include <algorithm>

ActionItemModel::ActionItemModel(IncidentStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &IncidentStore::incidentsReset, this, &ActionItemModel::load);
    connect(store, &IncidentStore::incidentChanged, this, [this](qint64 id) {
        if (id == m_incidentId) {
            load();
        }
    });
}

void ActionItemModel::setIncidentId(qint64 incidentId)
{
    m_incidentId = incidentId;
    load();
}

void ActionItemModel::load()
{
    const Incident *incident = m_store->incident(m_incidentId);
    const QList<ActionItem> items = incident ? incident->actionItems : QList<ActionItem>();
    beginResetModel();
    m_items = items;
    m_hasIncident = incident != nullptr;
    endResetModel();
}

QString ActionItemModel::statusText(ActionStatus status)
{
    switch (status) {
    case ActionStatus::Open:
        return tr("Open");
    case ActionStatus::InProgress:
        return tr("In progress");
    case ActionStatus::Done:
        return tr("Done");
    }
    return {};
}

int ActionItemModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_hasIncident) {
        return 0;
    }
    return int(m_items.size()) + 1;
}

int ActionItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionItemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    if (index.row() == m_items.size()) {
        return role == Qt::DisplayRole && index.column() == ActionColumn ? QVariant(tr("(new action item)"))
                                                                         : QVariant();
    }
    const ActionItem &a = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case ActionColumn:
            return a.action;
        case OwnerColumn:
            return a.owner;
        case DueColumn:
            return role == Qt::EditRole ? QVariant(a.due) : QVariant(a.due.toString(Qt::ISODate));
        case StatusColumn:
            return role == Qt::EditRole ? QVariant(int(a.status)) : QVariant(statusText(a.status));
        }
        return {};
    case ItemIdRole:
        return a.id;
    case StatusRole:
        return int(a.status);
    }
    return {};
}

bool ActionItemModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    ActionItem item;
    item.incidentId = m_incidentId;
    if (index.row() < m_items.size()) {
        item = m_items.at(index.row());
    } else if (index.column() != ActionColumn) {
        return false; // a new item starts with its action
    }
    switch (index.column()) {
    case ActionColumn:
        item.action = value.toString().trimmed();
        break;
    case OwnerColumn:
        item.owner = value.toString().trimmed();
        break;
    case DueColumn:
        item.due = value.toDate();
        break;
    case StatusColumn:
        item.status = ActionStatus(std::clamp(value.toInt(), 0, int(ActionStatus::Done)));
        break;
    }
    m_lastError = m_store->saveActionItem(item);
    return m_lastError.isEmpty();
}

QString ActionItemModel::removeItem(int row)
{
    if (row < 0 || row >= m_items.size()) {
        return tr("no action item in row %1").arg(row + 1);
    }
    m_lastError = m_store->removeActionItem(m_incidentId, m_items.at(row).id);
    return m_lastError;
}

Qt::ItemFlags ActionItemModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return {};
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.row() < m_items.size() || index.column() == ActionColumn) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

QVariant ActionItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ActionColumn:
        return tr("Action");
    case OwnerColumn:
        return tr("Owner");
    case DueColumn:
        return tr("Due");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}
