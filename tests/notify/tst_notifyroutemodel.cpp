// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notifyroutemodel.h"
#include "notifyreceiver.h"
#include "notifytesthelpers.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

class tst_NotifyRouteModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routesAndLastDelivery();
};

void tst_NotifyRouteModel::routesAndLastDelivery()
{
    NotifyReceiver server;
    QVERIFY(server.start());
    server.setAnswer("/ok", NotifyReceiver::ok());
    QNetworkAccessManager nam;
    NotifySender sender(&nam);
    Notifier notifier(&sender);
    Workspace w;
    w.notifications.providers = { testProvider(u"chat"_s, u"slack"_s, u"ROUTEMODEL_URL"_s, server.url(u"/ok"_s)) };
    NotifyRoute night;
    night.id = u"night"_s;
    night.events = { u"endpoint"_s, u"kpi"_s };
    night.minSeverity = u"critical"_s;
    night.targets = { u"chat"_s };
    night.fallback = u"chat"_s;
    night.from = QTime(22, 0);
    night.until = QTime(6, 0);
    NotifyRoute all;
    all.id = u"all"_s;
    all.targets = { u"chat"_s };
    w.notifications.routes = { night, all };
    notifier.setWorkspace(w);

    NotifyRouteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWorkspace(w);
    model.setNotifier(&notifier);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.routeId(1), u"all"_s);
    QCOMPARE(model.index(0, NotifyRouteModel::Events).data().toString(), u"endpoint, kpi"_s);
    QCOMPARE(model.index(1, NotifyRouteModel::Events).data().toString(), u"every event"_s);
    QCOMPARE(model.index(0, NotifyRouteModel::Targets).data().toString(), u"chat (slack); fallback chat"_s);
    QCOMPARE(model.index(0, NotifyRouteModel::Hours).data().toString(), u"22:00-06:00"_s);
    QCOMPARE(model.index(1, NotifyRouteModel::Hours).data().toString(), u"always"_s);
    QCOMPARE(model.index(1, NotifyRouteModel::Last).data().toString(), u"nothing sent yet"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    notifier.sendTest(u"all"_s);
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QVERIFY(model.index(1, NotifyRouteModel::Last).data().toString().startsWith(u"sent · "_s));
    QCOMPARE(model.index(0, NotifyRouteModel::Last).data().toString(), u"nothing sent yet"_s);

    w.notifications.routes = { all };
    model.setWorkspace(w);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0, NotifyRouteModel::Last).data().toString().startsWith(u"sent · "_s));
}

QTEST_GUILESS_MAIN(tst_NotifyRouteModel)
#include "tst_notifyroutemodel.moc"
