// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QTimer>

#include <array>
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
    // Its requests would carry secrets of a workspace version not trusted yet: it is not checked, has no state and
    // counts as "no result yet".
    bool waitingForTrust = false;
    // The CRITICAL endpoint up its depends-on that impacts it (DependencyGraph::rootCause()); empty when none does.
    QString impactedBy;

    // Shown as "impacted by <root>": a root cause is CRITICAL and this one has a problem of its own (an impacted
    // endpoint that is OK shows OK).
    bool isImpacted() const;
    QString displayTitle(const QString &language) const;
    // Share of recent results that were up (raw state OK or WARNING), maintenance results left out; nullopt when
    // there is nothing to judge.
    std::optional<double> uptime() const;
};

// The workspace's enabled endpoints as a two-level tree: groups (in the order they first appear) and their
// endpoints. Takes probe results through addResult(), so it does not depend on the engine. Counts by state (per
// group and in all) are kept as results arrive, so a group's worst state and a summary cost no scan.
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
        SearchTextRole, // QString: name, titles, group and URL, case-folded, for filtering
        SortRole, // a value that sorts naturally for the column
        WaitingForTrustRole, // bool: see EndpointStatus::waitingForTrust
        ImpactedByRole, // QString: the root cause when EndpointStatus::isImpacted(), else empty
    };
    Q_ENUM(Role)

    explicit EndpointModel(QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace); // reset; keeps the results of endpoints that stay
    // False when the result names no endpoint of the workspace (then it is ignored).
    bool addResult(const ProbeResult &result);
    // The endpoints that wait for the workspace to be trusted (kept across setWorkspace()); an endpoint that
    // starts waiting in setWorkspace() drops the result of the version before.
    void setWaitingForTrust(const QSet<QString> &endpoints);
    int waitingForTrustCount() const { return int(m_waiting.size()); }
    // The root cause that impacts `endpoint` (empty: none); announced like a result.
    void setImpactedBy(const QString &endpoint, const QString &root);

    // 0 (the default): addResult() announces its row and its group at once. Above 0: a result is taken at once
    // (status(), data() and the counts have it) but the changed rows are announced together at most every `ms`
    // milliseconds, one dataChanged() per run of adjacent rows and one per group, so that views over thousands of
    // endpoints update a few times a second rather than for every result.
    void setUpdateInterval(int ms);
    int updateInterval() const { return m_updateInterval; }
    // Announces the changes collected so far (with an update interval) now.
    void flushUpdates();

    // Endpoints in `state` (EndpointState as int, -1 = no result yet).
    int stateCount(int state) const;
    // state -> endpoints in it, states with none left out.
    QMap<int, int> stateCounts() const;

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
    static QString noResultText(); // the state column before the first result
    static QString waitingForTrustText(); // the state column of an endpoint waiting for trust
    static QString impactedText(); // the state column of an impacted endpoint
    static QString impactedByText(const QString &root); // "impacted by database"
    static QString latencyText(double ms); // "84 ms"
    static QString uptimeText(double fraction); // "99.5 %"
    static QString durationText(qint64 seconds); // "45 s", "12 min", "3 h", "2 d"

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // Endpoints per state, at state + 1 (0 = no result yet).
    using StateCounts = std::array<int, int(EndpointState::Critical) + 2>;
    struct Group
    {
        QString name;
        QList<int> endpoints; // indexes into m_endpoints
        StateCounts counts {};
    };

    QVariant groupData(int group, int column, int role) const;
    QVariant endpointData(int endpoint, int column, int role) const;
    EndpointState worstState(const Group &group, bool *any) const;
    void announce(int endpoint);

    QList<Group> m_groups;
    QList<EndpointStatus> m_endpoints;
    QList<QString> m_searchText; // per endpoint: name, titles, group and URL, case-folded
    QHash<QString, int> m_byName;
    QSet<QString> m_waiting;
    QList<int> m_groupOf; // endpoint -> group
    QList<int> m_rowOf; // endpoint -> row inside its group
    StateCounts m_counts {};
    int m_updateInterval = 0;
    QTimer m_updateTimer;
    QList<int> m_changed; // endpoints whose change is not announced yet
    QList<bool> m_isChanged; // per endpoint
    QString m_language = u"en"_s;
    int m_historyCapacity = 60;
    std::function<QDateTime()> m_clock;
};
