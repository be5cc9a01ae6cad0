// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/databasetarget.h"

#include <QObject>
#include <QSqlDatabase>
#include <QVariant>

#include <functional>

class ChangeFeed;
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
// open() also takes a postgresql:// URL (team mode, see DatabaseTarget): then a ChangeFeed reports what other
// consoles write (changed()), and online() says whether the server can be reached; jobs submitted while offline
// fail at once with a message saying so.
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

    // Team mode: changes older than this are pruned when a console connects (default 7 days).
    void setChangeRetention(qint64 ms) { m_changeRetentionMs = ms; }
    // Takes effect at the next open(); Database::DefaultBusyTimeoutMs unless set.
    void setBusyTimeout(int ms) { m_busyTimeoutMs = ms; }
    // A file path or a postgresql:// URL; a malformed URL fails (openFailed) without touching anything.
    void open(const QString &pathOrUrl);
    void close();

    quint64 submit(Job job);
    quint64 submitRead(Job job);

    State state() const { return m_state; }
    // The file, or the URL without its password.
    QString path() const { return m_path; }
    bool isTeam() const { return m_team; }
    // False while team mode cannot reach the server (always true for a local file).
    bool isOnline() const { return m_online; }
    ChangeFeed *changeFeed() const { return m_feed; }
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
    // Team mode: a row another console (or this one) wrote; subject is "checklist_instances" or "incidents".
    void changed(const QString &subject, qint64 rowId);
    // Team mode: what changed while this console was away is no longer known; reload everything.
    void resyncNeeded();
    void onlineChanged(bool online, const QString &reason);

private:
    void setState(State state);
    void stopFeed();
    quint64 enqueueJob(bool write, Job job);

    QThread *m_thread = nullptr;
    StorageWorker *m_worker = nullptr;
    ChangeFeed *m_feed = nullptr;
    bool m_team = false;
    bool m_online = true;
    State m_state = State::Closed;
    QString m_path;
    DatabaseTarget m_target;
    QString m_error;
    int m_schemaVersion = 0;
    int m_busyTimeoutMs;
    qint64 m_changeRetentionMs = 7LL * 24 * 3600 * 1000;
    quint64 m_nextJobId = 0;
    quint64 m_openId = 0;
};
