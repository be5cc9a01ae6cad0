// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notifysender.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThreadPool>
#include <QtConcurrentRun>

#include <utility>

namespace {

// Retry-After in seconds or as an HTTP date; -1 when absent or unreadable.
int retryAfterMs(const QByteArray &value)
{
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok) {
        return seconds < 0 ? -1 : seconds * 1000;
    }
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    return at.isValid() ? int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(at))) : -1;
}

// SMTP transfers block in libcurl: they get threads of their own, not the pool the storage uses.
QThreadPool *mailPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(4);
        return p;
    }();
    return pool;
}

} // namespace

NotifyDelivery::NotifyDelivery(
    QNetworkAccessManager *nam, const NotifyRequest &request, const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_request(request)
    , m_limits(limits)
    , m_backoffMs(limits.firstBackoffMs)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    m_deadline.setSingleShot(true);
    m_retry.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this,
        [this] { finish(false, tr("%1: no answer within %2 s").arg(where()).arg(m_limits.deadlineMs / 1000.0)); });
    connect(&m_retry, &QTimer::timeout, this, &NotifyDelivery::attempt);
}

NotifyDelivery::~NotifyDelivery()
{
    m_cancel->store(true);
    if (QNetworkReply *reply = m_reply.data()) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QString NotifyDelivery::where() const
{
    return QString::fromLatin1(m_request.method) + u' ' + m_request.shownUrl;
}

void NotifyDelivery::start()
{
    m_clock.start();
    if (!m_request.error.isEmpty()) {
        QTimer::singleShot(0, this, [this] { finish(false, m_request.error); });
        return;
    }
    m_deadline.start(m_limits.deadlineMs);
    QTimer::singleShot(0, this, &NotifyDelivery::attempt);
}

void NotifyDelivery::attempt()
{
    if (m_done) {
        return;
    }
    ++m_result.attempts;
    m_body.clear();
    if (m_request.mail) {
        attemptMail();
        return;
    }
    QNetworkRequest request(m_request.url);
    // A notification is a state-changing POST: a redirect is an answer, not an invitation.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &header : std::as_const(m_request.headers)) {
        request.setRawHeader(header.first, header.second);
    }
    QNetworkReply *reply = m_nam->sendCustomRequest(request, m_request.method, m_request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        const qint64 room = m_limits.bodyCap - m_body.size();
        if (room > 0) {
            m_body += reply->read(room);
        }
        reply->skip(reply->bytesAvailable()); // past the cap: only a snippet is ever shown
    });
    connect(reply, &QNetworkReply::finished, this, &NotifyDelivery::onFinished);
}

void NotifyDelivery::onFinished()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply || m_done) {
        return;
    }
    m_reply = nullptr;
    reply->deleteLater();
    m_body += reply->read(qMax<qint64>(0, m_limits.bodyCap - m_body.size()));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_result.status = status;
    const QString snippet = m_request.redact(QString::fromUtf8(m_body.left(300)).simplified()).left(200);
    if (status >= 200 && status < 300) {
        finish(true, QString());
        return;
    }
    if (status == 0) {
        const QString error = m_request.redact(reply->errorString());
        retryIn(m_backoffMs, tr("%1: %2").arg(where(), error));
        return;
    }
    const QString failure = tr("%1: HTTP %2: %3").arg(where()).arg(status).arg(snippet);
    if (status == 429) {
        const int wait = retryAfterMs(reply->rawHeader("Retry-After"));
        retryIn(wait < 0 ? m_backoffMs : wait, failure);
        return;
    }
    if (status >= 500) {
        retryIn(m_backoffMs, failure);
        return;
    }
    finish(false, failure); // a 4xx (or a redirect) will not change by asking again
}

void NotifyDelivery::attemptMail()
{
    const int left = int(qMax<qint64>(1, m_limits.deadlineMs - m_clock.elapsed()));
    const SmtpEnvelope envelope = *m_request.mail;
    const QByteArray message = m_request.body;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    QFuture<SmtpOutcome> future = QtConcurrent::run(mailPool(),
        [envelope, message, left, cancel] { return SmtpTransfer::send(envelope, message, left, cancel.get()); });
    // A watcher rather than future.then(this, …): Qt 6.4 asserts when a continuation's context is gone, and this
    // delivery may finish (deadline) and be deleted while the transfer thread is still winding down.
    auto *watcher = new QFutureWatcher<SmtpOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        onMailDone(watcher->result());
    });
    watcher->setFuture(future);
}

void NotifyDelivery::onMailDone(const SmtpOutcome &outcome)
{
    if (m_done) {
        return;
    }
    m_result.status = outcome.reply;
    if (outcome.ok) {
        finish(true, QString());
        return;
    }
    const QString failure = tr("%1: %2").arg(where(), m_request.redact(outcome.reason));
    if (outcome.transient) {
        retryIn(m_backoffMs, failure);
        return;
    }
    finish(false, failure);
}

void NotifyDelivery::retryIn(int ms, const QString &why)
{
    const qint64 left = m_limits.deadlineMs - m_clock.elapsed();
    if (ms >= left) {
        finish(false, why);
        return;
    }
    m_backoffMs *= 2;
    m_retry.start(ms);
}

void NotifyDelivery::finish(bool ok, const QString &reason)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_cancel->store(true);
    m_deadline.stop();
    m_retry.stop();
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_result.ok = ok;
    m_result.reason = reason;
    Q_EMIT finished(m_result);
    deleteLater();
}

NotifySender::NotifySender(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{ }

NotifyDelivery *NotifySender::send(const NotifyRequest &request)
{
    auto *delivery = new NotifyDelivery(m_nam, request, m_limits, this);
    delivery->start();
    return delivery;
}
