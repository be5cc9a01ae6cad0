// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/proberelection.h"

#include <QTimer>

// ProberElection's thread: owns the lock connection and polls it.
class ProberElectionWorker final : public QObject
{
    Q_OBJECT
public:
    explicit ProberElectionWorker(QObject *parent = nullptr);
    ~ProberElectionWorker() override;

    void start(quint64 generation, const DatabaseTarget &target, qint64 key, const ProberElection::Options &options);
    void stop();

Q_SIGNALS:
    void roleChanged(quint64 generation, bool prober, bool provisional);
    // The first answer for the lock after (re)connecting, for a process that probed while offline.
    void lockAnswered(quint64 generation, bool held);
    void onlineChanged(quint64 generation, bool online, const QString &reason);

private:
    void tick();
    QString connectNow(); // the error, empty on success
    void fail(const QString &reason);
    void closeConnection();
    void setProber(bool prober);

    DatabaseTarget m_target;
    ProberElection::Options m_options;
    QString m_connectionName;
    QTimer m_timer;
    quint64 m_generation = 0;
    qint64 m_key = 0;
    bool m_open = false;
    bool m_online = false;
    bool m_prober = false;
    bool m_holding = false; // the lock is held on the open connection
    bool m_everOnline = false; // since start(): a first failure to connect makes this process probe on its own
    bool m_provisional = false; // probing without ever having held the lock (the database was away at start)
    bool m_offlineProber = false; // probed while offline: the next lock answer is reported (lockAnswered)
};
