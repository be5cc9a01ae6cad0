// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/checklistclock.h"

#include "checklist/checkliststore.h"

ChecklistClock::ChecklistClock(ChecklistStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&m_timer, &QTimer::timeout, this, [this] { tick(QDateTime::currentDateTimeUtc()); });
}

void ChecklistClock::start(int intervalMs)
{
    m_timer.start(intervalMs);
}

void ChecklistClock::stop()
{
    m_timer.stop();
}

void ChecklistClock::tick(const QDateTime &now)
{
    if (!m_store) {
        return;
    }
    m_store->checkLate(now);
    if (++m_ticks % ticksPerRefresh == 0) {
        m_store->refresh(now);
    }
    Q_EMIT ticked(now);
}
