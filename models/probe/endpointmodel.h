// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>

#include <deque>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

// One probe outcome as kept in the history ring.
struct HistoryPoint
{
    QDateTime at;
    EndpointState state = EndpointState::Unknown;
    double totalMs = -1;
};

// What the Health screen knows about one endpoint: its configuration, the last result and recent history.
struct EndpointStatus
{
    QString name;
    QString group;
    LocalizedText title;
    QString url;
    std::optional<ProbeResult> last;
    std::deque<HistoryPoint> history; // oldest first, bounded by EndpointModel::historyCapacity()
    QDateTime lastChange; // when the state last changed (the first result counts as a change)

    QString displayTitle(const QString &language) const;
    // Share of recent results that were up (raw state OK or WARNING), maintenance results left out; nullopt when
    // there is nothing to judge.
    std::optional<double> uptime() const;
};

// The workspace's enabled endpoints as a two-level tree: groups (in the order they first appear) and their
// endpoints. Takes probe results through addResult(), so it does not depend on the engine.
class EndpointModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, LatencyColumn, UptimeColumn, SinceColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        NameRole = Qt::UserRole, // QString: endpoint name (group rows: the group)
        GroupRole, // QString
        IsGroupRole, // bool
        StateRole, // int (EndpointState); group rows: the worst of its endpoints; -1 = no result yet
        LatencyRole, // double ms, -1 = none
        UptimeRole, // double 0..1, -1 = none
        LastChangeRole, // QDateTime
        SearchTextRole, // QString: name, title, group and URL, for filtering
        SortRole, // a value that sorts naturally for the column
    };
    Q_ENUM(Role)

    explicit EndpointModel(QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace); // reset; keeps the results of endpoints that stay
    // False when the result names no endpoint of the workspace (then it is ignored).
    bool addResult(const ProbeResult &result);

    // "en" or "ko", for titles; call it again after the UI language changed to refresh translated texts.
    void setLanguage(const QString &language);
    void setHistoryCapacity(int capacity);
    int historyCapacity() const { return m_historyCapacity; }
    // For tests and for "time since" texts; defaults to the current time.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    const EndpointStatus *status(const QString &name) const;
    const EndpointStatus *status(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &name, int column = NameColumn) const;
    int endpointCount() const { return int(m_endpoints.size()); }

    static QString stateText(EndpointState state); // translated
    static QString durationText(qint64 seconds); // "45 s", "12 min", "3 h", "2 d"

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Group
    {
        QString name;
        QList<int> endpoints; // indexes into m_endpoints
    };

    QVariant groupData(int group, int column, int role) const;
    QVariant endpointData(const EndpointStatus &status, int column, int role) const;
    EndpointState worstState(const Group &group, bool *any) const;

    QList<Group> m_groups;
    QList<EndpointStatus> m_endpoints;
    QHash<QString, int> m_byName;
    QList<int> m_groupOf; // endpoint -> group
    QList<int> m_rowOf; // endpoint -> row inside its group
    QString m_language = u"en"_s;
    int m_historyCapacity = 60;
    std::function<QDateTime()> m_clock;
};
