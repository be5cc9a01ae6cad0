// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "samples/sample.h"

#include <QSqlDatabase>

// The sample store's SQL, run on the storage worker inside the job's transaction (the same statements on SQLite
// and PostgreSQL). Failures throw StorageError.
namespace SampleSql {

constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 3'600'000;

// Raw rows plus their minute and hour roll-ups (min, max, sum, count, last), one upsert per bucket touched.
// Values must be finite: the store keeps NaN and ±Inf out before they get here.
void write(QSqlDatabase &db, const QString &workspaceId, const QList<SeriesSamples> &batch);

// Deletes raw rows and roll-ups older than the retention, for every workspace; returns the rows deleted.
qint64 prune(QSqlDatabase &db, const SampleRetention &retention, qint64 nowMs);

// The coarsest detail the range needs: raw when a point stands for under a minute, minute roll-ups under an hour,
// else hour roll-ups; and coarser again when the range starts before the finer data's retention.
SampleResolution resolutionFor(const SampleQuery &query, qint64 nowMs, const SampleRetention &retention);
// The time one returned point covers: range / maxPoints, rounded up to whole buckets of the resolution.
qint64 stepFor(const SampleQuery &query, SampleResolution resolution);

SampleRange read(QSqlDatabase &db, const QString &workspaceId, const SampleQuery &query, SampleResolution resolution);

} // namespace SampleSql
