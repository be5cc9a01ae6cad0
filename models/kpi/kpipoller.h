// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class KpiModel;
class KpiReader;
class SampleStore;

// Reads each KPI of the workspace at its own interval (a read still running is never doubled) and hands the
// figures to the model; once a second the model re-evaluates states so tiles go stale on time.
class KpiPoller final : public QObject
{
    Q_OBJECT

public:
    // A rate's second scrape. KpiReader asks the service again for it however soon that is (more than the 500 ms
    // MetricsScraper::baseline() wants between two scrapes), so this need not outlast the scraper's reuse age.
    static constexpr int retryMs = 2000;

    KpiPoller(KpiReader *reader, KpiModel *model, QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    // Readings of KPIs other than Prometheus queries (Prometheus keeps its own history) are also stored there.
    void setSampleStore(SampleStore *store);
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    void pollAll();
    // KPIs that read `endpoint`'s results (JSON fields, probe figures, error budgets) are read again now.
    void endpointChecked(const QString &endpoint);
    // KPIs that are not read (their reading would send a secret of a workspace not trusted yet); the model shows
    // them waiting. Released KPIs are read at once when running.
    void setHeld(const QSet<QString> &kpis);
    int readsStarted() const { return m_readsStarted; }

Q_SIGNALS:
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
    QPointer<SampleStore> m_samples;
    QHash<QString, Slot> m_slots;
    QSet<QString> m_held;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_readsStarted = 0;
    quint64 m_generation = 0; // figures of a replaced workspace are dropped
};
