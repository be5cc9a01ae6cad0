// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/proberesult.h"

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
        return QStringLiteral("OK");
    case EndpointState::Maintenance:
        return QStringLiteral("MAINTENANCE");
    case EndpointState::Pending:
        return QStringLiteral("PENDING");
    case EndpointState::Warning:
        return QStringLiteral("WARNING");
    case EndpointState::Unknown:
        return QStringLiteral("UNKNOWN");
    case EndpointState::Critical:
        return QStringLiteral("CRITICAL");
    }
    return QStringLiteral("UNKNOWN");
}
