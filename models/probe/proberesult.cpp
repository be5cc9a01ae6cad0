// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/proberesult.h"

using namespace Qt::StringLiterals;

int monitoringExitCode(EndpointState state)
{
    switch (state) {
    case EndpointState::Ok:
    case EndpointState::Maintenance:
    case EndpointState::Pending:
        return 0;
    case EndpointState::Warning:
        return 1;
    case EndpointState::Critical:
        return 2;
    case EndpointState::Unknown:
        return 3;
    }
    return 3;
}

QString endpointStateName(EndpointState state)
{
    switch (state) {
    case EndpointState::Ok:
        return u"OK"_s;
    case EndpointState::Maintenance:
        return u"MAINTENANCE"_s;
    case EndpointState::Pending:
        return u"PENDING"_s;
    case EndpointState::Warning:
        return u"WARNING"_s;
    case EndpointState::Unknown:
        return u"UNKNOWN"_s;
    case EndpointState::Critical:
        return u"CRITICAL"_s;
    }
    return u"UNKNOWN"_s;
}
