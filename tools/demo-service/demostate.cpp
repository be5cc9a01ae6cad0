// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demostate.h"

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

namespace {

constexpr int tickMs = 100;

const QStringList &apiRoutes()
{
    static const QStringList routes { u"/api/meetings"_s, u"/api/pins/nearby"_s, u"/api/users/me"_s, u"/api/payments"_s,
        u"/api/skins"_s };
    return routes;
}

} // namespace

DemoState::DemoState(quint32 seed, QObject *parent)
    : QObject(parent)
    , m_rng(seed)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_deployments = {
        { u"v1"_s, u"Stable release"_s, 0.001, 85.0, 8.0, now.addDays(-3) },
        { u"v2"_s, u"New matching engine (canary gone wide)"_s, 0.04, 260.0, 90.0, now.addSecs(-40 * 60) },
    };
    m_current = 1;
    m_gauges = { 40, 55, 57, 15, 100, 42 };
    m_uptime.start();
    m_tick.setInterval(tickMs);
    connect(&m_tick, &QTimer::timeout, this, &DemoState::tick);
    m_tick.start();
}

int DemoState::indexOf(const QString &version) const
{
    for (int i = 0; i < m_deployments.size(); ++i) {
        if (m_deployments.at(i).version == version) {
            return i;
        }
    }
    return -1;
}

void DemoState::setCurrent(int index)
{
    m_current = index;
    m_deployments[index].deployedAt = QDateTime::currentDateTimeUtc();
    m_errorDebt = 0;
}

void DemoState::setErrorRate(int index, double rate)
{
    m_deployments[index].errorRate = rate;
    m_errorDebt = 0;
}

double DemoState::normal()
{
    const double u1 = 1.0 - m_rng.generateDouble(); // (0, 1], so the log is finite
    const double u2 = m_rng.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

void DemoState::tick()
{
    const int count = int(m_rng.bounded(5)); // 0..4 per 100 ms: about 20 requests/s
    for (int i = 0; i < count; ++i) {
        simulateRequest();
    }
    const qint64 second = uptimeSeconds();
    if (second != m_lastDriftSecond) {
        m_lastDriftSecond = second;
        driftGauges();
    }
}

void DemoState::simulateRequest()
{
    const Deployment &deployment = current();
    const QString &route = apiRoutes().at(int(m_rng.bounded(apiRoutes().size())));
    double latencyMs = deployment.latencyMedianMs * m_driftFactor * std::exp(0.45 * normal()) + m_faults.latencyMs;

    bool failed = false;
    if (m_faults.down) {
        failed = true;
    } else if (m_faults.errorRate) {
        failed = m_rng.generateDouble() < *m_faults.errorRate;
    } else {
        m_errorDebt += deployment.errorRate * m_driftFactor * (0.5 + m_rng.generateDouble());
        if (m_errorDebt >= 1.0) {
            m_errorDebt -= 1.0;
            failed = true;
        }
    }
    int status = 200;
    const double pick = m_rng.generateDouble();
    if (m_faults.down) {
        status = 503;
        latencyMs = 1 + m_rng.generateDouble() * 4;
    } else if (failed) {
        status = pick < 0.6 ? 500 : pick < 0.8 ? 502 : pick < 0.95 ? 503 : 504;
    } else if (pick < 0.005) {
        status = 404;
    } else if (pick < 0.1) {
        status = 304;
    }

    const double hitRate = deployment.errorRate > 0.01 ? 0.74 : 0.9;
    if (m_rng.generateDouble() < hitRate) {
        ++m_cacheHits;
    } else {
        ++m_cacheMisses;
        m_cacheKeys = std::min(m_cacheKeys + 1, 50000);
    }
    if (route == QLatin1String("/api/skins") || m_rng.generateDouble() < 0.2) {
        const double failureRate = 0.002 + deployment.errorRate * 0.3;
        ++(m_rng.generateDouble() < failureRate ? m_cdnFailure : m_cdnSuccess);
    }
    m_quotaUsed += 1;
    record(route, status, std::min(latencyMs, 15000.0));
}

DemoState::WindowSlot &DemoState::slotNow()
{
    const qint64 second = uptimeSeconds();
    WindowSlot &slot = m_window[std::size_t(second % qint64(m_window.size()))];
    if (slot.second != second) {
        slot = WindowSlot { second, 0, 0, 0 };
    }
    return slot;
}

void DemoState::record(const QString &route, int status, double latencyMs)
{
    ++m_totalRequests;
    ++m_requestCounts[RequestKey(route, status)];
    const double seconds = latencyMs / 1000.0;
    const auto bound = std::lower_bound(bucketBounds.begin(), bucketBounds.end(), seconds);
    ++m_buckets[std::size_t(bound - bucketBounds.begin())];
    m_latencySumSeconds += seconds;

    WindowSlot &slot = slotNow();
    ++slot.requests;
    slot.errors += status >= 500 ? 1 : 0;
    slot.latencyMs += latencyMs;
}

double DemoState::recentErrorRate() const
{
    const qint64 oldest = uptimeSeconds() - qint64(m_window.size()) + 1;
    quint64 requests = 0;
    quint64 errors = 0;
    for (const WindowSlot &slot : m_window) {
        if (slot.second >= oldest) {
            requests += slot.requests;
            errors += slot.errors;
        }
    }
    return requests ? double(errors) / double(requests) : 0.0;
}

double DemoState::recentAvgLatencyMs() const
{
    const qint64 oldest = uptimeSeconds() - qint64(m_window.size()) + 1;
    quint64 requests = 0;
    double latency = 0;
    for (const WindowSlot &slot : m_window) {
        if (slot.second >= oldest) {
            requests += slot.requests;
            latency += slot.latencyMs;
        }
    }
    return requests ? latency / double(requests) : 0.0;
}

bool DemoState::injectedFailure()
{
    return m_faults.errorRate && m_rng.generateDouble() < *m_faults.errorRate;
}

int DemoState::healthDelayMs()
{
    return int(std::clamp(current().healthDelayMs * std::exp(0.3 * normal()), 1.0, 2000.0));
}

int DemoState::dependencyTimeMs(double baseMs)
{
    return int(std::clamp(baseMs * m_driftFactor * std::exp(0.25 * normal()), 1.0, 30000.0));
}

int DemoState::clearCache()
{
    const int cleared = m_cacheKeys;
    m_cacheKeys = 0;
    m_cacheHits = 0;
    m_cacheMisses = 0;
    return cleared;
}

void DemoState::driftGauges()
{
    m_driftFactor = std::clamp(m_driftFactor + 0.03 * normal() + (1.0 - m_driftFactor) * 0.1, 0.75, 1.25);
    const double load = current().latencyMedianMs / 100.0; // v1 about 0.85, v2 about 2.6
    const auto revert = [this](double value, double target, double noise, double low, double high) {
        return std::clamp(value + (target - value) * 0.15 + noise * normal(), low, high);
    };
    m_gauges.cpuPercent = revert(m_gauges.cpuPercent, 25 + 12 * load, 2.0, 1, 100);
    m_gauges.memoryPercent = revert(m_gauges.memoryPercent, 45 + 6 * load, 0.5, 1, 100);
    m_gauges.diskPercent = std::min(m_gauges.diskPercent + 0.0005, 95.0);
    m_gauges.dbConnectionsActive = std::round(revert(m_gauges.dbConnectionsActive, 8 + 8 * load, 1.5, 0, 100));
    m_gauges.apiQuotaUsedPercent = std::min(m_quotaUsed / 1e6 * 100.0, 100.0);
}
