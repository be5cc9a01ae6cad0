// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Escalation steps exactly once: consoles sharing one PostgreSQL database all watch the same unacknowledged
// incident, and each level reaches its receiver once; a console killed between its claim of a step and the send
// has the step sent, once, by a console started afterwards.
#include "escalationworkspace.h"
#include "incident/escalationengine.h"
#include "incidenttesthelpers.h"
#include "notify/deliveryledger.h"
#include "notify/notifysender.h"
#include "notifyreceiver.h"
#include "storage/storageerror.h"
#include "storagewait.h"
#include "teamtesthelpers.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>

#include <list>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

int escalationSteps(const IncidentStore &store, qint64 id)
{
    const Incident *incident = store.incident(id);
    return incident ? int(std::count_if(incident->timeline.cbegin(), incident->timeline.cend(),
               [](const TimelineEntry &e) { return e.kind == TimelineKind::Escalation; }))
                    : -1;
}

struct EscalatingConsole
{
    std::unique_ptr<Storage> storage;
    std::unique_ptr<IncidentStore> incidents;
    std::unique_ptr<NotifySender> sender;
    std::unique_ptr<DeliveryLedger> ledger;
    std::unique_ptr<EscalationEngine> engine;
};

} // namespace

class TestTeamEscalation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void twoConsoles();
    void tenConsoles();
    void acknowledgedStopsEveryConsole();
    void killedBetweenClaimAndSend();

private:
    void consoles(int count);
    QString open(EscalatingConsole &console, const Workspace &workspace);
    QStringList statuses();
    bool startChild(QProcess &child, const QString &mode);
    QString base() const { return m_receiver->url(QString()).toString(); }

    PgTestServer m_server;
    QString m_url;
    QNetworkAccessManager m_nam;
    std::unique_ptr<NotifyReceiver> m_receiver;
    std::list<EscalatingConsole> m_consoles;
};

void TestTeamEscalation::initTestCase()
{
    if (PgTestServer::binDir().isEmpty()) {
        QSKIP("no PostgreSQL server installed (apt-get install postgresql)");
    }
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_teamescalation"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim Ops"_s);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestTeamEscalation::init()
{
    m_url = m_server.createDatabase();
    QVERIFY2(!m_url.isEmpty(), qPrintable(m_server.errorString()));
    m_receiver = std::make_unique<NotifyReceiver>();
    QVERIFY(m_receiver->start());
    for (const QByteArray path : { "/l1", "/l2", "/l3" }) {
        m_receiver->setAnswer(path, NotifyReceiver::ok());
    }
}

void TestTeamEscalation::cleanup()
{
    m_consoles.clear();
    m_receiver.reset();
}

QString TestTeamEscalation::open(EscalatingConsole &c, const Workspace &workspace)
{
    c.storage = std::make_unique<Storage>();
    if (const QString error = TeamTest::openOnline(*c.storage, m_url); !error.isEmpty()) {
        return error;
    }
    c.incidents = std::make_unique<IncidentStore>(c.storage.get());
    c.incidents->setWorkspace(workspace);
    if (!IncidentTest::refreshAndWait(*c.incidents)) {
        return u"the incidents never loaded"_s;
    }
    c.sender = std::make_unique<NotifySender>(&m_nam);
    c.sender->setLimits({ 3000, 100, 64 * 1024 });
    c.ledger = std::make_unique<DeliveryLedger>(c.storage.get());
    c.engine = std::make_unique<EscalationEngine>(c.incidents.get(), c.sender.get());
    c.engine->setWorkspace(workspace);
    c.engine->setLedger(c.ledger.get());
    c.engine->start(100);
    return {};
}

QStringList TestTeamEscalation::statuses()
{
    Storage &storage = *m_consoles.front().storage;
    return StorageTest::read(storage, [](QSqlDatabase &db) {
        QStringList out;
        QSqlQuery q = sqlExec(db,
            u"SELECT route, event_key, status FROM notify_deliveries WHERE route LIKE 'escalation:%' "
            u"ORDER BY event_key"_s);
        while (q.next()) {
            out.append(
                q.value(0).toString() + u' ' + q.value(1).toString().section(u'|', 1) + u' ' + q.value(2).toString());
        }
        return out;
    });
}

// Every console escalates the same incident on its own timer: levels 1, 2 and 3 each reach their receiver once,
// and the incident's timeline has each step once.
void TestTeamEscalation::consoles(int count)
{
    const Workspace w = TeamTest::escalationWorkspace(base(), 1500ms, 3000ms);
    for (int i = 0; i < count; ++i) {
        const QString error = open(m_consoles.emplace_back(), w);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const qint64 id = IncidentTest::createAndWait(*m_consoles.front().incidents, IncidentTest::draft(u"API down"_s));
    QVERIFY(id);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/l1"), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/l2"), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/l3"), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(statuses(),
        QStringList(
            { u"escalation:oncall 0|0 sent"_s, u"escalation:oncall 1|0 sent"_s, u"escalation:oncall 2|0 sent"_s }),
        10000);
    QTest::qWait(1500); // fifteen more ticks of every console: a second send would have arrived by now
    QCOMPARE(m_receiver->count("/l1"), 1);
    QCOMPARE(m_receiver->count("/l2"), 1);
    QCOMPARE(m_receiver->count("/l3"), 1);
    for (const EscalatingConsole &c : m_consoles) {
        QTRY_COMPARE_WITH_TIMEOUT(escalationSteps(*c.incidents, id), 3, 10000);
    }
}

void TestTeamEscalation::twoConsoles()
{
    consoles(2);
}

void TestTeamEscalation::tenConsoles()
{
    consoles(10);
}

// Acknowledged on one console after level 1: no console sends level 2.
void TestTeamEscalation::acknowledgedStopsEveryConsole()
{
    const Workspace w = TeamTest::escalationWorkspace(base(), 4000ms, 5000ms);
    for (int i = 0; i < 3; ++i) {
        const QString error = open(m_consoles.emplace_back(), w);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    IncidentStore &last = *m_consoles.back().incidents;
    const qint64 id = IncidentTest::createAndWait(*m_consoles.front().incidents, IncidentTest::draft(u"API down"_s));
    QVERIFY(id);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/l1"), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(last.incident(id), 10000);
    QSignalSpy acknowledged(&last, &IncidentStore::acknowledgeFinished);
    QCOMPARE(last.acknowledge(id), QString());
    QVERIFY(acknowledged.wait(10000));
    QCOMPARE(acknowledged.constFirst().at(1).toString(), QString());
    QTest::qWait(6000); // past levels 2 and 3
    QCOMPARE(m_receiver->count("/l1"), 1);
    QCOMPARE(m_receiver->count("/l2"), 0);
    QCOMPARE(m_receiver->count("/l3"), 0);
}

bool TestTeamEscalation::startChild(QProcess &child, const QString &mode)
{
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationDirPath() + u"/escalationconsole"_s, { m_url, base(), u"1500"_s, mode });
    return child.waitForStarted(10000);
}

// A console claims level 1 and is killed before sending it: nothing arrives; a console started afterwards takes the
// claim over once its lease has run out and sends it once; another restart sends nothing more.
void TestTeamEscalation::killedBetweenClaimAndSend()
{
    const Workspace w = TeamTest::escalationWorkspace(base(), 1h, 2h);
    EscalatingConsole &reader = m_consoles.emplace_back(); // creates the incident and reads the table; no engine
    reader.storage = std::make_unique<Storage>();
    QCOMPARE(TeamTest::openOnline(*reader.storage, m_url), QString());
    reader.incidents = std::make_unique<IncidentStore>(reader.storage.get());
    reader.incidents->setWorkspace(w);
    QVERIFY(IncidentTest::refreshAndWait(*reader.incidents));
    const qint64 id = IncidentTest::createAndWait(*reader.incidents, IncidentTest::draft(u"API down"_s));
    QVERIFY(id);

    QProcess first;
    QVERIFY(startChild(first, u"claim"_s));
    QVERIFY(QTest::qWaitFor([&] { return first.readAllStandardOutput().contains("claimed"); }, 30000));
    QCOMPARE(statuses(), QStringList({ u"escalation:oncall 0|0 claimed"_s }));
    first.kill(); // SIGKILL
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    QTest::qWait(500);
    QCOMPARE(m_receiver->count("/l1"), 0);

    QProcess restarted;
    QVERIFY(startChild(restarted, u"serve"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/l1"), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(statuses(), QStringList({ u"escalation:oncall 0|0 sent"_s }), 10000);
    restarted.kill();
    QVERIFY(restarted.waitForFinished(10000));

    QProcess again;
    QVERIFY(startChild(again, u"serve"_s));
    QTest::qWait(4000); // more than two leases
    QCOMPARE(again.state(), QProcess::Running);
    again.kill();
    QVERIFY(again.waitForFinished(10000));
    QCOMPARE(m_receiver->count("/l1"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(escalationSteps(*reader.incidents, id), 1, 10000);
}

QTEST_GUILESS_MAIN(TestTeamEscalation)
#include "tst_teamescalation.moc"
