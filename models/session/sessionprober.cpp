// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// One prober per (workspace, location) in team mode; the others follow its results.
#include "probe/probeengine.h"
#include "probe/probefeed.h"
#include "session/session.h"
#include "storage/databasetarget.h"
#include "storage/proberelection.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

QString defaultName()
{
    // Unique per Session, also when several share a process (tests, benchmarks).
    static std::atomic<int> sessions { 0 };
    const int n = ++sessions;
    QString name = QSysInfo::machineHostName() + u'/' + QString::number(QCoreApplication::applicationPid());
    return n == 1 ? name : name + u'-' + QString::number(n);
}

} // namespace

void Session::wireProber()
{
    m_name = m_options.name.isEmpty() ? defaultName() : m_options.name;
    m_engine->setOrigin(m_options.location, m_name);
    if (m_options.mode != Mode::Watch || !m_options.storage) {
        return;
    }
    m_feed = new ProbeFeed(m_storage, this);
    m_election = new ProberElection(this);
    connect(m_feed, &ProbeFeed::result, this, &Session::takeResult);
    connect(m_election, &ProberElection::roleChanged, this, &Session::onRoleChanged);
}

bool Session::isProber() const
{
    return m_options.mode == Mode::Watch && (!m_election || !m_election->isRunning() || m_election->isProber());
}

void Session::takeResult(const ProbeResult &result)
{
    Q_EMIT probeResult(m_quorum.add(result));
}

void Session::applyRole(const Workspace &workspace)
{
    if (m_options.mode != Mode::Watch) {
        return;
    }
    DatabaseTarget target;
    QString error;
    const bool team = m_election && DatabaseTarget::parse(m_storageTarget, &target, &error) && target.isPostgres();
    if (!team) {
        if (m_election && m_election->isRunning()) {
            m_feed->stop();
            m_election->stop(); // roleChanged(false) stops the engine; alone, this process probes
            m_electionKey.clear();
        }
        if (!m_engine->isRunning()) {
            m_engine->start();
        }
        return;
    }
    const QString key = m_storageTarget + u'\n' + workspace.info.id + u'\n' + m_options.location;
    if (key == m_electionKey) {
        return; // the same election; the engine (if prober) has the new endpoints already
    }
    m_electionKey = key;
    // Until elected, nothing is probed: two consoles starting together never both probe.
    m_engine->stop();
    m_feed->start(workspace.info.id, m_name);
    m_election->start(target, workspace.info.id, m_options.location);
}

void Session::onRoleChanged(bool prober)
{
    if (prober && m_workspace) {
        // From one interval after the last result of the prober before (seen through the feed): no gap, no
        // double check.
        m_engine->start(m_feed->lastChecked(m_options.location));
    } else if (!prober) {
        m_engine->stop();
    }
    Q_EMIT proberChanged(prober);
}
