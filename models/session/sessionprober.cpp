// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// One prober per (workspace, location) in team mode; the others follow its results.
#include "checklist/checkliststore.h"
#include "incident/incidentstore.h"
#include "probe/probeengine.h"
#include "probe/probefeed.h"
#include "probe/probehistory.h"
#include "session/session.h"
#include "storage/databasetarget.h"
#include "storage/proberelection.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <algorithm>
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
    connect(m_election, &ProberElection::onlineChanged, this, &Session::onElectionOnline);
    connect(m_election, &ProberElection::lockAnswered, this, &Session::onLockAnswered);
    // A team database away when this process starts (or a reload points at one) is tried again, more slowly each
    // time; meanwhile this process probes alone and its history waits.
    m_storageRetry.setSingleShot(true);
    connect(&m_storageRetry, &QTimer::timeout, this, &Session::retryStorage);
    connect(m_storage, &Storage::openFailed, this, [this] {
        DatabaseTarget target;
        QString error;
        if (DatabaseTarget::parse(m_storageTarget, &target, &error) && target.isPostgres()) {
            m_storageRetry.start(std::clamp(2 * m_storageRetry.interval(), 2000, 15000));
        }
    });
    connect(m_storage, &Storage::opened, this, [this] {
        if (m_storageRetry.interval() > 0 && m_workspace) {
            // Opened on a retry: the stores read what they could not before.
            m_incidents->refresh();
            m_checklists->refresh();
        }
        m_storageRetry.stop();
        m_storageRetry.setInterval(0);
    });
}

void Session::retryStorage()
{
    if (m_storage->state() == Storage::State::Failed && !m_storageTarget.isEmpty()) {
        m_storage->open(m_storageTarget);
    }
}

void Session::onElectionOnline(bool online)
{
    if (online && m_storage->state() == Storage::State::Failed) {
        // The server is back: the storage need not wait for its next retry (the history waits for it).
        m_storageRetry.stop();
        retryStorage();
    }
    if (!online && m_history && m_election->isProber()) {
        // Cut off from the team database, or the database is down for everyone: probing goes on, and what it
        // finds is written once the election says this process still probes.
        m_history->hold();
    }
}

void Session::onLockAnswered(bool held)
{
    if (!m_history) {
        return;
    }
    if (held) {
        m_history->release();
    } else {
        // Another probed this location meanwhile: only what it did not cover is written, no double counting.
        m_history->releaseBefore(m_options.location, m_name);
    }
}

bool Session::isProber() const
{
    return m_options.mode == Mode::Watch && (!m_election || !m_election->isRunning() || m_election->isProber());
}

void Session::takeResult(const ProbeResult &result)
{
    const ProbeResult combined = m_quorum.add(result);
    const auto previous = m_states.constFind(combined.endpoint);
    const bool hadState = previous != m_states.cend();
    const EndpointState from = hadState ? *previous : EndpointState::Unknown;
    m_states.insert(combined.endpoint, combined.state);
    Q_EMIT probeResult(combined);
    // Once per change of the state over the locations: one location out of three failing under "2 of 3" is a
    // WARNING, not a page.
    if (hadState && from != combined.state) {
        Q_EMIT stateChanged(combined.endpoint, from, combined.state, combined);
    }
}

bool Session::actsFor(const ProbeResult &result) const
{
    if (!isProber()) {
        return false;
    }
    // Every process computes the same change; the prober of the first location that reports the endpoint records
    // it (alone, or with one location, the prober).
    QString first = result.location;
    for (const LocationReading &reading : result.locations) {
        first = std::min(first, reading.location);
    }
    return first == m_options.location;
}

void Session::applyRole(const Workspace &workspace)
{
    if (m_options.mode != Mode::Watch) {
        return;
    }
    DatabaseTarget target;
    QString error;
    const bool team = m_election && DatabaseTarget::parse(m_storageTarget, &target, &error) && target.isPostgres();
    if (m_history) {
        m_history->setPrompt(team); // the others see a result once its batch is written
    }
    if (!team) {
        if (m_election && m_election->isRunning()) {
            m_feed->stop();
            m_election->stop(); // roleChanged(false) stops the engine; alone, this process probes
            m_electionKey.clear();
            m_history->release();
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
    if (prober && m_election->isProvisional() && m_history) {
        m_history->hold(); // the database was away since the start: written once the election answers
    }
    if (prober && m_workspace) {
        // From one interval after the last result of the prober before (seen through the feed, once it has read
        // what that prober committed last): no gap, no double check.
        const auto start = [this] {
            if (m_election->isProber() && m_workspace && !m_engine->isRunning()) {
                m_engine->start(m_feed->lastChecked(m_options.location));
            }
        };
        if (m_election->isProvisional()) {
            start(); // the database is away: nothing to catch up with
        } else {
            m_feed->catchUp(start);
        }
    } else if (!prober) {
        m_engine->stop();
    }
    Q_EMIT proberChanged(prober);
}
