// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/databasetarget.h"

#include <QObject>

class ProberElectionWorker;
class QThread;

// Team mode: elects one prober per (workspace, location) among the agents and consoles on one PostgreSQL database.
// The prober is whoever holds a session-level advisory lock on a hash of (workspace id, location), taken on a
// connection of its own (on its own thread). The lock lives exactly as long as that connection: a prober that is
// killed, crashes or stops releases it at once, and one cut off from the server loses it once the server's TCP
// keepalives (set to about 10 s on this connection) give up on it. The others try for the lock every pollMs.
//
// A prober that loses its connection stays the prober (the database may be down for everyone: probing goes on and
// the history buffers) and tries to take the lock again as soon as it reconnects; if another took it meanwhile, it
// steps down. A follower that is offline stays a follower. A process that cannot reach the server when it starts
// probes on its own (isProvisional()): nothing would be watched otherwise; once it reconnects it tries for the lock
// at its next poll (after any prober from before, which tries at once) and keeps the role or steps down.
// lockAnswered() tells a process that probed while offline how that ended, so that it writes what it buffered only
// when it kept the role, or only what its successor did not cover (ProbeHistory::releaseBefore()).
class ProberElection final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int pollMs = 1000; // how often a follower tries for the lock, and a prober checks its connection
        int keepaliveSeconds = 3; // server-side TCP keepalive idle / interval (3 probes): about 3 + 3 * 3 s
    };

    explicit ProberElection(QObject *parent = nullptr);
    ~ProberElection() override;

    void setOptions(const Options &options) { m_options = options; }
    void start(const DatabaseTarget &target, const QString &workspaceId, const QString &location);
    // Releases the lock (if held) and closes the connection.
    void stop();

    bool isRunning() const { return m_running; }
    bool isProber() const { return m_prober; }
    bool isOnline() const { return m_online; }
    // Probing without the lock, because the server could not be reached since start().
    bool isProvisional() const { return m_provisional; }
    QString workspaceId() const { return m_workspaceId; }
    QString location() const { return m_location; }
    // The advisory lock key of (workspace id, location): the same in every process.
    static qint64 lockKey(const QString &workspaceId, const QString &location);

Q_SIGNALS:
    void roleChanged(bool prober);
    void onlineChanged(bool online, const QString &reason);
    // After probing while offline: the lock was taken again (true) or is another's (false, roleChanged(false) too).
    void lockAnswered(bool held);

private:
    Options m_options;
    QThread *m_thread;
    ProberElectionWorker *m_worker;
    quint64 m_generation = 0;
    QString m_workspaceId;
    QString m_location;
    bool m_running = false;
    bool m_prober = false;
    bool m_online = false;
    bool m_provisional = false;
};
