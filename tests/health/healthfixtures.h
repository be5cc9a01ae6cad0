// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"
#include "workspace/workspace.h"

// Shared by the Health tests: data/health.yaml and realistic probe results for its endpoints.
namespace HealthFixtures {

Workspace workspace(); // fails the current test when data/health.yaml does not load
QByteArray degradedBody(); // data/health-degraded.json: seed 003's /health with a failing database

QDateTime baseTime(); // 2026-11-22 08:30 UTC
ProbeResult ok(const QString &endpoint, double totalMs, const QDateTime &at = baseTime());
// RESPONSE_TIME over its warn-condition.
ProbeResult slow(const QString &endpoint, double totalMs, const QDateTime &at = baseTime());
// HTTP 503 with [BODY].status == healthy failing on "degraded", the seed-003 components and the JSON body.
ProbeResult critical(const QString &endpoint, const QDateTime &at = baseTime());
// Refused connection: no HTTP status, an error text.
ProbeResult refused(const QString &endpoint, const QDateTime &at = baseTime());

} // namespace HealthFixtures
