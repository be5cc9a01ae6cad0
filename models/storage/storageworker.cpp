// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storageworker.h"

#include "storage/database.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

QString notOpenError()
{
    return QCoreApplication::translate("Storage", "the database is not open");
}

} // namespace

StorageWorker::StorageWorker(QObject *parent)
    : QObject(parent)
{
    static std::atomic<int> counter { 0 };
    m_connectionName = u"opsdeck-storage-%1"_s.arg(++counter);
}

StorageWorker::~StorageWorker()
{
    // Normally closed by the Shutdown task on the worker thread; this is the fallback for a worker never started.
    closeDatabase();
}

void StorageWorker::enqueue(Task task)
{
    QMutexLocker locker(&m_mutex);
    m_queue.push_back(std::move(task));
    if (!m_scheduled) {
        m_scheduled = true;
        QMetaObject::invokeMethod(this, &StorageWorker::processQueue, Qt::QueuedConnection);
    }
}

void StorageWorker::processQueue()
{
    std::deque<Task> tasks;
    {
        QMutexLocker locker(&m_mutex);
        tasks.swap(m_queue);
        m_scheduled = false;
    }
    size_t i = 0;
    while (i < tasks.size()) {
        const Task &task = tasks[i];
        switch (task.kind) {
        case TaskKind::Open:
            openDatabase(task);
            break;
        case TaskKind::Close:
            closeDatabase();
            break;
        case TaskKind::Read:
            runRead(task);
            break;
        case TaskKind::Shutdown:
            closeDatabase();
            QThread::currentThread()->quit();
            break;
        case TaskKind::Write: {
            size_t end = i;
            while (end < tasks.size() && tasks[end].kind == TaskKind::Write && qsizetype(end - i) < MaxBatch) {
                ++end;
            }
            runWrites(tasks, i, end);
            i = end;
            continue;
        }
        }
        ++i;
    }
}

bool StorageWorker::isOpen() const
{
    return m_db && m_db->isOpen();
}

void StorageWorker::openDatabase(const Task &task)
{
    closeDatabase();
    m_db = std::make_unique<Database>(m_connectionName);
    m_db->setBusyTimeout(task.busyTimeoutMs);
    if (m_db->open(task.target)) {
        const qint64 lastChange
            = m_db->dialect() == SqlDialect::PostgreSQL ? prepareChangeFeed(task.changeRetentionMs) : 0;
        Q_EMIT opened(task.id, m_db->schemaVersion(), lastChange);
    } else {
        const QString error = m_db->errorString();
        m_db.reset();
        Q_EMIT openFailed(task.id, error);
    }
}

qint64 StorageWorker::prepareChangeFeed(qint64 retentionMs)
{
    QSqlQuery q(m_db->connection());
    // The newest pruned id is kept, so that a console away for longer learns it has missed changes.
    q.prepare(u"WITH gone AS (DELETE FROM changes WHERE at_ms < ? RETURNING id) "
              u"INSERT INTO meta (key, value) SELECT ?, CAST(MAX(id) AS TEXT) FROM gone HAVING COUNT(*) > 0 "
              u"ON CONFLICT (key) DO UPDATE SET value = "
              u"CAST(GREATEST(CAST(meta.value AS BIGINT), CAST(EXCLUDED.value AS BIGINT)) AS TEXT)"_s);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch() - retentionMs);
    q.addBindValue(Migrations::changesPrunedKey());
    if (!q.exec()) {
        qWarning("opsdeck: cannot prune the change feed: %s", qPrintable(sqlErrorText(q.lastError())));
    }
    q.prepare(u"SELECT GREATEST(COALESCE((SELECT MAX(id) FROM changes), 0), "
              u"COALESCE((SELECT CAST(value AS BIGINT) FROM meta WHERE key = ?), 0))"_s);
    q.addBindValue(Migrations::changesPrunedKey());
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

void StorageWorker::closeDatabase()
{
    m_db.reset();
}

bool StorageWorker::runJob(StorageJob &job, QString *error)
{
    try {
        job.run(m_db->connection());
        return true;
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
    } catch (...) {
        error->clear();
    }
    if (error->isEmpty()) {
        *error = QCoreApplication::translate("Storage", "the job failed with an unknown exception");
    }
    return false;
}

void StorageWorker::report(const Task &task, bool ok, const QString &error)
{
    Q_EMIT jobDone({ task.job, task.kind == TaskKind::Write, ok, error });
}

void StorageWorker::failAll(const std::deque<Task> &tasks, size_t begin, size_t end, const QString &error)
{
    for (size_t i = begin; i < end; ++i) {
        report(tasks[i], false, error);
    }
}

QString StorageWorker::offlineError(const QString &cause) const
{
    const QString where = m_db ? m_db->path() : QString();
    return cause.isEmpty()
        ? QCoreApplication::translate("Storage", "offline: the team database %1 cannot be reached; nothing was saved")
              .arg(where)
        : QCoreApplication::translate(
            "Storage", "offline: the team database %1 cannot be reached (%2); nothing was saved")
              .arg(where, cause);
}

bool StorageWorker::execBegin(bool write, QString *error)
{
    if (!m_db->connection().isOpen()) {
        // The driver closed it after the server went away.
        *error = QCoreApplication::translate("Storage", "the connection to the server was lost");
        return false;
    }
    QSqlQuery control(m_db->connection());
    if (m_db->dialect() == SqlDialect::SQLite) {
        // IMMEDIATE takes the write lock up front, so waiting for another writer happens here, under the busy
        // timeout, instead of failing half-way through a job.
        if (control.exec(write ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s)) {
            return true;
        }
    } else if (control.exec(write ? u"BEGIN"_s : u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s)) {
        // Write transactions take turns (as on SQLite), so the change feed's ids grow in commit order and a
        // console that read up to id N has seen every change before it. Writes stay READ COMMITTED: each statement
        // sees what the previous writer committed while this one waited for its turn.
        if (!write || control.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(Migrations::changesLockKey()))) {
            return true;
        }
        *error = sqlErrorText(control.lastError());
        control.exec(u"ROLLBACK"_s);
        return false;
    }
    *error = sqlErrorText(control.lastError());
    return false;
}

bool StorageWorker::begin(bool write, QString *error)
{
    // A team database whose reconnection failed stays m_db (closed), to be tried again on the next job.
    const bool team = m_db && m_db->dialect() == SqlDialect::PostgreSQL;
    if (!team && !isOpen()) {
        *error = notOpenError();
        return false;
    }
    if (team && m_offline) {
        *error = offlineError({});
        return false;
    }
    if (isOpen() && execBegin(write, error)) {
        return true;
    }
    if (!team) {
        return false;
    }
    // The server restarted or dropped us: one new connection per job until the change feed says offline.
    const DatabaseTarget target = m_db->target();
    if (!m_db->open(target)) {
        *error = offlineError(m_db->errorString());
        return false;
    }
    if (!execBegin(write, error)) {
        *error = offlineError(*error);
        return false;
    }
    return true;
}

void StorageWorker::runRead(const Task &task)
{
    QString error;
    // A read transaction gives the job one consistent snapshot even if it runs several queries.
    if (!begin(false, &error)) {
        report(task, false, error);
        return;
    }
    const bool ok = runJob(*task.job, &error);
    QSqlQuery control(m_db->connection());
    if (!control.exec(ok ? u"COMMIT"_s : u"ROLLBACK"_s)) {
        control.exec(u"ROLLBACK"_s);
    }
    report(task, ok, error);
}

void StorageWorker::runWrites(const std::deque<Task> &tasks, size_t first, size_t end)
{
    QString beginError;
    if (!begin(true, &beginError)) {
        failAll(tasks, first, end, beginError);
        return;
    }
    struct Outcome
    {
        const Task *task = nullptr;
        bool ok = false;
        QString error;
    };
    QSqlDatabase &db = m_db->connection();
    QSqlQuery control(db);
    std::vector<Outcome> outcomes;
    outcomes.reserve(end - first);
    for (size_t i = first; i < end; ++i) {
        Outcome outcome { &tasks[i], false, {} };
        if (!control.exec(u"SAVEPOINT opsdeck_job"_s)) {
            outcome.error = sqlErrorText(control.lastError(), db);
        } else {
            outcome.ok = runJob(*tasks[i].job, &outcome.error);
        }
        if (outcome.ok) {
            control.exec(u"RELEASE SAVEPOINT opsdeck_job"_s);
        } else if (control.exec(u"ROLLBACK TO SAVEPOINT opsdeck_job"_s)
            && control.exec(u"RELEASE SAVEPOINT opsdeck_job"_s)) {
            if (m_db->dialect() == SqlDialect::PostgreSQL) {
                // The job's prepared statements could not be freed while the transaction was aborted.
                control.exec(u"DEALLOCATE ALL"_s);
            }
        } else {
            // SQLite rolled the whole transaction back (disk full, I/O error): earlier jobs are undone too.
            control.exec(u"ROLLBACK"_s);
            for (Outcome &done : outcomes) {
                if (done.ok) {
                    done.ok = false;
                    done.error = QCoreApplication::translate("Storage", "rolled back with a failed job: %1")
                                     .arg(outcome.error);
                }
            }
            if (!begin(true, &beginError)) {
                outcomes.push_back(outcome);
                for (const Outcome &o : outcomes) {
                    report(*o.task, o.ok, o.error);
                }
                failAll(tasks, i + 1, end, beginError);
                return;
            }
        }
        outcomes.push_back(outcome);
    }
    if (!control.exec(u"COMMIT"_s)) {
        const QString error = sqlErrorText(control.lastError(), db);
        control.exec(u"ROLLBACK"_s);
        for (Outcome &o : outcomes) {
            if (o.ok) {
                o.ok = false;
                o.error = error;
            }
        }
    }
    int committed = 0;
    for (const Outcome &o : outcomes) {
        committed += o.ok ? 1 : 0;
        report(*o.task, o.ok, o.error);
    }
    if (committed > 0) {
        Q_EMIT batchCommitted(committed);
    }
}
