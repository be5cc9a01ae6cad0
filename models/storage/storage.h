// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QVariant>

#include <functional>

class QThread;
class StorageWorker;

// The application's local database, used from the GUI thread without ever waiting on SQL. Every call returns at
// once; the work runs on a worker thread that owns its own connection, and results come back as signals.
//
//   storage.open(Storage::databasePath(Storage::defaultDataDir()));
//   const quint64 id = storage.submit([](QSqlDatabase &db) {
//       return sqlExec(db, u"INSERT INTO meta (key, value) VALUES (?, ?)"_s, { key, value }).numRowsAffected();
//   });
//
// Jobs run in submission order. Writes submitted close together are committed in one transaction; a job
// reports failure by throwing (StorageError, see sqlExec()) and only its own work is rolled back. Jobs
// submitted before open() finishes wait for it; jobs for a closed or failed database fail.
class Storage final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Closed,
        Opening,
        Open,
        Failed,
    };
    Q_ENUM(State)
    using Job = std::function<QVariant(QSqlDatabase &)>;

    explicit Storage(QObject *parent = nullptr);
    // Runs every job already submitted, closes the database and stops the worker thread.
    ~Storage() override;

    // QStandardPaths::AppDataLocation; the app's --data-dir replaces it.
    static QString defaultDataDir();
    static QString databasePath(const QString &dataDir);

    // Takes effect at the next open(); Database::DefaultBusyTimeoutMs unless set.
    void setBusyTimeout(int ms) { m_busyTimeoutMs = ms; }
    void open(const QString &path);
    void close();

    quint64 submit(Job job);
    quint64 submitRead(Job job);

    State state() const { return m_state; }
    QString path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    QString errorString() const { return m_error; }

signals:
    void stateChanged(Storage::State state);
    void opened(int schemaVersion);
    void openFailed(const QString &error);
    void jobFinished(quint64 id, const QVariant &result);
    void jobFailed(quint64 id, const QString &error);
    // Diagnostics: a write transaction committed with this many jobs.
    void batchCommitted(int jobCount);

private:
    void setState(State state);
    quint64 enqueueJob(bool write, Job job);

    QThread *m_thread = nullptr;
    StorageWorker *m_worker = nullptr;
    State m_state = State::Closed;
    QString m_path;
    QString m_error;
    int m_schemaVersion = 0;
    int m_busyTimeoutMs;
    quint64 m_nextJobId = 0;
    quint64 m_openId = 0;
};
