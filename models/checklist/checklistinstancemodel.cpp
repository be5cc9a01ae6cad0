// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistinstancemodel.h"

#include "checklist/checkliststore.h"

#include <QLocale>

ChecklistInstanceModel::ChecklistInstanceModel(ChecklistStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(m_store, &ChecklistStore::instancesReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(m_store, &ChecklistStore::instanceChanged, this, [this](qint64 id) {
        const int row = rowOf(id);
        if (row >= 0) {
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    });
}

void ChecklistInstanceModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void ChecklistInstanceModel::setLanguage(const QString &language)
{
    m_language = language;
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, TitleColumn), index(rowCount() - 1, TitleColumn));
    }
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int ChecklistInstanceModel::rowOf(qint64 instanceId) const
{
    const auto &list = m_store->instances();
    for (int row = 0; row < list.size(); ++row) {
        if (list.at(row).id == instanceId) {
            return row;
        }
    }
    return -1;
}

int ChecklistInstanceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_store->instances().size());
}

int ChecklistInstanceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ChecklistInstanceModel::statusText(int status)
{
    switch (PeriodStatus(status)) {
    case PeriodStatus::Upcoming:
        return tr("Upcoming");
    case PeriodStatus::Open:
        return tr("Open");
    case PeriodStatus::Overdue:
        return tr("Overdue");
    case PeriodStatus::Missed:
        return tr("Missed");
    case PeriodStatus::Signed:
        return tr("Signed");
    }
    return {};
}

QVariant ChecklistInstanceModel::display(const ChecklistInstance &instance, int column) const
{
    const QLocale locale;
    switch (column) {
    case TitleColumn:
        return instance.title.text(m_language);
    case PeriodColumn:
        return instance.isOnDemand()
            ? locale.toString(instance.period.start.toTimeZone(m_store->timeZone()), QLocale::ShortFormat)
            : locale.toString(instance.period.start.toTimeZone(m_store->timeZone()).date(), QLocale::ShortFormat);
    case ProgressColumn:
        return tr("%1/%2").arg(instance.doneCount()).arg(instance.total());
    case DueColumn:
        return instance.isOnDemand()
            ? QString()
            : locale.toString(instance.period.due.toTimeZone(m_store->timeZone()), QLocale::ShortFormat);
    case StatusColumn:
        if (instance.isSigned()) {
            return tr("Signed by %1").arg(instance.signedBy);
        }
        return statusText(int(instance.status(m_now)));
    }
    return {};
}

QVariant ChecklistInstanceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ChecklistInstance &instance = m_store->instances().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(instance, index.column());
    case InstanceIdRole:
        return instance.id;
    case StatusRole:
        return int(instance.status(m_now));
    case DoneRole:
        return instance.doneCount();
    case TotalRole:
        return instance.total();
    case PeriodStartRole:
        return instance.period.start;
    case PeriodEndRole:
        return instance.period.end;
    }
    return {};
}

QVariant ChecklistInstanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TitleColumn:
        return tr("Checklist");
    case PeriodColumn:
        return tr("Period");
    case ProgressColumn:
        return tr("Progress");
    case DueColumn:
        return tr("Due");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}
