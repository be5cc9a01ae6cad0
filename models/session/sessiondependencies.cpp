// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Session's part that follows depends-on: every result updates the dependency graph, the Health model shows who
// is impacted by what, and an impacted endpoint's problem notifications wait until its root cause recovers.
#include "incident/autoincidentrules.h"
#include "notify/notifier.h"
#include "probe/dependencygraph.h"
#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "session/session.h"

#include <QTimer>

#include <algorithm>

namespace {

bool isProblem(EndpointState state)
{
    return state == EndpointState::Critical || state == EndpointState::Warning || state == EndpointState::Unknown;
}

} // namespace

void Session::wireDependencies()
{
    // Every result, this process's and (team mode) the other probers', in the state over its locations.
    connect(this, &Session::probeResult, this, [this](const ProbeResult &result) {
        updateImpact(result.endpoint, result.state == EndpointState::Critical);
        dependencyAnswered(result.endpoint);
    });
}

void Session::applyDependencies(const Workspace &workspace)
{
    m_dependencies->setWorkspace(workspace);
    if (m_autoIncidents) {
        m_autoIncidents->setRootCause(
            [graph = m_dependencies.get()](const QString &endpoint) { return graph->rootCause(endpoint); });
    }
    // The endpoints that stay keep their state in the engine: the graph learns them again.
    for (const Endpoint &e : workspace.endpoints) {
        if (e.enabled && state(e.name) == EndpointState::Critical) {
            updateImpact(e.name, true);
        }
    }
    const QStringList held = m_heldNotifications.keys();
    for (const QString &name : held) {
        if (m_dependencies->rootCause(name).isEmpty()) {
            releaseHeld(name);
        }
    }
}

void Session::updateImpact(const QString &endpoint, bool critical)
{
    for (const QString &name : m_dependencies->setCritical(endpoint, critical)) {
        const QString root = m_dependencies->rootCause(name);
        m_endpoints->setImpactedBy(name, root);
        Q_EMIT impactChanged(name, root);
        if (root.isEmpty() && m_heldNotifications.contains(name)) {
            // After this result's own state change went out: the root's "resolved" comes first.
            QMetaObject::invokeMethod(
                this, [this, name] { releaseHeld(name); }, Qt::QueuedConnection);
        }
    }
}

bool Session::holdImpacted(const QString &endpoint, const NotificationEvent &event)
{
    const QString root = m_dependencies->rootCause(endpoint);
    m_confirming.remove(endpoint); // a later change supersedes one being confirmed
    if (event.recovery) {
        m_heldNotifications.remove(endpoint); // a recovery is never held back: it resolves what was sent before
        return false;
    }
    if (!root.isEmpty()) {
        m_heldNotifications.insert(endpoint, { event, root });
        return true;
    }
    m_heldNotifications.remove(endpoint);
    // Its dependency may have failed too, with its next check still to come: check them now and decide once they
    // answered (or their timeout passed), so that a database outage does not first page for every app.
    const QStringList dependencies = m_dependencies->parentEndpoints(endpoint);
    if (dependencies.isEmpty() || !m_engine->isRunning()) {
        return false;
    }
    Confirming &confirming = m_confirming[endpoint];
    confirming.event = event;
    confirming.waiting = QSet<QString>(dependencies.cbegin(), dependencies.cend());
    confirming.generation = ++m_confirmGeneration;
    qint64 waitMs = 0;
    for (const QString &name : dependencies) {
        m_confirmWaiters[name].insert(endpoint);
        const Endpoint *e = workspace().endpoint(name);
        waitMs = std::max<qint64>(waitMs, e ? e->timeout.count() : 10000);
        m_engine->checkNow(name);
    }
    QTimer::singleShot(int(std::min<qint64>(waitMs + 1000, 30000)), this,
        [this, endpoint, generation = confirming.generation] { decideConfirming(endpoint, generation); });
    return true;
}

void Session::dependencyAnswered(const QString &dependency)
{
    const auto waiters = m_confirmWaiters.find(dependency);
    if (waiters == m_confirmWaiters.end()) {
        return;
    }
    const QSet<QString> endpoints = *waiters;
    m_confirmWaiters.erase(waiters);
    for (const QString &endpoint : endpoints) {
        const auto it = m_confirming.find(endpoint);
        if (it != m_confirming.end() && it->waiting.remove(dependency) && it->waiting.isEmpty()) {
            decideConfirming(endpoint, it->generation);
        }
    }
}

void Session::decideConfirming(const QString &endpoint, quint64 generation)
{
    const auto it = m_confirming.constFind(endpoint);
    if (it == m_confirming.cend() || it->generation != generation) {
        return; // decided already, or superseded by a later change
    }
    const NotificationEvent event = it->event;
    m_confirming.erase(it);
    if (!isProblem(state(endpoint))) {
        return; // it recovered meanwhile: nothing was sent, nothing to tell
    }
    const QString root = m_dependencies->rootCause(endpoint);
    if (!root.isEmpty()) {
        m_heldNotifications.insert(endpoint, { event, root });
    } else {
        m_notifier->notify(event);
    }
}

void Session::releaseHeld(const QString &endpoint)
{
    const auto it = m_heldNotifications.constFind(endpoint);
    if (it == m_heldNotifications.cend() || !m_dependencies->rootCause(endpoint).isEmpty()) {
        return;
    }
    HeldNotification held = *it;
    m_heldNotifications.erase(it);
    // Its root cause recovered and it did not: now it is its own problem, and someone must hear of it.
    if (!isProblem(state(endpoint))) {
        return;
    }
    held.event.time = QDateTime::currentDateTimeUtc();
    held.event.detail
        = tr("%1 (held while %2 was CRITICAL; %2 recovered, this did not)").arg(held.event.detail, held.root).trimmed();
    m_notifier->notify(held.event);
}
