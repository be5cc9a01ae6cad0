// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

class ChecklistStore;

// The checklists' clock, which runs with or without a window: every tick it marks instances that passed their due
// time as late (ChecklistStore::becameLate), and every few ticks it lets the store create the periods that began
// meanwhile (the next morning's check appears while OpsDeck runs overnight).
class ChecklistClock final : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultIntervalMs = 30 * 1000;
    static constexpr int ticksPerRefresh = 10;

    explicit ChecklistClock(ChecklistStore *store, QObject *parent = nullptr);

    void start(int intervalMs = defaultIntervalMs);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // One tick at `now` (the timer calls it with the current time; tests call it with theirs).
    void tick(const QDateTime &now);

Q_SIGNALS:
    // After the store has seen `now`: views showing due times and lateness repaint.
    void ticked(const QDateTime &now);

private:
    QPointer<ChecklistStore> m_store;
    QTimer m_timer;
    int m_ticks = 0;
};
