// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "samples/sample.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <limits>
#include <optional>

class Storage;

// KPI samples in the database: add() queues them and one Storage job per second (or per maxBatch samples, whichever
// comes first) writes them in one transaction, raw rows plus their minute and hour roll-ups. A pruning job drops
// what is older than the retention every hour. query() reads a range at the resolution it needs, off the GUI thread.
// A failed batch or pruning is reported here and, for the operator, through Storage::writeFailed().
//
// NaN and ±Inf are refused at add() (a chart cannot draw them and one would poison a roll-up's sum); a sample at the
// same time as the series' previous one (the same reading seen twice) is not stored again.
class SampleStore final : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxBatch = 500;
    static constexpr int maxDelayMs = 1000;
    static constexpr int pruneIntervalMs = 3600 * 1000;
    // `range` is empty when `error` is set; runs on the context's (the GUI) thread, never from inside query(), and
    // not at all once the context is destroyed.
    using RangeCallback = std::function<void(const SampleRange &range, const QString &error)>;

    explicit SampleStore(Storage *storage, QObject *parent = nullptr);
    // Writes what is still pending.
    ~SampleStore() override;

    // Samples belong to the workspace current when they are written; pending ones are written first.
    void setWorkspaceId(const QString &id);
    QString workspaceId() const { return m_workspaceId; }
    void setRetention(const SampleRetention &retention) { m_retention = retention; }
    SampleRetention retention() const { return m_retention; }
    // For tests: what "now" is, in ms since the epoch.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // False when the sample was refused (not finite, or a repeat).
    bool add(const Sample &sample);
    // Submits the pending samples now as one job; nothing happens when there are none.
    void flush();
    qsizetype pending() const { return m_pending; }
    qint64 rejected() const { return m_rejected; }

    // Prunes now and then every pruneIntervalMs.
    void startPruning();
    void prune();

    void query(const SampleQuery &query, QObject *context, RangeCallback done);

Q_SIGNALS:
    void batchSubmitted(int samples);
    void batchWritten(int samples);
    void writeFailed(const QString &error);
    void pruned(qint64 rows);
    void pruneFailed(const QString &error);

private:
    QPointer<Storage> m_storage;
    QString m_workspaceId;
    SampleRetention m_retention;
    std::function<qint64()> m_clock;
    struct Series
    {
        qint64 lastAtMs = std::numeric_limits<qint64>::min();
        QList<std::pair<qint64, double>> pending;
    };
    QHash<QString, Series> m_series; // pending samples grouped by series, so a batch looks each series up once
    qsizetype m_pending = 0;
    QTimer m_flushTimer;
    QTimer m_pruneTimer;
    qint64 m_rejected = 0;
};
