// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"

#include <QAbstractTableModel>
#include <QSet>

class IncidentStore;

// The timeline of one incident in recording order, every entry including superseded ones (SupersededRole; the view
// strikes them out) and corrections (naming the entry they correct). The timeline only grows, so store changes
// insert rows at the end.
// TimelineFilterModel sorts by occurred-at and filters by kind.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, OccurredColumn, KindColumn, EntryColumn, AuthorColumn, RecordedColumn, ColumnCount };
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        KindRole, // TimelineKind as int
        OccurredAtRole,
        RecordedAtRole,
        CorrectsRole, // the corrected entry's id, 0 if none
        SupersededRole, // bool: a later correction replaces this entry
        AutomaticRole,
    };

    explicit TimelineModel(IncidentStore *store, QObject *parent = nullptr);

    void setIncidentId(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    int rowOf(qint64 entryId) const;
    const TimelineEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void load();
    void onIncidentChanged(qint64 incidentId);

    IncidentStore *m_store;
    qint64 m_incidentId = 0;
    QList<TimelineEntry> m_entries;
    QSet<qint64> m_superseded;
};
