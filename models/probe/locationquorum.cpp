// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/locationquorum.h"

#include <algorithm>

namespace {

// Maintenance counts as OK; otherwise the enum is ordered by severity.
int severity(EndpointState s)
{
    return s == EndpointState::Maintenance ? int(EndpointState::Ok) : int(s);
}

} // namespace

void LocationQuorum::setWorkspace(const Workspace &workspace)
{
    m_rules.clear();
    for (const Endpoint &e : workspace.endpoints) {
        m_rules.insert(e.name, { workspace.quorumRule(e), std::max<qint64>(3 * e.interval.count(), 30000) });
    }
    for (auto it = m_readings.begin(); it != m_readings.end();) {
        it = m_rules.contains(it.key()) ? std::next(it) : m_readings.erase(it);
    }
}

EndpointState LocationQuorum::combine(const QList<EndpointState> &states, const QuorumRule &rule)
{
    if (states.isEmpty()) {
        return EndpointState::Unknown;
    }
    if (std::all_of(states.cbegin(), states.cend(), [](EndpointState s) { return s == EndpointState::Maintenance; })) {
        return EndpointState::Maintenance;
    }
    const auto worst = *std::max_element(
        states.cbegin(), states.cend(), [](EndpointState a, EndpointState b) { return severity(a) < severity(b); });
    if (rule.isAny() || worst != EndpointState::Critical) {
        return worst == EndpointState::Maintenance ? EndpointState::Ok : worst;
    }
    const auto critical = std::count(states.cbegin(), states.cend(), EndpointState::Critical);
    const qsizetype needed = std::min<qsizetype>(rule.atLeast, states.size());
    return critical >= needed ? EndpointState::Critical : EndpointState::Warning;
}

ProbeResult LocationQuorum::add(const ProbeResult &result, const QDateTime &now)
{
    QList<LocationReading> &readings = m_readings[result.endpoint];
    const LocationReading reading { result.location, result.state, result.startedAt, result.checkedBy };
    auto it = std::find_if(
        readings.begin(), readings.end(), [&](const LocationReading &r) { return r.location == result.location; });
    if (it == readings.end()) {
        readings.append(reading);
    } else if (!it->at.isValid() || !result.startedAt.isValid() || it->at <= result.startedAt) {
        *it = reading; // an older result arriving late (a backlog) does not replace a newer one
    }
    ProbeResult out = result;
    if (readings.size() < 2) {
        out.locations.clear();
        return out;
    }
    const Rule rule = m_rules.value(result.endpoint);
    QList<EndpointState> fresh;
    QList<EndpointState> all;
    for (const LocationReading &r : std::as_const(readings)) {
        all.append(r.state);
        if (!r.at.isValid() || r.at.msecsTo(now) <= rule.staleMs || rule.staleMs == 0) {
            fresh.append(r.state);
        }
    }
    out.state = combine(fresh.isEmpty() ? all : fresh, rule.quorum);
    out.locations = readings;
    return out;
}

QList<LocationReading> LocationQuorum::readings(const QString &endpoint) const
{
    return m_readings.value(endpoint);
}
