// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/changefeed.h"
#include "teamconsole.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>

using namespace Qt::StringLiterals;

// The change feed across lost connections: a killed listener reconnects and catches up on what it missed; a
// stopped server makes the consoles offline (writes refused, saying so) until it is back.
class TestChangeFeed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void terminatedListenerCatchesUp();
    void serverRestartGoesOfflineThenRecovers();
    void prunedChangesForceAFullReload();

private:
    PgTestServer m_server;
    QString m_url;
    TeamTest::Console m_a;
    TeamTest::Console m_b;
    const QDateTime m_now = ChecklistTest::utc("2026-11-23T03:00:00");
};

void TestChangeFeed::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_changefeed"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim Ops"_s);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestChangeFeed::init()
{
    if (!m_server.isRunning()) {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }
    m_url = m_server.createDatabase();
    QVERIFY2(!m_url.isEmpty(), qPrintable(m_server.errorString()));
    for (TeamTest::Console *c : { &m_a, &m_b }) {
        const QString error = c->open(m_url, m_now);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

void TestChangeFeed::cleanup()
{
    m_a.close();
    m_b.close();
}

void TestChangeFeed::terminatedListenerCatchesUp()
{
    const qint64 incidentId = IncidentTest::createAndWait(*m_a.incidents, IncidentTest::draft(u"Disk full"_s));
    QTRY_VERIFY(m_b.incidents->incident(incidentId));
    const qint64 pid = m_b.storage->changeFeed()->listenerPid();
    QVERIFY(pid > 0);
    QSignalSpy online(m_b.storage.get(), &Storage::onlineChanged);

    const auto killed = m_server.psql(m_url.section(u'/', -1), u"SELECT pg_terminate_backend(%1)"_s.arg(pid));
    QVERIFY2(killed == u"t"_s, qPrintable(m_server.errorString()));
    // Written while B's listener is gone: PostgreSQL keeps no notifications for it.
    const qint64 checklistId = m_a.morningId();
    QVERIFY(m_a.checklists->tick(checklistId, u"item-2"_s, u"while B was away"_s));
    for (int i = 1; i <= 5; ++i) {
        QVERIFY(m_a.incidents->appendNote(incidentId, u"note %1"_s.arg(i)).isEmpty());
    }
    QVERIFY(IncidentTest::settle(*m_a.incidents, incidentId));

    QTRY_VERIFY_WITH_TIMEOUT(online.size() >= 2, 15000);
    QCOMPARE(online.first().at(0).toBool(), false);
    QCOMPARE(online.last().at(0).toBool(), true);
    QVERIFY(m_b.storage->isOnline());
    QVERIFY(m_b.storage->changeFeed()->listenerPid() != pid);
    QTRY_COMPARE_WITH_TIMEOUT(m_b.incidents->incident(incidentId)->timeline.size(), 6, 10000);
    QStringList notes;
    for (const TimelineEntry &e : m_b.incidents->incident(incidentId)->timeline) {
        if (e.kind == TimelineKind::Note) {
            notes.append(e.text);
        }
    }
    QCOMPARE(notes, (QStringList { u"note 1"_s, u"note 2"_s, u"note 3"_s, u"note 4"_s, u"note 5"_s }));
    QTRY_VERIFY(m_b.checklists->instance(checklistId)->state(u"item-2"_s) == ItemState::Done);

    // Live again: the next change arrives without any reconnecting.
    QVERIFY(m_a.incidents->appendNote(incidentId, u"after"_s).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_b.incidents->incident(incidentId)->timeline.size(), 7, 1000);
}

void TestChangeFeed::serverRestartGoesOfflineThenRecovers()
{
    const qint64 id = m_b.morningId();
    QSignalSpy bOnline(m_b.storage.get(), &Storage::onlineChanged);
    QVERIFY2(m_server.stop(), qPrintable(m_server.errorString()));
    // Written before the feed has noticed: the worker's own attempt to reconnect fails.
    QVERIFY(m_b.checklists->tick(id, u"item-1"_s, u"during the outage"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!m_b.storage->isOnline() && !m_a.storage->isOnline(), 15000);
    QCOMPARE(bOnline.first().at(0).toBool(), false);

    // A tick while offline is refused, saying why, and kept for retry.
    QTRY_COMPARE(m_b.checklists->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Unsaved);
    QVERIFY(m_b.checklists->retry(id, u"item-1"_s));
    QTRY_COMPARE(m_b.checklists->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Unsaved);
    const QString error = m_b.checklists->saveError(id, u"item-1"_s);
    QVERIFY2(error.contains(u"offline"_s) && error.contains(u"127.0.0.1"_s), qPrintable(error));
    QVERIFY(!error.contains(u"team-test-secret"_s));
    // Any write while offline resolves at once with the reason as its error value, and reaches writeFailed.
    QSignalSpy bFailed(m_b.storage.get(), &Storage::writeFailed);
    QElapsedTimer timer;
    timer.start();
    const auto offline = StorageTest::wait(
        m_b.storage->write(u"Saving offline"_s, [](QSqlDatabase &db) { return sqlExec(db, u"SELECT 1"_s).size(); }));
    QVERIFY(offline && !offline->ok());
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(offline->error().startsWith(u"offline: "_s), qPrintable(offline->error()));
    QCOMPARE(bFailed.size(), 1);
    QCOMPARE(bFailed.at(0).at(0).toString(), u"Saving offline"_s);
    QCOMPARE(bFailed.at(0).at(1).toString(), offline->error());

    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_b.storage->isOnline() && m_a.storage->isOnline(), 20000);
    QCOMPARE(bOnline.last().at(0).toBool(), true);
    QVERIFY(m_b.checklists->retry(id, u"item-1"_s));
    QTRY_VERIFY(m_b.checklists->saveState(id, u"item-1"_s) != ChecklistStore::SaveState::Saving);
    QVERIFY2(
        m_b.checklists->saveError(id, u"item-1"_s).isEmpty(), qPrintable(m_b.checklists->saveError(id, u"item-1"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(m_a.checklists->instance(id)->state(u"item-1"_s) == ItemState::Done, 1000);
    QCOMPARE(IncidentTest::scalar(*m_a.storage, u"SELECT COUNT(*) FROM checklist_ticks"_s), 1);
}

void TestChangeFeed::prunedChangesForceAFullReload()
{
    const qint64 id = IncidentTest::createAndWait(*m_a.incidents, IncidentTest::draft(u"Queue stuck"_s));
    QTRY_VERIFY(m_b.incidents->incident(id));
    // B is away (its feed stopped) while A writes, and the changes are pruned before it comes back.
    ChangeFeed *feed = m_b.storage->changeFeed();
    const qint64 seen = feed->lastChangeId();
    QVERIFY(seen > 0);
    feed->stop();
    QVERIFY(m_a.incidents->appendNote(id, u"written while B was away"_s).isEmpty());
    QVERIFY(IncidentTest::settle(*m_a.incidents, id));
    Storage pruner;
    pruner.setChangeRetention(-60000); // everything up to a minute from now
    QCOMPARE(TeamTest::open(pruner, m_url), QString());
    QCOMPARE(IncidentTest::scalar(pruner, u"SELECT COUNT(*) FROM changes"_s), 0);

    QSignalSpy resync(m_b.storage.get(), &Storage::resyncNeeded);
    QSignalSpy reset(m_b.incidents.get(), &IncidentStore::incidentsReset);
    DatabaseTarget target;
    QString error;
    QVERIFY(DatabaseTarget::parse(m_url, &target, &error));
    feed->start(target, seen);
    QTRY_COMPARE_WITH_TIMEOUT(resync.size(), 1, 10000);
    QTRY_VERIFY(!reset.isEmpty());
    QCOMPARE(m_b.incidents->incident(id)->timeline.last().text, u"written while B was away"_s);
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
