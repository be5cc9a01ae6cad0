// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/alertmanagerclient.h"

#include <QAbstractListModel>
#include <QTimer>

// Alertmanager's active alerts, newest first, replaced as a whole on each poll; the last good list stays when a
// poll fails (error() says why).
class AlertModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole,
        SeverityRole,
        SummaryRole,
        DescriptionRole,
        StartsAtRole,
        SilencedRole, // bool
        FingerprintRole,
        LabelsRole, // QVariantMap
    };

    explicit AlertModel(QObject *parent = nullptr);

    void setAlerts(const QList<Alert> &alerts);
    void setError(const QString &error);
    QString error() const { return m_error; }
    const QList<Alert> &alerts() const { return m_alerts; }
    int firingCount() const; // not silenced

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void errorChanged(const QString &error);

private:
    QList<Alert> m_alerts;
    QString m_error;
};

// Polls Alertmanager into an AlertModel and creates silences for the console.
class AlertPoller final : public QObject
{
    Q_OBJECT

public:
    AlertPoller(AlertmanagerClient *client, AlertModel *model, QObject *parent = nullptr);

    void setInterval(Milliseconds interval) { m_timer.setInterval(interval); }
    void start();
    void stop() { m_timer.stop(); }
    void pollNow();
    // Silences exactly this alert (all its labels) for `duration`, then polls again.
    void silence(const Alert &alert, Milliseconds duration, const QString &createdBy, const QString &comment);
    // Expires every silence that silences this alert, then polls again.
    void expireSilences(const Alert &alert);

Q_SIGNALS:
    void silenced(const QString &silenceId);
    void silenceFailed(const QString &error);
    void silenceExpired(const QString &silenceId);
    void expireFailed(const QString &silenceId, const QString &error);

private:
    AlertmanagerClient *m_client;
    AlertModel *m_model;
    QTimer m_timer;
    bool m_polling = false;
};
