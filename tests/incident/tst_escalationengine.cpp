// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Escalation against a real loopback receiver, with an injected clock (no sleeping) and a real SQLite file.
#include "../notify/notifyreceiver.h"
#include "incident/escalationengine.h"
#include "incident/incidentsql.h"
#include "incidenttesthelpers.h"
#include "notify/notifysender.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace IncidentTest;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 12, 5), QTime(9, 0), QTimeZone::utc());

QDateTime at(int minutes)
{
    return t0.addSecs(minutes * 60);
}

NotifyProvider provider(const QString &id, const QString &kind, const QUrl &url)
{
    NotifyProvider p;
    p.id = id;
    p.kind = kind;
    p.url = url.toString();
    p.key = kind == u"pagerduty"_s ? u"routing-key"_s : QString();
    return p;
}

EscalationLevel level(int afterMinutes, const QStringList &to, const QStringList &severities = {})
{
    EscalationLevel l;
    l.after = Milliseconds(qint64(afterMinutes) * 60 * 1000);
    l.targets = to;
    l.severities = severities;
    return l;
}

// Seed 003's chain: the on-call SRE at once (PagerDuty), the team lead after 30 min, the CTO after 1 h for P0 only;
// a reminder every 10 min, twice, while nobody acknowledges.
Workspace escalatingWorkspace(const NotifyReceiver &receiver)
{
    Workspace w = workspace();
    w.notifications.providers = { provider(u"oncall"_s, u"pagerduty"_s, receiver.url(u"/pd"_s)),
        provider(u"lead"_s, u"webhook"_s, receiver.url(u"/lead"_s)),
        provider(u"cto"_s, u"webhook"_s, receiver.url(u"/cto"_s)) };
    EscalationPolicy policy;
    policy.id = u"sre"_s;
    policy.levels = { level(0, { u"oncall"_s }), level(30, { u"lead"_s }), level(60, { u"cto"_s }, { u"P0"_s }) };
    policy.repeatEvery = Milliseconds(10 * 60 * 1000);
    policy.repeatTimes = 2;
    w.notifications.escalationPolicies = { policy };
    return w;
}

int steps(const Incident &incident)
{
    return int(std::count_if(incident.timeline.cbegin(), incident.timeline.cend(),
        [](const TimelineEntry &e) { return e.kind == TimelineKind::Escalation; }));
}

} // namespace

class TestEscalationEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void nextStepFollowsLevelsAndReminders();
    void levelsGoOutOnTimeAndLandOnTheTimeline();
    void acknowledgementStopsTheChainAndAcknowledgesPagerDuty();
    void firstLevelLeavesOutWhatTheRoutesSend();
    void lowerSeveritySkipsCriticalOnlyLevel();
    void restartResumesFromTheStoredTimeline();
    void acknowledgementFromAnotherConnectionStopsTheNextStep();

private:
    void openAll();
    qint64 openIncident(const QString &severity = u"P0"_s);
    void tickAt(int minutes);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<NotifyReceiver> m_receiver;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<NotifySender> m_sender;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<EscalationEngine> m_engine;
    QDateTime m_now;
};

void TestEscalationEngine::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_escalationengine"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
}

void TestEscalationEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_receiver = std::make_unique<NotifyReceiver>();
    QVERIFY(m_receiver->start());
    for (const QByteArray path : { "/pd", "/lead", "/cto" }) {
        m_receiver->setAnswer(path, NotifyReceiver::ok());
    }
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_sender = std::make_unique<NotifySender>(m_nam.get());
    openAll();
}

void TestEscalationEngine::openAll()
{
    m_engine.reset();
    m_store.reset();
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    m_store = std::make_unique<IncidentStore>(m_storage.get());
    m_engine = std::make_unique<EscalationEngine>(m_store.get(), m_sender.get());
    m_engine->setClock([this] { return m_now; });
    const Workspace w = escalatingWorkspace(*m_receiver);
    m_store->setWorkspace(w);
    m_engine->setWorkspace(w);
    QVERIFY(refreshAndWait(*m_store));
}

void TestEscalationEngine::cleanup()
{
    m_engine.reset();
    m_store.reset();
    m_storage.reset();
    m_sender.reset();
    m_nam.reset();
    m_receiver.reset();
    m_dir.reset();
}

qint64 TestEscalationEngine::openIncident(const QString &severity)
{
    m_now = at(0);
    Incident d = draft(u"Checkout is down"_s, severity);
    d.detectedAt = t0;
    return createAndWait(*m_store, d);
}

void TestEscalationEngine::tickAt(int minutes)
{
    m_now = at(minutes);
    m_engine->tick();
}

void TestEscalationEngine::nextStepFollowsLevelsAndReminders()
{
    const EscalationPolicy policy = escalatingWorkspace(*m_receiver).notifications.escalationPolicies.constFirst();
    Incident i = draft(u"x"_s, u"P0"_s);
    i.detectedAt = t0;
    auto step = EscalationEngine::nextStep(i, policy);
    QVERIFY(step);
    QCOMPARE(step->level, 0);
    QCOMPARE(step->due, at(0));
    TimelineEntry e;
    e.kind = TimelineKind::Escalation;
    e.subject = u"sre"_s;
    e.to = u"1"_s;
    e.from = u"0"_s;
    e.occurredAt = at(0);
    i.timeline.append(e);
    step = EscalationEngine::nextStep(i, policy);
    QCOMPARE(step->reminder, 1); // 10 min reminder comes before the 30 min level
    QCOMPARE(step->due, at(10));
    e.from = u"1"_s;
    e.occurredAt = at(10);
    i.timeline.append(e);
    e.from = u"2"_s;
    e.occurredAt = at(20);
    i.timeline.append(e);
    step = EscalationEngine::nextStep(i, policy);
    QCOMPARE(step->level, 1); // reminders used up: the next level
    QCOMPARE(step->reminder, 0);
    QCOMPARE(step->due, at(30));
    i.acknowledgedAt = at(25);
    QVERIFY(!EscalationEngine::nextStep(i, policy));
}

void TestEscalationEngine::levelsGoOutOnTimeAndLandOnTheTimeline()
{
    const qint64 id = openIncident();
    QVERIFY(id > 0);
    // Level 1 goes out at once (incidentCreated ticks the engine).
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 1, 10000);
    const QJsonObject trigger = QJsonDocument::fromJson(m_receiver->requests().constLast().body).object();
    QCOMPARE(trigger.value(u"event_action"_s).toString(), u"trigger"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(m_store->incident(id)->timeline.cbegin(), m_store->incident(id)->timeline.cend(),
            [](const TimelineEntry &e) {
                return e.kind == TimelineKind::Notification && e.subject == u"oncall"_s && e.to == u"sent"_s;
            }),
        10000);
    tickAt(5); // nothing due
    tickAt(9);
    QVERIFY(settle(*m_store, id));
    QCOMPARE(steps(*m_store->incident(id)), 1);
    tickAt(10); // reminder 1
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 2, 10000);
    tickAt(20); // reminder 2
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 3, 10000);
    tickAt(29);
    QVERIFY(settle(*m_store, id));
    QCOMPARE(m_receiver->count("/lead"), 0);
    tickAt(30);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/lead"), 1, 10000);
    tickAt(60);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/cto"), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(steps(*m_store->incident(id)), 5, 10000);
    const EscalationEngine::Status status = m_engine->status(*m_store->incident(id));
    QCOMPARE(status.reached, 2);
    QVERIFY2(status.text.contains(u"level 3 of 3"_s), qPrintable(status.text));
    const QJsonObject cto = QJsonDocument::fromJson(m_receiver->requests().constLast().body).object();
    QVERIFY(cto.value(u"text"_s).toString().contains(u"Checkout is down"_s)
        || QString::fromUtf8(m_receiver->requests().constLast().body).contains(u"Checkout is down"_s));
}

// A route that announces the incident to the on-call pager already: level 1 does not page it a second time at
// once; its reminders still go.
void TestEscalationEngine::firstLevelLeavesOutWhatTheRoutesSend()
{
    QList<NotificationEvent> asked;
    m_engine->setRoutedProviders([&asked](const NotificationEvent &event) {
        asked.append(event);
        return QStringList { u"oncall"_s };
    });
    const qint64 id = openIncident();
    const auto skipped = [&] {
        const Incident *i = m_store->incident(id);
        return i && std::any_of(i->timeline.cbegin(), i->timeline.cend(), [](const TimelineEntry &e) {
            return e.kind == TimelineKind::Notification && e.subject == u"oncall"_s && e.to == u"skipped"_s;
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(skipped(), 10000);
    QCOMPARE(steps(*m_store->incident(id)), 1);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.constFirst().kind, NotificationEvent::Kind::IncidentOpened);
    QCOMPARE(asked.constFirst().subject, QString::number(id));
    QCOMPARE(asked.constFirst().severity, NotifySeverity::Critical);
    QTest::qWait(300);
    QCOMPARE(m_receiver->count("/pd"), 0);
    tickAt(10); // the reminder is the chain's own
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 1, 10000);
}

void TestEscalationEngine::acknowledgementStopsTheChainAndAcknowledgesPagerDuty()
{
    const qint64 id = openIncident();
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_store->incident(id)->timeline.constLast().kind == TimelineKind::Notification, 10000);
    QSignalSpy acked(m_store.get(), &IncidentStore::acknowledgeFinished);
    QCOMPARE(m_store->acknowledge(id, u"Lee"_s), QString());
    QVERIFY(acked.wait(10000));
    QCOMPARE(acked.constFirst().at(1).toString(), QString());
    // The engine hears of it at once and sends PagerDuty an acknowledge with the trigger's dedup key.
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 2, 10000);
    const QJsonObject ack = QJsonDocument::fromJson(m_receiver->requests().constLast().body).object();
    QCOMPARE(ack.value(u"event_action"_s).toString(), u"acknowledge"_s);
    const QJsonObject trigger = QJsonDocument::fromJson(m_receiver->requests().constFirst().body).object();
    QCOMPARE(ack.value(u"dedup_key"_s), trigger.value(u"dedup_key"_s));
    const Incident *i = m_store->incident(id);
    QVERIFY(i->acknowledgedAt.isValid());
    const auto by = std::find_if(i->timeline.cbegin(), i->timeline.cend(),
        [](const TimelineEntry &e) { return e.kind == TimelineKind::Acknowledged; });
    QVERIFY(by != i->timeline.cend());
    QCOMPARE(by->author, u"Lee"_s);
    // Nothing more: no reminder, no level, no second acknowledge.
    for (int minutes : { 10, 30, 60, 120 }) {
        tickAt(minutes);
    }
    QVERIFY(settle(*m_store, id));
    QTest::qWait(200);
    QCOMPARE(m_receiver->count("/pd"), 2);
    QCOMPARE(m_receiver->count("/lead"), 0);
    QCOMPARE(m_receiver->count("/cto"), 0);
    // A second acknowledgement is refused with who was first.
    QCOMPARE(m_store->acknowledge(id, u"Park"_s), QString());
    QVERIFY(acked.wait(10000));
    QVERIFY2(acked.constLast().at(1).toString().contains(u"Lee"_s), qPrintable(acked.constLast().at(1).toString()));
}

void TestEscalationEngine::lowerSeveritySkipsCriticalOnlyLevel()
{
    const qint64 id = openIncident(u"P2"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 1, 10000);
    tickAt(30);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/lead"), 1, 10000);
    tickAt(90);
    tickAt(120);
    QVERIFY(settle(*m_store, id));
    QTest::qWait(200);
    QCOMPARE(m_receiver->count("/cto"), 0); // the CTO level is for P0 only
}

void TestEscalationEngine::restartResumesFromTheStoredTimeline()
{
    const qint64 id = openIncident();
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 1, 10000);
    tickAt(10);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(steps(*m_store->incident(id)), 2, 10000);
    QVERIFY(settle(*m_store, id));
    // A restart: new storage, store and engine on the same file.
    openAll();
    QVERIFY(m_store->incident(id));
    QCOMPARE(steps(*m_store->incident(id)), 2);
    tickAt(12); // level 1 and reminder 1 are stored: nothing is resent
    QVERIFY(settle(*m_store, id));
    QTest::qWait(200);
    QCOMPARE(m_receiver->count("/pd"), 2);
    tickAt(20); // reminder 2, counted from the stored reminder 1
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 3, 10000);
    tickAt(30);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/lead"), 1, 10000);
    QCOMPARE(m_receiver->count("/pd"), 3);
}

void TestEscalationEngine::acknowledgementFromAnotherConnectionStopsTheNextStep()
{
    const qint64 id = openIncident();
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pd"), 1, 10000);
    QVERIFY(settle(*m_store, id));
    // `opsdeck ack` on the same SQLite file: another Storage, no change feed.
    {
        Storage other;
        QVERIFY(openStorage(other, m_dir->filePath(u"db.sqlite"_s)));
        const auto r = StorageTest::wait(other.write(u"ack"_s,
            [id](QSqlDatabase &db) { return IncidentSql::acknowledge(db, u"test-ws"_s, id, u"Choi"_s, at(20)); }));
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().outcome, IncidentSql::AckOutcome::Acknowledged);
    }
    QVERIFY(!m_store->incident(id)->acknowledgedAt.isValid()); // this console has not heard of it
    tickAt(30);
    // The claim reads the stored incident: no level 2, and the store now shows the acknowledgement.
    QTRY_VERIFY_WITH_TIMEOUT(m_store->incident(id)->acknowledgedAt.isValid(), 10000);
    QCOMPARE(steps(*m_store->incident(id)), 1);
    QTest::qWait(200);
    QCOMPARE(m_receiver->count("/lead"), 0);
}

QTEST_GUILESS_MAIN(TestEscalationEngine)
#include "tst_escalationengine.moc"
