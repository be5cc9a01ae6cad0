// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storageworker.h"

#include "storage/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

QString sqlErrorText(const QSqlError &error)
{
    const QString db = error.databaseText();
    return db.isEmpty() ? error.text() : db;
}

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
    if (m_db->open(task.path)) {
        emit opened(task.id, m_db->schemaVersion());
    } else {
        const QString error = m_db->errorString();
        m_db.reset();
        emit openFailed(task.id, error);
    }
}

void StorageWorker::closeDatabase()
{
    m_db.reset();
}

bool StorageWorker::runJob(const Job &job, QVariant *result, QString *error)
{
    try {
        *result = job(m_db->connection());
        return true;
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
    } catch (...) {
        *error = QCoreApplication::translate("Storage", "the job failed with an unknown exception");
    }
    return false;
}

void StorageWorker::failAll(const std::deque<Task> &tasks, size_t begin, size_t end, const QString &error)
{
    for (size_t i = begin; i < end; ++i) {
        emit jobFailed(tasks[i].id, error);
    }
}

void StorageWorker::runRead(const Task &task)
{
    if (!isOpen()) {
        emit jobFailed(task.id, notOpenError());
        return;
    }
    QSqlDatabase &db = m_db->connection();
    // A read transaction gives the job one consistent snapshot even if it runs several queries.
    const bool inTransaction = db.transaction();
    QVariant result;
    QString error;
    const bool ok = runJob(task.job, &result, &error);
    if (inTransaction && !(ok ? db.commit() : db.rollback())) {
        db.rollback();
    }
    if (ok) {
        emit jobFinished(task.id, result);
    } else {
        emit jobFailed(task.id, error);
    }
}

void StorageWorker::runWrites(const std::deque<Task> &tasks, size_t begin, size_t end)
{
    if (!isOpen()) {
        failAll(tasks, begin, end, notOpenError());
        return;
    }
    QSqlDatabase &db = m_db->connection();
    QSqlQuery control(db);
    // IMMEDIATE takes the write lock up front, so waiting for another writer happens here, under the busy
    // timeout, instead of failing half-way through a job.
    if (!control.exec(u"BEGIN IMMEDIATE"_s)) {
        failAll(tasks, begin, end, sqlErrorText(control.lastError()));
        return;
    }
    std::vector<Outcome> outcomes;
    outcomes.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) {
        Outcome outcome { tasks[i].id, false, {}, {} };
        if (!control.exec(u"SAVEPOINT opsdeck_job"_s)) {
            outcome.error = sqlErrorText(control.lastError());
        } else {
            outcome.ok = runJob(tasks[i].job, &outcome.result, &outcome.error);
        }
        if (outcome.ok) {
            control.exec(u"RELEASE SAVEPOINT opsdeck_job"_s);
        } else if (!control.exec(u"ROLLBACK TO SAVEPOINT opsdeck_job"_s)
            || !control.exec(u"RELEASE SAVEPOINT opsdeck_job"_s)) {
            // SQLite rolled the whole transaction back (disk full, I/O error): earlier jobs are undone too.
            control.exec(u"ROLLBACK"_s);
            for (Outcome &done : outcomes) {
                if (done.ok) {
                    done = {
                        done.id, false, {},
                        QCoreApplication::translate("Storage", "rolled back with a failed job: %1").arg(outcome.error)
                    };
                }
            }
            if (!control.exec(u"BEGIN IMMEDIATE"_s)) {
                outcomes.push_back(outcome);
                for (const Outcome &o : outcomes) {
                    emit jobFailed(o.id, o.error);
                }
                failAll(tasks, i + 1, end, sqlErrorText(control.lastError()));
                return;
            }
        }
        outcomes.push_back(outcome);
    }
    if (!control.exec(u"COMMIT"_s)) {
        const QString error = sqlErrorText(control.lastError());
        control.exec(u"ROLLBACK"_s);
        for (Outcome &o : outcomes) {
            if (o.ok) {
                o = { o.id, false, {}, error };
            }
        }
    }
    int committed = 0;
    for (const Outcome &o : outcomes) {
        if (o.ok) {
            ++committed;
            emit jobFinished(o.id, o.result);
        } else {
            emit jobFailed(o.id, o.error);
        }
    }
    if (committed > 0) {
        emit batchCommitted(committed);
    }
}
