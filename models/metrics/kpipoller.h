// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

class KpiModel;
class KpiReader;

// Reads each KPI of the workspace at its own interval (a read still running is never doubled) and hands the
// figures to the model; once a second the model re-evaluates states so tiles go stale on time.
class KpiPoller final : public QObject
{
    Q_OBJECT

public:
    static constexpr int retryMs = 2000; // a rate's second scrape

    KpiPoller(KpiReader *reader, KpiModel *model, QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    void pollAll();
    int readsStarted() const { return m_readsStarted; }

signals:
    void figureApplied(const QString &kpiId);

private:
    struct Slot
    {
        Kpi kpi;
        qint64 dueMs = 0;
        bool reading = false;
    };
    void tick();
    void read(Slot &slot);

    KpiReader *m_reader;
    KpiModel *m_model;
    QHash<QString, Slot> m_slots;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_readsStarted = 0;
    quint64 m_generation = 0; // figures of a replaced workspace are dropped
};
