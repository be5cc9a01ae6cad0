// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Deliveries against a loopback receiver that fails as real providers do.
#include "notify/notifysender.h"
#include "notifyreceiver.h"
#include "notifytesthelpers.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

class tst_NotifySender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void deliveredAtOnce();
    void serverErrorRetried();
    void retryAfterHonoured();
    void clientErrorFailsAtOnce();
    void hangingServerHitsDeadline();
    void refusedConnection();
    void largeBodyCapped();

private:
    NotifyResult send(const QByteArray &path, int deadlineMs = 5000);

    QNetworkAccessManager m_nam;
    std::unique_ptr<NotifyReceiver> m_server;
    QString m_url;
};

void tst_NotifySender::init()
{
    m_server = std::make_unique<NotifyReceiver>();
    QVERIFY(m_server->start());
}

NotifyResult tst_NotifySender::send(const QByteArray &path, int deadlineMs)
{
    const NotifyProvider provider
        = testProvider(u"slack"_s, u"slack"_s, u"NOTIFY_SENDER_URL"_s, m_server->url(QString::fromLatin1(path)));
    m_url = m_server->url(QString::fromLatin1(path)).toString();
    NotifySender sender(&m_nam);
    NotifyDelivery::Limits limits;
    limits.deadlineMs = deadlineMs;
    limits.firstBackoffMs = 100;
    sender.setLimits(limits);
    NotifyDelivery *delivery = sender.send(NotifyRequest::build(provider, criticalEndpoint()));
    QSignalSpy finished(delivery, &NotifyDelivery::finished);
    if (!finished.wait(deadlineMs + 3000)) {
        return {};
    }
    const auto result = finished.first().first().value<NotifyResult>();
    // The resolved webhook URL never shows; its ${NAME} does.
    if (!result.ok) {
        [&] {
            QVERIFY2(!result.reason.contains(m_url), qPrintable(result.reason));
            QVERIFY2(result.reason.contains(u"${NOTIFY_SENDER_URL}"_s), qPrintable(result.reason));
        }();
    }
    return result;
}

void tst_NotifySender::deliveredAtOnce()
{
    m_server->setAnswer("/hook", NotifyReceiver::ok());
    const NotifyResult result = send("/hook");
    QVERIFY(result.ok);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(result.status, 200);
}

void tst_NotifySender::serverErrorRetried()
{
    m_server->setAnswers("/hook", { { NotifyReceiver::Answer::Mode::Reply, 500, {}, "boom" }, NotifyReceiver::ok() });
    const NotifyResult result = send("/hook");
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(m_server->count("/hook"), 2);
}

void tst_NotifySender::retryAfterHonoured()
{
    m_server->setAnswers("/hook",
        { { NotifyReceiver::Answer::Mode::Reply, 429, "Retry-After: 1\r\n", "slow down" }, NotifyReceiver::ok() });
    QElapsedTimer clock;
    clock.start();
    const NotifyResult result = send("/hook");
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.attempts, 2);
    QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
}

void tst_NotifySender::clientErrorFailsAtOnce()
{
    m_server->setAnswer("/hook", { NotifyReceiver::Answer::Mode::Reply, 404, {}, "no_service" });
    const NotifyResult result = send("/hook");
    QVERIFY(!result.ok);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(result.status, 404);
    QVERIFY2(result.reason.contains(u"404"_s), qPrintable(result.reason));
    QVERIFY2(result.reason.contains(u"no_service"_s), qPrintable(result.reason));
}

void tst_NotifySender::hangingServerHitsDeadline()
{
    m_server->setAnswer("/hook", { NotifyReceiver::Answer::Mode::Silent, 0, {}, {} });
    QElapsedTimer clock;
    clock.start();
    const NotifyResult result = send("/hook", 1000);
    QVERIFY(!result.ok);
    QVERIFY(clock.elapsed() < 2500);
    QVERIFY2(result.reason.contains(u"no answer"_s), qPrintable(result.reason));
}

void tst_NotifySender::refusedConnection()
{
    const quint16 port = m_server->serverPort();
    m_server->close(); // nothing listens there now
    const NotifyProvider provider
        = testProvider(u"slack"_s, u"slack"_s, u"NOTIFY_SENDER_URL"_s, QUrl(u"http://127.0.0.1:%1/hook"_s.arg(port)));
    NotifySender sender(&m_nam);
    sender.setLimits({ 1000, 100, 64 * 1024 });
    NotifyDelivery *delivery = sender.send(NotifyRequest::build(provider, criticalEndpoint()));
    QSignalSpy finished(delivery, &NotifyDelivery::finished);
    QVERIFY(finished.wait(4000));
    const auto result = finished.first().first().value<NotifyResult>();
    QVERIFY(!result.ok);
    QVERIFY(result.attempts >= 2); // retried with backoff within the deadline
    QVERIFY2(!result.reason.contains(u"127.0.0.1:%1"_s.arg(port)), qPrintable(result.reason));
}

void tst_NotifySender::largeBodyCapped()
{
    m_server->setAnswer("/hook", { NotifyReceiver::Answer::Mode::Reply, 400, {}, QByteArray(1024 * 1024, 'x') });
    const NotifyResult result = send("/hook");
    QVERIFY(!result.ok);
    QVERIFY(result.reason.size() < 400); // a snippet, not the body
}

QTEST_MAIN(tst_NotifySender)
#include "tst_notifysender.moc"
