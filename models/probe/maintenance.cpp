// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/maintenance.h"

namespace MaintenanceSchedule {

bool covers(const MaintenanceWindow &window, const Endpoint &endpoint, const QDateTime &at)
{
    if (!window.start.isValid() || window.duration.count() <= 0) {
        return false;
    }
    if (!window.endpoints.isEmpty() || !window.groups.isEmpty()) {
        const bool named = window.endpoints.contains(endpoint.name);
        const bool grouped = !endpoint.group.isEmpty() && window.groups.contains(endpoint.group);
        if (!named && !grouped) {
            return false;
        }
    }
    const QDateTime local = at.toLocalTime();
    constexpr qint64 dayMs = 24 * 3600 * 1000;
    // A window may have started on an earlier day and still be running.
    const qint64 daysBack = window.duration.count() / dayMs + 1;
    for (qint64 back = 0; back <= daysBack; ++back) {
        const QDate day = local.date().addDays(-back);
        if (!window.weekdays.isEmpty() && !window.weekdays.contains(day.dayOfWeek())) {
            continue;
        }
        const QDateTime begin(day, window.start, Qt::LocalTime);
        const qint64 sinceStart = begin.msecsTo(local);
        if (sinceStart >= 0 && sinceStart < window.duration.count()) {
            return true;
        }
    }
    return false;
}

const MaintenanceWindow *activeWindow(
    const QList<MaintenanceWindow> &windows, const Endpoint &endpoint, const QDateTime &at)
{
    for (const MaintenanceWindow &window : windows) {
        if (covers(window, endpoint, at)) {
            return &window;
        }
    }
    return nullptr;
}

} // namespace MaintenanceSchedule
