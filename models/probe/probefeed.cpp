// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/probefeed.h"

#include "storage/storage.h"
#include "storage/storageerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr int BatchLimit = 20000;

const QString columns = u"id, endpoint, at_ms, state, http_status, total_ms, error, conditions_json, location, "
                        u"checked_by, dns_ms, connect_ms, tls_ms, first_byte_ms"_s;

double optionalMs(const QVariant &v)
{
    return v.isNull() ? -1 : v.toDouble();
}

QList<ConditionResult> conditionsFrom(const QString &json)
{
    QList<ConditionResult> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        ConditionResult c;
        c.condition = o.value(u"condition"_s).toString();
        c.actual = o.value(u"actual"_s).toString();
        const QString verdict = o.value(u"verdict"_s).toString();
        c.verdict = verdict == u"pass"_s ? ConditionResult::Verdict::Pass
            : verdict == u"fail"_s       ? ConditionResult::Verdict::Fail
                                         : ConditionResult::Verdict::Error;
        c.error = o.value(u"error"_s).toString();
        c.warning = o.value(u"warning"_s).toBool();
        out.append(c);
    }
    return out;
}

ProbeResult resultFrom(const QSqlQuery &q)
{
    ProbeResult r;
    r.endpoint = q.value(1).toString();
    r.startedAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
    r.state = r.rawState = ProbeFeed::stateFromName(q.value(3).toString());
    r.httpStatus = q.value(4).toInt();
    r.connected = r.httpStatus > 0;
    r.totalMs = optionalMs(q.value(5));
    r.error = q.value(6).toString();
    r.conditions = conditionsFrom(q.value(7).toString());
    r.location = q.value(8).toString();
    r.checkedBy = q.value(9).toString();
    r.dnsMs = optionalMs(q.value(10));
    r.connectMs = optionalMs(q.value(11));
    r.tlsMs = optionalMs(q.value(12));
    r.firstByteMs = optionalMs(q.value(13));
    return r;
}

} // namespace

ProbeFeed::ProbeFeed(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(20);
    connect(&m_coalesce, &QTimer::timeout, this, &ProbeFeed::readNew);
    connect(storage, &Storage::changed, this, [this](const QString &subject, qint64) {
        if (m_running && subject == u"probe_results"_s && !m_coalesce.isActive()) {
            m_coalesce.start();
        }
    });
    connect(storage, &Storage::resyncNeeded, this, [this] {
        if (m_running) {
            readLatest();
        }
    });
}

EndpointState ProbeFeed::stateFromName(const QString &name)
{
    for (const EndpointState s : { EndpointState::Ok, EndpointState::Maintenance, EndpointState::Pending,
             EndpointState::Warning, EndpointState::Unknown, EndpointState::Critical }) {
        if (endpointStateName(s) == name) {
            return s;
        }
    }
    return EndpointState::Unknown;
}

void ProbeFeed::start(const QString &workspaceId, const QString &self)
{
    m_workspaceId = workspaceId;
    m_self = self;
    m_running = true;
    m_last.clear();
    readLatest();
}

void ProbeFeed::catchUp(std::function<void()> then)
{
    if (!m_running) {
        then();
        return;
    }
    m_afterNext.append(std::move(then));
    if (m_reading || m_lastId < 0) {
        m_again = true; // the next read begins once the one under way (or the first) is back
    } else {
        readNew();
    }
}

void ProbeFeed::stop()
{
    m_running = false;
    ++m_generation;
    m_coalesce.stop();
    m_reading = false;
    m_again = false;
    m_afterRead.clear();
    m_afterNext.clear();
}

void ProbeFeed::readLatest()
{
    m_lastId = -1;
    m_reading = true;
    const QString workspace = m_workspaceId;
    m_storage
        ->read(tr("Reading the latest probe results"),
            [workspace](QSqlDatabase &db) {
                Batch batch;
                QSqlQuery max(db);
                const QString maxSql = u"SELECT COALESCE(MAX(id), 0) FROM probe_results"_s;
                if (!max.exec(maxSql) || !max.next()) {
                    throw StorageError(max.lastError(), maxSql);
                }
                batch.lastId = max.value(0).toLongLong();
                const QString sql
                    = u"SELECT %1 FROM probe_results WHERE id IN (SELECT MAX(id) FROM probe_results "
                      u"WHERE workspace_id = ? AND id <= ? GROUP BY endpoint, location) ORDER BY id"_s.arg(columns);
                QSqlQuery q(db);
                q.setForwardOnly(true);
                q.prepare(sql);
                q.addBindValue(workspace);
                q.addBindValue(batch.lastId);
                if (!q.exec()) {
                    throw StorageError(q.lastError(), sql);
                }
                while (q.next()) {
                    batch.results.append(resultFrom(q));
                }
                return batch;
            })
        .then(this, [this, generation = m_generation](const StorageResult<Batch> &r) {
            if (generation != m_generation) {
                return;
            }
            m_reading = false;
            if (!r) {
                QTimer::singleShot(2000, this, [this, generation] {
                    if (generation == m_generation) {
                        readLatest();
                    }
                });
                return;
            }
            take(r.value());
            if (std::exchange(m_again, false)) {
                m_coalesce.start();
            }
        });
}

void ProbeFeed::readNew()
{
    if (!m_running) {
        return;
    }
    if (m_reading || m_lastId < 0) {
        m_again = true; // read once the read running (or the first one) is back
        return;
    }
    m_reading = true;
    m_afterRead.append(std::exchange(m_afterNext, {}));
    const QString workspace = m_workspaceId;
    const qint64 after = m_lastId;
    m_storage
        ->read(tr("Reading new probe results"),
            [workspace, after](QSqlDatabase &db) {
                Batch batch;
                batch.lastId = after;
                const QString sql
                    = u"SELECT %1, workspace_id FROM probe_results WHERE id > ? ORDER BY id LIMIT %2"_s.arg(columns)
                          .arg(BatchLimit);
                QSqlQuery q(db);
                q.setForwardOnly(true);
                q.prepare(sql);
                q.addBindValue(after);
                if (!q.exec()) {
                    throw StorageError(q.lastError(), sql);
                }
                int rows = 0;
                while (q.next()) {
                    ++rows;
                    batch.lastId = q.value(0).toLongLong();
                    if (q.value(14).toString() == workspace) {
                        batch.results.append(resultFrom(q));
                    }
                }
                batch.full = rows >= BatchLimit;
                return batch;
            })
        .then(this, [this, generation = m_generation](const StorageResult<Batch> &r) {
            if (generation != m_generation) {
                return;
            }
            m_reading = false;
            if (r) {
                take(r.value());
                m_again = m_again || r.value().full;
            }
            if (std::exchange(m_again, false)) {
                m_coalesce.start();
            }
            for (const auto &then : std::exchange(m_afterRead, {})) {
                then(); // caught up (or the database is away: waiting would not help)
            }
        });
}

void ProbeFeed::take(const Batch &batch)
{
    m_lastId = std::max(m_lastId, batch.lastId);
    for (const ProbeResult &r : batch.results) {
        QDateTime &last = m_last[r.location][r.endpoint];
        if (!last.isValid() || last < r.startedAt) {
            last = r.startedAt;
        }
        if (r.checkedBy != m_self) {
            Q_EMIT result(r);
        }
    }
}
