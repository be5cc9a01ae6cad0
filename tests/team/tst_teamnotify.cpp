// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Exactly once: consoles sharing one PostgreSQL database each see the same event, and each route's receiver gets it
// once; a console killed between its claim and the send has the message sent, once, after a restart.
#include "notify/deliveryledger.h"
#include "notify/notifier.h"
#include "notifyreceiver.h"
#include "notifytesthelpers.h"
#include "storage/storageerror.h"
#include "storagewait.h"
#include "teamtesthelpers.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

struct NotifyConsole
{
    std::unique_ptr<Storage> storage;
    std::unique_ptr<NotifySender> sender;
    std::unique_ptr<Notifier> notifier;
    std::unique_ptr<DeliveryLedger> ledger;
};

} // namespace

class TestTeamNotify final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void twoConsoles();
    void tenConsoles();
    void killedBetweenClaimAndSend();

private:
    void consoles(int count);
    QString open(NotifyConsole &console);
    QStringList statuses();
    bool startChild(QProcess &child, const QString &mode);

    PgTestServer m_server;
    QString m_url;
    QNetworkAccessManager m_nam;
    std::unique_ptr<NotifyReceiver> m_receiver;
    std::list<NotifyConsole> m_consoles;
    Workspace m_workspace;
};

void TestTeamNotify::initTestCase()
{
    if (PgTestServer::binDir().isEmpty()) {
        QSKIP("no PostgreSQL server installed (apt-get install postgresql)");
    }
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestTeamNotify::init()
{
    m_url = m_server.createDatabase();
    QVERIFY2(!m_url.isEmpty(), qPrintable(m_server.errorString()));
    m_receiver = std::make_unique<NotifyReceiver>();
    QVERIFY(m_receiver->start());
    m_receiver->setAnswer("/pager", NotifyReceiver::ok());
    m_receiver->setAnswer("/chat", NotifyReceiver::ok());
    m_workspace = {};
    m_workspace.info.id = u"meetpin"_s;
    m_workspace.notifications.providers = {
        testProvider(u"pager"_s, u"slack"_s, u"TEAMNOTIFY_PAGER_URL"_s, m_receiver->url(u"/pager"_s)),
        testProvider(u"chat"_s, u"slack"_s, u"TEAMNOTIFY_CHAT_URL"_s, m_receiver->url(u"/chat"_s)),
    };
    NotifyRoute pager;
    pager.id = u"pager"_s;
    pager.targets = { u"pager"_s };
    pager.minSeverity = u"critical"_s;
    NotifyRoute chat;
    chat.id = u"chat"_s;
    chat.targets = { u"chat"_s };
    m_workspace.notifications.routes = { pager, chat };
}

void TestTeamNotify::cleanup()
{
    m_consoles.clear();
    m_receiver.reset();
}

QString TestTeamNotify::open(NotifyConsole &c)
{
    c.storage = std::make_unique<Storage>();
    if (const QString error = TeamTest::open(*c.storage, m_url); !error.isEmpty()) {
        return error;
    }
    c.sender = std::make_unique<NotifySender>(&m_nam);
    c.sender->setLimits({ 3000, 100, 64 * 1024 });
    c.notifier = std::make_unique<Notifier>(c.sender.get());
    c.ledger = std::make_unique<DeliveryLedger>(c.storage.get());
    c.notifier->setWorkspace(m_workspace);
    c.notifier->setLedger(c.ledger.get());
    return {};
}

QStringList TestTeamNotify::statuses()
{
    Storage &storage = *m_consoles.front().storage;
    return StorageTest::read(storage, [](QSqlDatabase &db) {
        QStringList out;
        QSqlQuery q = sqlExec(db, u"SELECT route, state, status FROM notify_deliveries ORDER BY route"_s);
        while (q.next()) {
            out.append(q.value(0).toString() + u' ' + q.value(1).toString() + u' ' + q.value(2).toString());
        }
        return out;
    });
}

// Every console sees the endpoint go critical, then recover: each route's receiver gets each change once.
void TestTeamNotify::consoles(int count)
{
    for (int i = 0; i < count; ++i) {
        const QString error = open(m_consoles.emplace_back());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    NotificationEvent critical = criticalEndpoint();
    for (NotifyConsole &c : m_consoles) {
        c.notifier->notify(critical);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pager"), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/chat"), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(statuses(), QStringList({ u"chat critical sent"_s, u"pager critical sent"_s }), 10000);
    QTest::qWait(1000); // a second send would have arrived by now
    QCOMPARE(m_receiver->count("/pager"), 1);
    QCOMPARE(m_receiver->count("/chat"), 1);

    NotificationEvent recovered = criticalEndpoint();
    recovered.from = u"critical"_s;
    recovered.to = u"ok"_s;
    recovered.recovery = true;
    recovered.severity = NotifySeverity::Info;
    for (NotifyConsole &c : m_consoles) {
        c.notifier->notify(critical); // late duplicates of the first change are not sent again
    }
    QTest::qWait(1000);
    QCOMPARE(m_receiver->count("/pager"), 1);
    for (NotifyConsole &c : m_consoles) {
        c.notifier->notify(recovered);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pager"), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/chat"), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(statuses(), QStringList({ u"chat resolved sent"_s, u"pager resolved sent"_s }), 10000);
    QTest::qWait(1000);
    QCOMPARE(m_receiver->count("/pager"), 2);
    QCOMPARE(m_receiver->count("/chat"), 2);
    int logged = 0;
    for (const NotifyConsole &c : m_consoles) {
        logged += int(c.notifier->log().size());
    }
    QCOMPARE(logged, 4);
}

void TestTeamNotify::twoConsoles()
{
    consoles(2);
}

void TestTeamNotify::tenConsoles()
{
    consoles(10);
}

bool TestTeamNotify::startChild(QProcess &child, const QString &mode)
{
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationDirPath() + u"/notifyconsole"_s,
        { m_url, m_receiver->url(u"/pager"_s).toString(), u"1500"_s, mode });
    return child.waitForStarted(10000);
}

// A console claims the change and is killed before sending it: nothing arrives; a console started afterwards takes
// the claim over once its lease has run out and sends it once; another restart sends nothing more.
void TestTeamNotify::killedBetweenClaimAndSend()
{
    const QString error = open(m_consoles.emplace_back()); // to read the table
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QProcess first;
    QVERIFY(startChild(first, u"claim"_s));
    QVERIFY(QTest::qWaitFor([&] { return first.readAllStandardOutput().contains("claimed"); }, 30000));
    QCOMPARE(statuses(), QStringList({ u"pager critical claimed"_s }));
    first.kill(); // SIGKILL
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    QTest::qWait(500);
    QCOMPARE(m_receiver->count("/pager"), 0);

    QProcess restarted;
    QVERIFY(startChild(restarted, u"serve"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->count("/pager"), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(statuses(), QStringList({ u"pager critical sent"_s }), 10000);
    restarted.kill();
    QVERIFY(restarted.waitForFinished(10000));

    QProcess again;
    QVERIFY(startChild(again, u"serve"_s));
    QTest::qWait(4000); // more than two leases
    QCOMPARE(again.state(), QProcess::Running);
    again.kill();
    QVERIFY(again.waitForFinished(10000));
    QCOMPARE(m_receiver->count("/pager"), 1);
    const QJsonObject body = jsonBody(m_receiver->requests().constFirst().body);
    QVERIFY2(QJsonDocument(body).toJson().contains("health"), QJsonDocument(body).toJson().constData());
}

QTEST_GUILESS_MAIN(TestTeamNotify)
#include "tst_teamnotify.moc"
