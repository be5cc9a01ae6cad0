// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notifylogmodel.h"
#include "notifyreceiver.h"
#include "notifytesthelpers.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

class tst_NotifyLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestFirstAndBounded();
};

void tst_NotifyLogModel::newestFirstAndBounded()
{
    NotifyReceiver server;
    QVERIFY(server.start());
    server.setAnswer("/ok", NotifyReceiver::ok());
    server.setAnswer("/bad", { NotifyReceiver::Answer::Mode::Reply, 404, {}, "no such hook" });
    QNetworkAccessManager nam;
    NotifySender sender(&nam);
    Notifier notifier(&sender);
    Workspace w;
    w.notifications.providers = { testProvider(u"ok"_s, u"slack"_s, u"LOGMODEL_OK_URL"_s, server.url(u"/ok"_s)),
        testProvider(u"bad"_s, u"slack"_s, u"LOGMODEL_BAD_URL"_s, server.url(u"/bad"_s)) };
    NotifyRoute route;
    route.id = u"all"_s;
    route.targets = { u"ok"_s };
    route.fallback = u"bad"_s;
    NotifyRoute broken;
    broken.id = u"broken"_s;
    broken.targets = { u"bad"_s };
    w.notifications.routes = { route, broken };
    notifier.setWorkspace(w);

    // Rows logged before the model follows the notifier are there at once.
    notifier.sendTest(u"all"_s);
    QTRY_COMPARE(notifier.log().size(), 1);
    NotifyLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNotifier(&notifier);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, NotifyLogModel::Route).data().toString(), u"all (test)"_s);
    QCOMPARE(model.index(0, NotifyLogModel::Result).data().toString(), u"sent"_s);

    notifier.sendTest(u"broken"_s);
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, NotifyLogModel::Provider).data().toString(), u"bad"_s); // newest first
    QCOMPARE(model.index(0, NotifyLogModel::Result).data().toString(), u"failed"_s);
    QVERIFY(!model.index(0, 0).data(NotifyLogModel::OkRole).toBool());
    const QString reason = model.index(0, NotifyLogModel::Reason).data().toString();
    QVERIFY2(reason.contains(u"404"_s) && reason.contains(u"${LOGMODEL_BAD_URL}"_s), qPrintable(reason));
    QVERIFY(!reason.contains(server.url(u"/bad"_s).toString()));

    // Bounded like the notifier's log: the oldest row leaves. The server counts a request before its answer reaches
    // the notifier, so the test waits for every row to be logged, not for the server.
    QSignalSpy logged(&notifier, &Notifier::logged);
    for (int i = 0; i < Notifier::logCapacity; ++i) {
        notifier.sendTest(u"all"_s);
    }
    QTRY_COMPARE_WITH_TIMEOUT(logged.size(), int(Notifier::logCapacity), 20000);
    QCOMPARE(server.count("/ok"), Notifier::logCapacity + 1);
    QCOMPARE(model.rowCount(), int(Notifier::logCapacity));
    QCOMPARE(model.entry(model.rowCount() - 1).provider, u"ok"_s);
    QCOMPARE(model.entry(0).time, notifier.log().constLast().time);
    model.setNotifier(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_NotifyLogModel)
#include "tst_notifylogmodel.moc"
