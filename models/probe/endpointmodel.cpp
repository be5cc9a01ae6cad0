// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/endpointmodel.h"

#include <QLocale>

QString EndpointStatus::displayTitle(const QString &language) const
{
    const QString text = title.text(language);
    return text.isEmpty() ? name : text;
}

std::optional<double> EndpointStatus::uptime() const
{
    int counted = 0;
    int up = 0;
    for (const HistoryPoint &point : history) {
        if (point.state == EndpointState::Maintenance) {
            continue;
        }
        ++counted;
        up += point.state == EndpointState::Ok || point.state == EndpointState::Warning ? 1 : 0;
    }
    if (counted == 0) {
        return std::nullopt;
    }
    return double(up) / counted;
}

bool EndpointStatus::isImpacted() const
{
    return !impactedBy.isEmpty() && last && last->state != EndpointState::Ok
        && last->state != EndpointState::Maintenance;
}

namespace {
int slotOf(const std::optional<ProbeResult> &last)
{
    return last ? int(last->state) + 1 : 0;
}
} // namespace

EndpointModel::EndpointModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_updateTimer.setSingleShot(true);
    connect(&m_updateTimer, &QTimer::timeout, this, &EndpointModel::flushUpdates);
}

void EndpointModel::setWorkspace(const Workspace &workspace)
{
    beginResetModel();
    // The reset announces everything.
    m_updateTimer.stop();
    m_changed.clear();
    QHash<QString, EndpointStatus> previous;
    for (EndpointStatus &status : m_endpoints) {
        previous.insert(status.name, std::move(status));
    }
    m_groups.clear();
    m_endpoints.clear();
    m_byName.clear();
    m_groupOf.clear();
    m_rowOf.clear();
    m_searchText.clear();
    m_counts = {};
    for (const Endpoint &endpoint : workspace.endpoints) {
        if (!endpoint.enabled || m_byName.contains(endpoint.name)) {
            continue;
        }
        EndpointStatus status = previous.take(endpoint.name);
        status.name = endpoint.name;
        status.group = endpoint.group;
        status.title = endpoint.title;
        status.url = endpoint.url;
        status.waitingForTrust = m_waiting.contains(endpoint.name);
        status.impactedBy.clear(); // the dependencies are computed again for the new workspace
        if (status.waitingForTrust) {
            status.last.reset();
        }
        int group = 0;
        while (group < m_groups.size() && m_groups.at(group).name != endpoint.group) {
            ++group;
        }
        if (group == m_groups.size()) {
            m_groups.append(Group { endpoint.group, {} });
        }
        const int index = int(m_endpoints.size());
        m_byName.insert(status.name, index);
        m_groupOf.append(group);
        m_rowOf.append(int(m_groups.at(group).endpoints.size()));
        m_groups[group].endpoints.append(index);
        ++m_groups[group].counts[slotOf(status.last)];
        ++m_counts[slotOf(status.last)];
        m_searchText.append(QStringList { status.name, status.title.en, status.title.ko, status.group, status.url }
                                .join(QLatin1Char('\n'))
                                .toCaseFolded());
        m_endpoints.append(std::move(status));
    }
    m_isChanged = QList<bool>(m_endpoints.size(), false);
    endResetModel();
}

bool EndpointModel::addResult(const ProbeResult &result)
{
    const auto found = m_byName.constFind(result.endpoint);
    if (found == m_byName.cend()) {
        return false;
    }
    const int index = *found;
    EndpointStatus &status = m_endpoints[index];
    if (!status.last || status.last->state != result.state) {
        status.lastChange = result.startedAt.isValid() ? result.startedAt : m_clock();
        StateCounts &group = m_groups[m_groupOf.at(index)].counts;
        --group[slotOf(status.last)];
        --m_counts[slotOf(status.last)];
        ++group[int(result.state) + 1];
        ++m_counts[int(result.state) + 1];
    }
    // The ring keeps the state after flap control, except that a failing probe below the threshold (PENDING)
    // counts by what it saw.
    const EndpointState counted = result.state == EndpointState::Pending ? result.rawState : result.state;
    status.history.push_back(HistoryPoint { result.startedAt, counted, result.totalMs });
    while (int(status.history.size()) > m_historyCapacity) {
        status.history.pop_front();
    }
    status.last = result;
    announce(index);
    return true;
}

void EndpointModel::announce(int endpoint)
{
    if (m_updateInterval <= 0) {
        const int group = m_groupOf.at(endpoint);
        const quintptr id = quintptr(group + 1);
        Q_EMIT dataChanged(
            createIndex(m_rowOf.at(endpoint), 0, id), createIndex(m_rowOf.at(endpoint), ColumnCount - 1, id));
        Q_EMIT dataChanged(createIndex(group, 0, quintptr(0)), createIndex(group, ColumnCount - 1, quintptr(0)));
        return;
    }
    if (!m_isChanged.at(endpoint)) {
        m_isChanged[endpoint] = true;
        m_changed.append(endpoint);
    }
    if (!m_updateTimer.isActive()) {
        m_updateTimer.start(m_updateInterval);
    }
}

void EndpointModel::setUpdateInterval(int ms)
{
    m_updateInterval = std::max(0, ms);
    if (m_updateInterval == 0) {
        flushUpdates();
    }
}

void EndpointModel::flushUpdates()
{
    m_updateTimer.stop();
    if (m_changed.isEmpty()) {
        return;
    }
    // Group by group, in row order: one signal per run of adjacent rows, then the group's own row.
    QList<int> changed = std::exchange(m_changed, {});
    std::sort(changed.begin(), changed.end(), [this](int a, int b) {
        return m_groupOf.at(a) != m_groupOf.at(b) ? m_groupOf.at(a) < m_groupOf.at(b) : m_rowOf.at(a) < m_rowOf.at(b);
    });
    for (int endpoint : std::as_const(changed)) {
        m_isChanged[endpoint] = false;
    }
    qsizetype i = 0;
    while (i < changed.size()) {
        const int group = m_groupOf.at(changed.at(i));
        const quintptr id = quintptr(group + 1);
        while (i < changed.size() && m_groupOf.at(changed.at(i)) == group) {
            const int first = m_rowOf.at(changed.at(i));
            int last = first;
            while (
                ++i < changed.size() && m_groupOf.at(changed.at(i)) == group && m_rowOf.at(changed.at(i)) == last + 1) {
                ++last;
            }
            Q_EMIT dataChanged(createIndex(first, 0, id), createIndex(last, ColumnCount - 1, id));
        }
        Q_EMIT dataChanged(createIndex(group, 0, quintptr(0)), createIndex(group, ColumnCount - 1, quintptr(0)));
    }
}

int EndpointModel::stateCount(int state) const
{
    const int slot = state + 1;
    return slot >= 0 && slot < int(m_counts.size()) ? m_counts.at(size_t(slot)) : 0;
}

QMap<int, int> EndpointModel::stateCounts() const
{
    QMap<int, int> counts;
    for (size_t slot = 0; slot < m_counts.size(); ++slot) {
        if (m_counts.at(slot) > 0) {
            counts.insert(int(slot) - 1, m_counts.at(slot));
        }
    }
    return counts;
}

void EndpointModel::setLanguage(const QString &language)
{
    m_language = language;
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    for (int group = 0; group < m_groups.size(); ++group) {
        const int rows = int(m_groups.at(group).endpoints.size());
        Q_EMIT dataChanged(createIndex(group, 0, quintptr(0)), createIndex(group, ColumnCount - 1, quintptr(0)));
        Q_EMIT dataChanged(
            createIndex(0, 0, quintptr(group + 1)), createIndex(rows - 1, ColumnCount - 1, quintptr(group + 1)));
    }
}

void EndpointModel::setHistoryCapacity(int capacity)
{
    m_historyCapacity = qMax(1, capacity);
    for (EndpointStatus &status : m_endpoints) {
        while (int(status.history.size()) > m_historyCapacity) {
            status.history.pop_front();
        }
    }
}

const EndpointStatus *EndpointModel::status(const QString &name) const
{
    const auto found = m_byName.constFind(name);
    return found == m_byName.cend() ? nullptr : &m_endpoints.at(*found);
}

const EndpointStatus *EndpointModel::status(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.internalId() == 0) {
        return nullptr;
    }
    return &m_endpoints.at(m_groups.at(int(index.internalId() - 1)).endpoints.at(index.row()));
}

QModelIndex EndpointModel::indexOf(const QString &name, int column) const
{
    const auto found = m_byName.constFind(name);
    if (found == m_byName.cend()) {
        return {};
    }
    return createIndex(m_rowOf.at(*found), column, quintptr(m_groupOf.at(*found) + 1));
}

QString EndpointModel::stateText(EndpointState state)
{
    switch (state) {
    case EndpointState::Ok:
        return tr("OK");
    case EndpointState::Maintenance:
        return tr("Maintenance");
    case EndpointState::Pending:
        return tr("Pending");
    case EndpointState::Warning:
        return tr("Warning");
    case EndpointState::Unknown:
        return tr("Unknown");
    case EndpointState::Critical:
        return tr("Critical");
    }
    return tr("Unknown");
}

QString EndpointModel::noResultText()
{
    return tr("No result yet");
}

QString EndpointModel::waitingForTrustText()
{
    return tr("Waiting for trust");
}

QString EndpointModel::impactedText()
{
    return tr("Impacted");
}

QString EndpointModel::impactedByText(const QString &root)
{
    return tr("impacted by %1").arg(root);
}

void EndpointModel::setImpactedBy(const QString &endpoint, const QString &root)
{
    const auto it = m_byName.constFind(endpoint);
    if (it == m_byName.cend() || m_endpoints.at(*it).impactedBy == root) {
        return;
    }
    m_endpoints[*it].impactedBy = root;
    announce(*it);
}

void EndpointModel::setWaitingForTrust(const QSet<QString> &endpoints)
{
    const QSet<QString> changed = (m_waiting - endpoints) + (endpoints - m_waiting);
    m_waiting = endpoints;
    for (const QString &name : changed) {
        const auto it = m_byName.constFind(name);
        if (it == m_byName.cend()) {
            continue;
        }
        m_endpoints[*it].waitingForTrust = endpoints.contains(name);
        const QModelIndex first = indexOf(name, NameColumn);
        Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
    }
}

QString EndpointModel::latencyText(double ms)
{
    return tr("%1 ms").arg(qRound(ms));
}

QString EndpointModel::uptimeText(double fraction)
{
    return tr("%1 %").arg(QLocale().toString(fraction * 100, 'f', 1));
}

QString EndpointModel::durationText(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    if (seconds < 60) {
        return tr("%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        return tr("%1 min").arg(seconds / 60);
    }
    if (seconds < 2 * 86400) {
        return tr("%1 h").arg(seconds / 3600);
    }
    return tr("%1 d").arg(seconds / 86400);
}

QModelIndex EndpointModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    if (!parent.isValid()) {
        return createIndex(row, column, quintptr(0));
    }
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex EndpointModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int EndpointModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_groups.size());
    }
    if (parent.column() != 0 || parent.internalId() != 0) {
        return 0;
    }
    return int(m_groups.at(parent.row()).endpoints.size());
}

int EndpointModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant EndpointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (index.internalId() == 0) {
        return groupData(index.row(), index.column(), role);
    }
    return endpointData(m_groups.at(int(index.internalId() - 1)).endpoints.at(index.row()), index.column(), role);
}

EndpointState EndpointModel::worstState(const Group &group, bool *any) const
{
    // States are ordered by severity; slot 0 holds the endpoints without a result.
    for (size_t slot = group.counts.size() - 1; slot > 0; --slot) {
        if (group.counts.at(slot) > 0) {
            *any = true;
            return EndpointState(int(slot) - 1);
        }
    }
    *any = false;
    return EndpointState::Ok;
}

QVariant EndpointModel::groupData(int group, int column, int role) const
{
    const Group &g = m_groups.at(group);
    bool any = false;
    const EndpointState worst = worstState(g, &any);
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn) {
            const QString name = g.name.isEmpty() ? tr("Ungrouped") : g.name;
            return tr("%1 (%2)").arg(name).arg(g.endpoints.size());
        }
        if (column == StateColumn && any) {
            return stateText(worst);
        }
        return {};
    case NameRole:
    case GroupRole:
        return g.name;
    case SearchTextRole:
        return g.name.toCaseFolded();
    case IsGroupRole:
        return true;
    case StateRole:
        return any ? int(worst) : -1;
    case SortRole:
        return column == StateColumn ? QVariant(any ? int(worst) : -1) : QVariant(g.name.toLower());
    default:
        return {};
    }
}

QVariant EndpointModel::endpointData(int endpoint, int column, int role) const
{
    const EndpointStatus &s = m_endpoints.at(endpoint);
    const double latency = s.last ? s.last->totalMs : -1;
    // Uptime walks the history: only for the roles that show it.
    const auto uptime = [&s] { return s.uptime(); };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return s.displayTitle(m_language);
        case StateColumn:
            if (s.waitingForTrust) {
                return waitingForTrustText();
            }
            if (s.isImpacted()) {
                return impactedText();
            }
            return s.last ? stateText(s.last->state) : noResultText();
        case LatencyColumn:
            return latency >= 0 ? latencyText(latency) : QString();
        case UptimeColumn:
            if (const std::optional<double> up = uptime()) {
                return uptimeText(*up);
            }
            return QString();
        case SinceColumn:
            return s.lastChange.isValid() ? durationText(s.lastChange.secsTo(m_clock())) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (s.waitingForTrust) {
            return tr("%1\n%2\nNot checked: its request carries a secret, and this version of the workspace is not "
                      "trusted yet.")
                .arg(s.name, s.url);
        }
        if (s.isImpacted()) {
            return tr("%1\n%2\n%3, %4: its notifications wait until %5 recovers.")
                .arg(s.name, s.url, stateText(s.last->state), impactedByText(s.impactedBy), s.impactedBy);
        }
        return s.url.isEmpty() ? s.name : tr("%1\n%2").arg(s.name, s.url);
    case Qt::TextAlignmentRole:
        return column == LatencyColumn || column == UptimeColumn || column == SinceColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    case NameRole:
        return s.name;
    case GroupRole:
        return s.group;
    case IsGroupRole:
        return false;
    case StateRole:
        return s.last ? int(s.last->state) : -1;
    case LatencyRole:
        return latency;
    case UptimeRole:
        return uptime().value_or(-1.0);
    case LastChangeRole:
        return s.lastChange;
    case WaitingForTrustRole:
        return s.waitingForTrust;
    case ImpactedByRole:
        return s.isImpacted() ? s.impactedBy : QString();
    case SearchTextRole:
        return m_searchText.at(endpoint);
    case SortRole:
        switch (column) {
        case StateColumn:
            return s.last ? int(s.last->state) : -1;
        case LatencyColumn:
            return latency;
        case UptimeColumn:
            return uptime().value_or(-1.0);
        case SinceColumn:
            return s.lastChange.isValid() ? s.lastChange.toMSecsSinceEpoch() : 0;
        default:
            return s.displayTitle(m_language).toLower();
        }
    default:
        return {};
    }
}

QVariant EndpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Endpoint");
    case StateColumn:
        return tr("State");
    case LatencyColumn:
        return tr("Latency");
    case UptimeColumn:
        return tr("Uptime");
    case SinceColumn:
        return tr("Since");
    default:
        return {};
    }
}

QHash<int, QByteArray> EndpointModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(GroupRole, "group");
    names.insert(IsGroupRole, "isGroup");
    names.insert(StateRole, "state");
    names.insert(LatencyRole, "latency");
    names.insert(UptimeRole, "uptime");
    names.insert(LastChangeRole, "lastChange");
    names.insert(WaitingForTrustRole, "waitingForTrust");
    names.insert(ImpactedByRole, "impactedBy");
    return names;
}
