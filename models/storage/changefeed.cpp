// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/changefeed.h"

#include "storage/changefeedworker.h"

#include <QThread>

using namespace Qt::StringLiterals;

ChangeFeed::ChangeFeed(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new ChangeFeedWorker)
{
    m_thread->setObjectName(u"OpsDeck change feed"_s);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ChangeFeedWorker::connected, this, &ChangeFeed::onConnected);
    connect(m_worker, &ChangeFeedWorker::lost, this, &ChangeFeed::onLost);
    connect(m_worker, &ChangeFeedWorker::changes, this, &ChangeFeed::onChanges);
    connect(m_worker, &ChangeFeedWorker::resyncNeeded, this, [this](quint64 generation) {
        if (generation == m_generation) {
            Q_EMIT resyncNeeded();
        }
    });
    m_thread->start();
}

ChangeFeed::~ChangeFeed()
{
    stop();
    m_thread->quit();
    m_thread->wait();
}

void ChangeFeed::start(const DatabaseTarget &target, qint64 sinceChangeId)
{
    m_lastChangeId = sinceChangeId;
    m_offlineReported = false;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, generation = ++m_generation, target, sinceChangeId, options = m_options] {
            worker->start(generation, target, sinceChangeId, options);
        });
}

void ChangeFeed::stop()
{
    // Blocking, but only ever for closing a connection: the worker never waits on anything else.
    ++m_generation;
    QMetaObject::invokeMethod(m_worker, &ChangeFeedWorker::stop, Qt::BlockingQueuedConnection);
    m_listenerPid = 0;
    m_online = false;
    m_offlineReported = false;
}

void ChangeFeed::onConnected(quint64 generation, qint64 pid)
{
    if (generation != m_generation) {
        return;
    }
    m_listenerPid = pid;
    m_offlineReported = false;
    if (!m_online) {
        m_online = true;
        Q_EMIT onlineChanged(true, {});
    }
}

void ChangeFeed::onLost(quint64 generation, const QString &reason)
{
    if (generation != m_generation) {
        return;
    }
    m_listenerPid = 0;
    if (m_online || !m_offlineReported) {
        m_online = false;
        m_offlineReported = true;
        Q_EMIT onlineChanged(false, reason);
    }
}

void ChangeFeed::onChanges(quint64 generation, const QStringList &subjects, const QList<qint64> &rowIds, qint64 lastId)
{
    if (generation != m_generation) {
        return;
    }
    m_lastChangeId = lastId;
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        Q_EMIT changed(subjects.at(i), rowIds.at(i));
    }
}
