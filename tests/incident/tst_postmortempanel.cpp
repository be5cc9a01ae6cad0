// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/actionitemmodel.h"
#include "incidents/postmortempanel.h"
#include "incidenttesthelpers.h"

#include <QApplication>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace IncidentTest;

class TestPostMortemPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void removesTheSelectedActionItem();
};

void TestPostMortemPanel::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_postmortempanel"_s);
    QSettings().setValue(u"operator/name"_s, u"Choi"_s);
}

void TestPostMortemPanel::removesTheSelectedActionItem()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    IncidentStore store(&storage);
    store.setWorkspace(workspace());
    QVERIFY(refreshAndWait(store));
    const qint64 id = createAndWait(store, draft(u"Checkout errors"_s));
    for (const QString &action : { u"Alert on cache misses"_s, u"Rollback drill"_s }) {
        ActionItem item;
        item.incidentId = id;
        item.action = action;
        QCOMPARE(store.saveActionItem(item), QString());
        QVERIFY(settle(store, id));
    }
    PostMortemPanel panel;
    panel.setStore(&store);
    panel.setIncidentId(id);
    panel.resize(1000, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *view = panel.findChild<QTableView *>();
    auto *remove = panel.findChild<QPushButton *>(u"removeActionItem"_s);
    QVERIFY(view && remove);
    QCOMPARE(view->model()->rowCount(), 3);
    view->setCurrentIndex({});
    QVERIFY(!remove->isEnabled());
    view->setCurrentIndex(view->model()->index(2, 0)); // the blank row: nothing to remove
    QVERIFY(!remove->isEnabled());
    view->setCurrentIndex(view->model()->index(0, 0));
    QVERIFY(remove->isEnabled());
    remove->click();
    QVERIFY(settle(store, id));
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QCOMPARE(view->model()->index(0, ActionItemModel::ActionColumn).data().toString(), u"Rollback drill"_s);
    // The Delete key does the same.
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(settle(store, id));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QVERIFY(store.incident(id)->actionItems.isEmpty());
}

QTEST_MAIN(TestPostMortemPanel)
#include "tst_postmortempanel.moc"
