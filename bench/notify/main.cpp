// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench-notify: from a state change handed to the notifier to the provider's server receiving the message, through
// the whole path (routes, the delivery claim in a SQLite database, the request), next to the raw HTTP round trip
// to the same loopback receiver.
//   bench-notify [--single 200] [--burst 500] [--rate-limit 60]
// Prints p50/p99/max for one event at a time and for a burst of simultaneous events on two routes: one whose rate
// limit the burst stays under, one whose limit holds most of it back (what it held, and its summary message).
// Receiver and notifier share this process's event loop, so the figures include that queueing.
#include "notify/deliveryledger.h"
#include "notify/notifier.h"
#include "notifyreceiver.h"
#include "storage/storage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return double(values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())))));
}

void print(const char *what, const QList<qint64> &us, int expected)
{
    std::printf("%-44s n=%4lld/%-4d p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", what, qlonglong(us.size()), expected,
        percentile(us, 0.50) / 1000, percentile(us, 0.99) / 1000, percentile(us, 1.0) / 1000);
}

// Sleeps in the event loop between checks. processEvents(flags, maxtime) returns at once when nothing is queued, so
// looping on it spins a core at 100 %: on a loaded 2-core machine that starves the network and storage threads
// the measured path runs on (perf: half the samples were the loop's own poll calls).
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QTimer wake; // at least one event per millisecond: the timeout is noticed without a busy loop
    wake.start(1);
    while (!done() && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return done();
}

NotificationEvent change(int i)
{
    NotificationEvent e;
    e.kind = NotificationEvent::Kind::Endpoint;
    e.subject = u"e%1"_s.arg(i);
    e.title = e.subject;
    e.from = u"ok"_s;
    e.to = u"critical"_s;
    e.severity = NotifySeverity::Critical;
    e.time = QDateTime::currentDateTimeUtc();
    return e;
}

NotifyProvider provider(const QString &id, const QUrl &url)
{
    const QString secret = u"BENCH_NOTIFY_"_s + id.toUpper();
    qputenv(secret.toLatin1().constData(), url.toString().toUtf8());
    NotifyProvider p;
    p.id = id;
    p.kind = u"slack"_s;
    p.url = u"${"_s + secret + u'}';
    return p;
}

// Raw POSTs of a Slack-sized body: `count` one after another, or all at once.
QList<qint64> roundTrips(QNetworkAccessManager &nam, const QUrl &url, int count, bool together)
{
    QList<qint64> out;
    int pending = 0;
    const auto post = [&] {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        QNetworkReply *reply = nam.post(request, R"j({"text":"CRITICAL: endpoint e1 is critical (was OK)"})j");
        ++pending;
        QObject::connect(reply, &QNetworkReply::finished, reply, [&out, &pending, reply, clock] {
            out.append(clock->nsecsElapsed() / 1000);
            --pending;
            reply->deleteLater();
        });
    };
    for (int i = 0; i < count; ++i) {
        post();
        if (!together) {
            waitUntil([&] { return pending == 0; }, 10000);
        }
    }
    waitUntil([&] { return pending == 0; }, 30000);
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption singleOption(u"single"_s, u"Events sent one at a time."_s, u"n"_s, u"200"_s);
    const QCommandLineOption burstOption(u"burst"_s, u"Simultaneous events."_s, u"n"_s, u"500"_s);
    const QCommandLineOption limitOption(u"rate-limit"_s, u"The limited route's messages a minute."_s, u"n"_s, u"60"_s);
    parser.addOptions({ singleOption, burstOption, limitOption });
    parser.process(app);
    const int single = parser.value(singleOption).toInt();
    const int burst = parser.value(burstOption).toInt();
    const int limit = parser.value(limitOption).toInt();

    NotifyReceiver receiver;
    if (!receiver.start()) {
        std::fprintf(stderr, "bench-notify: the receiver did not start\n");
        return 1;
    }
    for (const QByteArray path : { "/raw", "/open", "/limited" }) {
        receiver.setAnswer(path, NotifyReceiver::ok());
    }
    // Arrival time of each endpoint's message, per path.
    QElapsedTimer clock;
    clock.start();
    QHash<QByteArray, QHash<QString, qint64>> arrived;
    QHash<QByteArray, int> received; // per path; NotifyReceiver::count() walks every request, too slow to poll
    static const QRegularExpression subject(u"endpoint (e\\d+) "_s);
    QObject::connect(&receiver, &NotifyReceiver::requestReceived, &receiver, [&](const QByteArray &path) {
        ++received[path];
        const QRegularExpressionMatch m = subject.match(QString::fromUtf8(receiver.requests().constLast().body));
        if (m.hasMatch()) {
            arrived[path].insert(m.captured(1), clock.nsecsElapsed() / 1000);
        }
    });

    QTemporaryDir dir;
    Storage storage;
    storage.open(Storage::databasePath(dir.path()));
    QNetworkAccessManager nam;
    NotifySender sender(&nam);
    Notifier notifier(&sender);
    DeliveryLedger ledger(&storage);
    Workspace w;
    w.info.id = u"bench"_s;
    w.notifications.providers
        = { provider(u"open"_s, receiver.url(u"/open"_s)), provider(u"limited"_s, receiver.url(u"/limited"_s)) };
    NotifyRoute open;
    open.id = u"open"_s;
    open.targets = { u"open"_s };
    open.rateLimit = std::max(burst + single, 1) * 2;
    NotifyRoute limited;
    limited.id = u"limited"_s;
    limited.targets = { u"limited"_s };
    limited.rateLimit = limit;
    notifier.setRateWindow(5000); // the summary within the run rather than after a minute
    notifier.setLedger(&ledger);
    QList<qint64> claimedAt;
    QObject::connect(
        &notifier, &Notifier::claimed, &app, [&claimedAt, &clock] { claimedAt.append(clock.nsecsElapsed() / 1000); });
    int held = 0;
    QObject::connect(
        &notifier, &Notifier::logged, &app, [&held](const NotifyLogEntry &entry) { held += entry.suppressed ? 1 : 0; });

    std::printf(
        "bench-notify: loopback receiver, SQLite delivery claims, %d single events, a burst of %d\n", single, burst);
    print("raw HTTP round trip, one at a time", roundTrips(nam, receiver.url(u"/raw"_s), single, false), single);
    print("raw HTTP round trips, all at once", roundTrips(nam, receiver.url(u"/raw"_s), burst, true), burst);

    // One event at a time on the open route.
    w.notifications.routes = { open };
    notifier.setWorkspace(w);
    QList<qint64> latencies;
    for (int i = 0; i < single; ++i) {
        const QString name = u"e%1"_s.arg(i);
        const qint64 start = clock.nsecsElapsed() / 1000;
        notifier.notify(change(i));
        if (waitUntil([&] { return arrived.value("/open").contains(name); }, 10000)) {
            latencies.append(arrived.value("/open").value(name) - start);
        }
    }
    print("state change -> provider, one at a time", latencies, single);

    // A burst on both routes at once.
    w.notifications.routes = { open, limited };
    notifier.setWorkspace(w);
    arrived.clear();
    claimedAt.clear();
    const int first = single;
    const qint64 start = clock.nsecsElapsed() / 1000;
    for (int i = first; i < first + burst; ++i) {
        notifier.notify(change(i));
    }
    const int expectedLimited = std::min(limit, burst);
    waitUntil(
        [&] { return arrived.value("/open").size() >= burst && arrived.value("/limited").size() >= expectedLimited; },
        60000);
    QList<qint64> claimUs;
    for (const qint64 at : std::as_const(claimedAt)) {
        claimUs.append(at - start);
    }
    print("burst -> claim won in the database", claimUs, burst * 2);
    QList<qint64> openUs;
    for (const qint64 at : arrived.value("/open")) {
        openUs.append(at - start);
    }
    QList<qint64> limitedUs;
    for (const qint64 at : arrived.value("/limited")) {
        limitedUs.append(at - start);
    }
    print("burst -> provider, route under its limit", openUs, burst);
    const QByteArray what = u"burst -> provider, route limited to %1/min"_s.arg(limit).toUtf8();
    print(what.constData(), limitedUs, expectedLimited);
    const int summariesBefore = received.value("/limited");
    waitUntil([&] { return received.value("/limited") > summariesBefore; }, 10000);
    std::printf("limited route: %d held back, summary message %s\n", held,
        received.value("/limited") > summariesBefore ? "received" : "MISSING");
    const bool ok = latencies.size() == single && openUs.size() == burst && limitedUs.size() == expectedLimited;
    return ok ? 0 : 1;
}
