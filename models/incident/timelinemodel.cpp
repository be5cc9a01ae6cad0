// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/timelinemodel.h"

#include "incident/incidentstore.h"
#include "incident/incidenttimeline.h"

#include <QLocale>

using namespace Qt::StringLiterals;

TimelineModel::TimelineModel(IncidentStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &IncidentStore::incidentsReset, this, &TimelineModel::load);
    connect(store, &IncidentStore::incidentAdded, this, &TimelineModel::onIncidentChanged);
    connect(store, &IncidentStore::incidentChanged, this, &TimelineModel::onIncidentChanged);
}

void TimelineModel::setIncidentId(qint64 incidentId)
{
    m_incidentId = incidentId;
    load();
}

void TimelineModel::load()
{
    beginResetModel();
    const Incident *incident = m_store->incident(m_incidentId);
    m_entries = incident ? incident->timeline : QList<TimelineEntry>();
    m_superseded = IncidentTimeline::superseded(m_entries);
    endResetModel();
}

void TimelineModel::onIncidentChanged(qint64 incidentId)
{
    if (incidentId != m_incidentId) {
        return;
    }
    const Incident *incident = m_store->incident(m_incidentId);
    const QList<TimelineEntry> stored = incident ? incident->timeline : QList<TimelineEntry>();
    // Append-only: anything but a longer list with the same prefix is a different timeline, so reset.
    const bool grows = stored.size() >= m_entries.size()
        && std::equal(m_entries.cbegin(), m_entries.cend(), stored.cbegin(),
            [](const TimelineEntry &a, const TimelineEntry &b) { return a.id == b.id; });
    if (!grows) {
        load();
        return;
    }
    if (stored.size() > m_entries.size()) {
        beginInsertRows({}, int(m_entries.size()), int(stored.size()) - 1);
        m_entries = stored;
        endInsertRows();
    }
    const QSet<qint64> superseded = IncidentTimeline::superseded(m_entries);
    if (superseded != m_superseded) {
        m_superseded = superseded;
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

int TimelineModel::rowOf(qint64 entryId) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == entryId) {
            return int(i);
        }
    }
    return -1;
}

const TimelineEntry *TimelineModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TimelineEntry &e = m_entries.at(index.row());
    const bool superseded = m_superseded.contains(e.id);
    const auto time = [&role](const QDateTime &at) {
        return role == Qt::ToolTipRole ? QLocale().toString(at.toLocalTime(), QLocale::LongFormat)
                                       : QLocale().toString(at.toLocalTime(), u"MM-dd HH:mm"_s);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return QString(u"#"_s + QString::number(e.id));
        case OccurredColumn:
            return time(e.occurredAt);
        case KindColumn:
            return IncidentTimeline::kindText(e.kind);
        case EntryColumn:
            return e.isCorrection() ? tr("Correction of #%1: %2").arg(e.correctsId).arg(IncidentTimeline::describe(e))
                                    : IncidentTimeline::describe(e);
        case AuthorColumn:
            return e.author;
        case RecordedColumn:
            return time(e.recordedAt);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == OccurredColumn) {
            return time(e.occurredAt);
        }
        if (index.column() == RecordedColumn) {
            return time(e.recordedAt);
        }
        if (index.column() == EntryColumn) {
            return superseded ? tr("Corrected by a later entry: %1").arg(IncidentTimeline::describe(e))
                              : IncidentTimeline::describe(e);
        }
        return {};
    case EntryIdRole:
        return e.id;
    case KindRole:
        return int(e.kind);
    case OccurredAtRole:
        return e.occurredAt;
    case RecordedAtRole:
        return e.recordedAt;
    case CorrectsRole:
        return e.correctsId;
    case SupersededRole:
        return superseded;
    case AutomaticRole:
        return e.isAutomatic();
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case IdColumn:
        return tr("#");
    case OccurredColumn:
        return tr("Occurred");
    case KindColumn:
        return tr("Kind");
    case EntryColumn:
        return tr("Entry");
    case AuthorColumn:
        return tr("Author");
    case RecordedColumn:
        return tr("Recorded");
    }
    return {};
}
