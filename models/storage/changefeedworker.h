// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/changefeed.h"

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

// ChangeFeed's listening connection; lives on the feed's thread, which owns the connection and its socket.
class ChangeFeedWorker final : public QObject
{
    Q_OBJECT
public:
    explicit ChangeFeedWorker(QObject *parent = nullptr);
    ~ChangeFeedWorker() override;

    void start(
        quint64 generation, const DatabaseTarget &target, qint64 sinceChangeId, const ChangeFeed::Options &options);
    void stop();

Q_SIGNALS:
    void connected(quint64 generation, qint64 pid);
    void lost(quint64 generation, const QString &reason);
    void changes(quint64 generation, const QStringList &subjects, const QList<qint64> &rowIds, qint64 lastId);
    void resyncNeeded(quint64 generation);

private:
    void connectNow();
    // Each returns the error, empty on success.
    QString openAndListen(qint64 *pid);
    QString readChanges();
    QString checkPruned();
    void catchUp();
    void heartbeat();
    void fail(const QString &reason);
    void closeConnection();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    DatabaseTarget m_target;
    ChangeFeed::Options m_options;
    QString m_connectionName;
    quint64 m_generation = 0;
    bool m_open = false;
    bool m_running = false;
    qint64 m_lastId = 0;
    int m_retryMs = 0;
    QTimer m_heartbeat;
    QTimer m_retry;
};
