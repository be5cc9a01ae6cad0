// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QHash>

// An endpoint's state over the locations that probe it. Each location's latest result is kept; add() returns the
// result with `state` replaced by the quorum of the endpoint's critical-when rule and `locations` listing every
// location's reading. With one location the result passes through unchanged.
//
// The rule "N of M locations" makes the endpoint CRITICAL when at least N of the reporting locations find it
// CRITICAL (N is capped at the number reporting: a lone location decides alone); fewer CRITICAL readings make it
// WARNING. "any" (the default): the worst state wins. A location whose reading is older than three intervals (at
// least 30 s) no longer counts, unless no location has a fresh one.
class LocationQuorum final
{
public:
    void setWorkspace(const Workspace &workspace);
    ProbeResult add(const ProbeResult &result, const QDateTime &now = QDateTime::currentDateTimeUtc());
    QList<LocationReading> readings(const QString &endpoint) const;

    static EndpointState combine(const QList<EndpointState> &states, const QuorumRule &rule);

private:
    struct Rule
    {
        QuorumRule quorum;
        qint64 staleMs = 0;
    };
    QHash<QString, Rule> m_rules;
    QHash<QString, QList<LocationReading>> m_readings; // endpoint -> one per location, in order of arrival
};
