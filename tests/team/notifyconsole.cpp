// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A console that only notifies, for the kill -9 test (tst_teamnotify):
//   notifyconsole DATABASE-URL RECEIVER-URL LEASE-MS claim   claims "endpoint/health critical" on route "pager",
//                                                            prints "claimed" and stops before sending (kill it)
//   notifyconsole DATABASE-URL RECEIVER-URL LEASE-MS serve   sends what expired claims left, prints "sent" each time
#include "notify/deliveryledger.h"
#include "notify/notifier.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: notifyconsole DATABASE-URL RECEIVER-URL LEASE-MS claim|serve\n");
        return 2;
    }
    Storage storage;
    QObject::connect(&storage, &Storage::openFailed, &app, [](const QString &error) {
        std::fprintf(stderr, "notifyconsole: %s\n", qUtf8Printable(error));
        QCoreApplication::exit(1);
    });
    storage.open(args.at(1));
    qputenv("NOTIFYCONSOLE_URL", args.at(2).toUtf8());
    QNetworkAccessManager nam;
    NotifySender sender(&nam);
    Notifier notifier(&sender);
    DeliveryLedger ledger(&storage);
    ledger.setLease(args.at(3).toInt());
    Workspace w;
    w.info.id = u"meetpin"_s;
    NotifyProvider provider;
    provider.id = u"pager"_s;
    provider.kind = u"slack"_s;
    provider.url = u"${NOTIFYCONSOLE_URL}"_s;
    NotifyRoute route;
    route.id = u"pager"_s;
    route.targets = { u"pager"_s };
    w.notifications.providers = { provider };
    w.notifications.routes = { route };
    notifier.setWorkspace(w);
    notifier.setLedger(&ledger);
    QObject::connect(&notifier, &Notifier::logged, &app, [](const NotifyLogEntry &entry) {
        std::printf("%s\n", entry.ok ? "sent" : "failed");
        std::fflush(stdout);
    });
    if (args.at(4) == u"claim"_s) {
        QObject::connect(&notifier, &Notifier::claimed, &app, [] {
            std::printf("claimed\n");
            std::fflush(stdout);
            for (;;) {
                QThread::sleep(60); // between the claim and the send, until killed
            }
        });
        NotificationEvent e;
        e.kind = NotificationEvent::Kind::Endpoint;
        e.subject = u"health"_s;
        e.title = u"health"_s;
        e.from = u"ok"_s;
        e.to = u"critical"_s;
        e.severity = NotifySeverity::Critical;
        e.time = QDateTime::currentDateTimeUtc();
        notifier.notify(e);
    }
    return app.exec();
}
