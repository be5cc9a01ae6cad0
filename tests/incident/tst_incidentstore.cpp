// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentlifecycle.h"
#include "incident/incidenttimeline.h"
#include "incidenttesthelpers.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace IncidentTest;

class TestIncidentStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void createRecordsOpenedAndEvidence();
    void createRejectsUnknownSeverity();
    void saveRecordsChangesInTimeline();
    void invalidTransitionIsRefused();
    void staleVersionIsRefusedAndReloaded();
    void timelineIsAppendOnlyInSql_data();
    void timelineIsAppendOnlyInSql();
    void correctionChainIsStored();
    void actionItems();
    void reloadKeepsEverything();
    void createdOnlyForOwnIncidents();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<IncidentStore> m_store;
};

void TestIncidentStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_incidentstore"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
}

void TestIncidentStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    m_store = std::make_unique<IncidentStore>(m_storage.get());
    m_store->setWorkspace(workspace());
    QVERIFY(refreshAndWait(*m_store));
}

void TestIncidentStore::cleanup()
{
    m_store.reset();
    m_storage.reset();
    m_dir.reset();
}

void TestIncidentStore::createRecordsOpenedAndEvidence()
{
    TimelineEntry evidence;
    evidence.kind = TimelineKind::EndpointState;
    evidence.subject = u"api-health"_s;
    evidence.from = u"OK"_s;
    evidence.to = u"CRITICAL"_s;
    evidence.author = u"opsdeck"_s;
    Incident d = draft(u"API down"_s, u"P0"_s);
    d.services = { u"api-health"_s };
    const qint64 id = createAndWait(*m_store, d, { evidence });
    QVERIFY(id > 0);
    const Incident *i = m_store->incident(id);
    QVERIFY(i);
    QCOMPARE(i->status, IncidentStatus::Detected);
    QCOMPARE(i->version, 1);
    QVERIFY(i->detectedAt.isValid());
    QCOMPARE(i->startedAt, i->detectedAt);
    QCOMPARE(i->services, QStringList { u"api-health"_s });
    QCOMPARE(i->timeline.size(), 2);
    QCOMPARE(i->timeline.at(0).kind, TimelineKind::StatusChange);
    QCOMPARE(i->timeline.at(0).to, u"detected"_s);
    QCOMPARE(i->timeline.at(0).author, u"Kim"_s);
    QCOMPARE(i->timeline.at(1).kind, TimelineKind::EndpointState);
    QCOMPARE(i->timeline.at(1).author, u"opsdeck"_s);
}

void TestIncidentStore::createRejectsUnknownSeverity()
{
    const QString why = m_store->create(draft(u"x"_s, u"SEV9"_s));
    QVERIFY2(why.contains(u"unknown severity \"SEV9\""_s) && why.contains(u"P0, P1, P2, P3"_s), qPrintable(why));
    QVERIFY(!m_store->create(draft(u"  "_s)).isEmpty());
}

void TestIncidentStore::saveRecordsChangesInTimeline()
{
    const qint64 id = createAndWait(*m_store, draft(u"Slow checkout"_s, u"P2"_s));
    Incident edit = *m_store->incident(id);
    edit.status = IncidentStatus::Investigating;
    edit.severity = u"P1"_s;
    edit.commander = u"Lee"_s;
    edit.responders = { u"Park"_s, u"Choi"_s };
    edit.affectedUsers = 5000;
    QVERIFY(m_store->save(edit).isEmpty());
    QVERIFY(settle(*m_store, id));
    const Incident *i = m_store->incident(id);
    QCOMPARE(i->version, 2);
    QCOMPARE(i->status, IncidentStatus::Investigating);
    QVERIFY(i->acknowledgedAt.isValid()); // leaving detected acknowledges
    QCOMPARE(i->affectedUsers, 5000);
    QStringList kinds;
    for (const TimelineEntry &e : i->timeline) {
        kinds.append(TimelineEntry::kindName(e.kind) + u':' + e.subject + u'=' + e.to);
    }
    QCOMPARE(kinds,
        QStringList({ u"status:status=detected"_s, u"status:status=investigating"_s, u"severity:severity=P1"_s,
            u"role:commander=Lee"_s, u"role:responders=Park, Choi"_s, u"field:affected-users=5000"_s }));
}

void TestIncidentStore::invalidTransitionIsRefused()
{
    const qint64 id = createAndWait(*m_store, draft(u"x"_s));
    QCOMPARE(m_store->setStatus(id, IncidentStatus::Closed),
        IncidentLifecycle::rejection(IncidentStatus::Detected, IncidentStatus::Closed));
    QVERIFY(!m_store->isSaving(id));
    QVERIFY(m_store->setStatus(id, IncidentStatus::Resolved).isEmpty());
    QVERIFY(settle(*m_store, id));
    QVERIFY(m_store->setStatus(id, IncidentStatus::Closed).isEmpty());
    QVERIFY(settle(*m_store, id));
    QCOMPARE(m_store->incident(id)->status, IncidentStatus::Closed);
    QVERIFY(m_store->incident(id)->closedAt.isValid());
    QVERIFY(m_store->setStatus(id, IncidentStatus::Investigating).contains(u"closed incident"_s));
}

void TestIncidentStore::staleVersionIsRefusedAndReloaded()
{
    const qint64 id = createAndWait(*m_store, draft(u"x"_s));
    Incident mine = *m_store->incident(id);
    // Another window (its own store over the same database) edits first.
    IncidentStore other(m_storage.get());
    other.setWorkspace(workspace());
    QVERIFY(refreshAndWait(other));
    Incident theirs = *other.incident(id);
    theirs.commander = u"Other"_s;
    QVERIFY(other.save(theirs).isEmpty());
    QVERIFY(settle(other, id));

    QSignalSpy failed(m_store.get(), &IncidentStore::writeFailed);
    QSignalSpy storageFailed(m_storage.get(), &Storage::writeFailed);
    QSignalSpy changed(m_store.get(), &IncidentStore::incidentChanged);
    mine.commander = u"Mine"_s;
    QVERIFY(m_store->save(mine).isEmpty());
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.constFirst().at(1).toString().contains(u"changed in another window"_s),
        qPrintable(failed.constFirst().at(1).toString()));
    QCOMPARE(storageFailed.size(), 1);
    QCOMPARE(storageFailed.constFirst().at(0).toString(), u"Saving the incident \"%1\""_s.arg(mine.title));
    QCOMPARE(storageFailed.constFirst().at(1), failed.constFirst().at(1));
    QTRY_COMPARE(m_store->incident(id)->commander, u"Other"_s); // reloaded
    QCOMPARE(m_store->incident(id)->version, 2);
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM incident_timeline WHERE to_value = 'Mine'"_s), 0);
}

void TestIncidentStore::timelineIsAppendOnlyInSql_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addRow("update text") << u"UPDATE incident_timeline SET text = 'rewritten'"_s;
    QTest::addRow("update occurred") << u"UPDATE incident_timeline SET occurred_at_ms = 0"_s;
    QTest::addRow("update recorded") << u"UPDATE incident_timeline SET recorded_at_ms = 0"_s;
    QTest::addRow("delete one") << u"DELETE FROM incident_timeline WHERE id = 1"_s;
    QTest::addRow("delete all") << u"DELETE FROM incident_timeline"_s;
}

void TestIncidentStore::timelineIsAppendOnlyInSql()
{
    QFETCH(QString, sql);
    const qint64 id = createAndWait(*m_store, draft(u"x"_s));
    QVERIFY(m_store->appendNote(id, u"first note"_s).isEmpty());
    QVERIFY(settle(*m_store, id));
    const auto error = runWrite(*m_storage, sql);
    QVERIFY(error.has_value());
    QVERIFY2(error->contains(u"append-only"_s), qPrintable(*error));
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM incident_timeline"_s), 2);
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM incident_timeline WHERE text = 'first note'"_s), 1);
    // Appending still works.
    QCOMPARE(runWrite(*m_storage,
                 u"INSERT INTO incident_timeline (incident_id, kind, author, recorded_at_ms, occurred_at_ms, text) "
                 u"VALUES (?, 'note', 'sql', 1, 1, 'appended')"_s,
                 { id }),
        QString());
}

void TestIncidentStore::correctionChainIsStored()
{
    const qint64 id = createAndWait(*m_store, draft(u"x"_s));
    const QDateTime backfilled = QDateTime::currentDateTimeUtc().addSecs(-3600).addMSecs(0);
    QVERIFY(m_store->appendNote(id, u"deploy started"_s).isEmpty());
    QVERIFY(settle(*m_store, id));
    const qint64 noteId = m_store->incident(id)->timeline.constLast().id;
    QVERIFY(m_store->correct(id, noteId, u"deploy v2 started"_s, backfilled).isEmpty());
    QVERIFY(settle(*m_store, id));
    const qint64 firstCorrection = m_store->incident(id)->timeline.constLast().id;
    QVERIFY(m_store->correct(id, firstCorrection, u"deploy v2.1 started"_s, {}).isEmpty());
    QVERIFY(settle(*m_store, id));
    QVERIFY(m_store->correct(id, firstCorrection + 1, u"deploy v2.1 started"_s, {}).contains(u"changes nothing"_s));
    QVERIFY(m_store->correct(id, 9999, u"y"_s, {}).contains(u"not loaded"_s));

    const Incident *i = m_store->incident(id);
    QCOMPARE(i->timeline.size(), 4);
    QCOMPARE(i->timeline.at(2).correctsId, noteId);
    QCOMPARE(i->timeline.at(3).correctsId, firstCorrection);
    QCOMPARE(i->timeline.at(3).occurredAt.toMSecsSinceEpoch(), backfilled.toMSecsSinceEpoch());
    QCOMPARE(i->timeline.at(1).text, u"deploy started"_s); // the original is untouched
    const auto eff = IncidentTimeline::effective(i->timeline);
    QCOMPARE(eff.size(), 2);
    QCOMPARE(eff.at(0).entry.text, u"deploy v2.1 started"_s); // back-filled before "opened"
    QCOMPARE(eff.at(0).rootId, noteId);
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM incident_timeline WHERE corrects_id IS NOT NULL"_s), 2);
}

void TestIncidentStore::actionItems()
{
    const qint64 id = createAndWait(*m_store, draft(u"x"_s));
    ActionItem a;
    a.incidentId = id;
    a.action = u"Automate cache checks"_s;
    a.owner = u"Engineering Team"_s;
    a.due = QDate(2026, 12, 1);
    QVERIFY(m_store->saveActionItem(a).isEmpty());
    QVERIFY(settle(*m_store, id));
    QCOMPARE(m_store->incident(id)->actionItems.size(), 1);
    ActionItem stored = m_store->incident(id)->actionItems.constFirst();
    QVERIFY(stored.id > 0);
    QCOMPARE(stored.due, QDate(2026, 12, 1));
    stored.status = ActionStatus::Done;
    QVERIFY(m_store->saveActionItem(stored).isEmpty());
    QVERIFY(settle(*m_store, id));
    QCOMPARE(m_store->incident(id)->actionItems.constFirst().status, ActionStatus::Done);
    QVERIFY(m_store->removeActionItem(id, stored.id).isEmpty());
    QVERIFY(settle(*m_store, id));
    QVERIFY(m_store->incident(id)->actionItems.isEmpty());
    a.action.clear();
    QVERIFY(!m_store->saveActionItem(a).isEmpty());
}

void TestIncidentStore::reloadKeepsEverything()
{
    Incident d = draft(u"Closed one"_s, u"P3"_s);
    const qint64 closed = createAndWait(*m_store, d);
    QVERIFY(m_store->setStatus(closed, IncidentStatus::Resolved).isEmpty());
    QVERIFY(settle(*m_store, closed));
    Incident edit = *m_store->incident(closed);
    edit.postMortem.rootCause = u"Wrong cache rule"_s;
    edit.postMortem.lessons = u"Manual steps fail\nAlerts came late"_s;
    QVERIFY(m_store->save(edit).isEmpty());
    QVERIFY(settle(*m_store, closed));
    const qint64 open = createAndWait(*m_store, draft(u"Open one"_s));

    IncidentStore fresh(m_storage.get());
    fresh.setWorkspace(workspace());
    QVERIFY(refreshAndWait(fresh));
    QCOMPARE(fresh.incidents().size(), 2);
    QCOMPARE(fresh.incidents().at(0).id, open); // open first
    const Incident *c = fresh.incident(closed);
    QCOMPARE(c->postMortem, edit.postMortem);
    QCOMPARE(c->status, IncidentStatus::Resolved);
    QCOMPARE(c->timeline.size(), m_store->incident(closed)->timeline.size());
    QCOMPARE(c->resolvedAt, m_store->incident(closed)->resolvedAt);
}

void TestIncidentStore::createdOnlyForOwnIncidents()
{
    // Another console writes an incident into the same database; the change feed makes this store read it.
    IncidentStore other(m_storage.get());
    other.setWorkspace(workspace());
    QVERIFY(refreshAndWait(other));
    QSignalSpy added(m_store.get(), &IncidentStore::incidentAdded);
    QSignalSpy created(m_store.get(), &IncidentStore::incidentCreated);
    const qint64 theirs = createAndWait(other, draft(u"Opened elsewhere"_s));
    QVERIFY(theirs > 0);
    m_store->reloadIncident(theirs);
    QVERIFY(added.wait(10000));
    QCOMPARE(added.constLast().at(0).toLongLong(), theirs);
    QCOMPARE(created.count(), 0); // the window must not jump to it

    QCOMPARE(m_store->create(draft(u"Opened here"_s)), QString());
    QVERIFY(created.wait(10000));
    const qint64 mine = created.constFirst().at(0).toLongLong();
    QVERIFY(mine > 0 && mine != theirs);
    QVERIFY(m_store->incident(mine));
    QCOMPARE(created.count(), 1);
}

QTEST_GUILESS_MAIN(TestIncidentStore)
#include "tst_incidentstore.moc"
