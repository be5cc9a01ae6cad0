// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storage.h"

#include "storage/changefeed.h"
#include "storage/database.h"
#include "storage/storageworker.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

Storage::Storage(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new StorageWorker)
    , m_feed(new ChangeFeed(this))
    , m_busyTimeoutMs(Database::DefaultBusyTimeoutMs)
{
    m_thread->setObjectName(u"OpsDeck storage"_s);
    m_worker->moveToThread(m_thread);

    connect(m_worker, &StorageWorker::opened, this, [this](quint64 openId, int schemaVersion, qint64 lastChange) {
        if (openId != m_openId) {
            return; // superseded by a later open() or close()
        }
        m_schemaVersion = schemaVersion;
        if (m_team) {
            m_feed->start(m_target, lastChange);
        }
        setState(State::Open);
        Q_EMIT opened(schemaVersion);
    });
    connect(m_worker, &StorageWorker::openFailed, this, [this](quint64 openId, const QString &error) {
        if (openId != m_openId) {
            return;
        }
        m_error = error;
        setState(State::Failed);
        Q_EMIT openFailed(error);
    });
    // Queued, in the order the worker finished them: futures resolve in submission order, here on this thread.
    connect(m_worker, &StorageWorker::jobDone, this, [this](const StorageWorker::Done &done) {
        done.job->resolve(done.ok, done.error);
        if (done.write && !done.ok) {
            Q_EMIT writeFailed(done.job->what(), done.error);
        }
    });
    connect(m_worker, &StorageWorker::batchCommitted, this, &Storage::batchCommitted);
    connect(m_feed, &ChangeFeed::changed, this, &Storage::changed);
    connect(m_feed, &ChangeFeed::resyncNeeded, this, &Storage::resyncNeeded);
    connect(m_feed, &ChangeFeed::onlineChanged, this, [this](bool online, const QString &reason) {
        m_worker->setOffline(!online);
        if (m_online != online) {
            m_online = online;
            Q_EMIT onlineChanged(online, reason);
        }
    });
    m_thread->start();
}

Storage::~Storage()
{
    m_feed->stop();
    ++m_openId; // an open still under way is not reported any more
    // The Shutdown task runs after everything queued before it, then quits the thread: queued writes are kept.
    m_worker->enqueue({ StorageWorker::TaskKind::Shutdown, 0, {}, {}, 0 });
    m_thread->wait();
    // Resolves the jobs the worker finished meanwhile, so that a failed write still reaches writeFailed. A job
    // submitted from here on is never run: its future is cancelled when the worker goes.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    delete m_worker;
}

QString Storage::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Storage::databasePath(const QString &dataDir)
{
    return QDir::cleanPath(dataDir + u"/opsdeck.sqlite"_s);
}

void Storage::open(const QString &pathOrUrl)
{
    stopFeed();
    m_error.clear();
    m_schemaVersion = 0;
    QString error;
    if (!DatabaseTarget::parse(pathOrUrl, &m_target, &error)) {
        m_path = DatabaseTarget::isPostgresUrl(pathOrUrl) ? QString() : pathOrUrl;
        m_worker->enqueue({ StorageWorker::TaskKind::Close, 0, {}, {}, 0 });
        const quint64 openId = ++m_openId;
        setState(State::Opening);
        // Reported like any other failure to open: after the caller has connected to the signals.
        QTimer::singleShot(0, this, [this, openId, error] {
            if (openId == m_openId) {
                m_error = error;
                setState(State::Failed);
                Q_EMIT openFailed(error);
            }
        });
        return;
    }
    m_path = m_target.displayName();
    m_team = m_target.isPostgres();
    m_worker->enqueue(
        { StorageWorker::TaskKind::Open, ++m_openId, {}, m_target, m_busyTimeoutMs, m_changeRetentionMs });
    setState(State::Opening);
}

void Storage::stopFeed()
{
    m_feed->stop();
    m_team = false;
    m_worker->setOffline(false);
    if (!m_online) {
        m_online = true;
        Q_EMIT onlineChanged(true, {});
    }
}

void Storage::close()
{
    stopFeed();
    ++m_openId;
    m_worker->enqueue({ StorageWorker::TaskKind::Close, 0, {}, {}, 0 });
    m_schemaVersion = 0;
    setState(State::Closed);
}

QString Storage::describe(const QString &what)
{
    return what.isEmpty() ? tr("A database job") : what;
}

void Storage::enqueueJob(bool write, std::shared_ptr<StorageJob> job)
{
    m_worker->enqueue(
        { write ? StorageWorker::TaskKind::Write : StorageWorker::TaskKind::Read, 0, std::move(job), {}, 0 });
}

void Storage::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}
