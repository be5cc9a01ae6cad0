// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The notify_deliveries claims on a local SQLite database shared by two consoles (two Storage objects on one file),
// and a notifier that restarts on it (the PostgreSQL side, with ten consoles and kill -9: tests/team/tst_teamnotify).
#include "notify/deliveryledger.h"
#include "notify/notifier.h"
#include "notifyreceiver.h"
#include "notifytesthelpers.h"
#include "storage/storageerror.h"
#include "storagewait.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class tst_DeliveryLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void oneClaimWins();
    void followUpNeedsWhatWasSent();
    void finishedByItsOwnerOnly();
    void expiredClaimTakenOver();
    void escalationClaimsApart();
    void eventRoundTrip();
    void restartedNotifierDoesNotResend();

private:
    bool claim(
        DeliveryLedger &ledger, const QString &state, DeliveryLedger::Claim kind = DeliveryLedger::Claim::Problem);
    QString status();

    QTemporaryDir m_dir;
    std::unique_ptr<Storage> m_a;
    std::unique_ptr<Storage> m_b;
    std::unique_ptr<DeliveryLedger> m_ledgerA;
    std::unique_ptr<DeliveryLedger> m_ledgerB;
    int m_round = 0;
};

void tst_DeliveryLedger::init()
{
    const QString path = m_dir.filePath(u"ledger%1.sqlite"_s.arg(++m_round));
    m_a = std::make_unique<Storage>();
    m_b = std::make_unique<Storage>();
    for (Storage *s : { m_a.get(), m_b.get() }) {
        QSignalSpy opened(s, &Storage::opened);
        s->open(path);
        QVERIFY(opened.wait(10000));
    }
    m_ledgerA = std::make_unique<DeliveryLedger>(m_a.get());
    m_ledgerB = std::make_unique<DeliveryLedger>(m_b.get());
    QVERIFY(m_ledgerA->owner() != m_ledgerB->owner());
}

void tst_DeliveryLedger::cleanup()
{
    m_ledgerA.reset();
    m_ledgerB.reset();
    m_a.reset();
    m_b.reset();
}

bool tst_DeliveryLedger::claim(DeliveryLedger &ledger, const QString &state, DeliveryLedger::Claim kind)
{
    NotificationEvent e = criticalEndpoint();
    e.to = state;
    const auto r = StorageTest::wait(ledger.claim(u"pager"_s, e.key(), state, e, kind));
    return r && r->ok() && r->value();
}

QString tst_DeliveryLedger::status()
{
    return StorageTest::read(*m_a, [](QSqlDatabase &db) {
        QSqlQuery q = sqlExec(db, u"SELECT state, status FROM notify_deliveries"_s);
        return q.next() ? q.value(0).toString() + u' ' + q.value(1).toString() : QString();
    });
}

void tst_DeliveryLedger::oneClaimWins()
{
    NotificationEvent e = criticalEndpoint();
    const auto a = m_ledgerA->claim(u"pager"_s, e.key(), u"critical"_s, e, DeliveryLedger::Claim::Problem);
    const auto b = m_ledgerB->claim(u"pager"_s, e.key(), u"critical"_s, e, DeliveryLedger::Claim::Problem);
    const auto ra = StorageTest::wait(a);
    const auto rb = StorageTest::wait(b);
    QVERIFY(ra && ra->ok() && rb && rb->ok());
    QCOMPARE(int(ra->value()) + int(rb->value()), 1);
    QVERIFY(!claim(*m_ledgerA, u"critical"_s)); // the same state again: nobody
    QVERIFY(claim(*m_ledgerB, u"warning"_s)); // a new state: one console
    QVERIFY(!claim(*m_ledgerA, u"warning"_s));
    QCOMPARE(status(), u"warning claimed"_s);
}

void tst_DeliveryLedger::followUpNeedsWhatWasSent()
{
    QVERIFY(!claim(*m_ledgerA, u"resolved"_s, DeliveryLedger::Claim::FollowUp));
    QCOMPARE(status(), QString());
    QVERIFY(claim(*m_ledgerA, u"critical"_s));
    QVERIFY(claim(*m_ledgerB, u"resolved"_s, DeliveryLedger::Claim::FollowUp));
    QVERIFY(!claim(*m_ledgerA, u"resolved"_s, DeliveryLedger::Claim::FollowUp));
}

void tst_DeliveryLedger::finishedByItsOwnerOnly()
{
    const QString key = criticalEndpoint().key();
    QVERIFY(claim(*m_ledgerA, u"critical"_s));
    auto other = StorageTest::wait(m_ledgerB->finish(u"meetpin"_s, u"pager"_s, key, u"critical"_s, u"sent"_s, 1));
    QVERIFY(other && other->ok() && !other->value());
    QCOMPARE(status(), u"critical claimed"_s);
    auto own = StorageTest::wait(m_ledgerA->finish(u"meetpin"_s, u"pager"_s, key, u"critical"_s, u"sent"_s, 1));
    QVERIFY(own && own->ok() && own->value());
    QCOMPARE(status(), u"critical sent"_s);
}

void tst_DeliveryLedger::expiredClaimTakenOver()
{
    m_ledgerB->setLease(300);
    QVERIFY(claim(*m_ledgerA, u"critical"_s));
    auto early = StorageTest::wait(m_ledgerB->takeExpired(u"meetpin"_s));
    QVERIFY(early && early->ok());
    QVERIFY(early->value().isEmpty()); // still within its lease
    QTest::qWait(400);
    auto late = StorageTest::wait(m_ledgerB->takeExpired(u"meetpin"_s));
    QVERIFY(late && late->ok());
    QCOMPARE(late->value().size(), 1);
    QCOMPARE(late->value().constFirst().route, u"pager"_s);
    QCOMPARE(late->value().constFirst().state, u"critical"_s);
    QCOMPARE(late->value().constFirst().event.subject, u"health"_s);
    auto again = StorageTest::wait(m_ledgerB->takeExpired(u"meetpin"_s));
    QVERIFY(again && again->ok() && again->value().isEmpty()); // taken: its lease starts again
    // The killed console's confirmation, had it come back, no longer counts.
    const QString key = criticalEndpoint().key();
    auto stale = StorageTest::wait(m_ledgerA->finish(u"meetpin"_s, u"pager"_s, key, u"critical"_s, u"sent"_s, 1));
    QVERIFY(stale && stale->ok() && !stale->value());
}

// The notifier takes over route claims only, the escalation engine its steps only: neither sends the other's.
void tst_DeliveryLedger::escalationClaimsApart()
{
    m_ledgerB->setLease(100);
    QVERIFY(claim(*m_ledgerA, u"critical"_s));
    NotificationEvent step = criticalEndpoint();
    const QString route = DeliveryLedger::escalationRoute(u"oncall"_s);
    const auto won
        = StorageTest::wait(m_ledgerA->claim(route, u"7|0|0"_s, u"step"_s, step, DeliveryLedger::Claim::Problem));
    QVERIFY(won && won->ok() && won->value());
    QTest::qWait(200);
    auto steps = StorageTest::wait(m_ledgerB->takeExpired(u"meetpin"_s, DeliveryLedger::Scope::Escalations));
    QVERIFY(steps && steps->ok());
    QCOMPARE(steps->value().size(), 1);
    QCOMPARE(steps->value().constFirst().route, u"escalation:oncall"_s);
    QCOMPARE(steps->value().constFirst().key, u"7|0|0"_s);
    auto routes = StorageTest::wait(m_ledgerB->takeExpired(u"meetpin"_s));
    QVERIFY(routes && routes->ok());
    QCOMPARE(routes->value().size(), 1);
    QCOMPARE(routes->value().constFirst().route, u"pager"_s);
}

void tst_DeliveryLedger::eventRoundTrip()
{
    NotificationEvent e = criticalEndpoint();
    e.recovery = true;
    e.kind = NotificationEvent::Kind::IncidentOpened;
    const NotificationEvent back = DeliveryLedger::fromJson(DeliveryLedger::toJson(e));
    QCOMPARE(back.kind, e.kind);
    QCOMPARE(back.subject, e.subject);
    QCOMPARE(back.to, e.to);
    QCOMPARE(back.from, e.from);
    QCOMPARE(back.severity, e.severity);
    QCOMPARE(back.recovery, true);
    QCOMPARE(back.group, e.group);
    QCOMPARE(back.time, e.time);
    QCOMPARE(back.detail, e.detail);
    QCOMPARE(back.link, e.link);
    QCOMPARE(back.workspaceId, e.workspaceId);
    QCOMPARE(DeliveryLedger::fromJson("not json").kind, NotificationEvent::Kind::Endpoint);
}

// What went out before a restart is not sent again; the recovery after it is (the open problem is in the database).
void tst_DeliveryLedger::restartedNotifierDoesNotResend()
{
    NotifyReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setAnswer("/pager", NotifyReceiver::ok());
    Workspace w;
    w.info.id = u"meetpin"_s;
    w.notifications.providers
        = { testProvider(u"pager"_s, u"slack"_s, u"LEDGER_PAGER_URL"_s, receiver.url(u"/pager"_s)) };
    NotifyRoute r;
    r.id = u"pager"_s;
    r.targets = { u"pager"_s };
    r.minSeverity = u"critical"_s;
    w.notifications.routes = { r };
    QNetworkAccessManager nam;
    NotifySender sender(&nam);
    NotificationEvent recovered = criticalEndpoint();
    recovered.from = u"critical"_s;
    recovered.to = u"ok"_s;
    recovered.recovery = true;
    recovered.severity = NotifySeverity::Info;
    for (int run = 0; run < 2; ++run) {
        Notifier notifier(&sender);
        notifier.setWorkspace(w);
        notifier.setLedger(run == 0 ? m_ledgerA.get() : m_ledgerB.get());
        notifier.notify(criticalEndpoint());
        QTRY_COMPARE(receiver.count("/pager"), 1);
        QTRY_COMPARE(status(), u"critical sent"_s);
        QTest::qWait(300);
        QCOMPARE(receiver.count("/pager"), 1);
    }
    Notifier restarted(&sender);
    restarted.setWorkspace(w);
    restarted.setLedger(m_ledgerA.get());
    restarted.notify(recovered); // its filters would drop it: only the ledger knows the route sent the problem
    QTRY_COMPARE(receiver.count("/pager"), 2);
    QTRY_COMPARE(status(), u"resolved sent"_s);
}

QTEST_GUILESS_MAIN(tst_DeliveryLedger)
#include "tst_deliveryledger.moc"
