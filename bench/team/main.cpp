// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench-team: team-mode propagation latency. A throw-away PostgreSQL cluster on loopback, N consoles (each a
// Storage with its change feed and an IncidentStore, all in this process); one console appends timeline notes
// and the time from submitting a note to its arrival in every other console's store is measured.
//   bench-team [--clients 2,10] [--writes 300]
// Prints p50/p99/max per client count. The consoles share this process's main thread, so the figures include
// the event-loop queueing of N stores; separate processes on separate desks would only be faster.
#include "incident/incidentstore.h"
#include "pgtestserver.h"
#include "storage/changefeed.h"
#include "storage/storage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Console
{
    std::unique_ptr<Storage> storage;
    std::unique_ptr<IncidentStore> incidents;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto index = size_t(std::clamp(p * double(values.size() - 1) + 0.5, 0.0, double(values.size() - 1)));
    return values[index];
}

Workspace workspace()
{
    Workspace w;
    w.info.id = u"bench"_s;
    w.incidents.severities = IncidentSettings::defaultSeverities();
    return w;
}

bool waitFor(const std::function<bool()> &done, int ms)
{
    return QTest::qWaitFor(done, ms);
}

// Returns false (after printing why) when the run could not be completed.
bool run(PgTestServer &server, int clients, int writes)
{
    const QString url = server.createDatabase();
    if (url.isEmpty()) {
        std::fprintf(stderr, "bench-team: %s\n", qPrintable(server.errorString()));
        return false;
    }
    std::vector<Console> consoles(static_cast<size_t>(clients));
    for (Console &c : consoles) {
        c.storage = std::make_unique<Storage>();
        QSignalSpy opened(c.storage.get(), &Storage::opened);
        c.storage->open(url);
        if (!opened.wait(30000) || !waitFor([&] { return c.storage->changeFeed()->listenerPid() != 0; }, 30000)) {
            std::fprintf(stderr, "bench-team: a console did not open: %s\n", qPrintable(c.storage->errorString()));
            return false;
        }
        c.incidents = std::make_unique<IncidentStore>(c.storage.get());
        c.incidents->setWorkspace(workspace());
        QSignalSpy reset(c.incidents.get(), &IncidentStore::incidentsReset);
        c.incidents->refresh();
        reset.wait(30000);
    }
    IncidentStore &writer = *consoles[0].incidents;
    QSignalSpy added(&writer, &IncidentStore::incidentAdded);
    Incident draft;
    draft.title = u"bench"_s;
    draft.severity = u"P2"_s;
    writer.create(draft);
    if (!added.wait(30000)) {
        std::fprintf(stderr, "bench-team: could not create the incident\n");
        return false;
    }
    const qint64 id = added.constFirst().at(0).toLongLong();
    if (!waitFor(
            [&] {
                return std::all_of(
                    consoles.begin(), consoles.end(), [id](const Console &c) { return c.incidents->incident(id); });
            },
            10000)) {
        std::fprintf(stderr, "bench-team: the incident did not reach every console\n");
        return false;
    }

    std::vector<double> latencies; // ms, one per (write, receiving console)
    std::vector<double> commits; // ms, submit to the writer's own store
    QElapsedTimer clock;
    int expectedSize = int(writer.incident(id)->timeline.size());
    for (int w = 0; w < writes; ++w) {
        ++expectedSize;
        std::vector<double> arrival(static_cast<size_t>(clients), -1);
        std::vector<QMetaObject::Connection> connections;
        for (int c = 0; c < clients; ++c) {
            IncidentStore *store = consoles[size_t(c)].incidents.get();
            connections.push_back(
                QObject::connect(store, &IncidentStore::incidentChanged, store, [&, c, store](qint64 changed) {
                    const Incident *i = store->incident(changed);
                    if (changed == id && arrival[size_t(c)] < 0 && i && i->timeline.size() >= expectedSize) {
                        arrival[size_t(c)] = double(clock.nsecsElapsed()) / 1e6;
                    }
                }));
        }
        clock.start();
        writer.appendNote(id, u"note %1"_s.arg(w));
        const bool all = waitFor(
            [&] { return std::none_of(arrival.begin(), arrival.end(), [](double a) { return a < 0; }); }, 10000);
        for (const auto &connection : connections) {
            QObject::disconnect(connection);
        }
        if (!all) {
            std::fprintf(stderr, "bench-team: write %d did not reach every console within 10 s\n", w);
            return false;
        }
        commits.push_back(arrival[0]);
        for (int c = 1; c < clients; ++c) {
            latencies.push_back(arrival[size_t(c)]);
        }
    }
    std::printf("%-8d %-7d %-10.2f %-10.2f %-10.2f %-14.2f %.2f\n", clients, writes, percentile(latencies, 0.5),
        percentile(latencies, 0.99), *std::max_element(latencies.begin(), latencies.end()), percentile(commits, 0.5),
        percentile(commits, 0.99));
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"OpsDeckBench"_s);
    QCoreApplication::setApplicationName(u"bench-team"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Team-mode propagation latency over a throw-away PostgreSQL cluster."_s);
    parser.addHelpOption();
    const QCommandLineOption clientsOption(
        u"clients"_s, u"Comma-separated console counts (default 2,10)."_s, u"list"_s, u"2,10"_s);
    const QCommandLineOption writesOption(
        u"writes"_s, u"Timeline notes written per run (default 300)."_s, u"n"_s, u"300"_s);
    parser.addOptions({ clientsOption, writesOption });
    parser.process(app);
    QSettings().setValue(u"operator/name"_s, u"bench"_s);

    PgTestServer server;
    if (!server.start()) {
        std::fprintf(stderr, "bench-team: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("propagation: note submitted on console 1 -> shown in the store of each other console (ms)\n");
    std::printf("%-8s %-7s %-10s %-10s %-10s %-14s %s\n", "clients", "writes", "p50", "p99", "max", "own-commit-p50",
        "own-commit-p99");
    const int writes = parser.value(writesOption).toInt();
    for (const QString &n : parser.value(clientsOption).split(u',')) {
        if (!run(server, n.toInt(), writes)) {
            return 1;
        }
    }
    return 0;
}
