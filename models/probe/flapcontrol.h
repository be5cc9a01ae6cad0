// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"

// The reported state of one endpoint from its stream of raw states (failure/success thresholds and maintenance).
//
// A failure is any raw state other than OK. From OK (or before the first result), failures below the failure
// threshold report PENDING; reaching it reports the raw state. From a failing state, successes below the success
// threshold keep the failing state; reaching it reports OK. Inside a maintenance window the endpoint reports
// MAINTENANCE while the counters keep running, so the state after the window is already right.
class FlapControl final
{
public:
    FlapControl(int failureThreshold = 1, int successThreshold = 1);

    void setThresholds(int failureThreshold, int successThreshold);
    // Applies one probe's raw state; returns the state to report.
    EndpointState apply(EndpointState raw, bool inMaintenance);

    bool hasState() const { return m_hasState; }
    EndpointState state() const { return m_reported; }
    int consecutiveFailures() const { return m_failures; }
    int consecutiveSuccesses() const { return m_successes; }

private:
    static bool isFailing(EndpointState s);

    int m_failureThreshold = 1;
    int m_successThreshold = 1;
    int m_failures = 0;
    int m_successes = 0;
    bool m_hasState = false;
    EndpointState m_underlying = EndpointState::Ok; // the state without maintenance
    EndpointState m_reported = EndpointState::Unknown;
};
