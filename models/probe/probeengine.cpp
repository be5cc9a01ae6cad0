// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/probeengine.h"

#include "probe/maintenance.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>

namespace {
// The first checks after start() are spread over at most this long, so a large workspace does not start with a
// burst while a small one still shows results at once.
constexpr qint64 maxInitialSpreadMs = 10000;
constexpr qint64 initialSpreadPerEndpointMs = 5;
} // namespace

ProbeEngine::ProbeEngine(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProbeEngine::onTimer);
}

// m_transport stops its thread and drops every running probe without a callback.
ProbeEngine::~ProbeEngine() = default;

void ProbeEngine::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    const QDir base = QFileInfo(workspace.filePath).absoluteDir();
    QHash<QString, Slot> updated;
    for (Endpoint endpoint : workspace.endpoints) {
        if (!endpoint.enabled) {
            continue;
        }
        if (!endpoint.caFile.isEmpty() && !workspace.filePath.isEmpty()) {
            endpoint.caFile = base.absoluteFilePath(endpoint.caFile);
        }
        Slot slot = m_slots.take(endpoint.name);
        const EndpointConditions conditions(endpoint);
        slot.compiled = std::make_shared<const Compiled>(Compiled { endpoint, conditions });
        slot.flap.setThresholds(endpoint.failureThreshold, endpoint.successThreshold);
        slot.dueMs = -1;
        updated.insert(endpoint.name, slot);
    }
    // Endpoints that are gone: their running checks stop and their results are dropped.
    const QHash<QString, Slot> removed = std::exchange(m_slots, updated);
    for (const Slot &slot : removed) {
        if (slot.probe) {
            m_transport.abort(slot.probe, tr("the endpoint was removed from the workspace"));
        }
    }
    std::erase_if(m_queue, [this](const QString &name) { return !m_slots.contains(name); });
    if (m_running) {
        rescheduleAll();
    }
    pump();
}

void ProbeEngine::start()
{
    m_running = true;
    rescheduleAll();
}

void ProbeEngine::start(const QHash<QString, QDateTime> &lastChecked)
{
    m_running = true;
    rescheduleAll(lastChecked);
}

void ProbeEngine::setOrigin(const QString &location, const QString &checkedBy)
{
    m_location = location;
    m_checkedBy = checkedBy;
}

void ProbeEngine::stop()
{
    m_running = false;
    m_timer.stop();
    m_schedule.clear();
    for (Slot &slot : m_slots) {
        slot.dueMs = -1;
    }
}

void ProbeEngine::rescheduleAll(const QHash<QString, QDateTime> &lastChecked)
{
    m_schedule.clear();
    const qint64 now = m_clock.elapsed();
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    // A handful of endpoints are all checked at once (results on screen right away); thousands are spread out.
    const qint64 maxSpread = std::min<qint64>(maxInitialSpreadMs, qint64(m_slots.size()) * initialSpreadPerEndpointMs);
    for (auto it = m_slots.begin(); it != m_slots.end(); ++it) {
        if (const auto last = lastChecked.constFind(it.key()); last != lastChecked.constEnd() && last->isValid()) {
            const qint64 wait = it->compiled->endpoint.interval.count() - last->msecsTo(wallNow);
            schedule(it.key(), *it, now + std::max<qint64>(wait, 0));
            continue;
        }
        const qint64 spread = std::min<qint64>(it->compiled->endpoint.interval.count(), maxSpread);
        schedule(it.key(), *it, now + (spread > 0 ? QRandomGenerator::global()->bounded(spread) : 0));
    }
    armTimer();
}

void ProbeEngine::schedule(const QString &name, Slot &slot, qint64 dueMs)
{
    slot.dueMs = dueMs;
    m_schedule.emplace(dueMs, name);
}

qint64 ProbeEngine::nextInterval(const Endpoint &endpoint) const
{
    const double interval = double(std::max<qint64>(endpoint.interval.count(), 100));
    const double factor = 1.0 + m_jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
    return qint64(interval * factor);
}

void ProbeEngine::armTimer()
{
    if (!m_running || m_schedule.empty()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::max<qint64>(0, m_schedule.begin()->first - m_clock.elapsed())));
}

void ProbeEngine::onTimer()
{
    const qint64 now = m_clock.elapsed();
    while (!m_schedule.empty() && m_schedule.begin()->first <= now) {
        const auto [due, name] = *m_schedule.begin();
        m_schedule.erase(m_schedule.begin());
        const auto it = m_slots.find(name);
        if (it == m_slots.end() || it->dueMs != due) {
            continue; // superseded by setWorkspace() or a reschedule
        }
        schedule(name, *it, due + nextInterval(it->compiled->endpoint));
        if (!it->queued && !it->probe) {
            enqueue(name, *it, due, false);
        }
    }
    pump();
    armTimer();
}

void ProbeEngine::enqueue(const QString &name, Slot &slot, qint64 dueMs, bool front)
{
    slot.queued = true;
    slot.queuedDueMs = dueMs;
    if (front) {
        m_queue.push_front(name);
    } else {
        m_queue.push_back(name);
    }
}

void ProbeEngine::checkNow(const QString &endpoint)
{
    const auto it = m_slots.find(endpoint);
    if (it == m_slots.end() || it->queued || it->probe) {
        return;
    }
    enqueue(endpoint, *it, m_clock.elapsed(), true);
    pump();
}

void ProbeEngine::checkAllNow()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_slots.begin(); it != m_slots.end(); ++it) {
        if (!it->queued && !it->probe) {
            enqueue(it.key(), *it, now, false);
        }
    }
    pump();
}

void ProbeEngine::setHeld(const QSet<QString> &endpoints)
{
    const QSet<QString> released = m_held - endpoints;
    m_held = endpoints;
    for (const QString &name : endpoints) {
        const auto it = m_slots.find(name);
        if (it != m_slots.end() && it->probe) {
            m_transport.abort(it->probe, tr("waiting for trust"));
        }
    }
    if (!m_running) {
        return;
    }
    const qint64 now = m_clock.elapsed();
    for (const QString &name : released) {
        const auto it = m_slots.find(name);
        if (it != m_slots.end() && !it->queued && !it->probe) {
            enqueue(name, *it, now, false);
        }
    }
    pump();
}

void ProbeEngine::setMaxInFlight(int max)
{
    m_maxInFlight = std::max(1, max);
    pump();
}

void ProbeEngine::setJitter(double fraction)
{
    m_jitter = std::clamp(fraction, 0.0, 0.5);
}

EndpointState ProbeEngine::state(const QString &endpoint) const
{
    const auto it = m_slots.constFind(endpoint);
    return it != m_slots.cend() && it->hasLast ? it->last : EndpointState::Unknown;
}

void ProbeEngine::pump()
{
    while (m_inFlight < m_maxInFlight && !m_queue.empty()) {
        const QString name = m_queue.front();
        m_queue.pop_front();
        const auto it = m_slots.find(name);
        if (it == m_slots.end() || !it->queued) {
            continue;
        }
        it->queued = false;
        if (m_held.contains(name)) {
            continue; // the one place a probe starts: a held endpoint never gets this far
        }
        startProbe(name, *it);
    }
}

void ProbeEngine::startProbe(const QString &name, Slot &slot)
{
    ++m_inFlight;
    const std::shared_ptr<const Compiled> compiled = slot.compiled;
    Q_EMIT probeStarted(name, m_clock.elapsed() - slot.queuedDueMs);
    auto id = std::make_shared<quint64>(0);
    *id = m_transport.start(
        compiled->endpoint, [this, name, id, compiled](const ProbeResult &result, EndpointConditions::Outcome outcome) {
            onProbeFinished(name, *id, compiled, result, outcome);
        });
    slot.probe = *id;
}

void ProbeEngine::onProbeFinished(const QString &name, quint64 probe, const std::shared_ptr<const Compiled> &compiled,
    ProbeResult result, EndpointConditions::Outcome outcome)
{
    --m_inFlight;
    const auto it = m_slots.find(name);
    if (it == m_slots.end() || it->probe != probe) {
        pump();
        return;
    }
    it->probe = 0;
    if (m_held.contains(name)) {
        pump(); // held while it ran (aborted): no result, no state
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    result.location = m_location;
    result.checkedBy = m_checkedBy;
    compiled->conditions.evaluate(result, outcome, now);
    const bool maintenance
        = MaintenanceSchedule::activeWindow(m_workspace.maintenance, compiled->endpoint, now) != nullptr;
    if (m_flapControl) {
        result.state = it->flap.apply(result.rawState, maintenance);
    } else {
        result.state = maintenance ? EndpointState::Maintenance : result.rawState;
    }
    const EndpointState previous = it->last;
    const bool hadState = it->hasLast;
    it->last = result.state;
    it->hasLast = true;
    pump();
    Q_EMIT resultReady(result);
    if (hadState && previous != result.state) {
        Q_EMIT stateChanged(name, previous, result.state, result);
    }
}
