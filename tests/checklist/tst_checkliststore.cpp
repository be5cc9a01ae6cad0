// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistsql.h"
#include "checklist/checkliststore.h"
#include "checklisttesthelpers.h"
#include "storage/storage.h"
#include "storage/storageerror.h"

#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ChecklistTest;

class TestChecklistStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void createsDuePeriodsOnce();
    void tickIsSavingUntilCommitted();
    void untickKeepsHistory();
    void skipNeedsReason();
    void signOffRules();
    void signedInstanceRefusesTicksInSql();
    void ticksAreAppendOnlyInSql();
    void templateChangeKeepsOldInstances();
    void evidence_data();
    void evidence();
    void operatorName();
    void storageErrorThenRetry();
    void failedInstanceCreationReachesTheOperator();
    void twoWindowsConflict();
    void lateIsReportedOnce();

private:
    const ChecklistInstance &today(ChecklistStore &store);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<ChecklistStore> m_store;
    const QDateTime m_now = utc("2026-11-23T03:00:00"); // 12:00 in Seoul
};

void TestChecklistStore::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_checkliststore"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim Ops"_s);
}

void TestChecklistStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    m_store = std::make_unique<ChecklistStore>(m_storage.get());
    m_store->setTimeZone(QTimeZone("Asia/Seoul"));
    m_store->setLookbackDays(3);
    m_store->setWorkspace(workspace({ checklist(u"morning"_s, u"daily 09:00"_s, { u"Health"_s, u"Logs"_s }) }));
    QVERIFY(refreshAndWait(*m_store, m_now));
}

void TestChecklistStore::cleanup()
{
    m_store.reset();
    m_storage.reset();
    m_dir.reset();
}

const ChecklistInstance &TestChecklistStore::today(ChecklistStore &store)
{
    for (const ChecklistInstance &i : store.instances()) {
        if (i.periodKey == u"morning@2026-11-23"_s) {
            return i;
        }
    }
    qFatal("no instance for today");
}

void TestChecklistStore::createsDuePeriodsOnce()
{
    QStringList keys;
    for (const ChecklistInstance &i : m_store->instances()) {
        keys.append(i.periodKey);
    }
    QCOMPARE(keys, (QStringList { u"morning@2026-11-23"_s, u"morning@2026-11-22"_s, u"morning@2026-11-21"_s }));
    QCOMPARE(today(*m_store).status(m_now), PeriodStatus::Overdue);
    QCOMPARE(m_store->instances().last().status(m_now), PeriodStatus::Missed);
    QVERIFY(refreshAndWait(*m_store, m_now));
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM checklist_instances"_s), 3);
}

void TestChecklistStore::tickIsSavingUntilCommitted()
{
    const qint64 id = today(*m_store).id;
    QSignalSpy saveSpy(m_store.get(), &ChecklistStore::itemSaveStateChanged);
    QVERIFY(m_store->tick(id, u"item-1"_s, u"all green"_s));
    QCOMPARE(m_store->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Saving);
    QCOMPARE(today(*m_store).state(u"item-1"_s), ItemState::Open); // not shown done before it is stored
    QVERIFY(!m_store->tick(id, u"item-1"_s)); // one write per item in flight
    QTRY_VERIFY(m_store->saveState(id, u"item-1"_s) != ChecklistStore::SaveState::Saving);
    QVERIFY2(m_store->saveError(id, u"item-1"_s).isEmpty(), qPrintable(m_store->saveError(id, u"item-1"_s)));
    QCOMPARE(m_store->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Saved);
    QCOMPARE(today(*m_store).state(u"item-1"_s), ItemState::Done);
    QCOMPARE(today(*m_store).latest(u"item-1"_s)->actor, u"Kim Ops"_s);
    QCOMPARE(
        scalar(*m_storage, u"SELECT COUNT(*) FROM checklist_ticks WHERE action = 'tick' AND note = 'all green'"_s), 1);
    QCOMPARE(today(*m_store).doneCount(), 1);
}

void TestChecklistStore::untickKeepsHistory()
{
    const qint64 id = today(*m_store).id;
    QVERIFY(m_store->tick(id, u"item-1"_s));
    QTRY_COMPARE(m_store->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Saved);
    QVERIFY(m_store->untick(id, u"item-1"_s, u"ticked by mistake"_s));
    QTRY_COMPARE(m_store->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Saved);
    QCOMPARE(today(*m_store).state(u"item-1"_s), ItemState::Open);
    QCOMPARE(today(*m_store).history.size(), 2);
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM checklist_ticks"_s), 2);
}

void TestChecklistStore::skipNeedsReason()
{
    const qint64 id = today(*m_store).id;
    QVERIFY(!m_store->skip(id, u"item-2"_s, u"   "_s));
    QVERIFY(m_store->skip(id, u"item-2"_s, u"logs server in maintenance"_s));
    QTRY_COMPARE(m_store->saveState(id, u"item-2"_s), ChecklistStore::SaveState::Saved);
    QCOMPARE(today(*m_store).state(u"item-2"_s), ItemState::Skipped);
    QCOMPARE(today(*m_store).latest(u"item-2"_s)->skipReason, u"logs server in maintenance"_s);
}

void TestChecklistStore::signOffRules()
{
    const qint64 id = today(*m_store).id;
    QSignalSpy failed(m_store.get(), &ChecklistStore::signFailed);
    QSignalSpy signedOff(m_store.get(), &ChecklistStore::signedOff);
    m_store->sign(id, u"early"_s);
    QVERIFY(failed.wait());
    QVERIFY2(
        failed.first().at(1).toString().contains(u"item-1, item-2"_s), qPrintable(failed.first().at(1).toString()));
    QVERIFY(m_store->tick(id, u"item-1"_s));
    QVERIFY(m_store->skip(id, u"item-2"_s, u"n/a"_s));
    QTRY_VERIFY(!m_store->isSaving(id));
    m_store->sign(id, u"all fine"_s);
    QVERIFY(signedOff.wait());
    const ChecklistInstance &signedInstance = today(*m_store);
    QVERIFY(signedInstance.isSigned());
    QCOMPARE(signedInstance.signedBy, u"Kim Ops"_s);
    QCOMPARE(signedInstance.signComment, u"all fine"_s);
    QCOMPARE(signedInstance.status(m_now), PeriodStatus::Signed);
    QVERIFY(!m_store->untick(id, u"item-1"_s));
    m_store->sign(id, u"twice"_s);
    QTRY_COMPARE(failed.size(), 2);
    QVERIFY(failed.last().at(1).toString().contains(u"already signed"_s));
}

void TestChecklistStore::signedInstanceRefusesTicksInSql()
{
    const qint64 id = today(*m_store).id;
    const QVariant outcome = query(*m_storage, [id](QSqlDatabase &db) {
        QSqlQuery(db).exec(u"UPDATE checklist_instances SET signed_at_ms = 1, signed_by = 'x' WHERE id = %1"_s.arg(id));
        ChecklistTick tick;
        tick.itemId = u"item-1"_s;
        tick.actor = u"intruder"_s;
        tick.at = QDateTime::currentDateTimeUtc();
        try {
            ChecklistSql::recordAction(db, id, 0, tick);
        } catch (const StorageError &e) {
            return QVariant(e.message());
        }
        return QVariant(u"accepted"_s);
    });
    QVERIFY2(outcome.toString().contains(u"signed off"_s), qPrintable(outcome.toString()));
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM checklist_ticks"_s), 0);
}

void TestChecklistStore::ticksAreAppendOnlyInSql()
{
    const qint64 id = today(*m_store).id;
    QVERIFY(m_store->tick(id, u"item-1"_s));
    QTRY_COMPARE(m_store->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Saved);
    for (const QString &sql : { u"UPDATE checklist_ticks SET action = 'untick'"_s, u"DELETE FROM checklist_ticks"_s }) {
        const QVariant outcome = query(*m_storage, [sql](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(sql) ? QVariant(u"accepted"_s) : QVariant(q.lastError().databaseText());
        });
        QVERIFY2(outcome.toString().contains(u"append-only"_s), qPrintable(outcome.toString()));
    }
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM checklist_ticks WHERE action = 'tick'"_s), 1);
}

void TestChecklistStore::templateChangeKeepsOldInstances()
{
    const qint64 id = today(*m_store).id;
    QVERIFY(m_store->tick(id, u"item-1"_s));
    QTRY_COMPARE(m_store->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Saved);
    Checklist changed = checklist(u"morning"_s, u"daily 09:00"_s, { u"Health (reworded)"_s, u"Disk"_s, u"CPU"_s });
    m_store->setWorkspace(workspace({ changed }));
    QVERIFY(refreshAndWait(*m_store, m_now.addDays(1)));
    const ChecklistInstance &old = today(*m_store);
    QCOMPARE(old.items.size(), 2);
    QCOMPARE(old.items.first().text.en, u"Health"_s);
    QCOMPARE(old.state(u"item-1"_s), ItemState::Done);
    QCOMPARE(m_store->instances().first().periodKey, u"morning@2026-11-24"_s);
    QCOMPARE(m_store->instances().first().items.size(), 3);
}

void TestChecklistStore::evidence_data()
{
    QTest::addColumn<bool>("withVerifier");
    QTest::addColumn<bool>("verified");
    QTest::addRow("no verifier") << false << false;
    QTest::addRow("verifier with a result") << true << true;
}

void TestChecklistStore::evidence()
{
    QFETCH(bool, withVerifier);
    QFETCH(bool, verified);
    Checklist c = checklist(u"morning"_s, u"daily 09:00"_s, { u"Health"_s });
    c.items[0].verify.endpoint = u"health"_s;
    m_store->setWorkspace(workspace({ c }));
    QVERIFY(refreshAndWait(*m_store, m_now.addDays(1)));
    if (withVerifier) {
        m_store->setVerifier([](const ChecklistVerify &v) -> std::optional<ChecklistEvidence> {
            ChecklistEvidence e;
            e.verified = true;
            e.passed = v.endpoint == u"health"_s;
            e.state = u"ok"_s;
            e.value = u"200 in 35 ms"_s;
            e.at = utc("2026-11-24T00:01:00");
            return e;
        });
    }
    const ChecklistInstance fresh = m_store->instances().first();
    QVERIFY(m_store->tick(fresh.id, u"item-1"_s));
    QTRY_COMPARE(m_store->saveState(fresh.id, u"item-1"_s), ChecklistStore::SaveState::Saved);
    const ChecklistEvidence e = m_store->instance(fresh.id)->latest(u"item-1"_s)->evidence;
    QCOMPARE(e.target, u"endpoint:health"_s);
    QCOMPARE(e.verified, verified);
    QCOMPARE(e.summary().contains(u"not verified (no probe result yet)"_s), !verified);
    if (verified) {
        QCOMPARE(e.value, u"200 in 35 ms"_s);
        QCOMPARE(e.at, utc("2026-11-24T00:01:00"));
    }
}

void TestChecklistStore::operatorName()
{
    QCOMPARE(ChecklistStore::operatorName(), u"Kim Ops"_s);
    QSettings().remove(u"operator/name"_s);
    qputenv("USER", "os-user");
    QCOMPARE(ChecklistStore::operatorName(), u"os-user"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim Ops"_s);
}

void TestChecklistStore::storageErrorThenRetry()
{
    const qint64 id = today(*m_store).id;
    QSignalSpy writeFailed(m_storage.get(), &Storage::writeFailed);
    m_storage->close();
    QVERIFY(m_store->tick(id, u"item-1"_s));
    QTRY_COMPARE(m_store->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Unsaved);
    QVERIFY(m_store->saveError(id, u"item-1"_s).contains(u"not open"_s));
    // The operator hears of it too, with what it was.
    QCOMPARE(writeFailed.size(), 1);
    QCOMPARE(writeFailed.at(0).at(0).toString(), u"Saving the tick on \"Health\" (morning check)"_s);
    QCOMPARE(writeFailed.at(0).at(1).toString(), m_store->saveError(id, u"item-1"_s));
    QCOMPARE(today(*m_store).state(u"item-1"_s), ItemState::Open);
    QVERIFY(openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    QVERIFY(m_store->retry(id, u"item-1"_s));
    QTRY_COMPARE(m_store->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Saved);
    QCOMPARE(today(*m_store).state(u"item-1"_s), ItemState::Done);
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM checklist_ticks"_s), 1);
}

void TestChecklistStore::failedInstanceCreationReachesTheOperator()
{
    const auto trigger = StorageTest::wait(m_storage->write(u"A test's write"_s, [](QSqlDatabase &db) {
        sqlExec(db,
            u"CREATE TRIGGER refuse_instances BEFORE INSERT ON checklist_instances "
            u"BEGIN SELECT RAISE(ABORT, 'no room for new instances'); END"_s);
    }));
    QVERIFY(trigger && trigger->ok());
    QSignalSpy writeFailed(m_storage.get(), &Storage::writeFailed);
    // The next day has a period to create: that write fails, the load after it still shows what exists.
    QVERIFY(refreshAndWait(*m_store, m_now.addDays(1)));
    QCOMPARE(writeFailed.size(), 1);
    QCOMPARE(writeFailed.at(0).at(0).toString(), u"Creating the checklists due"_s);
    QVERIFY2(writeFailed.at(0).at(1).toString().contains(u"no room for new instances"_s),
        qPrintable(writeFailed.at(0).at(1).toString()));
    QVERIFY(!m_store->instances().isEmpty());
    for (const ChecklistInstance &i : m_store->instances()) {
        QVERIFY(i.periodKey != u"morning@2026-11-24"_s);
    }

    // On demand: its own instance, then the refresh that follows it tries the due ones again.
    writeFailed.clear();
    m_store->startOnDemand(u"morning"_s, m_now);
    QTRY_COMPARE(writeFailed.size(), 2);
    QCOMPARE(writeFailed.at(0).at(0).toString(), u"Starting the checklist \"morning check\""_s);
    QCOMPARE(writeFailed.at(1).at(0).toString(), u"Creating the checklists due"_s);
}

void TestChecklistStore::twoWindowsConflict()
{
    Storage otherStorage;
    QVERIFY(openStorage(otherStorage, m_dir->filePath(u"db.sqlite"_s)));
    ChecklistStore other(&otherStorage);
    other.setTimeZone(QTimeZone("Asia/Seoul"));
    other.setLookbackDays(3);
    other.setWorkspace(workspace({ checklist(u"morning"_s, u"daily 09:00"_s, { u"Health"_s, u"Logs"_s }) }));
    QVERIFY(refreshAndWait(other, m_now));
    const qint64 id = today(*m_store).id;
    QCOMPARE(today(other).id, id);

    // Both saw the item open; the first write wins, the second is kept but flagged.
    QVERIFY(m_store->tick(id, u"item-1"_s, u"first"_s));
    QTRY_COMPARE(m_store->saveState(id, u"item-1"_s), ChecklistStore::SaveState::Saved);
    QSignalSpy conflicts(&other, &ChecklistStore::conflictDetected);
    QVERIFY(other.untick(id, u"item-1"_s, u"second"_s));
    QTRY_COMPARE(other.saveState(id, u"item-1"_s), ChecklistStore::SaveState::Conflict);
    QCOMPARE(conflicts.size(), 1);
    QVERIFY(conflicts.first().at(2).toString().contains(u"Kim Ops"_s));
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM checklist_ticks"_s), 2);
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM checklist_ticks WHERE conflict = 1 AND note = 'second'"_s), 1);
    QCOMPARE(today(other).state(u"item-1"_s), ItemState::Done);

    // A different item is no conflict even though the instance's version moved on.
    QVERIFY(other.tick(id, u"item-2"_s));
    QTRY_COMPARE(other.saveState(id, u"item-2"_s), ChecklistStore::SaveState::Saved);

    // Retrying after seeing the other change applies it.
    QVERIFY(other.retry(id, u"item-1"_s));
    QTRY_COMPARE(other.saveState(id, u"item-1"_s), ChecklistStore::SaveState::Saved);
    QCOMPARE(today(other).state(u"item-1"_s), ItemState::Open);
}

void TestChecklistStore::lateIsReportedOnce()
{
    QSignalSpy late(m_store.get(), &ChecklistStore::becameLate);
    // 08:00 in Seoul: today's 09:00 check is not due; the days before are missed, not late.
    QVERIFY(m_store->checkLate(utc("2026-11-22T23:00:00")).isEmpty());
    QCOMPARE(late.count(), 0);
    const QList<qint64> first = m_store->checkLate(m_now);
    QCOMPARE(first, QList<qint64> { today(*m_store).id });
    QCOMPARE(late.count(), 1);
    QCOMPARE(late.at(0).at(0).toLongLong(), today(*m_store).id);
    QVERIFY(m_store->checkLate(m_now.addSecs(600)).isEmpty()); // once
    QCOMPARE(late.count(), 1);
}

QTEST_GUILESS_MAIN(TestChecklistStore)
#include "tst_checkliststore.moc"
