// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/proberelectionworker.h"

#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

QString lostReason(const QSqlError &error)
{
    return sqlErrorText(error, QCoreApplication::translate("Storage", "the connection to the server was lost"));
}

} // namespace

ProberElectionWorker::ProberElectionWorker(QObject *parent)
    : QObject(parent)
    , m_timer(this)
{
    static std::atomic<int> counter { 0 };
    m_connectionName = u"opsdeck-election-%1"_s.arg(++counter);
    connect(&m_timer, &QTimer::timeout, this, &ProberElectionWorker::tick);
}

ProberElectionWorker::~ProberElectionWorker()
{
    closeConnection();
}

void ProberElectionWorker::start(
    quint64 generation, const DatabaseTarget &target, qint64 key, const ProberElection::Options &options)
{
    stop();
    m_generation = generation;
    m_target = target;
    m_key = key;
    m_options = options;
    m_prober = false;
    m_everOnline = false;
    m_provisional = false;
    m_offlineProber = false;
    m_timer.start(options.pollMs);
    tick();
}

void ProberElectionWorker::stop()
{
    m_timer.stop();
    if (m_holding && QSqlDatabase::contains(m_connectionName)) {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        q.exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(m_key));
    }
    closeConnection();
    m_prober = false;
    m_online = false;
    m_provisional = false;
    m_offlineProber = false;
}

void ProberElectionWorker::closeConnection()
{
    m_holding = false;
    if (!m_open) {
        return;
    }
    m_open = false;
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString ProberElectionWorker::connectNow()
{
    closeConnection();
    m_open = true;
    QSqlDatabase db;
    QString error;
    if (!m_target.connectPostgres(&db, m_connectionName, u"opsdeck-prober"_s, &error)) {
        return error;
    }
    // The server gives up on a vanished prober (and so frees its lock) within seconds, not the TCP default of hours.
    const int k = m_options.keepaliveSeconds;
    QSqlQuery q(db);
    if (!q.exec(
            u"SET tcp_keepalives_idle = %1; SET tcp_keepalives_interval = %1; SET tcp_keepalives_count = 3"_s.arg(k))) {
        return lostReason(q.lastError());
    }
    return {};
}

void ProberElectionWorker::tick()
{
    if (!m_open) {
        if (const QString error = connectNow(); !error.isEmpty()) {
            fail(error);
            return;
        }
        m_everOnline = true;
        if (!m_online) {
            m_online = true;
            Q_EMIT onlineChanged(m_generation, true, {});
        }
        if (!m_prober || m_provisional) {
            // A follower that just (re)connected, or a process that probed without ever holding the lock, tries from
            // the next poll on: after the server was away, the prober from before (which tries at once) keeps its
            // role.
            return;
        }
    }
    QString error;
    {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        if (m_holding) {
            if (!q.exec(u"SELECT 1"_s)) {
                error = lostReason(q.lastError());
            }
        } else if (q.exec(u"SELECT pg_try_advisory_lock(%1)"_s.arg(m_key)) && q.next()) {
            m_holding = q.value(0).toBool();
            // Reconnected as the prober but another took over meanwhile: step down.
            m_provisional = false;
            setProber(m_holding);
            if (std::exchange(m_offlineProber, false)) {
                Q_EMIT lockAnswered(m_generation, m_holding);
            }
        } else {
            error = lostReason(q.lastError());
        }
    }
    if (!error.isEmpty()) {
        fail(error);
    }
}

void ProberElectionWorker::fail(const QString &reason)
{
    closeConnection();
    if (m_online) {
        m_online = false;
        Q_EMIT onlineChanged(m_generation, false, reason);
    }
    if (m_prober) {
        m_offlineProber = true; // probes on, buffering; the next lock answer says what becomes of it
    } else if (!m_everOnline) {
        // The server is away since the start: nobody may be probing. Probe alone until it is back, then join.
        m_provisional = true;
        m_offlineProber = true;
        setProber(true);
    }
}

void ProberElectionWorker::setProber(bool prober)
{
    if (prober != m_prober) {
        m_prober = prober;
        Q_EMIT roleChanged(m_generation, prober, m_provisional);
    }
}
