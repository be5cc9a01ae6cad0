// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/actionitemmodel.h"
#include "incidenttesthelpers.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace IncidentTest;

class TestActionItemModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void editsGoThroughTheStore();
};

void TestActionItemModel::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_actionitemmodel"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
}

void TestActionItemModel::editsGoThroughTheStore()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    IncidentStore store(&storage);
    ActionItemModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    store.setWorkspace(workspace());
    QVERIFY(refreshAndWait(store));
    QCOMPARE(model.rowCount(), 0);
    const qint64 id = createAndWait(store, draft(u"x"_s));
    model.setIncidentId(id);
    QCOMPARE(model.rowCount(), 1); // the blank "new" row
    QVERIFY(!(model.flags(model.index(0, ActionItemModel::OwnerColumn)) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(model.index(0, ActionItemModel::OwnerColumn), u"Team"_s));

    QVERIFY(model.setData(model.index(0, ActionItemModel::ActionColumn), u"Automate cache checks"_s));
    QVERIFY(settle(store, id));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ActionItemModel::ActionColumn).data().toString(), u"Automate cache checks"_s);
    QCOMPARE(model.index(0, ActionItemModel::StatusColumn).data().toString(), u"Open"_s);

    QVERIFY(model.setData(model.index(0, ActionItemModel::DueColumn), QDate(2026, 12, 1)));
    QVERIFY(settle(store, id));
    QVERIFY(model.setData(model.index(0, ActionItemModel::StatusColumn), int(ActionStatus::Done)));
    QVERIFY(settle(store, id));
    QCOMPARE(model.index(0, ActionItemModel::DueColumn).data().toString(), u"2026-12-01"_s);
    QCOMPARE(model.index(0, ActionItemModel::StatusColumn).data(ActionItemModel::StatusRole).toInt(),
        int(ActionStatus::Done));
    QCOMPARE(store.incident(id)->actionItems.constFirst().due, QDate(2026, 12, 1));

    QVERIFY(!model.setData(model.index(0, ActionItemModel::ActionColumn), u"  "_s));
    QVERIFY(model.lastError().contains(u"needs a description"_s));

    QVERIFY(model.setData(model.index(1, ActionItemModel::ActionColumn), u"Write the rollback drill"_s));
    QVERIFY(settle(store, id));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.removeItem(2), u"no action item in row 3"_s); // the blank row
    QCOMPARE(model.removeItem(0), QString());
    QVERIFY(settle(store, id));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ActionItemModel::ActionColumn).data().toString(), u"Write the rollback drill"_s);
    QCOMPARE(store.incident(id)->actionItems.size(), 1);
}

QTEST_GUILESS_MAIN(TestActionItemModel)
#include "tst_actionitemmodel.moc"
