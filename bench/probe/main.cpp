// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench-probe: the probe engine against a fast HTTP server on loopback, next to wrk against the same server.
//   bench-probe [--endpoints 2000] [--interval-s 30] [--duration-s 75] [--peak-s 5] [--wrk-s 5] [--rounds 3]
// Prints sustained checks/s, scheduling lag p50/p99, CPU as % of one core and RSS per endpoint at the given
// interval; then the peak checks/s with every endpoint due all the time, alternating with wrk's rate as the
// reference (`rounds` times each, medians). --peak-s 0 skips the peak. The machine's contention is printed beside
// (wall time of a fixed amount of CPU work against its CPU time: 1.0 = a core of its own), since on a shared
// machine every figure moves with it.
#include "blackbox.h"
#include "fastserver.h"
#include "probe/probeengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

qint64 rssBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

double medianOf(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// Wall time over CPU time of a fixed busy loop on this thread: about 1.0 when the process gets a core to itself,
// 2.0 when it gets half of one.
double contention()
{
    QElapsedTimer wall;
    wall.start();
    const double cpu0 = cpuSeconds();
    volatile quint64 x = 0;
    for (quint64 i = 0; i < 60'000'000; ++i) {
        x = x + (i ^ (i >> 3));
    }
    const double cpu = std::max(1e-6, cpuSeconds() - cpu0);
    return double(wall.nsecsElapsed()) / 1e9 / cpu;
}

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return double(values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())))));
}

Workspace workspace(const QList<quint16> &ports, int count, Milliseconds interval)
{
    Workspace w;
    w.info.id = u"bench"_s;
    for (int i = 0; i < count; ++i) {
        Endpoint e;
        e.name = u"e%1"_s.arg(i);
        e.url = u"http://127.0.0.1:%1/health/%2"_s.arg(ports.at(i % ports.size())).arg(i);
        e.conditions = { u"[STATUS] == 200"_s, u"[BODY].status == healthy"_s };
        e.interval = interval;
        e.timeout = Milliseconds(10000);
        w.endpoints << e;
    }
    return w;
}

double wrkRate(quint16 port, int seconds, QString *note)
{
    return wrkRequestsPerSecond(u"http://127.0.0.1:%1/"_s.arg(port), seconds, 32, note);
}

struct Phase
{
    qint64 results = 0;
    QList<qint64> lags;
};
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption serveOption(u"serve"_s, u"Run only the server on <n> ports (internal)."_s, u"n"_s);
    const QCommandLineOption endpointsOption(u"endpoints"_s, u"Endpoints (default 2000)."_s, u"n"_s, u"2000"_s);
    const QCommandLineOption intervalOption(u"interval-s"_s, u"Check interval (default 30)."_s, u"s"_s, u"30"_s);
    const QCommandLineOption durationOption(u"duration-s"_s, u"Sustained phase (default 75)."_s, u"s"_s, u"75"_s);
    const QCommandLineOption peakOption(u"peak-s"_s, u"Peak phase per round, 0 = none (default 5)."_s, u"s"_s, u"5"_s);
    const QCommandLineOption wrkOption(u"wrk-s"_s, u"wrk run per round (default 5)."_s, u"s"_s, u"5"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Peak and wrk rounds (default 3)."_s, u"n"_s, u"3"_s);
    parser.addOptions(
        { serveOption, endpointsOption, intervalOption, durationOption, peakOption, wrkOption, roundsOption });
    parser.process(app);

    if (parser.isSet(serveOption)) {
        return FastServer::serve(parser.value(serveOption).toInt());
    }

    const int count = parser.value(endpointsOption).toInt();
    const Milliseconds interval(parser.value(intervalOption).toLongLong() * 1000);
    const int durationS = parser.value(durationOption).toInt();
    const int warmupS = std::min(15, durationS / 3);

    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QCoreApplication::applicationFilePath(), { u"--serve"_s, u"16"_s });
    if (!server.waitForReadyRead(10000)) {
        std::fprintf(stderr, "bench-probe: the server did not start\n");
        return 1;
    }
    QList<quint16> ports;
    for (const QByteArray &port : server.readLine().trimmed().mid(6).split(',')) {
        ports << quint16(port.toUInt());
    }

    std::printf("bench-probe: %d endpoints on loopback (%lld ports), interval %lld s, %d s sustained after %d s "
                "warm-up; machine: %ld cores, shared (figures are noisy: the contention is printed beside them)\n",
        count, qlonglong(ports.size()), qlonglong(interval.count() / 1000), durationS - warmupS, warmupS,
        sysconf(_SC_NPROCESSORS_ONLN));
    const int peakS = parser.value(peakOption).toInt();
    const int wrkS = parser.value(wrkOption).toInt();
    const int rounds = std::max(1, parser.value(roundsOption).toInt());

    const qint64 rssBefore = rssBytes();
    Phase phase;
    bool measuring = false;
    {
        ProbeEngine engine;
        QObject::connect(&engine, &ProbeEngine::resultReady, &app, [&](const ProbeResult &) {
            if (measuring) {
                ++phase.results;
            }
        });
        QObject::connect(&engine, &ProbeEngine::probeStarted, &app, [&](const QString &, qint64 lagMs) {
            if (measuring) {
                phase.lags << lagMs;
            }
        });
        const double contentionBefore = contention();
        engine.setWorkspace(workspace(ports, count, interval));
        engine.start();
        runFor(warmupS * 1000);
        measuring = true;
        const double cpu0 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        runFor((durationS - warmupS) * 1000);
        measuring = false;
        const double seconds = double(wall.elapsed()) / 1000.0;
        const double cpu = (cpuSeconds() - cpu0) / seconds * 100.0;
        const qint64 rss = rssBytes();
        const double kbPerEndpoint = double(rss - rssBefore) / 1024.0 / count;
        const double lagP99 = percentile(phase.lags, 0.99);
        engine.stop();
        const double contentionAfter = contention();
        std::printf("sustained: %.1f checks/s (expected %.1f), lag p50 %.0f ms p99 %.0f ms, CPU %.1f %% of one core, "
                    "RSS %.1f KB per endpoint (%.1f MB total); contention %.2f before, %.2f after\n",
            double(phase.results) / seconds, double(count) * 1000.0 / double(interval.count()),
            percentile(phase.lags, 0.5), lagP99, cpu, kbPerEndpoint, double(rss) / 1048576.0, contentionBefore,
            contentionAfter);
        // The goals: 2,000 endpoints at 30 s within 5 % of one core; 10,000 at 60 s with a lag p99 under 1 s
        // and at most 20 KB per endpoint.
        std::printf("goals at %d endpoints / %lld s: CPU <= 5 %% of one core: %s; lag p99 < 1 s: %s; <= 20 KB per "
                    "endpoint: %s\n",
            count, qlonglong(interval.count() / 1000), cpu <= 5.0 ? "met" : "MISSED", lagP99 < 1000 ? "met" : "MISSED",
            kbPerEndpoint <= 20 ? "met" : "MISSED");
        std::fflush(stdout);

        if (peakS > 0) {
            // Peak: every endpoint due again 100 ms after its last check, more requests in flight; alternating
            // with wrk on the same server so that both see the same machine.
            QList<double> peaks;
            QList<double> wrks;
            QList<double> peakCpus;
            QList<double> probes;
            QString wrkNote;
            QString blackboxNote;
            Blackbox blackbox;
            const bool haveBlackbox = blackbox.start(&blackboxNote);
            engine.setMaxInFlight(64);
            engine.setWorkspace(workspace(ports, count, Milliseconds(100)));
            for (int round = 0; round < rounds; ++round) {
                const double wrk = wrkRate(ports.first(), wrkS, &wrkNote);
                phase = {};
                engine.start();
                runFor(1000);
                measuring = true;
                const double peakCpu0 = cpuSeconds();
                wall.restart();
                runFor(peakS * 1000);
                measuring = false;
                const double peakSeconds = double(wall.elapsed()) / 1000.0;
                engine.stop();
                runFor(500); // what is in flight lands before wrk starts
                const double peak = double(phase.results) / peakSeconds;
                bool probeOk = false;
                const double probed = haveBlackbox
                    ? blackbox.probeRate(
                        u"http://127.0.0.1:%1/health/0"_s.arg(ports.at(1)), wrkS, 32, &blackboxNote, &probeOk)
                    : 0.0;
                if (haveBlackbox && !probeOk) {
                    blackboxNote = u"its probe of the server failed"_s;
                }
                probes << probed;
                peaks << peak;
                wrks << wrk;
                peakCpus << (cpuSeconds() - peakCpu0) / peakSeconds * 100.0;
                std::printf("round %d:   engine %.0f checks/s (64 in flight, CPU %.0f %% of one core, %.0f us CPU per "
                            "check), wrk %.0f requests/s: %.1f %%, blackbox_exporter %.0f probes/s: %.2fx\n",
                    round + 1, peak, peakCpus.constLast(), peak > 0 ? peakCpus.constLast() * 1e4 / peak : 0.0, wrk,
                    wrk > 0 ? peak / wrk * 100.0 : 0.0, probed, probed > 0 ? peak / probed : 0.0);
                std::fflush(stdout);
            }
            const double peak = medianOf(peaks);
            const double wrk = medianOf(wrks);
            QList<double> wrkRatios;
            QList<double> probeRatios;
            for (qsizetype i = 0; i < peaks.size(); ++i) {
                wrkRatios << (wrks.at(i) > 0 ? peaks.at(i) / wrks.at(i) : 0.0);
                probeRatios << (probes.at(i) > 0 ? peaks.at(i) / probes.at(i) : 0.0);
            }
            // Each round's ratio is of two figures measured side by side; their median is the one to read.
            const double wrkRatio = medianOf(wrkRatios);
            const double probeRatio = medianOf(probeRatios);
            std::printf("peak:      median %.0f checks/s, CPU %.0f %% of one core; reference: wrk median %.0f "
                        "requests/s (%s); engine = %.1f %% of wrk, median of the rounds' ratios (goal >= 25 %%: %s)\n",
                peak, medianOf(peakCpus), wrk, qPrintable(wrkNote), wrkRatio * 100.0,
                wrkRatio >= 0.25 ? "met" : "MISSED");
            const double probed = medianOf(probes);
            if (probed > 0) {
                std::printf("blackbox:  median %.0f probes/s (/probe driven by wrk -t1 -c32, a new connection per "
                            "probe); engine = %.2fx, median of the rounds' ratios (goal >= 2x: %s)\n",
                    probed, probeRatio, probeRatio >= 2.0 ? "met" : "MISSED");
            } else {
                std::printf("blackbox:  %s\n", qPrintable(blackboxNote));
            }
        }
    }
    server.kill();
    server.waitForFinished();
    return 0;
}
