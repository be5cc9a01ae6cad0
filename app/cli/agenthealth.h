// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

class Session;

// The agent's own /healthz and /readyz, in the shape of seed 003's /api/health: a status, a timestamp, the uptime in
// seconds and one entry per part under "services" ({ "status": "healthy" | "degraded" | "unhealthy", ... }), so
// OpsDeck (or anything reading that shape) can watch its agents.
class AgentHealth final
{
public:
    struct Agent
    {
        bool lastLoadOk = false; // the file's last version loaded
        QString lastLoadError; // its first error, file:line
        qint64 startedMs = 0;
    };

    // Process alive: always served with 200; "status" is the worst of the parts.
    static QJsonObject health(const Session &session, const Agent &agent);
    // Ready = a workspace is loaded and the storage is open: 200, else 503 with "status": "unhealthy".
    static QJsonObject readiness(const Session &session, const Agent &agent);
    static bool ready(const Session &session);
};
