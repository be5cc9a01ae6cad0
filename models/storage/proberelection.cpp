// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/proberelection.h"

#include "storage/proberelectionworker.h"

#include <QCryptographicHash>
#include <QThread>
#include <QtEndian>

using namespace Qt::StringLiterals;

ProberElection::ProberElection(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new ProberElectionWorker)
{
    m_thread->setObjectName(u"OpsDeck prober election"_s);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(
        m_worker, &ProberElectionWorker::roleChanged, this, [this](quint64 generation, bool prober, bool provisional) {
            if (generation == m_generation && prober != m_prober) {
                m_prober = prober;
                m_provisional = prober && provisional;
                Q_EMIT roleChanged(prober);
            }
        });
    connect(m_worker, &ProberElectionWorker::lockAnswered, this, [this](quint64 generation, bool held) {
        if (generation == m_generation) {
            m_provisional = false;
            Q_EMIT lockAnswered(held);
        }
    });
    connect(m_worker, &ProberElectionWorker::onlineChanged, this,
        [this](quint64 generation, bool online, const QString &reason) {
            if (generation == m_generation && online != m_online) {
                m_online = online;
                Q_EMIT onlineChanged(online, reason);
            }
        });
    m_thread->start();
}

ProberElection::~ProberElection()
{
    stop();
    m_thread->quit();
    m_thread->wait();
}

qint64 ProberElection::lockKey(const QString &workspaceId, const QString &location)
{
    const QByteArray text = "opsdeck-prober\n" + workspaceId.toUtf8() + '\n' + location.toUtf8();
    const QByteArray digest = QCryptographicHash::hash(text, QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(digest.constData());
}

void ProberElection::start(const DatabaseTarget &target, const QString &workspaceId, const QString &location)
{
    stop();
    m_workspaceId = workspaceId;
    m_location = location;
    m_running = true;
    QMetaObject::invokeMethod(m_worker,
        [worker = m_worker, generation = ++m_generation, target, key = lockKey(workspaceId, location),
            options = m_options] { worker->start(generation, target, key, options); });
}

void ProberElection::stop()
{
    if (!m_running) {
        return;
    }
    // Blocking, but only for unlocking and closing a connection.
    ++m_generation;
    QMetaObject::invokeMethod(m_worker, &ProberElectionWorker::stop, Qt::BlockingQueuedConnection);
    m_running = false;
    m_online = false;
    m_provisional = false;
    if (std::exchange(m_prober, false)) {
        Q_EMIT roleChanged(false);
    }
}
