// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Each provider's request as its documentation gives it, received by a real server on loopback.
#include "notify/notifyrequest.h"
#include "notify/notifysender.h"
#include "notifyreceiver.h"
#include "notifytesthelpers.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

class tst_NotifyRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void slack();
    void mattermost();
    void discord();
    void teams();
    void webhookTemplate();
    void pagerDutyTrigger();
    void pagerDutyResolve();
    void ntfy();
    void missingSecret();
    void literalUrlShownWithoutPath();

private:
    // Sends `request` to the receiver and returns what it got.
    NotifyReceiver::Request roundTrip(const NotifyRequest &request);

    QNetworkAccessManager m_nam;
    std::unique_ptr<NotifyReceiver> m_server;
};

void tst_NotifyRequest::init()
{
    m_server = std::make_unique<NotifyReceiver>();
    QVERIFY(m_server->start());
    m_server->setAnswer("/hook", NotifyReceiver::ok());
}

NotifyReceiver::Request tst_NotifyRequest::roundTrip(const NotifyRequest &request)
{
    NotifySender sender(&m_nam);
    NotifyDelivery *delivery = sender.send(request);
    QSignalSpy finished(delivery, &NotifyDelivery::finished);
    if (!finished.wait(5000)) {
        return {};
    }
    const auto result = finished.first().first().value<NotifyResult>();
    if (!result.ok || m_server->requests().isEmpty()) {
        qWarning() << "not delivered:" << result.reason;
        return {};
    }
    return m_server->requests().constLast();
}

void tst_NotifyRequest::slack()
{
    NotifyProvider p = testProvider(u"slack"_s, u"slack"_s, u"NOTIFY_SLACK_URL"_s, m_server->url(u"/hook"_s));
    p.options.insert(u"channel"_s, u"#skin-alerts-critical"_s);
    const auto got = roundTrip(NotifyRequest::build(p, criticalEndpoint()));
    QCOMPARE(got.method, "POST");
    QCOMPARE(got.path, "/hook");
    QCOMPARE(got.headers.value("content-type"), "application/json");
    const QJsonObject body = jsonBody(got.body);
    QVERIFY(body.value(u"text"_s).toString().contains(u"health"_s));
    QVERIFY(body.value(u"text"_s).toString().startsWith(u"CRITICAL"_s));
    QCOMPARE(body.value(u"channel"_s).toString(), u"#skin-alerts-critical"_s);
}

void tst_NotifyRequest::mattermost()
{
    NotifyProvider p = testProvider(u"mm"_s, u"mattermost"_s, u"NOTIFY_MM_URL"_s, m_server->url(u"/hook"_s));
    p.options.insert(u"username"_s, u"OpsDeck"_s);
    const auto got = roundTrip(NotifyRequest::build(p, criticalEndpoint()));
    QCOMPARE(got.method, "POST");
    QCOMPARE(got.headers.value("content-type"), "application/json");
    const QJsonObject body = jsonBody(got.body);
    QVERIFY(!body.value(u"text"_s).toString().isEmpty());
    QCOMPARE(body.value(u"username"_s).toString(), u"OpsDeck"_s);
}

void tst_NotifyRequest::discord()
{
    const NotifyProvider p
        = testProvider(u"discord"_s, u"discord"_s, u"NOTIFY_DISCORD_URL"_s, m_server->url(u"/hook"_s));
    const auto got = roundTrip(NotifyRequest::build(p, criticalEndpoint()));
    QCOMPARE(got.method, "POST");
    QCOMPARE(got.headers.value("content-type"), "application/json");
    const QJsonObject body = jsonBody(got.body);
    QVERIFY(body.value(u"content"_s).toString().contains(u"health"_s));
    const QJsonObject embed = body.value(u"embeds"_s).toArray().first().toObject();
    QVERIFY(embed.value(u"title"_s).toString().contains(u"health"_s));
    QCOMPARE(embed.value(u"description"_s).toString(), u"[STATUS] == 200 (503)"_s);
    QCOMPARE(embed.value(u"color"_s).toInt(), 0xE01E5A);
    QCOMPARE(embed.value(u"timestamp"_s).toString(), u"2026-12-05T09:30:00Z"_s);
}

void tst_NotifyRequest::teams()
{
    const NotifyProvider p = testProvider(u"teams"_s, u"teams"_s, u"NOTIFY_TEAMS_URL"_s, m_server->url(u"/hook"_s));
    const auto got = roundTrip(NotifyRequest::build(p, criticalEndpoint()));
    QCOMPARE(got.method, "POST");
    QCOMPARE(got.headers.value("content-type"), "application/json");
    const QJsonObject body = jsonBody(got.body);
    QCOMPARE(body.value(u"type"_s).toString(), u"message"_s);
    const QJsonObject attachment = body.value(u"attachments"_s).toArray().first().toObject();
    QCOMPARE(attachment.value(u"contentType"_s).toString(), u"application/vnd.microsoft.card.adaptive"_s);
    const QJsonObject card = attachment.value(u"content"_s).toObject();
    QCOMPARE(card.value(u"type"_s).toString(), u"AdaptiveCard"_s);
    QVERIFY(!card.value(u"version"_s).toString().isEmpty());
    const QJsonArray items = card.value(u"body"_s).toArray();
    QCOMPARE(items.first().toObject().value(u"type"_s).toString(), u"TextBlock"_s);
    QVERIFY(items.first().toObject().value(u"text"_s).toString().contains(u"health"_s));
}

void tst_NotifyRequest::webhookTemplate()
{
    NotifyProvider p = testProvider(u"hook"_s, u"webhook"_s, u"NOTIFY_HOOK_URL"_s, m_server->url(u"/hook"_s));
    p.options.insert(
        u"body"_s, uR"({"what": "{{event}}", "who": "{{subject}}", "state": "{{to}}", "d": "{{detail}}"})"_s);
    p.options.insert(u"method"_s, u"put"_s);
    p.headers.insert(u"X-Token"_s, u"abc"_s);
    const auto got = roundTrip(NotifyRequest::build(p, criticalEndpoint()));
    QCOMPARE(got.method, "PUT");
    QCOMPARE(got.headers.value("content-type"), "application/json");
    QCOMPARE(got.headers.value("x-token"), "abc");
    const QJsonObject body = jsonBody(got.body);
    QCOMPARE(body.value(u"what"_s).toString(), u"endpoint"_s);
    QCOMPARE(body.value(u"who"_s).toString(), u"health"_s);
    QCOMPARE(body.value(u"state"_s).toString(), u"critical"_s);
    QCOMPARE(body.value(u"d"_s).toString(), u"[STATUS] == 200 (503)"_s); // escaped for JSON, read back whole
}

void tst_NotifyRequest::pagerDutyTrigger()
{
    NotifyProvider p = testProvider(u"pd"_s, u"pagerduty"_s, u"NOTIFY_PD_URL"_s, m_server->url(u"/hook"_s));
    qputenv("NOTIFY_PD_KEY", "R0UT1NGKEY");
    p.key = u"${NOTIFY_PD_KEY}"_s;
    const auto got = roundTrip(NotifyRequest::build(p, criticalEndpoint()));
    QCOMPARE(got.method, "POST");
    QCOMPARE(got.headers.value("content-type"), "application/json");
    const QJsonObject body = jsonBody(got.body);
    QCOMPARE(body.value(u"routing_key"_s).toString(), u"R0UT1NGKEY"_s);
    QCOMPARE(body.value(u"event_action"_s).toString(), u"trigger"_s);
    QCOMPARE(body.value(u"dedup_key"_s).toString(), u"opsdeck/meetpin/endpoint/health"_s);
    const QJsonObject payload = body.value(u"payload"_s).toObject();
    QVERIFY(payload.value(u"summary"_s).toString().contains(u"health"_s));
    QCOMPARE(payload.value(u"source"_s).toString(), u"meetpin"_s);
    QCOMPARE(payload.value(u"severity"_s).toString(), u"critical"_s);
}

void tst_NotifyRequest::pagerDutyResolve()
{
    NotifyProvider p = testProvider(u"pd"_s, u"pagerduty"_s, u"NOTIFY_PD_URL"_s, m_server->url(u"/hook"_s));
    qputenv("NOTIFY_PD_KEY", "R0UT1NGKEY");
    p.key = u"${NOTIFY_PD_KEY}"_s;
    NotificationEvent e = criticalEndpoint();
    e.from = u"critical"_s;
    e.to = u"ok"_s;
    e.severity = NotifySeverity::Info;
    e.recovery = true;
    const QJsonObject body = jsonBody(roundTrip(NotifyRequest::build(p, e)).body);
    QCOMPARE(body.value(u"event_action"_s).toString(), u"resolve"_s);
    QCOMPARE(body.value(u"dedup_key"_s).toString(), u"opsdeck/meetpin/endpoint/health"_s); // the trigger's
    QCOMPARE(body.value(u"routing_key"_s).toString(), u"R0UT1NGKEY"_s);
}

void tst_NotifyRequest::ntfy()
{
    NotifyProvider p = testProvider(u"ntfy"_s, u"ntfy"_s, u"NOTIFY_NTFY_URL"_s, m_server->url(u"/hook"_s));
    p.options.insert(u"tags"_s, u"meetpin"_s);
    NotificationEvent e = criticalEndpoint();
    e.title = u"헬스체크"_s;
    const auto got = roundTrip(NotifyRequest::build(p, e));
    QCOMPARE(got.method, "POST");
    QVERIFY(got.headers.value("content-type").startsWith("text/plain"));
    QCOMPARE(got.headers.value("priority"), "5");
    QCOMPARE(got.headers.value("tags"), "rotating_light,meetpin");
    QCOMPARE(got.headers.value("click"), "https://meetpin.example/api/health");
    // Korean in a header goes RFC 2047-encoded, as ntfy reads it.
    const QByteArray title = got.headers.value("title");
    QVERIFY(title.startsWith("=?UTF-8?B?"));
    QVERIFY(QString::fromUtf8(QByteArray::fromBase64(title.mid(10).chopped(2))).contains(u"헬스체크"_s));
    QCOMPARE(QString::fromUtf8(got.body), u"[STATUS] == 200 (503)"_s);
}

void tst_NotifyRequest::missingSecret()
{
    NotifyProvider p;
    p.id = u"slack"_s;
    p.kind = u"slack"_s;
    p.url = u"${NOTIFY_NOT_SET_ANYWHERE}"_s;
    const NotifyRequest request = NotifyRequest::build(p, criticalEndpoint());
    QVERIFY(request.error.contains(u"NOTIFY_NOT_SET_ANYWHERE"_s));
}

void tst_NotifyRequest::literalUrlShownWithoutPath()
{
    NotifyProvider p;
    p.kind = u"slack"_s;
    p.url = u"https://hooks.slack.example/services/T000/B000/XXXXSECRET"_s;
    const NotifyRequest request = NotifyRequest::build(p, criticalEndpoint());
    QVERIFY(request.error.isEmpty());
    QVERIFY(!request.shownUrl.contains(u"XXXXSECRET"_s));
    QVERIFY(request.shownUrl.startsWith(u"https://hooks.slack.example"_s));
}

QTEST_MAIN(tst_NotifyRequest)
#include "tst_notifyrequest.moc"
