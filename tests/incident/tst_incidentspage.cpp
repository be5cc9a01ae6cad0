// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/escalationengine.h"
#include "incident/timelinefiltermodel.h"
#include "incident/timelinemodel.h"
#include "incidents/incidenteditor.h"
#include "incidents/incidentspage.h"
#include "incidents/timelinepanel.h"
#include "incidenttesthelpers.h"
#include "statuslookdelegate.h"
#include "thememanager.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace IncidentTest;

class TestIncidentsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void quickEntryIsStored();
    void statusChangeFromTheEditor();
    void slaColoursFollowTheTheme();
    void acknowledgeButtonStopsEscalation();
};

void TestIncidentsPage::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_incidentspage"_s);
    QSettings().setValue(u"operator/name"_s, u"Choi"_s);
}

void TestIncidentsPage::quickEntryIsStored()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    IncidentStore store(&storage);
    store.setWorkspace(workspace());
    IncidentsPage page;
    page.setStore(&store);
    page.resize(1200, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(refreshAndWait(store));
    const qint64 id = createAndWait(store, draft(u"Checkout errors"_s));
    QTRY_COMPARE(page.currentIncidentId(), id);

    page.tabs()->setCurrentWidget(page.timelinePanel());
    QLineEdit *entry = page.timelinePanel()->quickEntry();
    QTRY_VERIFY(entry->isVisible() && entry->isEnabled());
    entry->setFocus();
    QTest::keyClicks(entry, u"Rolled back to v1"_s);
    QTest::keyClick(entry, Qt::Key_Return);
    QVERIFY(entry->text().isEmpty());
    QVERIFY(settle(store, id));

    QCOMPARE(scalar(storage,
                 u"SELECT COUNT(*) FROM incident_timeline WHERE kind = 'note' AND text = 'Rolled back to v1' "
                 u"AND author = 'Choi' AND incident_id = "_s
                     + QString::number(id)),
        1);
    QTreeView *view = page.timelinePanel()->view();
    QCOMPARE(view->model()->rowCount(), 2);
    QCOMPARE(view->model()->index(1, TimelineModel::EntryColumn).data().toString(), u"Rolled back to v1"_s);

    // An empty line appends nothing; the kind filter hides the note.
    QTest::keyClick(entry, Qt::Key_Return);
    QVERIFY(!store.isSaving(id));
    auto *kinds = page.timelinePanel()->findChild<QComboBox *>(u"kindFilter"_s);
    QVERIFY(kinds);
    kinds->setCurrentIndex(2); // status and severity
    QCOMPARE(view->model()->rowCount(), 1);
    kinds->setCurrentIndex(1); // notes
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, TimelineModel::EntryColumn).data().toString(), u"Rolled back to v1"_s);
}

void TestIncidentsPage::statusChangeFromTheEditor()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    IncidentStore store(&storage);
    store.setWorkspace(workspace());
    IncidentsPage page;
    page.setStore(&store);
    page.resize(1200, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(refreshAndWait(store));
    const qint64 id = createAndWait(store, draft(u"x"_s));
    QTRY_COMPARE(page.currentIncidentId(), id);
    QComboBox *status = page.editor()->statusBox();
    // Only the allowed transitions are offered: the current status and what may follow detected.
    QCOMPARE(status->count(), 4);
    QCOMPARE(status->itemData(0).toInt(), int(IncidentStatus::Detected));
    QVERIFY(status->findData(int(IncidentStatus::Closed)) < 0);
    status->setCurrentIndex(status->findData(int(IncidentStatus::Investigating)));
    QVERIFY(page.editor()->saveButton()->isEnabled());
    QTest::mouseClick(page.editor()->saveButton(), Qt::LeftButton);
    QVERIFY(settle(store, id));
    QCOMPARE(store.incident(id)->status, IncidentStatus::Investigating);
    QCOMPARE(scalar(storage, u"SELECT COUNT(*) FROM incident_timeline WHERE to_value = 'investigating'"_s), 1);
    QTRY_COMPARE(status->itemData(0).toInt(), int(IncidentStatus::Investigating));
}

void TestIncidentsPage::slaColoursFollowTheTheme()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    IncidentStore store(&storage);
    store.setWorkspace(workspace());
    QApplication::setPalette(ThemeManager::lightPalette());
    IncidentsPage page;
    page.setStore(&store);
    page.resize(1200, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(refreshAndWait(store));
    Incident late = draft(u"Checkout down"_s, u"P0"_s); // 5 minutes to acknowledge
    late.startedAt = QDateTime::currentDateTimeUtc().addSecs(-10 * 60);
    const qint64 id = createAndWait(store, late);
    QTRY_COMPARE(page.currentIncidentId(), id);

    // The list colours the clocks through its delegate, the editor through its labels' palette, both from the theme.
    QTreeView *list = page.findChild<QTreeView *>(u"incidentList"_s);
    QVERIFY(list);
    QVERIFY(qobject_cast<StatusLookDelegate *>(list->itemDelegate()));
    auto *ack = page.editor()->findChild<QLabel *>(u"ackClock"_s);
    QVERIFY(ack);
    const QColor lightBad = StatusPalette::color(StatusPalette::Tone::Bad, ThemeManager::lightPalette());
    const QColor darkBad = StatusPalette::color(StatusPalette::Tone::Bad, ThemeManager::darkPalette());
    QCOMPARE(ack->palette().color(QPalette::WindowText), lightBad);
    QApplication::setPalette(ThemeManager::darkPalette());
    QTRY_COMPARE(ack->palette().color(QPalette::WindowText), darkBad);
    QCOMPARE(ack->palette().color(QPalette::Window), ThemeManager::darkPalette().color(QPalette::Window));
    QApplication::setPalette(ThemeManager::lightPalette());
    QTRY_COMPARE(ack->palette().color(QPalette::WindowText), lightBad);
}

void TestIncidentsPage::acknowledgeButtonStopsEscalation()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    IncidentStore store(&storage);
    Workspace w = workspace();
    EscalationPolicy policy;
    policy.id = u"sre"_s;
    EscalationLevel later;
    later.after = Milliseconds(30 * 60 * 1000);
    later.targets = { u"nobody"_s }; // never reached: the test acknowledges first
    policy.levels = { later };
    w.notifications.escalationPolicies = { policy };
    store.setWorkspace(w);
    EscalationEngine engine(&store, nullptr);
    engine.setWorkspace(w);
    IncidentsPage page;
    page.setStore(&store);
    page.editor()->setEscalation(&engine);
    page.resize(1200, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(refreshAndWait(store));
    const qint64 id = createAndWait(store, draft(u"x"_s));
    QTRY_COMPARE(page.currentIncidentId(), id);
    auto *status = page.editor()->findChild<QLabel *>(u"escalationStatus"_s);
    QVERIFY(status);
    QTRY_VERIFY2(status->text().contains(u"next: level 1"_s), qPrintable(status->text()));
    QPushButton *ack = page.editor()->acknowledgeButton();
    QVERIFY(ack->isEnabled());
    QTest::mouseClick(ack, Qt::LeftButton);
    QTRY_VERIFY(store.incident(id)->acknowledgedAt.isValid());
    QCOMPARE(store.incident(id)->timeline.constLast().kind, TimelineKind::Acknowledged);
    QCOMPARE(store.incident(id)->timeline.constLast().author, u"Choi"_s);
    QTRY_VERIFY(!ack->isEnabled());
    QTRY_VERIFY2(status->text().contains(u"stopped"_s), qPrintable(status->text()));
}

QTEST_MAIN(TestIncidentsPage)
#include "tst_incidentspage.moc"
