// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Email deliveries against a real SMTP server (aiosmtpd) on loopback: STARTTLS, SMTPS, login, failures.
#include "notify/notifysender.h"
#include "notify/smtptransfer.h"
#include "notifytesthelpers.h"
#include "smtpserver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

class tst_SmtpTransfer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void starttlsWithLogin();
    void wrongPasswordFailsOnce();
    void serverWithoutStarttlsIsRefused();
    void implicitTls();
    void untrustedCertificateFails();
    void temporaryFailureRetried();
    void permanentFailureNotRetried();
    void silentServerHitsDeadline();
    void refusedConnectionRetriedUntilDeadline();
    void clearTextLoginRefusedUnsent();

private:
    NotifyProvider provider(const SmtpServer &server, const QString &password = u"s3cret-pass"_s) const;
    NotifyResult send(const NotifyProvider &provider, const NotificationEvent &event, int deadlineMs = 8000);
};

NotifyProvider tst_SmtpTransfer::provider(const SmtpServer &server, const QString &password) const
{
    qputenv("SMTP_TEST_PASSWORD", password.toUtf8());
    NotifyProvider p;
    p.id = u"mail"_s;
    p.kind = u"email"_s;
    p.url = server.url();
    p.options = { { u"from"_s, u"OpsDeck <opsdeck@example.org>"_s },
        { u"to"_s, u"sre@example.org, lead@example.org"_s }, { u"username"_s, u"ops"_s },
        { u"password"_s, u"${SMTP_TEST_PASSWORD}"_s }, { u"ca-file"_s, server.caFile() } };
    return p;
}

NotifyResult tst_SmtpTransfer::send(const NotifyProvider &provider, const NotificationEvent &event, int deadlineMs)
{
    QNetworkAccessManager nam;
    NotifySender sender(&nam);
    NotifyDelivery::Limits limits;
    limits.deadlineMs = deadlineMs;
    limits.firstBackoffMs = 200;
    sender.setLimits(limits);
    NotifyDelivery *delivery = sender.send(NotifyRequest::build(provider, event));
    QSignalSpy finished(delivery, &NotifyDelivery::finished);
    if (!finished.wait(deadlineMs + 5000)) {
        return {};
    }
    const auto result = finished.first().first().value<NotifyResult>();
    [&] { QVERIFY2(!result.reason.contains(u"s3cret"_s), qPrintable(result.reason)); }();
    return result;
}

void tst_SmtpTransfer::starttlsWithLogin()
{
    SmtpServer server;
    QVERIFY(server.start(u"starttls"_s, { u"--user"_s, u"ops"_s, u"--password"_s, u"s3cret-pass"_s }));
    NotificationEvent event = criticalEndpoint(u"결제 API"_s);
    event.title = u"결제 API 상태 확인"_s;
    const NotifyResult result = send(provider(server), event);
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.attempts, 1);
    QCOMPARE(result.status, 250);
    QCOMPARE(server.received(), 1);
    const QJsonObject envelope = server.envelope(1);
    QCOMPARE(envelope.value(u"from"_s).toString(), u"opsdeck@example.org"_s);
    QCOMPARE(envelope.value(u"to"_s).toVariant().toStringList(),
        QStringList({ u"sre@example.org"_s, u"lead@example.org"_s }));
    QCOMPARE(envelope.value(u"login"_s).toString(), u"ops"_s);
    QVERIFY(envelope.value(u"tls"_s).toBool());
    const QByteArray message = server.message(1);
    QVERIFY(message.contains("Subject: =?UTF-8?B?"));
    QVERIFY(message.contains("Content-Type: text/plain; charset=utf-8\r\n"));
    const qsizetype blank = message.indexOf("\r\n\r\n");
    QVERIFY(blank > 0);
    const QString text = QString::fromUtf8(QByteArray::fromBase64(message.mid(blank + 4)));
    QVERIFY2(text.contains(event.headline()), qPrintable(text));
    QVERIFY(text.contains(u"[STATUS] == 200 (503)"_s));
}

void tst_SmtpTransfer::wrongPasswordFailsOnce()
{
    SmtpServer server;
    QVERIFY(server.start(u"starttls"_s, { u"--user"_s, u"ops"_s, u"--password"_s, u"right"_s }));
    const NotifyResult result = send(provider(server, u"s3cret-wrong"_s), criticalEndpoint());
    QVERIFY(!result.ok);
    QCOMPARE(result.attempts, 1);
    QVERIFY2(result.reason.contains(u"login refused"_s), qPrintable(result.reason));
    QVERIFY2(result.reason.startsWith(u"SMTP smtp://127.0.0.1:"_s), qPrintable(result.reason));
    QCOMPARE(server.received(), 0);
}

void tst_SmtpTransfer::serverWithoutStarttlsIsRefused()
{
    SmtpServer server;
    QVERIFY(server.start(u"plain"_s, { u"--user"_s, u"ops"_s, u"--password"_s, u"s3cret-pass"_s }));
    const NotifyResult result = send(provider(server), criticalEndpoint());
    QVERIFY(!result.ok);
    QCOMPARE(result.attempts, 1);
    QVERIFY2(result.reason.contains(u"STARTTLS"_s), qPrintable(result.reason));
    QCOMPARE(server.received(), 0);
}

void tst_SmtpTransfer::implicitTls()
{
    SmtpServer server;
    QVERIFY(server.start(u"smtps"_s));
    NotifyProvider p = provider(server);
    p.options.remove(u"username"_s);
    p.options.remove(u"password"_s);
    const NotifyResult result = send(p, criticalEndpoint());
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(server.received(), 1);
    QVERIFY(server.envelope(1).value(u"tls"_s).toBool());
}

void tst_SmtpTransfer::untrustedCertificateFails()
{
    SmtpServer server;
    QVERIFY(server.start(u"starttls"_s, { u"--user"_s, u"ops"_s, u"--password"_s, u"s3cret-pass"_s }));
    NotifyProvider p = provider(server);
    p.options.remove(u"ca-file"_s);
    const NotifyResult result = send(p, criticalEndpoint());
    QVERIFY(!result.ok);
    QCOMPARE(result.attempts, 1);
    QVERIFY2(result.reason.contains(u"TLS failed"_s), qPrintable(result.reason));
    QCOMPARE(server.received(), 0);
}

void tst_SmtpTransfer::temporaryFailureRetried()
{
    SmtpServer server;
    QVERIFY(server.start(
        u"starttls"_s, { u"--user"_s, u"ops"_s, u"--password"_s, u"s3cret-pass"_s, u"--tempfail"_s, u"1"_s }));
    const NotifyResult result = send(provider(server), criticalEndpoint());
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(server.received(), 1);
}

void tst_SmtpTransfer::permanentFailureNotRetried()
{
    SmtpServer server;
    QVERIFY(server.start(u"starttls"_s, { u"--user"_s, u"ops"_s, u"--password"_s, u"s3cret-pass"_s, u"--permfail"_s }));
    const NotifyResult result = send(provider(server), criticalEndpoint());
    QVERIFY(!result.ok);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(result.status, 550);
    QVERIFY2(result.reason.contains(u"550"_s), qPrintable(result.reason));
}

void tst_SmtpTransfer::silentServerHitsDeadline()
{
    QTcpServer silent; // accepts, never greets
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    NotifyProvider p;
    p.id = u"mail"_s;
    p.kind = u"email"_s;
    p.url = u"smtp://127.0.0.1:%1"_s.arg(silent.serverPort());
    p.options = { { u"from"_s, u"opsdeck@example.org"_s }, { u"to"_s, u"sre@example.org"_s } };
    QElapsedTimer clock;
    clock.start();
    const NotifyResult result = send(p, criticalEndpoint(), 1500);
    QVERIFY(!result.ok);
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(!result.reason.isEmpty(), "a failure names its reason");
}

void tst_SmtpTransfer::refusedConnectionRetriedUntilDeadline()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    NotifyProvider p;
    p.id = u"mail"_s;
    p.kind = u"email"_s;
    p.url = u"smtp://127.0.0.1:%1"_s.arg(port);
    p.options = { { u"from"_s, u"opsdeck@example.org"_s }, { u"to"_s, u"sre@example.org"_s } };
    const NotifyResult result = send(p, criticalEndpoint(), 2000);
    QVERIFY(!result.ok);
    QVERIFY2(result.attempts >= 2, qPrintable(QString::number(result.attempts)));
}

void tst_SmtpTransfer::clearTextLoginRefusedUnsent()
{
    SmtpServer server;
    QVERIFY(server.start(u"plain"_s, { u"--user"_s, u"ops"_s, u"--password"_s, u"s3cret-pass"_s }));
    NotifyProvider p = provider(server);
    p.options.insert(u"starttls"_s, u"false"_s);
    const NotifyResult result = send(p, criticalEndpoint());
    QVERIFY(!result.ok);
    QCOMPARE(result.attempts, 1);
    QVERIFY2(result.reason.contains(u"clear text"_s), qPrintable(result.reason));
    QCOMPARE(server.received(), 0);
}

QTEST_GUILESS_MAIN(tst_SmtpTransfer)
#include "tst_smtptransfer.moc"
