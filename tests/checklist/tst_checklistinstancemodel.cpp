// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistinstancemodel.h"
#include "checklist/checkliststore.h"
#include "checklisttesthelpers.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ChecklistTest;

class TestChecklistInstanceModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rowsAndColumns();
    void status_data();
    void status();
    void progressFollowsTicks();
};

void TestChecklistInstanceModel::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_checklistinstancemodel"_s);
    QSettings().setValue(u"operator/name"_s, u"Lee"_s);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestChecklistInstanceModel::rowsAndColumns()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    ChecklistStore store(&storage);
    ChecklistInstanceModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    store.setTimeZone(QTimeZone("Asia/Seoul"));
    store.setLookbackDays(10);
    store.setWorkspace(workspace({ checklist(u"morning"_s, u"daily 09:00"_s, { u"a"_s, u"b"_s, u"c"_s }),
        checklist(u"weekly"_s, u"weekly mon,fri"_s, { u"x"_s }) }));
    QVERIFY(refreshAndWait(store, utc("2026-11-23T03:00:00")));
    // 10 daily + 3 weekly (Fri 11-13 is the 14th: outside; Mon 16, Fri 20, Mon 23)
    QCOMPARE(model.rowCount(), 13);
    QCOMPARE(model.columnCount(), int(ChecklistInstanceModel::ColumnCount));
    const QModelIndex first = model.index(0, ChecklistInstanceModel::TitleColumn);
    QVERIFY(first.data().toString().endsWith(u" check"_s));
    model.setLanguage(u"ko"_s);
    QVERIFY(first.data().toString().endsWith(u" 점검"_s));
    QCOMPARE(model.index(0, ChecklistInstanceModel::ProgressColumn).data().toString(),
        first.data().toString().startsWith(u"morning"_s) ? u"0/3"_s : u"0/1"_s);
    QCOMPARE(model.headerData(ChecklistInstanceModel::DueColumn, Qt::Horizontal).toString(), u"Due"_s);
}

void TestChecklistInstanceModel::status_data()
{
    QTest::addColumn<QString>("now");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("text");
    QTest::addRow("before nine") << u"2026-11-22T23:00:00"_s << int(PeriodStatus::Open) << u"Open"_s;
    QTest::addRow("after nine") << u"2026-11-23T03:00:00"_s << int(PeriodStatus::Overdue) << u"Overdue"_s;
    QTest::addRow("next day") << u"2026-11-24T03:00:00"_s << int(PeriodStatus::Missed) << u"Missed"_s;
}

void TestChecklistInstanceModel::status()
{
    QFETCH(QString, now);
    QFETCH(int, status);
    QFETCH(QString, text);
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    ChecklistStore store(&storage);
    ChecklistInstanceModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    store.setTimeZone(QTimeZone("Asia/Seoul"));
    store.setLookbackDays(1);
    store.setWorkspace(workspace({ checklist(u"morning"_s, u"daily 09:00"_s, { u"a"_s }) }));
    QVERIFY(refreshAndWait(store, utc("2026-11-22T23:00:00")));
    QCOMPARE(model.rowCount(), 1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QDateTime at = QDateTime::fromString(now, Qt::ISODate);
    at.setTimeZone(QTimeZone::utc());
    model.setNow(at);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, 0).data(ChecklistInstanceModel::StatusRole).toInt(), status);
    QCOMPARE(model.index(0, ChecklistInstanceModel::StatusColumn).data().toString(), text);
    QVERIFY(!model.index(0, ChecklistInstanceModel::StatusColumn).data(Qt::ForegroundRole).isValid());
}

void TestChecklistInstanceModel::progressFollowsTicks()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    ChecklistStore store(&storage);
    ChecklistInstanceModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    store.setTimeZone(QTimeZone("Asia/Seoul"));
    store.setLookbackDays(1);
    store.setWorkspace(workspace({ checklist(u"morning"_s, u"daily 09:00"_s, { u"a"_s, u"b"_s }) }));
    QVERIFY(refreshAndWait(store, utc("2026-11-22T23:00:00")));
    const qint64 id = model.index(0, 0).data(ChecklistInstanceModel::InstanceIdRole).toLongLong();
    QCOMPARE(model.rowOf(id), 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(store.tick(id, u"item-1"_s));
    QTRY_COMPARE(model.index(0, ChecklistInstanceModel::ProgressColumn).data().toString(), u"1/2"_s);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(model.index(0, 0).data(ChecklistInstanceModel::DoneRole).toInt(), 1);
    QVERIFY(store.tick(id, u"item-2"_s));
    QTRY_COMPARE(model.index(0, 0).data(ChecklistInstanceModel::DoneRole).toInt(), 2);
    store.sign(id, u"ok"_s);
    QTRY_COMPARE(model.index(0, ChecklistInstanceModel::StatusColumn).data().toString(), u"Signed by Lee"_s);
    QCOMPARE(model.index(0, 0).data(ChecklistInstanceModel::StatusRole).toInt(), int(PeriodStatus::Signed));
}

QTEST_GUILESS_MAIN(TestChecklistInstanceModel)
#include "tst_checklistinstancemodel.moc"
