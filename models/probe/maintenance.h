// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QDateTime>

// Whether a maintenance window covers an endpoint at a moment. Windows are in local time; one that starts at
// 23:00 for 2h on Mondays also covers Tuesday 00:30. A window without endpoints and groups covers everything.
namespace MaintenanceSchedule {

bool covers(const MaintenanceWindow &window, const Endpoint &endpoint, const QDateTime &at);
// The first window of `windows` covering `endpoint` at `at`, or nullptr.
const MaintenanceWindow *activeWindow(
    const QList<MaintenanceWindow> &windows, const Endpoint &endpoint, const QDateTime &at);

} // namespace MaintenanceSchedule
