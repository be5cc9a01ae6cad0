// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistitemmodel.h"
#include "checklist/checkliststore.h"
#include "checklists/checklistspage.h"
#include "checklists/signoffdialog.h"
#include "checklisttesthelpers.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace ChecklistTest;

class TestChecklistsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tickThroughTheViewIsStored();
    void signOffThroughTheDialog();

private:
    void clickCheckBox(QTreeView *view, int row);
};

void TestChecklistsPage::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_checklistspage"_s);
    QSettings().setValue(u"operator/name"_s, u"Choi"_s);
}

void TestChecklistsPage::clickCheckBox(QTreeView *view, int row)
{
    const QModelIndex index = view->model()->index(row, ChecklistItemModel::ItemColumn);
    const QRect rect = view->visualRect(index);
    QVERIFY(rect.isValid());
    // The check indicator sits at the left of the cell, before the text.
    const QPoint pos(rect.left() + view->style()->pixelMetric(QStyle::PM_IndicatorWidth) / 2 + 4, rect.center().y());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
}

void TestChecklistsPage::tickThroughTheViewIsStored()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    ChecklistStore store(&storage);
    store.setLookbackDays(1);
    store.setWorkspace(workspace({ checklist(u"morning"_s, u"daily 09:00"_s, { u"Health"_s, u"Logs"_s }) }));
    ChecklistsPage page;
    page.setStore(&store);
    page.resize(1000, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(refreshAndWait(store, QDateTime::currentDateTimeUtc()));
    QTRY_VERIFY(page.currentInstanceId() != 0);

    QTreeView *items = page.itemView();
    QCOMPARE(items->model()->rowCount(), 2);
    clickCheckBox(items, 1);
    const qint64 id = page.currentInstanceId();
    QTRY_COMPARE(store.saveState(id, u"item-2"_s), ChecklistStore::SaveState::Saved);
    QCOMPARE(items->model()->index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    const QVariant stored = query(storage, [id](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"SELECT item_id, action, actor FROM checklist_ticks WHERE instance_id = ?"_s);
        q.addBindValue(id);
        return q.exec() && q.next()
            ? QVariant(q.value(0).toString() + u'/' + q.value(1).toString() + u'/' + q.value(2).toString())
            : QVariant();
    });
    QCOMPARE(stored.toString(), u"item-2/tick/Choi"_s);

    auto *sign = page.findChild<QPushButton *>(u"signButton"_s);
    QVERIFY(sign);
    QVERIFY(!sign->isEnabled()); // item-1 is still open
}

void TestChecklistsPage::signOffThroughTheDialog()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    ChecklistStore store(&storage);
    store.setLookbackDays(1);
    store.setWorkspace(workspace({ checklist(u"morning"_s, u"daily 09:00"_s, { u"Health"_s }) }));
    ChecklistsPage page;
    page.setStore(&store);
    page.show();
    QVERIFY(refreshAndWait(store, QDateTime::currentDateTimeUtc()));
    QTRY_VERIFY(page.currentInstanceId() != 0);
    const qint64 id = page.currentInstanceId();
    QVERIFY(store.tick(id, u"item-1"_s));
    auto *sign = page.findChild<QPushButton *>(u"signButton"_s);
    QTRY_VERIFY(sign->isEnabled());
    sign->click();
    SignOffDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<SignOffDialog *>()) != nullptr);
    dialog->findChild<QPlainTextEdit *>(u"signComment"_s)->setPlainText(u"quiet night"_s);
    dialog->accept();
    QTRY_VERIFY(store.instance(id)->isSigned());
    QCOMPARE(store.instance(id)->signComment, u"quiet night"_s);
    QCOMPARE(store.instance(id)->signedBy, u"Choi"_s);
    QTRY_VERIFY(!sign->isEnabled());
    QVERIFY(!page.itemView()->model()->flags(page.itemView()->model()->index(0, 0)).testFlag(Qt::ItemIsUserCheckable));
}

QTEST_MAIN(TestChecklistsPage)
#include "tst_checklistspage.moc"
