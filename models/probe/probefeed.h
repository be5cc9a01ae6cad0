// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class Storage;

// Team mode: the probe results other agents and consoles write, read from the team database as the change feed
// announces them (one "probe_results" change per batch, see ProbeHistory). start() first reads each endpoint's
// newest result per location, then every row after it, in id order (ids grow in commit order); results this
// process wrote itself (checked_by == self) are left out. After a resync it starts over from the newest results.
class ProbeFeed final : public QObject
{
    Q_OBJECT
public:
    explicit ProbeFeed(Storage *storage, QObject *parent = nullptr);

    void start(const QString &workspaceId, const QString &self);
    void stop();
    bool isRunning() const { return m_running; }

    // The newest result time per endpoint from `location` seen so far (rows of this process included), for a
    // prober that takes over.
    QHash<QString, QDateTime> lastChecked(const QString &location) const { return m_last.value(location); }
    // Calls `then` once a read that began after this call is back (at once when not running): a prober taking over
    // first sees everything its predecessor committed.
    void catchUp(std::function<void()> then);
    static EndpointState stateFromName(const QString &name);

Q_SIGNALS:
    void result(const ProbeResult &result);

private:
    struct Batch
    {
        QList<ProbeResult> results;
        qint64 lastId = 0;
        bool full = false; // more rows may follow
    };
    void readLatest();
    void readNew();
    void take(const Batch &batch);

    QPointer<Storage> m_storage;
    QString m_workspaceId;
    QString m_self;
    QTimer m_coalesce;
    QHash<QString, QHash<QString, QDateTime>> m_last; // location -> endpoint -> newest
    qint64 m_lastId = -1; // -1: the first read has not come back
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_reading = false;
    bool m_again = false;
    QList<std::function<void()>> m_afterRead; // called when the read under way is back
    QList<std::function<void()>> m_afterNext; // moved to m_afterRead when the next read begins
};
