// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A console that only escalates, for the kill -9 test (tst_teamescalation), on the workspace of escalationworkspace.h
// (levels 2 and 3 an hour away):
//   escalationconsole DATABASE-URL RECEIVER-BASE LEASE-MS claim   claims level 1 of the open incident, prints
//                                                                 "claimed" and stops before sending (kill it)
//   escalationconsole DATABASE-URL RECEIVER-BASE LEASE-MS serve   escalates; prints "sent" for each message
#include "escalationworkspace.h"
#include "incident/escalationengine.h"
#include "incident/incidentstore.h"
#include "notify/deliveryledger.h"
#include "notify/notifysender.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QThread>

#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: escalationconsole DATABASE-URL RECEIVER-BASE LEASE-MS claim|serve\n");
        return 2;
    }
    const Workspace w = TeamTest::escalationWorkspace(args.at(2), 1h, 2h);
    Storage storage;
    QObject::connect(&storage, &Storage::openFailed, &app, [](const QString &error) {
        std::fprintf(stderr, "escalationconsole: %s\n", qUtf8Printable(error));
        QCoreApplication::exit(1);
    });
    IncidentStore store(&storage);
    store.setWorkspace(w);
    QNetworkAccessManager nam;
    NotifySender sender(&nam);
    EscalationEngine engine(&store, &sender);
    DeliveryLedger ledger(&storage);
    ledger.setLease(args.at(3).toInt());
    engine.setWorkspace(w);
    QObject::connect(&storage, &Storage::opened, &app, [&] {
        engine.setLedger(&ledger);
        store.refresh();
        engine.start(200);
    });
    QObject::connect(&engine, &EscalationEngine::delivered, &app, [](qint64, const QString &, bool ok) {
        std::printf("%s\n", ok ? "sent" : "failed");
        std::fflush(stdout);
    });
    if (args.at(4) == u"claim"_s) {
        QObject::connect(&engine, &EscalationEngine::stepTaken, &app, [] {
            std::printf("claimed\n");
            std::fflush(stdout);
            for (;;) {
                QThread::sleep(60); // between the claim and the send, until killed
            }
        });
    }
    storage.open(args.at(1));
    return app.exec();
}
