// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/databasetarget.h"
#include "storage/storagefuture.h"
#include "storage/storagejob.h"

#include <QObject>
#include <QSqlDatabase>

#include <memory>

class ChangeFeed;
class QThread;
class StorageWorker;

// The application's local database, used from the GUI thread without ever waiting on SQL. Every call returns at
// once; the work runs on a worker thread that owns its own connection, and each job's result comes back as a typed
// future resolved on this (the GUI) thread.
//
//   storage.open(Storage::databasePath(Storage::defaultDataDir()));
//   storage.write(tr("Saving the setting %1").arg(key), [key, value](QSqlDatabase &db) {
//       return sqlExec(db, u"INSERT INTO meta (key, value) VALUES (?, ?)"_s, { key, value }).numRowsAffected();
//   }).then(this, [this](const StorageResult<int> &r) { ... r.ok(), r.value(), r.error(), r.message() ... });
//
// `what` is a translated description of the job ("Saving the tick on %1"): a failed result names it, and every
// failed write is also reported through writeFailed(what, error) for the operator, whoever submitted it.
//
// open() also takes a postgresql:// URL (team mode, see DatabaseTarget): then a ChangeFeed reports what other
// consoles write (changed()), and online() says whether the server can be reached; jobs submitted while offline
// fail at once with a message saying so.
//
// Jobs run in submission order and their futures resolve in that order. Writes submitted close together are
// committed in one transaction; a job reports failure by throwing (StorageError, see sqlExec()) and only its own
// work is rolled back; a write's future resolves once its transaction has committed. Jobs submitted before open()
// finishes wait for it; jobs for a closed or failed database resolve with an error.
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

    // `job` is any callable taking QSqlDatabase & (run on the worker thread; capture values, never pointers to GUI
    // objects); its return type T (void too) is the future's. A write runs inside the batch's write transaction, a
    // read in a read transaction of its own (one snapshot for all its queries).
    template <typename F> StorageFuture<StorageJobValue<F>> write(const QString &what, F job)
    {
        return submit<StorageJobValue<F>>(true, what, std::move(job));
    }
    template <typename F> StorageFuture<StorageJobValue<F>> read(const QString &what, F job)
    {
        return submit<StorageJobValue<F>>(false, what, std::move(job));
    }

    State state() const { return m_state; }
    // The file, or the URL without its password.
    QString path() const { return m_path; }
    bool isTeam() const { return m_team; }
    // False while team mode cannot reach the server (always true for a local file).
    bool isOnline() const { return m_online; }
    ChangeFeed *changeFeed() const { return m_feed; }
    int schemaVersion() const { return m_schemaVersion; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void stateChanged(Storage::State state);
    void opened(int schemaVersion);
    void openFailed(const QString &error);
    // A write failed (or was rolled back with another that did): `what` as given to write(), `error` the cause.
    // For the operator: the window's status bar, the log of a headless front-end.
    void writeFailed(const QString &what, const QString &error);
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
    template <typename T, typename F> StorageFuture<T> submit(bool write, const QString &what, F job)
    {
        auto typed = std::make_shared<TypedStorageJob<T>>(describe(what), std::move(job));
        StorageFuture<T> future(typed->future());
        enqueueJob(write, std::move(typed));
        return future;
    }
    static QString describe(const QString &what);
    void enqueueJob(bool write, std::shared_ptr<StorageJob> job);

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
    quint64 m_openId = 0;
};
