// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/alertmodel.h"

#include <QLocale>

AlertModel::AlertModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void AlertModel::setAlerts(const QList<Alert> &alerts)
{
    beginResetModel();
    m_alerts = alerts;
    endResetModel();
    setError({});
}

void AlertModel::setError(const QString &error)
{
    if (error != m_error) {
        m_error = error;
        Q_EMIT errorChanged(error);
    }
}

int AlertModel::firingCount() const
{
    return int(std::count_if(m_alerts.cbegin(), m_alerts.cend(), [](const Alert &a) { return !a.silenced(); }));
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Alert &a = m_alerts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return a.summary.isEmpty() ? a.name : a.name + QLatin1String(": ") + a.summary;
    case Qt::ToolTipRole: {
        QStringList lines { a.name };
        if (!a.description.isEmpty()) {
            lines.append(a.description);
        }
        lines.append(tr("Since %1").arg(QLocale().toString(a.startsAt.toLocalTime(), QLocale::ShortFormat)));
        if (a.silenced()) {
            lines.append(tr("Silenced"));
        }
        return lines.join(QLatin1Char('\n'));
    }
    case NameRole:
        return a.name;
    case SeverityRole:
        return a.severity;
    case SummaryRole:
        return a.summary;
    case DescriptionRole:
        return a.description;
    case StartsAtRole:
        return a.startsAt;
    case SilencedRole:
        return a.silenced();
    case FingerprintRole:
        return a.fingerprint;
    case LabelsRole: {
        QVariantMap labels;
        for (auto it = a.labels.cbegin(); it != a.labels.cend(); ++it) {
            labels.insert(it.key(), it.value());
        }
        return labels;
    }
    default:
        break;
    }
    return {};
}

AlertPoller::AlertPoller(AlertmanagerClient *client, AlertModel *model, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
{
    m_timer.setInterval(15000);
    connect(&m_timer, &QTimer::timeout, this, &AlertPoller::pollNow);
}

void AlertPoller::start()
{
    m_timer.start();
    pollNow();
}

void AlertPoller::pollNow()
{
    if (m_polling || !m_client->server().isSet()) {
        return;
    }
    m_polling = true;
    m_client->alerts(this, [this](const AlertmanagerClient::Result<QList<Alert>> &result) {
        m_polling = false;
        if (result.ok()) {
            m_model->setAlerts(result.value);
        } else {
            m_model->setError(result.error);
        }
    });
}

void AlertPoller::expireSilences(const Alert &alert)
{
    for (const QString &id : alert.silencedBy) {
        m_client->expireSilence(id, this, [this, id](const AlertmanagerClient::Result<QString> &result) {
            if (result.ok()) {
                Q_EMIT silenceExpired(id);
                pollNow();
            } else {
                Q_EMIT expireFailed(id, result.error);
            }
        });
    }
}

void AlertPoller::silence(const Alert &alert, Milliseconds duration, const QString &createdBy, const QString &comment)
{
    m_client->createSilence(AlertmanagerClient::matchersFor(alert), duration, createdBy, comment, this,
        [this](const AlertmanagerClient::Result<QString> &result) {
            if (result.ok()) {
                Q_EMIT silenced(result.value);
                pollNow();
            } else {
                Q_EMIT silenceFailed(result.error);
            }
        });
}
