// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "samples/samplesql.h"

#include "storage/storageerror.h"

#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <map>
#include <optional>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int rowsPerInsert = 25;

struct Rollup
{
    double min = 0;
    double max = 0;
    double sum = 0;
    qint64 count = 0;
    double last = 0;
    qint64 lastMs = 0;
};

using RollupKey = std::pair<qint64, qint64>; // series id, bucket start

qint64 floorTo(qint64 ms, qint64 bucket)
{
    const qint64 r = ms % bucket;
    return r < 0 ? ms - r - bucket : ms - r;
}

void exec(QSqlQuery &query)
{
    if (!query.exec()) {
        throw StorageError(sqlErrorText(query.lastError()));
    }
}

QSqlQuery prepare(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.prepare(sql)) {
        throw StorageError(query.lastError(), sql);
    }
    return query;
}

qint64 seriesId(QSqlDatabase &db, const QString &workspaceId, const QString &name, bool create)
{
    if (create) {
        sqlExec(db,
            u"INSERT INTO series (workspace_id, name) VALUES (?, ?) ON CONFLICT (workspace_id, name) DO NOTHING"_s,
            { workspaceId, name });
    }
    QSqlQuery q = sqlExec(db, u"SELECT id FROM series WHERE workspace_id = ? AND name = ?"_s, { workspaceId, name });
    return q.next() ? q.value(0).toLongLong() : -1;
}

QSqlQuery insertStatement(QSqlDatabase &db, int rows)
{
    QString sql = u"INSERT INTO samples (series_id, at_ms, value) VALUES (?, ?, ?)"_s;
    for (int i = 1; i < rows; ++i) {
        sql += u", (?, ?, ?)"_s;
    }
    return prepare(db, sql);
}

struct RawRow
{
    qint64 seriesId = 0;
    qint64 atMs = 0;
    double value = 0;
};

// On SQLite through the driver's own handle (QSqlDriver::handle()): binding through QSqlQuery costs more than the
// insert itself (each bound value is looked up by a generated name), and raw rows are most of what a batch writes.
bool insertRawSqlite(QSqlDatabase &db, const std::vector<RawRow> &rows)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return false;
    }
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    sqlite3_stmt *statement = nullptr;
    const auto fail = [&] {
        const QString error = QString::fromUtf8(sqlite3_errmsg(connection));
        sqlite3_finalize(statement);
        throw StorageError(error);
    };
    if (sqlite3_prepare_v2(
            connection, "INSERT INTO samples (series_id, at_ms, value) VALUES (?1, ?2, ?3)", -1, &statement, nullptr)
        != SQLITE_OK) {
        fail();
    }
    for (const RawRow &row : rows) {
        sqlite3_bind_int64(statement, 1, row.seriesId);
        sqlite3_bind_int64(statement, 2, row.atMs);
        sqlite3_bind_double(statement, 3, row.value);
        if (sqlite3_step(statement) != SQLITE_DONE) {
            fail();
        }
        sqlite3_reset(statement);
    }
    sqlite3_finalize(statement);
    return true;
}

// Elsewhere several rows per statement: a fraction of the per-statement cost of one row at a time.
void insertRaw(QSqlDatabase &db, const std::vector<RawRow> &rows)
{
    if (insertRawSqlite(db, rows)) {
        return;
    }
    std::optional<QSqlQuery> full;
    for (size_t i = 0; i < rows.size();) {
        const int n = int(std::min<size_t>(rowsPerInsert, rows.size() - i));
        std::optional<QSqlQuery> partial;
        if (n < rowsPerInsert) {
            partial = insertStatement(db, n);
        } else if (!full) {
            full = insertStatement(db, n);
        }
        QSqlQuery &q = partial ? *partial : *full;
        int at = 0;
        for (int r = 0; r < n; ++r, ++i) {
            q.bindValue(at++, rows[i].seriesId);
            q.bindValue(at++, rows[i].atMs);
            q.bindValue(at++, rows[i].value);
        }
        exec(q);
    }
}

void fold(Rollup &r, qint64 atMs, double value)
{
    if (r.count == 0) {
        r = { value, value, 0, 0, value, atMs };
    }
    r.min = std::min(r.min, value);
    r.max = std::max(r.max, value);
    r.sum += value;
    ++r.count;
    if (atMs >= r.lastMs) {
        r.last = value;
        r.lastMs = atMs;
    }
}

using Rollups = std::map<RollupKey, Rollup>;

// The bucket's roll-up; `cached` is the previous one, the same bucket for runs of samples close in time.
Rollup &bucket(Rollups &rollups, Rollups::iterator &cached, qint64 seriesId, qint64 startMs)
{
    if (cached == rollups.end() || cached->first != RollupKey { seriesId, startMs }) {
        cached = rollups.try_emplace({ seriesId, startMs }).first;
    }
    return cached->second;
}

void upsert(QSqlDatabase &db, const QString &table, const std::map<RollupKey, Rollup> &rollups)
{
    // Portable upsert: ON CONFLICT ... DO UPDATE and CASE run on SQLite 3.24+ and PostgreSQL 9.5+ alike
    // (SQLite has no GREATEST/LEAST, PostgreSQL no two-argument MIN/MAX).
    QSqlQuery q = prepare(db,
        u"INSERT INTO %1 (series_id, bucket_ms, min_value, max_value, sum_value, sample_count, last_value, last_ms) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (series_id, bucket_ms) DO UPDATE SET "
        u"min_value = CASE WHEN excluded.min_value < %1.min_value THEN excluded.min_value ELSE %1.min_value END, "
        u"max_value = CASE WHEN excluded.max_value > %1.max_value THEN excluded.max_value ELSE %1.max_value END, "
        u"sum_value = %1.sum_value + excluded.sum_value, sample_count = %1.sample_count + excluded.sample_count, "
        u"last_value = CASE WHEN excluded.last_ms >= %1.last_ms THEN excluded.last_value ELSE %1.last_value END, "
        u"last_ms = CASE WHEN excluded.last_ms >= %1.last_ms THEN excluded.last_ms ELSE %1.last_ms END"_s.arg(table));
    for (const auto &[key, r] : rollups) {
        q.bindValue(0, key.first);
        q.bindValue(1, key.second);
        q.bindValue(2, r.min);
        q.bindValue(3, r.max);
        q.bindValue(4, r.sum);
        q.bindValue(5, r.count);
        q.bindValue(6, r.last);
        q.bindValue(7, r.lastMs);
        exec(q);
    }
}

} // namespace

namespace SampleSql {

void write(QSqlDatabase &db, const QString &workspaceId, const QList<SeriesSamples> &batch)
{
    std::vector<RawRow> rows;
    Rollups minutes;
    Rollups hours;
    for (const SeriesSamples &series : batch) {
        const qint64 id = seriesId(db, workspaceId, series.series, true);
        auto minute = minutes.end();
        auto hour = hours.end();
        for (const auto &[atMs, value] : series.points) {
            rows.push_back({ id, atMs, value });
            fold(bucket(minutes, minute, id, floorTo(atMs, minuteMs)), atMs, value);
            fold(bucket(hours, hour, id, floorTo(atMs, hourMs)), atMs, value);
        }
    }
    insertRaw(db, rows);
    upsert(db, u"samples_minute"_s, minutes);
    upsert(db, u"samples_hour"_s, hours);
}

qint64 prune(QSqlDatabase &db, const SampleRetention &retention, qint64 nowMs)
{
    QList<qint64> ids;
    for (QSqlQuery q = sqlExec(db, u"SELECT id FROM series"_s); q.next();) {
        ids.append(q.value(0).toLongLong());
    }
    const std::pair<QString, qint64> rules[] = {
        { u"DELETE FROM samples WHERE series_id = ? AND at_ms < ?"_s, nowMs - retention.raw.count() },
        { u"DELETE FROM samples_minute WHERE series_id = ? AND bucket_ms < ?"_s, nowMs - retention.minutes.count() },
        { u"DELETE FROM samples_hour WHERE series_id = ? AND bucket_ms < ?"_s, nowMs - retention.hours.count() },
    };
    qint64 deleted = 0;
    for (const auto &[sql, before] : rules) {
        QSqlQuery q = prepare(db, sql);
        for (const qint64 id : std::as_const(ids)) {
            q.bindValue(0, id);
            q.bindValue(1, before);
            exec(q);
            deleted += std::max(0, q.numRowsAffected());
        }
    }
    return deleted;
}

SampleResolution resolutionFor(const SampleQuery &query, qint64 nowMs, const SampleRetention &retention)
{
    const qint64 perPoint = (query.toMs - query.fromMs) / std::max(1, query.maxPoints);
    SampleResolution r = perPoint < minuteMs ? SampleResolution::Raw
        : perPoint < hourMs                  ? SampleResolution::Minute
                                             : SampleResolution::Hour;
    // A bucket of slack: a chart asking for exactly the retention asks a moment later than it computed `from`.
    if (r == SampleResolution::Raw && query.fromMs < nowMs - retention.raw.count() - minuteMs) {
        r = SampleResolution::Minute;
    }
    if (r == SampleResolution::Minute && query.fromMs < nowMs - retention.minutes.count() - hourMs) {
        r = SampleResolution::Hour;
    }
    return r;
}

qint64 stepFor(const SampleQuery &query, SampleResolution resolution)
{
    const qint64 range = std::max<qint64>(1, query.toMs - query.fromMs);
    const qint64 perPoint = (range + query.maxPoints - 1) / std::max(1, query.maxPoints);
    const qint64 bucket = resolution == SampleResolution::Raw ? 1
        : resolution == SampleResolution::Minute              ? minuteMs
                                                              : hourMs;
    return std::max<qint64>(1, (perPoint + bucket - 1) / bucket) * bucket;
}

SampleRange read(QSqlDatabase &db, const QString &workspaceId, const SampleQuery &query, SampleResolution resolution)
{
    SampleRange out;
    out.series = query.series;
    out.resolution = resolution;
    out.stepMs = stepFor(query, resolution);
    const qint64 id = seriesId(db, workspaceId, query.series, false);
    if (id < 0) {
        return out;
    }
    QString sql;
    qint64 origin = query.fromMs;
    if (resolution == SampleResolution::Raw) {
        sql = u"SELECT (at_ms - ?) / ? AS g, MIN(at_ms), AVG(value), MIN(value), MAX(value) FROM samples "
              u"WHERE series_id = ? AND at_ms >= ? AND at_ms <= ? GROUP BY g ORDER BY g"_s;
    } else {
        const bool minute = resolution == SampleResolution::Minute;
        origin = floorTo(query.fromMs, minute ? minuteMs : hourMs);
        sql = u"SELECT (bucket_ms - ?) / ? AS g, MIN(bucket_ms), "
              u"SUM(sum_value) / CAST(SUM(sample_count) AS DOUBLE PRECISION), MIN(min_value), MAX(max_value) "
              u"FROM %1 WHERE series_id = ? AND bucket_ms >= ? AND bucket_ms <= ? GROUP BY g ORDER BY g"_s.arg(
                  minute ? u"samples_minute"_s : u"samples_hour"_s);
    }
    QSqlQuery q = sqlExec(db, sql, { origin, out.stepMs, id, origin, query.toMs });
    while (q.next()) {
        out.points.append(QPointF(double(q.value(1).toLongLong()), q.value(2).toDouble()));
        out.mins.append(q.value(3).toDouble());
        out.maxes.append(q.value(4).toDouble());
    }
    return out;
}

} // namespace SampleSql
