// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistitemmodel.h"

#include "checklist/checkliststore.h"

#include <QLocale>

ChecklistItemModel::ChecklistItemModel(ChecklistStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(m_store, &ChecklistStore::instancesReset, this, [this] { setInstanceId(m_instanceId); });
    connect(m_store, &ChecklistStore::instanceChanged, this, [this](qint64 id) {
        if (id == m_instanceId) {
            emitAllChanged();
        }
    });
    connect(m_store, &ChecklistStore::itemSaveStateChanged, this, [this](qint64 id, const QString &itemId) {
        const int row = id == m_instanceId ? rowOf(itemId) : -1;
        if (row >= 0) {
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    });
}

const ChecklistInstance *ChecklistItemModel::instance() const
{
    return m_store->instance(m_instanceId);
}

void ChecklistItemModel::setInstanceId(qint64 instanceId)
{
    beginResetModel();
    m_instanceId = instanceId;
    const ChecklistInstance *i = instance();
    m_rows = i ? int(i->items.size()) : 0;
    endResetModel();
}

void ChecklistItemModel::setNow(const QDateTime &now)
{
    m_now = now;
    emitAllChanged();
}

void ChecklistItemModel::setLanguage(const QString &language)
{
    m_language = language;
    emitAllChanged();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void ChecklistItemModel::emitAllChanged()
{
    if (m_rows > 0) {
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    }
}

int ChecklistItemModel::rowOf(const QString &itemId) const
{
    const ChecklistInstance *i = instance();
    for (int row = 0; i && row < m_rows; ++row) {
        if (i->items.at(row).id == itemId) {
            return row;
        }
    }
    return -1;
}

int ChecklistItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ChecklistItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChecklistItemModel::display(const ChecklistInstance &inst, int row, int column) const
{
    const ChecklistItem &item = inst.items.at(row);
    const auto latest = inst.latest(item.id);
    const QLocale locale;
    switch (column) {
    case ItemColumn:
        return item.text.text(m_language);
    case DoneByColumn: {
        if (!latest) {
            return QString();
        }
        const QString when = locale.toString(latest->at.toTimeZone(m_store->timeZone()), QLocale::ShortFormat);
        switch (latest->action) {
        case TickAction::Tick:
            return tr("%1, %2").arg(latest->actor, when);
        case TickAction::Untick:
            return tr("unticked by %1, %2").arg(latest->actor, when);
        case TickAction::Skip:
            return tr("skipped by %1, %2: %3").arg(latest->actor, when, latest->skipReason);
        }
        return QString();
    }
    case NoteColumn:
        return latest ? latest->note : QString();
    case EvidenceColumn:
        return latest && latest->action == TickAction::Tick ? latest->evidence.summary() : QString();
    case SaveColumn:
        switch (m_store->saveState(inst.id, item.id)) {
        case ChecklistStore::SaveState::Saving:
            return tr("saving…");
        case ChecklistStore::SaveState::Saved:
            return latest ? tr("saved") : QString();
        case ChecklistStore::SaveState::Unsaved:
            return tr("unsaved: %1").arg(m_store->saveError(inst.id, item.id));
        case ChecklistStore::SaveState::Conflict:
            return tr("conflict: %1").arg(m_store->saveError(inst.id, item.id));
        }
    }
    return {};
}

QVariant ChecklistItemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ChecklistInstance *inst = instance();
    if (!inst || index.row() >= inst->items.size()) {
        return {};
    }
    const ChecklistItem &item = inst->items.at(index.row());
    const bool overdue = inst->isItemOverdue(item.id, m_now);
    switch (role) {
    case Qt::DisplayRole:
        return display(*inst, index.row(), index.column());
    case Qt::ToolTipRole:
        return index.column() == SaveColumn ? m_store->saveError(inst->id, item.id) : QVariant();
    case Qt::CheckStateRole:
        if (index.column() != ItemColumn) {
            return {};
        }
        return inst->state(item.id) == ItemState::Open ? Qt::Unchecked : Qt::Checked;
    case ItemIdRole:
        return item.id;
    case StateRole:
        return int(inst->state(item.id));
    case OverdueRole:
        return overdue;
    case SaveStateRole:
        return int(m_store->saveState(inst->id, item.id));
    case SaveErrorRole:
        return m_store->saveError(inst->id, item.id);
    case DueRole:
        return inst->dueOf(item.id);
    }
    return {};
}

bool ChecklistItemModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != ItemColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    // The check box follows storage, not the click: the store's instanceChanged updates it once committed.
    Q_EMIT toggleRequested(index.data(ItemIdRole).toString(), value.toInt() == Qt::Checked);
    return false;
}

Qt::ItemFlags ChecklistItemModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    const ChecklistInstance *inst = instance();
    if (index.isValid() && index.column() == ItemColumn && inst && !inst->isSigned()) {
        f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

QVariant ChecklistItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ItemColumn:
        return tr("Item");
    case DoneByColumn:
        return tr("Done by");
    case NoteColumn:
        return tr("Note");
    case EvidenceColumn:
        return tr("Evidence");
    case SaveColumn:
        return tr("Saved");
    }
    return {};
}
