// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/slaclock.h"

#include <QAbstractTableModel>
#include <QDateTime>

using namespace Qt::StringLiterals;

class IncidentStore;
struct Incident;

// The incidents of an IncidentStore: number, title, severity, status, commander, started, and the two SLA clocks
// as of now(), each with its state (ok / near / breached) for the views to colour. Rows follow the store's order (open
// first, newest first, as loaded); new incidents are inserted at the top. SortKeyRole keeps "open first, newest first"
// under a sort proxy.
class IncidentListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        TitleColumn,
        SeverityColumn,
        StatusColumn,
        CommanderColumn,
        StartedColumn,
        AckColumn,
        ResolveColumn,
        ColumnCount
    };
    enum Role {
        IncidentIdRole = Qt::UserRole + 1,
        StatusRole, // IncidentStatus as int
        OpenRole,
        SeverityRole, // the severity id
        AckStateRole, // SlaFigure::State as int
        ResolveStateRole,
        SortKeyRole,
        SlaStateRole, // SlaFigure::State as int of this cell's clock (Acknowledge, Resolve columns); invalid elsewhere
    };

    explicit IncidentListModel(IncidentStore *store, QObject *parent = nullptr);

    // The SLA clocks are computed against this instant; the page moves it on with a timer.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }
    // "en" or "ko": which language of the workspace's severity titles to show.
    void setLanguage(const QString &language) { m_language = language; }
    int rowOf(qint64 incidentId) const;
    qint64 incidentIdAt(int row) const { return m_ids.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void resetFromStore();
    SlaFigure figure(const Incident &incident, int column) const;

    IncidentStore *m_store;
    QList<qint64> m_ids; // the rows, as the views have seen them
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    QString m_language = u"en"_s;
};
