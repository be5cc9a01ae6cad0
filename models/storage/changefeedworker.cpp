// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/changefeedworker.h"

#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

// Never empty: an empty error means success to the callers, and a connection the driver already closed fails
// without any error text.
QString lostReason(const QSqlError &error)
{
    return sqlErrorText(error, QCoreApplication::translate("Storage", "the connection to the server was lost"));
}

// Enough for any burst; a longer backlog is read in several rounds.
constexpr int BatchLimit = 5000;

} // namespace

ChangeFeedWorker::ChangeFeedWorker(QObject *parent)
    : QObject(parent)
    , m_heartbeat(this)
    , m_retry(this)
{
    static std::atomic<int> counter { 0 };
    m_connectionName = u"opsdeck-changefeed-%1"_s.arg(++counter);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ChangeFeedWorker::connectNow);
    connect(&m_heartbeat, &QTimer::timeout, this, &ChangeFeedWorker::heartbeat);
}

ChangeFeedWorker::~ChangeFeedWorker()
{
    closeConnection();
}

void ChangeFeedWorker::start(
    quint64 generation, const DatabaseTarget &target, qint64 sinceChangeId, const ChangeFeed::Options &options)
{
    stop();
    m_generation = generation;
    m_target = target;
    m_options = options;
    m_lastId = sinceChangeId;
    m_retryMs = options.firstRetryMs;
    m_running = true;
    connectNow();
}

void ChangeFeedWorker::stop()
{
    m_running = false;
    m_retry.stop();
    m_heartbeat.stop();
    closeConnection();
}

void ChangeFeedWorker::closeConnection()
{
    if (!m_open) {
        return;
    }
    m_open = false;
    if (!QSqlDatabase::contains(m_connectionName)) {
        return; // the password could not be resolved: nothing was added
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        disconnect(db.driver(), nullptr, this, nullptr);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void ChangeFeedWorker::connectNow()
{
    if (!m_running) {
        return;
    }
    closeConnection();
    qint64 pid = 0;
    // Every query and database handle is gone before fail() removes the connection.
    const QString error = openAndListen(&pid);
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    m_retryMs = m_options.firstRetryMs;
    Q_EMIT connected(m_generation, pid);
    m_heartbeat.start(m_options.heartbeatMs);
    if (const QString pruned = checkPruned(); !pruned.isEmpty()) {
        fail(pruned);
        return;
    }
    catchUp();
}

QString ChangeFeedWorker::checkPruned()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(u"SELECT value FROM meta WHERE key = '%1'"_s.arg(Migrations::changesPrunedKey()))) {
        return lostReason(q.lastError());
    }
    const qint64 prunedThrough = q.next() ? q.value(0).toLongLong() : 0;
    if (prunedThrough > m_lastId) {
        // Away for longer than the changes are kept: what changed is no longer known, so everything is.
        m_lastId = prunedThrough;
        Q_EMIT resyncNeeded(m_generation);
    }
    return {};
}

QString ChangeFeedWorker::openAndListen(qint64 *pid)
{
    m_open = true;
    QSqlDatabase db;
    if (QString error; !m_target.connectPostgres(&db, m_connectionName, u"opsdeck-listener"_s, &error)) {
        return error;
    }
    // Listen first, then catch up: a change committed in between is seen by one or the other, never by neither.
    if (!db.driver()->subscribeToNotification(Migrations::changesChannel())) {
        return lostReason(db.driver()->lastError());
    }
    connect(db.driver(), &QSqlDriver::notification, this, &ChangeFeedWorker::onNotification);
    QSqlQuery query(db);
    if (!query.exec(u"SELECT pg_backend_pid()"_s) || !query.next()) {
        return lostReason(query.lastError());
    }
    *pid = query.value(0).toLongLong();
    return {};
}

void ChangeFeedWorker::onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &)
{
    if (name == Migrations::changesChannel()) {
        catchUp();
    }
}

void ChangeFeedWorker::catchUp()
{
    if (!m_open) {
        return;
    }
    const QString error = readChanges();
    if (!error.isEmpty()) {
        fail(error);
    }
}

QString ChangeFeedWorker::readChanges()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    for (;;) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(
                u"SELECT id, subject, row_id FROM changes WHERE id > ? ORDER BY id LIMIT %1"_s.arg(BatchLimit))) {
            return lostReason(q.lastError());
        }
        q.addBindValue(m_lastId);
        if (!q.exec()) {
            return lostReason(q.lastError());
        }
        QStringList subjects;
        QList<qint64> rowIds;
        QSet<QString> seen;
        int rows = 0;
        while (q.next()) {
            ++rows;
            m_lastId = q.value(0).toLongLong();
            const QString subject = q.value(1).toString();
            const qint64 rowId = q.value(2).toLongLong();
            const QString key = subject + u':' + QString::number(rowId);
            if (!seen.contains(key)) {
                seen.insert(key);
                subjects.append(subject);
                rowIds.append(rowId);
            }
        }
        if (rows > 0) {
            Q_EMIT changes(m_generation, subjects, rowIds, m_lastId);
        }
        if (rows < BatchLimit) {
            return {};
        }
    }
}

void ChangeFeedWorker::heartbeat()
{
    if (!m_open) {
        return;
    }
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery q(db);
        if (!db.isOpen() || !q.exec(u"SELECT 1"_s)) {
            error = lostReason(q.lastError());
        }
    }
    if (!error.isEmpty()) {
        fail(error);
    }
}

void ChangeFeedWorker::fail(const QString &reason)
{
    m_heartbeat.stop();
    closeConnection();
    if (!m_running) {
        return;
    }
    Q_EMIT lost(m_generation, reason);
    m_retry.start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, m_options.maxRetryMs);
}
