// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The tray's menu acknowledges open incidents nobody has acknowledged, on a real SQLite store.
#include "incidenttesthelpers.h"
#include "trayincidentmenu.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace IncidentTest;

class TestTrayIncidentMenu final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgesFromTheMenu();
};

void TestTrayIncidentMenu::acknowledgesFromTheMenu()
{
    QSettings().setValue(u"operator/name"_s, u"Kim Ops"_s);
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    IncidentStore store(&storage);
    store.setWorkspace(workspace());
    QVERIFY(refreshAndWait(store));
    const qint64 open = createAndWait(store, draft(u"Checkout is down"_s, u"P0"_s));
    const qint64 resolved = createAndWait(store, draft(u"Old one"_s));
    QVERIFY(store.setStatus(resolved, IncidentStatus::Resolved).isEmpty());
    QVERIFY(settle(store, resolved));

    TrayIncidentMenu menu(&store);
    QSignalSpy acknowledged(&menu, &TrayIncidentMenu::acknowledged);
    QSignalSpy show(&menu, &TrayIncidentMenu::showRequested);
    menu.rebuild();
    QList<QAction *> actions = menu.actions();
    QCOMPARE(actions.size(), 3); // the open incident, a separator, Show OpsDeck
    QCOMPARE(actions.at(0)->text(), u"Acknowledge #%1 Checkout is down (P0)"_s.arg(open));
    actions.at(0)->trigger();
    QVERIFY(acknowledged.wait(10000));
    QCOMPARE(acknowledged.constFirst().at(0).toLongLong(), open);
    QCOMPARE(acknowledged.constFirst().at(1).toString(), QString());
    QVERIFY(store.incident(open)->acknowledgedAt.isValid());
    QCOMPARE(store.incident(open)->timeline.constLast().author, u"Kim Ops"_s);

    menu.rebuild();
    actions = menu.actions();
    QCOMPARE(actions.size(), 1); // nothing left to acknowledge
    actions.at(0)->trigger();
    QCOMPARE(show.size(), 1);
    // An acknowledgement from elsewhere (the incident page) is not the menu's to report.
    const qint64 other = createAndWait(store, draft(u"Search slow"_s));
    QVERIFY(store.acknowledge(other).isEmpty());
    QTRY_VERIFY(store.incident(other)->acknowledgedAt.isValid());
    QTest::qWait(100);
    QCOMPARE(acknowledged.size(), 1);
}

QTEST_MAIN(TestTrayIncidentMenu)
#include "tst_trayincidentmenu.moc"
