// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/databasetarget.h"
#include "storage/storagejob.h"

#include <QMutex>
#include <QObject>
#include <QSqlDatabase>

#include <atomic>
#include <deque>
#include <memory>

class Database;

// Lives on Storage's QThread and owns the only connection to the database (created and removed on that thread).
// Tasks arrive through a mutex-guarded queue in submission order; consecutive writes run in one transaction
// (each job inside its own savepoint, so one failing job does not take the others with it), reads run in a
// read transaction of their own. Each finished job goes back through jobDone(), which reaches Storage as a queued
// call: the job's future is resolved there, on Storage's thread.
class StorageWorker final : public QObject
{
    Q_OBJECT

public:
    enum class TaskKind {
        Open,
        Close,
        Write,
        Read,
        Shutdown,
    };
    struct Task
    {
        TaskKind kind = TaskKind::Write;
        quint64 id = 0; // the open request id
        std::shared_ptr<StorageJob> job; // Write, Read
        DatabaseTarget target;
        int busyTimeoutMs = 0;
        qint64 changeRetentionMs = 0; // team mode: prune older rows of the change feed at opening
    };
    // What became of one job; `error` is set (never empty) when !ok.
    struct Done
    {
        std::shared_ptr<StorageJob> job;
        bool write = false;
        bool ok = false;
        QString error;
    };
    static constexpr qsizetype MaxBatch = 500;

    explicit StorageWorker(QObject *parent = nullptr);
    ~StorageWorker() override;

    // Thread-safe. A Shutdown task closes the database and quits the worker's thread once everything queued
    // before it has run.
    void enqueue(Task task);
    // Thread-safe. Team mode while the server cannot be reached: jobs fail at once with a message saying so,
    // instead of each waiting for a connection attempt.
    void setOffline(bool offline) { m_offline = offline; }

Q_SIGNALS:
    // lastChangeId: the newest row of the change feed at opening (PostgreSQL), else 0.
    void opened(quint64 openId, int schemaVersion, qint64 lastChangeId);
    void openFailed(quint64 openId, const QString &error);
    void jobDone(const StorageWorker::Done &done);
    void batchCommitted(int jobCount);

private:
    void processQueue();
    void openDatabase(const Task &task);
    // Team mode: prunes the change feed and returns the newest change id seen by the database.
    qint64 prepareChangeFeed(qint64 retentionMs);
    void closeDatabase();
    void runRead(const Task &task);
    void runWrites(const std::deque<Task> &tasks, size_t first, size_t end);
    bool runJob(StorageJob &job, QString *error);
    // Starts the write (or read) transaction; on PostgreSQL reconnects once if the connection was lost.
    bool begin(bool write, QString *error);
    bool execBegin(bool write, QString *error);
    QString offlineError(const QString &cause) const;
    void failAll(const std::deque<Task> &tasks, size_t begin, size_t end, const QString &error);
    void report(const Task &task, bool ok, const QString &error = {});
    bool isOpen() const;

    QMutex m_mutex;
    std::deque<Task> m_queue;
    bool m_scheduled = false;
    std::unique_ptr<Database> m_db;
    QString m_connectionName;
    std::atomic<bool> m_offline { false };
};

Q_DECLARE_METATYPE(StorageWorker::Done)
