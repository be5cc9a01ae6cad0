// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "samples/samplestore.h"

#include "samples/samplesql.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>

SampleStore::SampleStore(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_workspaceId(QStringLiteral(""))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &SampleStore::flush);
    m_pruneTimer.setInterval(pruneIntervalMs);
    connect(&m_pruneTimer, &QTimer::timeout, this, &SampleStore::prune);
    if (storage) {
        connect(storage, &Storage::jobFinished, this, &SampleStore::finished);
        connect(storage, &Storage::jobFailed, this, &SampleStore::failed);
    }
}

SampleStore::~SampleStore()
{
    flush();
}

void SampleStore::setWorkspaceId(const QString &id)
{
    if (id != m_workspaceId) {
        flush();
        m_workspaceId = id.isNull() ? QStringLiteral("") : id; // a null QString would bind NULL
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
    const quint64 id = m_storage->submit([workspace = m_workspaceId, batch, count](QSqlDatabase &db) {
        SampleSql::write(db, workspace, batch);
        return QVariant(count);
    });
    m_jobs.insert(id, { JobKind::Write, count, {}, {} });
    emit batchSubmitted(id, count);
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
    const quint64 id = m_storage->submit([retention = m_retention, now = m_clock()](QSqlDatabase &db) {
        return QVariant(SampleSql::prune(db, retention, now));
    });
    m_jobs.insert(id, { JobKind::Prune, 0, {}, {} });
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
    const quint64 id = m_storage->submitRead([workspace = m_workspaceId, query, resolution](QSqlDatabase &db) {
        return QVariant::fromValue(SampleSql::read(db, workspace, query, resolution));
    });
    m_jobs.insert(id, { JobKind::Query, 0, context, std::move(done) });
}

std::optional<SampleStore::Job> SampleStore::takeJob(quint64 id)
{
    const auto it = m_jobs.constFind(id);
    if (it == m_jobs.cend()) {
        return std::nullopt; // another store's job on the same storage
    }
    const Job job = *it;
    m_jobs.erase(it);
    return job;
}

void SampleStore::finished(quint64 id, const QVariant &result)
{
    const std::optional<Job> taken = takeJob(id);
    if (!taken) {
        return;
    }
    const Job &job = *taken;
    switch (job.kind) {
    case JobKind::Write:
        emit batchWritten(job.samples);
        break;
    case JobKind::Prune:
        emit pruned(result.toLongLong());
        break;
    case JobKind::Query:
        if (job.context) {
            job.done(result.value<SampleRange>(), {});
        }
        break;
    }
}

void SampleStore::failed(quint64 id, const QString &error)
{
    const std::optional<Job> taken = takeJob(id);
    if (!taken) {
        return;
    }
    const Job &job = *taken;
    switch (job.kind) {
    case JobKind::Write:
        emit writeFailed(error);
        break;
    case JobKind::Prune:
        emit pruneFailed(error);
        break;
    case JobKind::Query:
        if (job.context) {
            job.done({}, error);
        }
        break;
    }
}
