// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/curltransport.h"
#include "probe/endpointconditions.h"
#include "probe/flapcontrol.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <map>
#include <memory>

// Checks the workspace's endpoints on their intervals (with jitter), at most maxInFlight requests at a time
// (the rest wait in a queue), over one CurlTransport (libcurl, in its own thread) so connections are reused and
// no endpoint can hold up another. Each result gets its conditions evaluated, then flap control and maintenance
// windows decide the reported state.
//
// stateChanged is emitted when an endpoint's reported state differs from its previous one (not for its first
// result). All work happens on the thread the engine lives in, without blocking it.
class ProbeEngine final : public QObject
{
    Q_OBJECT

public:
    explicit ProbeEngine(QObject *parent = nullptr);
    ~ProbeEngine() override;

    // Replaces the endpoints; keeps the state of endpoints that still exist (by name) and restarts scheduling.
    void setWorkspace(const Workspace &workspace);
    const Workspace &workspace() const { return m_workspace; }

    void start();
    // As start(), but an endpoint found in `lastChecked` is first checked one interval after that time (at once if
    // that has passed): a prober taking over from another neither checks it twice in one interval nor leaves a gap.
    void start(const QHash<QString, QDateTime> &lastChecked);
    void stop();
    bool isRunning() const { return m_running; }

    // Queues a check ahead of scheduled ones (nothing happens if one is already queued or running).
    void checkNow(const QString &endpoint);
    void checkAllNow();

    void setMaxInFlight(int max);
    int maxInFlight() const { return m_maxInFlight; }
    // Each next check is due after interval * (1 ± jitter), jitter in [0, 0.5]. Default 0.1.
    void setJitter(double fraction);
    // Off: report the raw state of every probe (MAINTENANCE still applies), as a single `opsdeck check` does.
    void setFlapControl(bool on) { m_flapControl = on; }
    // Endpoints that must not be checked (their requests would carry secrets of a workspace not yet trusted): they
    // are never sent and give no result. Endpoints released from the hold are checked at once when running.
    void setHeld(const QSet<QString> &endpoints);
    // Stamped on every result: the location it is probed from and the agent or console probing (team mode).
    void setOrigin(const QString &location, const QString &checkedBy);
    bool isHeld(const QString &endpoint) const { return m_held.contains(endpoint); }

    int inFlight() const { return m_inFlight; }
    int queued() const { return int(m_queue.size()); }
    // The last reported state; Unknown before the first result.
    EndpointState state(const QString &endpoint) const;

Q_SIGNALS:
    void resultReady(const ProbeResult &result);
    void stateChanged(const QString &endpoint, EndpointState from, EndpointState to, const ProbeResult &result);
    // A request left the queue `lagMs` after it was due (scheduling lag, for diagnostics and the benchmark).
    void probeStarted(const QString &endpoint, qint64 lagMs);

private:
    struct Compiled
    {
        Endpoint endpoint;
        EndpointConditions conditions;
    };
    struct Slot
    {
        std::shared_ptr<const Compiled> compiled;
        FlapControl flap;
        EndpointState last = EndpointState::Unknown;
        bool hasLast = false;
        qint64 dueMs = -1; // scheduled, on m_clock
        qint64 queuedDueMs = -1;
        bool queued = false;
        quint64 probe = 0; // the running probe's id in m_transport, 0 if none
    };

    void schedule(const QString &name, Slot &slot, qint64 dueMs);
    void rescheduleAll(const QHash<QString, QDateTime> &lastChecked = {});
    void onTimer();
    void armTimer();
    void enqueue(const QString &name, Slot &slot, qint64 dueMs, bool front);
    void pump();
    void startProbe(const QString &name, Slot &slot);
    void onProbeFinished(const QString &name, quint64 probe, const std::shared_ptr<const Compiled> &compiled,
        ProbeResult result, EndpointConditions::Outcome outcome);
    qint64 nextInterval(const Endpoint &endpoint) const;

    CurlTransport m_transport;
    Workspace m_workspace;
    QHash<QString, Slot> m_slots;
    QSet<QString> m_held;
    std::multimap<qint64, QString> m_schedule;
    std::deque<QString> m_queue;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_maxInFlight = 32;
    int m_inFlight = 0;
    double m_jitter = 0.1;
    bool m_running = false;
    bool m_flapControl = true;
    QString m_location;
    QString m_checkedBy;
};
