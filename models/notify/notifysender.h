// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notifyrequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

// How one delivery ended. `reason` is redacted (URLs and tokens appear as their ${NAME}).
struct NotifyResult
{
    bool ok = false;
    int status = 0; // the last HTTP status; 0 = no answer
    int attempts = 0;
    QString reason; // empty when ok
};

// One message on its way: retried while the deadline allows, then finished() once, then deleted.
class NotifyDelivery final : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int deadlineMs = 10000; // for all attempts together
        int firstBackoffMs = 500; // doubles after each retry
        qint64 bodyCap = 64 * 1024; // of the response
    };

    NotifyDelivery(QNetworkAccessManager *nam, const NotifyRequest &request, const Limits &limits, QObject *parent);
    ~NotifyDelivery() override;

    void start();

Q_SIGNALS:
    void finished(const NotifyResult &result);

private:
    void attempt();
    void onFinished();
    void attemptMail();
    void onMailDone(const SmtpOutcome &outcome);
    void retryIn(int ms, const QString &why);
    void finish(bool ok, const QString &reason);
    QString where() const;

    QNetworkAccessManager *m_nam;
    NotifyRequest m_request;
    Limits m_limits;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    QElapsedTimer m_clock;
    QTimer m_deadline;
    QTimer m_retry;
    int m_backoffMs;
    NotifyResult m_result;
    bool m_done = false;
    std::shared_ptr<std::atomic_bool> m_cancel; // tells a running SMTP transfer to stop
};

// Sends notification requests through the Session's network access; each send returns its delivery, whose
// finished() tells how it went.
class NotifySender final : public QObject
{
    Q_OBJECT

public:
    explicit NotifySender(QNetworkAccessManager *nam, QObject *parent = nullptr);

    void setLimits(const NotifyDelivery::Limits &limits) { m_limits = limits; }
    const NotifyDelivery::Limits &limits() const { return m_limits; }

    // Never finishes synchronously; a request with an error finishes at once (next event loop turn) unsent.
    NotifyDelivery *send(const NotifyRequest &request);

private:
    QNetworkAccessManager *m_nam;
    NotifyDelivery::Limits m_limits;
};
