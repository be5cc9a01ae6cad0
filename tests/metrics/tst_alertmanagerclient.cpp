// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "promservers.h"
#include "sources/alertmanagerclient.h"
#include "sources/alertmodel.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QByteArray token = "alert-test-token";

// Seed 000's SkinHighErrorRate on the demo's metric names, with short windows so a test sees it fire.
const QByteArray rules = R"(groups:
  - name: demo-alerts
    rules:
      - alert: SkinHighErrorRate
        expr: sum(rate(http_requests_total{status=~"4..|5.."}[10s])) / sum(rate(http_requests_total[10s])) > 0.2
        labels:
          severity: warning
          service: skin-system
        annotations:
          summary: "High error rate detected"
          description: "Error rate is {{ $value | humanizePercentage }} for the last 10 seconds"
)";

} // namespace

// A real Alertmanager fed by a real Prometheus that scrapes the demo service; the demo's error rate is raised
// over its admin API until the rule fires.
class TestAlertmanagerClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void quietAtFirst();
    void firesWhenErrorsRise();
    void silenceAndExpire();
    void pollerSilencesAndExpires();
    void alertmanagerErrorsVerbatim();
    void alertmanagerDown();

private:
    AlertmanagerClient::Result<QList<Alert>> alerts(AlertmanagerClient *client);
    AlertmanagerClient::Result<QList<Silence>> silences();
    std::optional<Alert> firing(const QString &name);
    void setErrorRate(const QByteArray &body);

    QProcess m_demo;
    QUrl m_demoUrl;
    LoopbackServer m_alertmanager;
    LoopbackServer m_prometheus;
    QNetworkAccessManager m_nam;
    std::unique_ptr<AlertmanagerClient> m_client;
};

AlertmanagerClient::Result<QList<Alert>> TestAlertmanagerClient::alerts(AlertmanagerClient *client)
{
    std::optional<AlertmanagerClient::Result<QList<Alert>>> result;
    client->alerts(this, [&result](const auto &r) { result = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000); }();
    return result.value_or(AlertmanagerClient::Result<QList<Alert>> { {}, u"no answer"_s });
}

AlertmanagerClient::Result<QList<Silence>> TestAlertmanagerClient::silences()
{
    std::optional<AlertmanagerClient::Result<QList<Silence>>> result;
    m_client->silences(this, [&result](const auto &r) { result = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000); }();
    return result.value_or(AlertmanagerClient::Result<QList<Silence>> { {}, u"no answer"_s });
}

std::optional<Alert> TestAlertmanagerClient::firing(const QString &name)
{
    const auto result = alerts(m_client.get());
    for (const Alert &a : result.value) {
        if (a.name == name) {
            return a;
        }
    }
    return std::nullopt;
}

void TestAlertmanagerClient::setErrorRate(const QByteArray &body)
{
    const HttpResult r
        = sendRequest(&m_nam, "POST", m_demoUrl.resolved(QUrl(u"/admin/faults"_s)), body, "Bearer " + token);
    QCOMPARE(r.status, 200);
}

void TestAlertmanagerClient::initTestCase()
{
    m_demoUrl = startDemoService(&m_demo, { u"--exit-with-stdin"_s }, token);
    QVERIFY(m_demoUrl.isValid());
    QVERIFY2(m_alertmanager.startAlertmanager(), qPrintable(m_alertmanager.error()));
    QVERIFY2(m_prometheus.startPrometheus(
                 m_demoUrl.host() + u':' + QString::number(m_demoUrl.port()), m_alertmanager.hostPort(), rules),
        qPrintable(m_prometheus.error()));
    MetricServer server;
    server.url = m_alertmanager.url().toString();
    m_client = std::make_unique<AlertmanagerClient>(&m_nam, server);
}

void TestAlertmanagerClient::cleanupTestCase()
{
    m_client.reset();
    m_prometheus.stop();
    m_alertmanager.stop();
    m_demo.closeWriteChannel();
    m_demo.waitForFinished(5000);
}

void TestAlertmanagerClient::quietAtFirst()
{
    const auto result = alerts(m_client.get());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(!firing(u"SkinHighErrorRate"_s));
}

void TestAlertmanagerClient::firesWhenErrorsRise()
{
    setErrorRate(R"({"errorRate": 0.6})");
    QTRY_VERIFY_WITH_TIMEOUT(firing(u"SkinHighErrorRate"_s).has_value(), 60000);
    const Alert alert = *firing(u"SkinHighErrorRate"_s);
    QCOMPARE(alert.severity, u"warning"_s);
    QCOMPARE(alert.labels.value(u"service"_s), u"skin-system"_s);
    QCOMPARE(alert.summary, u"High error rate detected"_s);
    QVERIFY2(alert.description.startsWith(u"Error rate is "_s), qPrintable(alert.description));
    QVERIFY(alert.startsAt.isValid());
    QVERIFY(alert.startsAt <= QDateTime::currentDateTimeUtc());
    QCOMPARE(alert.state, u"active"_s);
    QVERIFY(!alert.silenced());
}

void TestAlertmanagerClient::silenceAndExpire()
{
    const std::optional<Alert> alert = firing(u"SkinHighErrorRate"_s);
    QVERIFY(alert);
    std::optional<AlertmanagerClient::Result<QString>> created;
    m_client->createSilence(AlertmanagerClient::matchersFor(*alert), 1h, u"opsdeck-test"_s,
        u"investigating the rollout"_s, this, [&created](const auto &r) { created = r; });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 15000);
    QVERIFY2(created->ok(), qPrintable(created->error));
    const QString id = created->value;
    QVERIFY(!id.isEmpty());

    const auto list = silences();
    QVERIFY2(list.ok(), qPrintable(list.error));
    const auto it
        = std::find_if(list.value.cbegin(), list.value.cend(), [&id](const Silence &s) { return s.id == id; });
    QVERIFY(it != list.value.cend());
    QCOMPARE(it->state, u"active"_s);
    QCOMPARE(it->createdBy, u"opsdeck-test"_s);
    QCOMPARE(it->comment, u"investigating the rollout"_s);
    QCOMPARE(it->matchers.size(), alert->labels.size());
    QVERIFY(std::abs(it->startsAt.secsTo(it->endsAt) - 3600) <= 1);

    QTRY_VERIFY_WITH_TIMEOUT(firing(u"SkinHighErrorRate"_s).value_or(Alert {}).silencedBy.contains(id), 30000);
    QCOMPARE(firing(u"SkinHighErrorRate"_s)->state, u"suppressed"_s);

    std::optional<AlertmanagerClient::Result<QString>> expired;
    m_client->expireSilence(id, this, [&expired](const auto &r) { expired = r; });
    QTRY_VERIFY_WITH_TIMEOUT(expired.has_value(), 15000);
    QVERIFY2(expired->ok(), qPrintable(expired->error));
    const auto after = silences();
    const auto again
        = std::find_if(after.value.cbegin(), after.value.cend(), [&id](const Silence &s) { return s.id == id; });
    QVERIFY(again != after.value.cend());
    QCOMPARE(again->state, u"expired"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!firing(u"SkinHighErrorRate"_s).value_or(Alert {}).silenced(), 30000);
}

void TestAlertmanagerClient::pollerSilencesAndExpires()
{
    // What the console does: the strip's model, a silence with the operator's duration and comment, then expire.
    AlertModel model;
    AlertPoller poller(m_client.get(), &model);
    const auto row = [&model]() -> std::optional<Alert> {
        for (const Alert &a : model.alerts()) {
            if (a.name == u"SkinHighErrorRate"_s) {
                return a;
            }
        }
        return std::nullopt;
    };
    poller.pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(row().has_value() && !row()->silenced(), 30000);
    QSignalSpy silenced(&poller, &AlertPoller::silenced);
    poller.silence(*row(), 30min, u"Kim Ops"_s, u"rollback in progress"_s);
    QVERIFY(silenced.wait(15000));
    const QString id = silenced.constFirst().at(0).toString();
    const auto list = silences();
    const auto it
        = std::find_if(list.value.cbegin(), list.value.cend(), [&id](const Silence &s) { return s.id == id; });
    QVERIFY(it != list.value.cend());
    QCOMPARE(it->comment, u"rollback in progress"_s);
    QCOMPARE(it->createdBy, u"Kim Ops"_s);
    QVERIFY(std::abs(it->startsAt.secsTo(it->endsAt) - 1800) <= 1);
    // The poller polls again after each change; Alertmanager marks the alert a little later.
    QTRY_VERIFY_WITH_TIMEOUT((poller.pollNow(), row().value_or(Alert {}).silencedBy.contains(id)), 30000);

    QSignalSpy expired(&poller, &AlertPoller::silenceExpired);
    QSignalSpy failed(&poller, &AlertPoller::expireFailed);
    poller.expireSilences(*row());
    QTRY_VERIFY_WITH_TIMEOUT(!expired.isEmpty() || !failed.isEmpty(), 15000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(expired.constFirst().at(0).toString(), id);
    QTRY_VERIFY_WITH_TIMEOUT((poller.pollNow(), !row().value_or(Alert {}).silenced()), 30000);
}

void TestAlertmanagerClient::alertmanagerErrorsVerbatim()
{
    std::optional<AlertmanagerClient::Result<QString>> created;
    m_client->createSilence(
        {}, 1h, u"opsdeck-test"_s, u"no matchers"_s, this, [&created](const auto &r) { created = r; });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 15000);
    QVERIFY(!created->ok());
    QCOMPARE(created->error, u"HTTP 422: matchers in body should have at least 1 items"_s);

    std::optional<AlertmanagerClient::Result<QString>> expired;
    m_client->expireSilence(
        u"00000000-0000-0000-0000-000000000000"_s, this, [&expired](const auto &r) { expired = r; });
    QTRY_VERIFY_WITH_TIMEOUT(expired.has_value(), 15000);
    QVERIFY(!expired->ok());
    QCOMPARE(expired->error, u"HTTP 500: silence not found"_s); // Alertmanager 0.25 answers 500 here
}

void TestAlertmanagerClient::alertmanagerDown()
{
    MetricServer server;
    server.url = u"http://127.0.0.1:%1"_s.arg(LoopbackServer::freePort());
    AlertmanagerClient client(&m_nam, server);
    const auto result = alerts(&client);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(result.error));

    AlertmanagerClient unset(&m_nam, MetricServer {});
    QCOMPARE(alerts(&unset).error, u"the workspace sets no sources.alertmanager.url"_s);
}

QTEST_GUILESS_MAIN(TestAlertmanagerClient)
#include "tst_alertmanagerclient.moc"
