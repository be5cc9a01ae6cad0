// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "samples/samplestore.h"

#include "samples/samplesql.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>

using namespace Qt::StringLiterals;

SampleStore::SampleStore(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_workspaceId(u""_s)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &SampleStore::flush);
    m_pruneTimer.setInterval(pruneIntervalMs);
    connect(&m_pruneTimer, &QTimer::timeout, this, &SampleStore::prune);
}

SampleStore::~SampleStore()
{
    flush();
}

void SampleStore::setWorkspaceId(const QString &id)
{
    if (id != m_workspaceId) {
        flush();
        m_workspaceId = id.isNull() ? u""_s : id; // a null QString would bind NULL
        m_series.clear();
    }
}

bool SampleStore::add(const Sample &sample)
{
    if (!std::isfinite(sample.value)) {
        ++m_rejected;
        return false;
    }
    auto series = m_series.find(sample.series);
    if (series == m_series.end()) {
        series = m_series.insert(sample.series, {});
    } else if (series->lastAtMs == sample.atMs) {
        return false;
    }
    series->lastAtMs = sample.atMs;
    series->pending.append({ sample.atMs, sample.value });
    ++m_pending;
    if (m_pending >= maxBatch) {
        flush();
    } else if (!m_flushTimer.isActive()) {
        m_flushTimer.start(maxDelayMs);
    }
    return true;
}

void SampleStore::flush()
{
    m_flushTimer.stop();
    if (m_pending == 0 || !m_storage) {
        return;
    }
    QList<SeriesSamples> batch;
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        if (!it->pending.isEmpty()) {
            batch.append({ it.key(), std::exchange(it->pending, {}) });
        }
    }
    const int count = int(std::exchange(m_pending, 0));
    m_storage
        ->write(tr("Saving %n KPI sample(s)", nullptr, count),
            [workspace = m_workspaceId, batch](QSqlDatabase &db) { SampleSql::write(db, workspace, batch); })
        .then(this, [this, count](const StorageResult<void> &r) {
            if (r) {
                Q_EMIT batchWritten(count);
            } else {
                Q_EMIT writeFailed(r.error());
            }
        });
    Q_EMIT batchSubmitted(count);
}

void SampleStore::startPruning()
{
    prune();
    m_pruneTimer.start();
}

void SampleStore::prune()
{
    if (!m_storage) {
        return;
    }
    m_storage
        ->write(tr("Pruning old KPI samples"),
            [retention = m_retention, now = m_clock()](
                QSqlDatabase &db) { return SampleSql::prune(db, retention, now); })
        .then(this, [this](const StorageResult<qint64> &r) {
            if (r) {
                Q_EMIT pruned(r.value());
            } else {
                Q_EMIT pruneFailed(r.error());
            }
        });
}

void SampleStore::query(const SampleQuery &query, QObject *context, RangeCallback done)
{
    if (!m_storage) {
        QMetaObject::invokeMethod(
            context, [done] { done({}, QCoreApplication::translate("SampleStore", "no database for stored samples")); },
            Qt::QueuedConnection);
        return;
    }
    const SampleResolution resolution = SampleSql::resolutionFor(query, m_clock(), m_retention);
    m_storage
        ->read(tr("Reading the samples of %1").arg(query.series),
            [workspace = m_workspaceId, query, resolution](
                QSqlDatabase &db) { return SampleSql::read(db, workspace, query, resolution); })
        .then(context, [done = std::move(done)](const StorageResult<SampleRange> &r) {
            done(r ? r.value() : SampleRange(), r.error());
        });
}
