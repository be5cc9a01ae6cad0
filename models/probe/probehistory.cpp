// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/probehistory.h"

#include "storage/migration.h"
#include "storage/sqlvalues.h"
#include "storage/storage.h"
#include "storage/storageerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString verdictName(ConditionResult::Verdict verdict)
{
    switch (verdict) {
    case ConditionResult::Verdict::Pass:
        return u"pass"_s;
    case ConditionResult::Verdict::Fail:
        return u"fail"_s;
    case ConditionResult::Verdict::Error:
        break;
    }
    return u"error"_s;
}

} // namespace

ProbeHistory::ProbeHistory(Storage *storage, const QString &workspaceId, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_workspaceId(workspaceId)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProbeHistory::flush);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (!m_retry.isEmpty() && !m_holding) {
            submit(std::exchange(m_retry, {}));
        }
    });
}

ProbeHistory::~ProbeHistory()
{
    flush();
}

void ProbeHistory::setBatching(int rows, int delayMs)
{
    m_maxBatch = std::max(1, rows);
    m_maxDelayMs = std::max(0, delayMs);
}

void ProbeHistory::setWorkspaceId(const QString &id)
{
    flush();
    m_workspaceId = id;
}

QString ProbeHistory::conditionsJson(const QList<ConditionResult> &conditions)
{
    QJsonArray array;
    for (const ConditionResult &c : conditions) {
        QJsonObject o { { u"condition"_s, c.condition }, { u"actual"_s, c.actual },
            { u"verdict"_s, verdictName(c.verdict) } };
        if (!c.error.isEmpty()) {
            o.insert(u"error"_s, c.error);
        }
        if (c.warning) {
            o.insert(u"warning"_s, true);
        }
        array.append(o);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

void ProbeHistory::add(const ProbeResult &result)
{
    Row row;
    row.workspaceId = m_workspaceId;
    row.endpoint = result.endpoint;
    row.atMs = result.startedAt.toMSecsSinceEpoch();
    row.state = endpointStateName(result.state);
    row.httpStatus = result.httpStatus;
    row.totalMs = result.totalMs;
    row.dnsMs = result.dnsMs;
    row.connectMs = result.connectMs;
    row.tlsMs = result.tlsMs;
    row.firstByteMs = result.firstByteMs;
    row.error = result.error;
    row.conditions = conditionsJson(result.conditions);
    row.kind = result.kind;
    row.dnsRcode = result.dnsRcode;
    if (result.certificateExpiry) {
        row.certificateExpiryMs = result.certificateExpiry->toMSecsSinceEpoch();
    }
    row.location = result.location;
    row.checkedBy = result.checkedBy;
    m_pending.append(row);
    if (m_pending.size() >= m_maxBatch) {
        flush();
    } else {
        schedule();
    }
}

void ProbeHistory::schedule()
{
    if (m_pending.isEmpty() || m_maxDelayMs <= 0) {
        return;
    }
    // Followed by others: the first result after an idle moment goes almost at once; while a batch is being
    // written the next one fills up, for at most the batch window.
    const int delay = m_prompt && m_inFlight == 0 ? std::min(promptMs, m_maxDelayMs) : m_maxDelayMs;
    if (!m_timer.isActive() || m_timer.remainingTime() > delay) {
        m_timer.start(delay);
    }
}

void ProbeHistory::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty() || !m_storage) {
        return;
    }
    if (m_holding) {
        keep(std::exchange(m_pending, {}));
        return;
    }
    submit(std::exchange(m_pending, {}));
}

void ProbeHistory::hold()
{
    if (m_holding) {
        return;
    }
    m_holding = true;
    ++m_holdGeneration;
    m_holdSinceMs = QDateTime::currentMSecsSinceEpoch();
    m_retryTimer.stop();
    m_held = std::exchange(m_retry, {}); // unwritten yet: decided with the rest
}

void ProbeHistory::release()
{
    if (!m_holding) {
        return;
    }
    m_holding = false;
    ++m_holdGeneration;
    m_timer.stop();
    // Oldest first, in one job: a prober that stepped down reads where these begin.
    QList<Row> rows = std::exchange(m_held, {});
    rows.append(std::exchange(m_pending, {}));
    if (!rows.isEmpty() && m_storage) {
        submit(rows);
    }
}

void ProbeHistory::releaseBefore(const QString &location, const QString &self)
{
    if (!m_holding || !m_storage) {
        return;
    }
    flush();
    if (m_held.isEmpty()) {
        release();
        return;
    }
    // The successor may still be writing what it buffered itself: ask once that has had time to land.
    const quint64 generation = m_holdGeneration;
    // Another's results from then on cover what this process held (less the second or two it took to notice the cut).
    const qint64 since = m_holdSinceMs - 2000;
    const QString workspace = m_workspaceId;
    QTimer::singleShot(retryMs + 1000, this, [this, generation, since, workspace, location, self] {
        if (generation != m_holdGeneration || !m_storage) {
            return;
        }
        m_storage
            ->read(tr("Reading where another prober took over"),
                [since, workspace, location, self](QSqlDatabase &db) {
                    const QString sql = u"SELECT endpoint, MIN(at_ms) FROM probe_results WHERE workspace_id = ? AND "
                                        u"location = ? AND checked_by <> ? AND at_ms >= ? GROUP BY endpoint"_s;
                    QSqlQuery q(db);
                    q.prepare(sql);
                    q.addBindValue(sqlText(workspace));
                    q.addBindValue(sqlText(location));
                    q.addBindValue(self);
                    q.addBindValue(since);
                    if (!q.exec()) {
                        throw StorageError(q.lastError(), sql);
                    }
                    QHash<QString, qint64> first;
                    while (q.next()) {
                        first.insert(q.value(0).toString(), q.value(1).toLongLong());
                    }
                    return first;
                })
            .then(this, [this, generation, location, self](const StorageResult<QHash<QString, qint64>> &r) {
                if (generation != m_holdGeneration) {
                    return;
                }
                if (!r) {
                    releaseBefore(location, self); // the database went away again: ask again later
                    return;
                }
                flush();
                QList<Row> keep;
                for (const Row &row : std::as_const(m_held)) {
                    const auto it = r.value().constFind(row.endpoint);
                    if (it == r.value().cend() || row.atMs < *it) {
                        keep.append(row);
                    }
                }
                m_held = keep;
                release();
            });
    });
}

void ProbeHistory::submit(const QList<Row> &rows)
{
    const int count = int(rows.size());
    m_storage
        ->write(tr("Saving %n probe result(s)", nullptr, count),
            [rows](QSqlDatabase &db) {
                const QString sql = QStringLiteral("INSERT INTO probe_results (workspace_id, endpoint, at_ms, state, "
                                                   "http_status, total_ms, error, conditions_json, dns_ms, "
                                                   "connect_ms, tls_ms, first_byte_ms, kind, dns_rcode, "
                                                   "certificate_expiry_ms, location, checked_by) "
                                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                QSqlQuery query(db);
                if (!query.prepare(sql)) {
                    throw StorageError(query.lastError(), sql);
                }
                for (const Row &row : rows) {
                    query.addBindValue(sqlText(row.workspaceId));
                    query.addBindValue(row.endpoint);
                    query.addBindValue(row.atMs);
                    query.addBindValue(row.state);
                    query.addBindValue(row.httpStatus);
                    query.addBindValue(row.totalMs < 0 ? QVariant() : QVariant(row.totalMs));
                    query.addBindValue(sqlText(row.error));
                    query.addBindValue(row.conditions);
                    for (const double ms : { row.dnsMs, row.connectMs, row.tlsMs, row.firstByteMs }) {
                        query.addBindValue(ms < 0 ? QVariant() : QVariant(ms));
                    }
                    query.addBindValue(row.kind);
                    query.addBindValue(sqlText(row.dnsRcode));
                    query.addBindValue(row.certificateExpiryMs < 0 ? QVariant() : QVariant(row.certificateExpiryMs));
                    query.addBindValue(sqlText(row.location));
                    query.addBindValue(sqlText(row.checkedBy));
                    if (!query.exec()) {
                        throw StorageError(query.lastError(), sql);
                    }
                }
                if (db.driverName() == QLatin1String("QPSQL")) {
                    // One change per batch (not per row): the writer holds the write turn, so the rows' ids grow
                    // in commit order and a reader that saw id N has seen every row before it.
                    const QStringList statements {
                        u"INSERT INTO changes (subject, row_id, at_ms) VALUES ('probe_results', 0, "
                        u"(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT)"_s,
                        u"SELECT pg_notify('%1', 'probe_results:0')"_s.arg(Migrations::changesChannel()),
                    };
                    for (const QString &statement : statements) {
                        QSqlQuery change(db);
                        if (!change.exec(statement)) {
                            throw StorageError(change.lastError(), statement);
                        }
                    }
                }
            })
        .then(this, [this, rows, count](const StorageResult<void> &r) {
            --m_inFlight;
            if (r) {
                Q_EMIT batchWritten(count);
            } else {
                keep(rows);
            }
            schedule();
        });
    ++m_inFlight;
    Q_EMIT batchSubmitted(count);
}

void ProbeHistory::keep(const QList<Row> &rows)
{
    // Kept in order, oldest first, to be written again; beyond the cap the oldest go. A batch that failed again is
    // older than what waits; a new one that failed is newer.
    QList<Row> &list = m_holding ? m_held : m_retry;
    if (list.isEmpty() || rows.constFirst().atMs >= list.constLast().atMs) {
        list.append(rows);
    } else {
        list = rows + list;
    }
    if (list.size() > maxBuffered) {
        list.remove(0, list.size() - maxBuffered);
    }
    if (!m_holding && !m_retryTimer.isActive()) {
        m_retryTimer.start(retryMs);
    }
}
