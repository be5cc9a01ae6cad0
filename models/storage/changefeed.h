// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/databasetarget.h"

#include <QObject>

class ChangeFeedWorker;
class QThread;

// Team mode's live updates: a connection of its own (on its own thread) LISTENs on the opsdeck_changes channel,
// which the database's triggers notify in every writing transaction. A notification only wakes the feed; what
// changed is read from the changes table (rows after the last one seen), so the same path catches up after a
// lost connection, when PostgreSQL has dropped the notifications in between.
//
// A failed query, a failed heartbeat or a refused connection makes the feed offline; it then reconnects with
// growing delays, listens again, catches up and is online again.
class ChangeFeed final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int heartbeatMs = 1000; // how soon a silently dropped connection is noticed
        int firstRetryMs = 200;
        int maxRetryMs = 5000;
    };

    explicit ChangeFeed(QObject *parent = nullptr);
    ~ChangeFeed() override;

    void setOptions(const Options &options) { m_options = options; }
    // Reports the changes after sinceChangeId (the newest one the caller's data already includes).
    void start(const DatabaseTarget &target, qint64 sinceChangeId);
    void stop();

    bool isOnline() const { return m_online; }
    // The backend process id of the listening connection (0 while offline), e.g. for pg_terminate_backend.
    qint64 listenerPid() const { return m_listenerPid; }
    qint64 lastChangeId() const { return m_lastChangeId; }

Q_SIGNALS:
    // In commit order, one per changed row since the last batch (repeats within a batch folded).
    void changed(const QString &subject, qint64 rowId);
    void onlineChanged(bool online, const QString &reason);
    // The changes since the last one seen were pruned (a console offline for longer than they are kept): reload
    // everything.
    void resyncNeeded();

private:
    void onConnected(quint64 generation, qint64 pid);
    void onLost(quint64 generation, const QString &reason);
    void onChanges(quint64 generation, const QStringList &subjects, const QList<qint64> &rowIds, qint64 lastId);

    Options m_options;
    QThread *m_thread = nullptr;
    ChangeFeedWorker *m_worker = nullptr;
    quint64 m_generation = 0; // signals of an earlier start() are stale
    bool m_online = false;
    bool m_offlineReported = false;
    qint64 m_listenerPid = 0;
    qint64 m_lastChangeId = 0;
};
