// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentlistmodel.h"

#include "incident/incidentlifecycle.h"
#include "incident/incidentstore.h"

#include <QLocale>

using namespace Qt::StringLiterals;

IncidentListModel::IncidentListModel(IncidentStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &IncidentStore::incidentsReset, this, &IncidentListModel::resetFromStore);
    connect(store, &IncidentStore::incidentAdded, this, [this](qint64 id) {
        if (rowOf(id) >= 0) {
            return;
        }
        beginInsertRows({}, 0, 0);
        m_ids.prepend(id);
        endInsertRows();
    });
    connect(store, &IncidentStore::incidentChanged, this, [this](qint64 id) {
        if (const int row = rowOf(id); row >= 0) {
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    });
    resetFromStore();
}

void IncidentListModel::resetFromStore()
{
    beginResetModel();
    m_ids.clear();
    for (const Incident &i : m_store->incidents()) {
        m_ids.append(i.id);
    }
    endResetModel();
}

void IncidentListModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_ids.isEmpty()) {
        Q_EMIT dataChanged(index(0, AckColumn), index(rowCount() - 1, ResolveColumn));
    }
}

int IncidentListModel::rowOf(qint64 incidentId) const
{
    return int(m_ids.indexOf(incidentId));
}

int IncidentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int IncidentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

SlaFigure IncidentListModel::figure(const Incident &incident, int column) const
{
    const auto level = m_store->severity(incident.severity);
    if (!level) {
        return {};
    }
    return column == AckColumn ? SlaClock::acknowledge(incident, *level, m_now)
                               : SlaClock::resolve(incident, *level, m_now);
}

QVariant IncidentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Incident *incident = m_store->incident(m_ids.at(index.row()));
    if (!incident) {
        return {};
    }
    const int column = index.column();
    const bool sla = column == AckColumn || column == ResolveColumn;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return QString(u"#"_s + QString::number(incident->id));
        case TitleColumn:
            return incident->title;
        case SeverityColumn:
            return incident->severity;
        case StatusColumn:
            return IncidentLifecycle::statusText(incident->status);
        case CommanderColumn:
            return incident->commander;
        case StartedColumn:
            return incident->anchor().isValid() ? QLocale().toString(incident->anchor().toLocalTime(), u"MM-dd HH:mm"_s)
                                                : QString();
        case AckColumn:
        case ResolveColumn:
            return SlaClock::text(figure(*incident, column));
        }
        return {};
    case Qt::ToolTipRole:
        if (column == StartedColumn && incident->anchor().isValid()) {
            return QLocale().toString(incident->anchor().toLocalTime(), QLocale::LongFormat);
        }
        return column == SeverityColumn && m_store->severity(incident->severity)
            ? QVariant(m_store->severity(incident->severity)->title.text(m_language))
            : QVariant();
    case IncidentIdRole:
        return incident->id;
    case StatusRole:
        return int(incident->status);
    case OpenRole:
        return incident->isOpen();
    case SeverityRole:
        return incident->severity;
    case AckStateRole:
        return int(figure(*incident, AckColumn).state);
    case ResolveStateRole:
        return int(figure(*incident, ResolveColumn).state);
    case SlaStateRole:
        return sla ? QVariant(int(figure(*incident, column).state)) : QVariant();
    case SortKeyRole:
        // Open first, then the newest anchor.
        return QString((incident->isOpen() ? u"1"_s : u"0"_s)
            + QString::number(incident->anchor().toMSecsSinceEpoch()).rightJustified(16, u'0'));
    }
    return {};
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case IdColumn:
        return tr("#");
    case TitleColumn:
        return tr("Title");
    case SeverityColumn:
        return tr("Severity");
    case StatusColumn:
        return tr("Status");
    case CommanderColumn:
        return tr("Commander");
    case StartedColumn:
        return tr("Started");
    case AckColumn:
        return tr("Acknowledge");
    case ResolveColumn:
        return tr("Resolve");
    }
    return {};
}
