// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistitemmodel.h"
#include "checklist/checkliststore.h"
#include "checklisttesthelpers.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ChecklistTest;

class TestChecklistItemModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rows();
    void checkStateFollowsStorage();
    void overdueItems_data();
    void overdueItems();
    void unsavedShowsError();
    void signedIsNotCheckable();

private:
    qint64 todayId() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<ChecklistStore> m_store;
    std::unique_ptr<ChecklistItemModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestChecklistItemModel::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_checklistitemmodel"_s);
    QSettings().setValue(u"operator/name"_s, u"Park"_s);
}

void TestChecklistItemModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    m_store = std::make_unique<ChecklistStore>(m_storage.get());
    m_model = std::make_unique<ChecklistItemModel>(m_store.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_store->setTimeZone(QTimeZone("Asia/Seoul"));
    m_store->setLookbackDays(1);
    Checklist c = checklist(u"morning"_s, u"daily 09:00"_s, { u"Health"_s, u"Logs"_s, u"Backups"_s });
    c.items[1].due = QTime(10, 30);
    m_store->setWorkspace(workspace({ c }));
    QVERIFY(refreshAndWait(*m_store, utc("2026-11-22T23:00:00")));
    m_model->setInstanceId(todayId());
}

void TestChecklistItemModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_store.reset();
    m_storage.reset();
    m_dir.reset();
}

qint64 TestChecklistItemModel::todayId() const
{
    return m_store->instances().first().id;
}

void TestChecklistItemModel::rows()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(1, ChecklistItemModel::ItemColumn).data().toString(), u"Logs"_s);
    m_model->setLanguage(u"ko"_s);
    QCOMPARE(m_model->index(1, ChecklistItemModel::ItemColumn).data().toString(), u"Logs (ko)"_s);
    QCOMPARE(m_model->rowOf(u"item-3"_s), 2);
    QVERIFY(m_model->flags(m_model->index(0, 0)).testFlag(Qt::ItemIsUserCheckable));
    QCOMPARE(m_model->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
}

void TestChecklistItemModel::checkStateFollowsStorage()
{
    QSignalSpy requested(m_model.get(), &ChecklistItemModel::toggleRequested);
    const QModelIndex first = m_model->index(0, 0);
    QVERIFY(!m_model->setData(first, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), u"item-1"_s);
    QCOMPARE(requested.first().at(1).toBool(), true);
    QCOMPARE(first.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

    QVERIFY(m_store->tick(todayId(), u"item-1"_s, u"fine"_s));
    QCOMPARE(m_model->index(0, ChecklistItemModel::SaveColumn).data().toString(), u"saving…"_s);
    QCOMPARE(first.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QTRY_COMPARE(first.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(m_model->index(0, ChecklistItemModel::SaveColumn).data().toString(), u"saved"_s);
    QCOMPARE(m_model->index(0, ChecklistItemModel::NoteColumn).data().toString(), u"fine"_s);
    QVERIFY(m_model->index(0, ChecklistItemModel::DoneByColumn).data().toString().startsWith(u"Park, "_s));
}

void TestChecklistItemModel::overdueItems_data()
{
    QTest::addColumn<QString>("now");
    QTest::addColumn<QList<bool>>("overdue");
    QTest::addRow("08:59") << u"2026-11-22T23:59:00"_s << QList<bool> { false, false, false };
    QTest::addRow("09:00") << u"2026-11-23T00:00:00"_s << QList<bool> { true, false, true };
    QTest::addRow("10:30") << u"2026-11-23T01:30:00"_s << QList<bool> { true, true, true };
}

void TestChecklistItemModel::overdueItems()
{
    QFETCH(QString, now);
    QFETCH(QList<bool>, overdue);
    QDateTime at = QDateTime::fromString(now, Qt::ISODate);
    at.setTimeZone(QTimeZone::utc());
    m_model->setNow(at);
    for (int row = 0; row < overdue.size(); ++row) {
        QCOMPARE(m_model->index(row, 0).data(ChecklistItemModel::OverdueRole).toBool(), overdue.at(row));
        // The model says what the row means; the view's delegate decides how that looks.
        QVERIFY(!m_model->index(row, 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(!m_model->index(row, 0).data(Qt::FontRole).isValid());
    }
}

void TestChecklistItemModel::unsavedShowsError()
{
    m_storage->close();
    QVERIFY(m_store->tick(todayId(), u"item-2"_s));
    const QModelIndex save = m_model->index(1, ChecklistItemModel::SaveColumn);
    QTRY_COMPARE(save.data(ChecklistItemModel::SaveStateRole).toInt(), int(ChecklistStore::SaveState::Unsaved));
    QVERIFY(save.data().toString().startsWith(u"unsaved: "_s));
    QVERIFY(save.data(Qt::ToolTipRole).toString().contains(u"not open"_s));
    QCOMPARE(m_model->index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
}

void TestChecklistItemModel::signedIsNotCheckable()
{
    for (const QString &item : { u"item-1"_s, u"item-2"_s, u"item-3"_s }) {
        QVERIFY(m_store->tick(todayId(), item));
    }
    QTRY_VERIFY(!m_store->isSaving(todayId()));
    QSignalSpy signedOff(m_store.get(), &ChecklistStore::signedOff);
    m_store->sign(todayId(), {});
    QVERIFY(signedOff.wait());
    QVERIFY(!m_model->flags(m_model->index(0, 0)).testFlag(Qt::ItemIsUserCheckable));
}

QTEST_GUILESS_MAIN(TestChecklistItemModel)
#include "tst_checklistitemmodel.moc"
