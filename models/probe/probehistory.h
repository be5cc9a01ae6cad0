// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class Storage;

// Persists probe results to the probe_results table in batches: results are collected for up to one second
// (or 200 of them) and written by one Storage job. Only what the history needs is stored: state, status,
// latency and its phases, error text, the condition verdicts, the check kind, a DNS answer's rcode, the
// certificate's expiry, the location and who probed; never the body, the certificate chain or request headers. A
// batch that fails reaches the operator through Storage::writeFailed() and is kept (up to maxBuffered results, the
// oldest dropped first) to be written again, so a team database that is away for a while loses nothing. On
// PostgreSQL each batch adds one "probe_results" change, which wakes the other consoles' feeds (ProbeFeed).
class ProbeHistory final : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxBatch = 200;
    static constexpr int maxDelayMs = 1000;
    static constexpr int maxBuffered = 200000;
    static constexpr int retryMs = 2000;

    ProbeHistory(Storage *storage, const QString &workspaceId, QObject *parent = nullptr);
    // Writes what is still pending.
    ~ProbeHistory() override;

    void setWorkspaceId(const QString &id);
    // How results are grouped into writes: at most `rows` per batch, each written at most `delayMs` after its first
    // result; delayMs 0 = only when full or flushed. A one-off check writes everything at its end, in one
    // transaction (one sync to disk instead of one per 200 results).
    void setBatching(int rows, int delayMs);
    void add(const ProbeResult &result);
    // Submits the pending results now (one job); nothing happens when there are none.
    void flush();
    int pending() const { return int(m_pending.size()); }
    // Results of failed batches waiting to be written again.
    int buffered() const { return int(m_retry.size()); }
    // Team mode, a prober whose election is offline: from now on nothing is written (what waits to be written again
    // is held too) until the election answers: release() writes it all (the lock was kept), releaseBefore() only
    // what no other prober of `location` covered (this process stepped down).
    void hold();
    void release();
    void releaseBefore(const QString &location, const QString &self);
    bool holding() const { return m_holding; }
    int held() const { return int(m_held.size()); }
    // Others follow these results (team mode): a batch goes as soon as none is being written (at most promptMs
    // after its first result), not after the full batch window; while one is written the next fills up.
    void setPrompt(bool prompt) { m_prompt = prompt; }
    static constexpr int promptMs = 50;

    static QString conditionsJson(const QList<ConditionResult> &conditions);

Q_SIGNALS:
    // One batch was handed to Storage.
    void batchSubmitted(int results);
    // It was committed.
    void batchWritten(int results);

private:
    struct Row
    {
        QString workspaceId;
        QString endpoint;
        qint64 atMs = 0;
        QString state;
        int httpStatus = 0;
        double totalMs = -1;
        double dnsMs = -1;
        double connectMs = -1;
        double tlsMs = -1;
        double firstByteMs = -1;
        QString error;
        QString conditions;
        QString kind;
        QString dnsRcode;
        qint64 certificateExpiryMs = -1;
        QString location;
        QString checkedBy;
    };
    void submit(const QList<Row> &rows);
    void schedule();
    void keep(const QList<Row> &rows); // a failed batch, to be written again (or held)

    QPointer<Storage> m_storage;
    QString m_workspaceId;
    QList<Row> m_pending;
    QList<Row> m_retry; // failed batches, oldest first
    QTimer m_timer;
    QTimer m_retryTimer;
    int m_maxBatch = maxBatch;
    int m_maxDelayMs = maxDelayMs;
    QList<Row> m_held; // held while the election is offline, oldest first
    int m_inFlight = 0; // batches handed to Storage and not answered yet
    quint64 m_holdGeneration = 0;
    qint64 m_holdSinceMs = 0; // when hold() began
    bool m_holding = false;
    bool m_prompt = false;
};
