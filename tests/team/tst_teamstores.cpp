// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentsql.h"
#include "teamconsole.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::StringLiterals;

// The checklist and incident stores of two consoles on one PostgreSQL database: their writes work there as on
// SQLite, each sees the other's within a second, and a concurrent edit is detected, not overwritten.
class TestTeamStores final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void tickAndSignOff();
    void ticksReachTheOtherConsole();
    void concurrentTicksConflict();
    void incidentAndTimeline();
    void timelineReachesTheOtherConsole();
    void staleIncidentEditIsRefused();
    void acknowledgementReachesTheOtherConsole();
    void concurrentClaimsTakeOneStep();

private:
    PgTestServer m_server;
    QString m_url;
    TeamTest::Console m_a;
    TeamTest::Console m_b;
    const QDateTime m_now = ChecklistTest::utc("2026-11-23T03:00:00");
};

void TestTeamStores::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_teamstores"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim Ops"_s);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestTeamStores::init()
{
    m_url = m_server.createDatabase();
    QVERIFY2(!m_url.isEmpty(), qPrintable(m_server.errorString()));
    for (TeamTest::Console *c : { &m_a, &m_b }) {
        const QString error = c->open(m_url, m_now);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

void TestTeamStores::cleanup()
{
    m_a.close();
    m_b.close();
}

void TestTeamStores::tickAndSignOff()
{
    ChecklistStore &store = *m_a.checklists;
    const qint64 id = m_a.morningId();
    QVERIFY(id > 0);
    QCOMPARE(m_b.morningId(), id); // created once, whoever came first
    for (const QString &item : { u"item-1"_s, u"item-2"_s }) {
        QVERIFY(store.tick(id, item, u"green"_s));
        QTRY_VERIFY(store.saveState(id, item) != ChecklistStore::SaveState::Saving);
        QVERIFY2(store.saveError(id, item).isEmpty(), qPrintable(store.saveError(id, item)));
    }
    QSignalSpy signedOff(&store, &ChecklistStore::signedOff);
    QSignalSpy signFailed(&store, &ChecklistStore::signFailed);
    store.sign(id, u"all fine"_s);
    QTRY_VERIFY(!signedOff.isEmpty() || !signFailed.isEmpty());
    QVERIFY2(signFailed.isEmpty(), qPrintable(signFailed.value(0).value(1).toString()));
    QVERIFY(store.instance(id)->isSigned());
    QCOMPARE(store.instance(id)->signedBy, u"Kim Ops"_s);
    QVERIFY(!store.untick(id, u"item-1"_s));
    QCOMPARE(IncidentTest::scalar(*m_a.storage, u"SELECT COUNT(*) FROM checklist_ticks"_s), 2);
    QTRY_VERIFY_WITH_TIMEOUT(m_b.checklists->instance(id)->isSigned(), 1000);
}

void TestTeamStores::ticksReachTheOtherConsole()
{
    const qint64 id = m_a.morningId();
    QSignalSpy changed(m_b.checklists.get(), &ChecklistStore::instanceChanged);
    QVERIFY(m_a.checklists->tick(id, u"item-1"_s, u"from desk A"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_b.checklists->instance(id)->state(u"item-1"_s) == ItemState::Done, 1000);
    QCOMPARE(m_b.checklists->instance(id)->latest(u"item-1"_s)->note, u"from desk A"_s);
    QVERIFY(!changed.isEmpty());
    // And back: B, having seen A's tick, unticks without a conflict.
    QVERIFY(m_b.checklists->untick(id, u"item-1"_s, u"not yet"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_a.checklists->instance(id)->state(u"item-1"_s) == ItemState::Open, 1000);
    QCOMPARE(m_b.checklists->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Saved);
}

void TestTeamStores::concurrentTicksConflict()
{
    const qint64 id = m_a.morningId();
    QSignalSpy aConflicts(m_a.checklists.get(), &ChecklistStore::conflictDetected);
    QSignalSpy bConflicts(m_b.checklists.get(), &ChecklistStore::conflictDetected);
    // Both consoles saw the item open and write before hearing of each other: one wins, the other is told.
    QVERIFY(m_a.checklists->tick(id, u"item-1"_s, u"A"_s));
    QVERIFY(m_b.checklists->skip(id, u"item-1"_s, u"B says not needed"_s));
    const auto settled
        = [&](ChecklistStore &s) { return s.saveState(id, u"item-1"_s) != ChecklistStore::SaveState::Saving; };
    QTRY_VERIFY(settled(*m_a.checklists) && settled(*m_b.checklists));
    const auto a = m_a.checklists->saveState(id, u"item-1"_s);
    const auto b = m_b.checklists->saveState(id, u"item-1"_s);
    QVERIFY2((a == ChecklistStore::SaveState::Saved && b == ChecklistStore::SaveState::Conflict)
            || (a == ChecklistStore::SaveState::Conflict && b == ChecklistStore::SaveState::Saved),
        qPrintable(u"%1 / %2"_s.arg(int(a)).arg(int(b))));
    QCOMPARE(aConflicts.size() + bConflicts.size(), 1);
    QCOMPARE(IncidentTest::scalar(*m_a.storage, u"SELECT COUNT(*) FROM checklist_ticks WHERE conflict = 1"_s), 1);
    // Nothing was overwritten: both consoles end up showing the winner's record.
    const ItemState winner = a == ChecklistStore::SaveState::Saved ? ItemState::Done : ItemState::Skipped;
    QTRY_VERIFY_WITH_TIMEOUT(m_a.checklists->instance(id)->state(u"item-1"_s) == winner
            && m_b.checklists->instance(id)->state(u"item-1"_s) == winner,
        1000);
}

void TestTeamStores::incidentAndTimeline()
{
    IncidentStore &store = *m_a.incidents;
    const qint64 id = IncidentTest::createAndWait(store, IncidentTest::draft(u"API down"_s, u"P0"_s));
    QVERIFY(id > 0);
    QCOMPARE(store.incident(id)->version, 1);
    QVERIFY(store.appendNote(id, u"restarted the pods"_s).isEmpty());
    QVERIFY(IncidentTest::settle(store, id));
    QCOMPARE(store.incident(id)->timeline.size(), 2);
    QCOMPARE(store.incident(id)->timeline.last().text, u"restarted the pods"_s);
    QVERIFY(store.setStatus(id, IncidentStatus::Investigating).isEmpty());
    QVERIFY(IncidentTest::settle(store, id));
    QCOMPARE(store.incident(id)->status, IncidentStatus::Investigating);
    QCOMPARE(store.incident(id)->version, 2);
    QCOMPARE(IncidentTest::scalar(*m_a.storage, u"SELECT COUNT(*) FROM incident_timeline"_s), 3);
}

void TestTeamStores::timelineReachesTheOtherConsole()
{
    QSignalSpy added(m_b.incidents.get(), &IncidentStore::incidentAdded);
    const qint64 id = IncidentTest::createAndWait(*m_a.incidents, IncidentTest::draft(u"Checkout slow"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_b.incidents->incident(id), 1000);
    QCOMPARE(added.size(), 1);
    QVERIFY(m_a.incidents->appendNote(id, u"DB failover started"_s).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_b.incidents->incident(id)->timeline.size() == 2, 1000);
    QCOMPARE(m_b.incidents->incident(id)->timeline.last().text, u"DB failover started"_s);
    QVERIFY(m_b.incidents->appendNote(id, u"seen from desk B"_s).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_a.incidents->incident(id)->timeline.size() == 3, 1000);
}

void TestTeamStores::staleIncidentEditIsRefused()
{
    const qint64 id = IncidentTest::createAndWait(*m_a.incidents, IncidentTest::draft(u"x"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_b.incidents->incident(id), 1000);
    Incident mine = *m_a.incidents->incident(id);
    Incident theirs = *m_b.incidents->incident(id);
    theirs.commander = u"Other"_s;
    QVERIFY(m_b.incidents->save(theirs).isEmpty());
    QVERIFY(IncidentTest::settle(*m_b.incidents, id));

    QSignalSpy failed(m_a.incidents.get(), &IncidentStore::writeFailed);
    mine.commander = u"Mine"_s;
    QVERIFY(m_a.incidents->save(mine).isEmpty());
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.constFirst().at(1).toString().contains(u"changed in another window"_s),
        qPrintable(failed.constFirst().at(1).toString()));
    QTRY_COMPARE(m_a.incidents->incident(id)->commander, u"Other"_s);
    QCOMPARE(
        IncidentTest::scalar(*m_a.storage, u"SELECT COUNT(*) FROM incident_timeline WHERE to_value = 'Mine'"_s), 0);
}

void TestTeamStores::acknowledgementReachesTheOtherConsole()
{
    const qint64 id = IncidentTest::createAndWait(*m_a.incidents, IncidentTest::draft(u"Payments failing"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_b.incidents->incident(id), 1000);
    // What `opsdeck ack --database URL` runs, on a third connection.
    Storage cli;
    QVERIFY(TeamTest::openOnline(cli, m_url).isEmpty());
    const auto r = StorageTest::wait(cli.write(u"ack"_s, [id](QSqlDatabase &db) {
        return IncidentSql::acknowledge(db, u"test-ws"_s, id, u"Lee"_s, QDateTime::currentDateTimeUtc());
    }));
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().outcome, IncidentSql::AckOutcome::Acknowledged);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_a.incidents->incident(id)->acknowledgedAt.isValid() && m_b.incidents->incident(id)->acknowledgedAt.isValid(),
        1000);
    QCOMPARE(m_b.incidents->incident(id)->timeline.constLast().kind, TimelineKind::Acknowledged);
    QCOMPARE(m_b.incidents->incident(id)->timeline.constLast().author, u"Lee"_s);
    // The other console's button is refused with who was first.
    QSignalSpy finished(m_b.incidents.get(), &IncidentStore::acknowledgeFinished);
    QVERIFY(m_b.incidents->acknowledge(id, u"Park"_s).isEmpty());
    QVERIFY(finished.wait(5000));
    QVERIFY(finished.constFirst().at(1).toString().contains(u"Lee"_s));
}

void TestTeamStores::concurrentClaimsTakeOneStep()
{
    // Two consoles escalating the same incident at the same moment: the row lock lets one take the step.
    const qint64 id = IncidentTest::createAndWait(*m_a.incidents, IncidentTest::draft(u"DB down"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_b.incidents->incident(id), 1000);
    TimelineEntry step;
    step.kind = TimelineKind::Escalation;
    step.subject = u"sre"_s;
    step.to = u"2"_s;
    step.from = u"0"_s;
    const auto wanted = [](const Incident &stored) {
        return std::none_of(stored.timeline.cbegin(), stored.timeline.cend(),
            [](const TimelineEntry &e) { return e.kind == TimelineKind::Escalation && e.to == u"2"_s; });
    };
    int claims = 0;
    int answers = 0;
    for (IncidentStore *store : { m_a.incidents.get(), m_b.incidents.get() }) {
        QVERIFY(store
                    ->claimEntry(id, step, wanted,
                        [&](bool claimed) {
                            ++answers;
                            claims += claimed ? 1 : 0;
                        })
                    .isEmpty());
    }
    QTRY_COMPARE(answers, 2);
    QCOMPARE(claims, 1);
    QCOMPARE(
        IncidentTest::scalar(*m_a.storage, u"SELECT COUNT(*) FROM incident_timeline WHERE kind = 'escalation'"_s), 1);
}

QTEST_GUILESS_MAIN(TestTeamStores)
#include "tst_teamstores.moc"
