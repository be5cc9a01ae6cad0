// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faults.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <array>

struct Deployment
{
    QString version;
    QString description;
    double errorRate = 0.0; // fraction of requests that fail with 5xx
    double latencyMedianMs = 0.0; // median latency of the simulated API
    double healthDelayMs = 0.0; // how long /health, /livez and /readyz take to answer
    QDateTime deployedAt;
};

struct Gauges
{
    double cpuPercent = 0;
    double memoryPercent = 0;
    double diskPercent = 0;
    double dbConnectionsActive = 0;
    double dbConnectionsMax = 100;
    double apiQuotaUsedPercent = 0;
};

// The simulated service: deployments, synthetic traffic (about 20 requests/s), counters and drifting gauges.
// All randomness comes from one generator seeded with --seed, so a run can be repeated.
class DemoState final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::array<double, 11> bucketBounds { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };
    using RequestKey = QPair<QString, int>; // route, status

    explicit DemoState(quint32 seed, QObject *parent = nullptr);

    const QList<Deployment> &deployments() const { return m_deployments; }
    const Deployment &current() const { return m_deployments.at(m_current); }
    int indexOf(const QString &version) const;
    void setCurrent(int index);
    // The simulated share of failing requests of one release (0..1).
    void setErrorRate(int index, double rate);

    const Faults &faults() const { return m_faults; }
    void setFaults(const Faults &faults) { m_faults = faults; }

    // Counts one finished request (synthetic or real).
    void record(const QString &route, int status, double latencyMs);
    // Whether a real request fails now because of an injected error rate.
    bool injectedFailure();
    // How long a real /health-like request takes under the current deployment (jittered), in ms.
    int healthDelayMs();
    // A dependency's response time in ms around `baseMs`, jittered.
    int dependencyTimeMs(double baseMs);

    // Over the last few seconds.
    double recentErrorRate() const;
    double recentAvgLatencyMs() const;

    qint64 uptimeSeconds() const { return m_uptime.elapsed() / 1000; }
    quint64 totalRequests() const { return m_totalRequests; }
    const QMap<RequestKey, quint64> &requestCounts() const { return m_requestCounts; }
    const std::array<quint64, bucketBounds.size() + 1> &bucketCounts() const { return m_buckets; } // not cumulative
    double latencySumSeconds() const { return m_latencySumSeconds; }
    quint64 cacheHits() const { return m_cacheHits; }
    quint64 cacheMisses() const { return m_cacheMisses; }
    int cacheKeys() const { return m_cacheKeys; }
    quint64 cdnSuccess() const { return m_cdnSuccess; }
    quint64 cdnFailure() const { return m_cdnFailure; }
    const Gauges &gauges() const { return m_gauges; }

    // Empties the cache and resets its counters; returns how many keys were dropped.
    int clearCache();

private:
    struct WindowSlot
    {
        qint64 second = -1;
        quint64 requests = 0;
        quint64 errors = 0;
        double latencyMs = 0;
    };

    void tick();
    void simulateRequest();
    void driftGauges();
    double normal();
    WindowSlot &slotNow();

    QRandomGenerator m_rng;
    QList<Deployment> m_deployments;
    int m_current = 0;
    Faults m_faults;
    QElapsedTimer m_uptime;
    QTimer m_tick;
    qint64 m_lastDriftSecond = -1;

    quint64 m_totalRequests = 0;
    QMap<RequestKey, quint64> m_requestCounts;
    std::array<quint64, bucketBounds.size() + 1> m_buckets {};
    double m_latencySumSeconds = 0;
    std::array<WindowSlot, 10> m_window {};

    double m_errorDebt = 0; // spreads the deployment's errors evenly, so short windows stay near the rate
    double m_driftFactor = 1; // slow random walk applied to error rate and latency
    quint64 m_cacheHits = 0;
    quint64 m_cacheMisses = 0;
    int m_cacheKeys = 1234;
    quint64 m_cdnSuccess = 0;
    quint64 m_cdnFailure = 0;
    double m_quotaUsed = 420000;
    Gauges m_gauges;
};
