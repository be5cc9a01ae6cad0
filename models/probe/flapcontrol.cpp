// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/flapcontrol.h"

#include <algorithm>

FlapControl::FlapControl(int failureThreshold, int successThreshold)
{
    setThresholds(failureThreshold, successThreshold);
}

void FlapControl::setThresholds(int failureThreshold, int successThreshold)
{
    m_failureThreshold = std::max(1, failureThreshold);
    m_successThreshold = std::max(1, successThreshold);
}

bool FlapControl::isFailing(EndpointState s)
{
    return s == EndpointState::Warning || s == EndpointState::Critical || s == EndpointState::Unknown;
}

EndpointState FlapControl::apply(EndpointState raw, bool inMaintenance)
{
    if (raw == EndpointState::Maintenance || raw == EndpointState::Pending) {
        raw = EndpointState::Ok; // not raw states; treat defensively as a pass
    }
    if (isFailing(raw)) {
        ++m_failures;
        m_successes = 0;
        if (isFailing(m_underlying) || m_failures >= m_failureThreshold) {
            m_underlying = raw;
        } else {
            m_underlying = EndpointState::Pending;
        }
    } else {
        ++m_successes;
        m_failures = 0;
        if (!isFailing(m_underlying) || m_successes >= m_successThreshold) {
            m_underlying = EndpointState::Ok;
        }
    }
    m_hasState = true;
    m_reported = inMaintenance ? EndpointState::Maintenance : m_underlying;
    return m_reported;
}
