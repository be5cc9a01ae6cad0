// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench-check: `opsdeck check` of workspaces with N endpoints against a fast HTTP server on loopback, beside
// `opsdeck validate` of the same files (the baseline: parsing alone, linear), then Prometheus' blackbox_exporter
// probing the same server, driven by wrk at its /probe endpoint.
//   bench-check [--sizes 1000,5000,10000] [--runs 3] [--blackbox-s 10]
// Prints the median wall and CPU time of each command per N, time per endpoint, how per-endpoint time grows from the
// smallest N to the largest (1.0 = linear), the marginal checks/s, and OpsDeck's rate against blackbox_exporter's.
#include "blackbox.h"
#include "fastserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
double childCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

bool writeWorkspace(const QString &path, int count, const QList<quint16> &ports)
{
    QByteArray yaml = "workspace: { id: bench-check, title: bench-check }\nendpoints:\n";
    for (int i = 0; i < count; ++i) {
        yaml += "  - name: e" + QByteArray::number(i)
            + "\n    url: http://127.0.0.1:" + QByteArray::number(ports.at(i % ports.size())) + "/health/"
            + QByteArray::number(i) + "\n    conditions: [\"[STATUS] == 200\", \"[BODY].status == healthy\"]\n";
    }
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(yaml) == yaml.size();
}

struct Timing
{
    double wallS = 0;
    double cpuS = 0;
    int exitCode = -1;
};

Timing runOpsdeck(const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const double cpu0 = childCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    process.start(QStringLiteral(OPSDECK_APP_PATH), arguments);
    process.waitForFinished(600000);
    Timing t;
    t.wallS = double(wall.nsecsElapsed()) / 1e9;
    t.cpuS = childCpuSeconds() - cpu0;
    t.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return t;
}

struct Row
{
    int count = 0;
    double validateS = 0, validateCpuS = 0, checkS = 0, checkCpuS = 0, recordS = 0, recordCpuS = 0;
};
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption serveOption(u"serve"_s, u"Run only the server on <n> ports (internal)."_s, u"n"_s);
    const QCommandLineOption sizesOption(
        u"sizes"_s, u"Endpoint counts (default 1000,5000,10000)."_s, u"list"_s, u"1000,5000,10000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs per command and size (default 3)."_s, u"n"_s, u"3"_s);
    const QCommandLineOption blackboxOption(
        u"blackbox-s"_s, u"blackbox_exporter run, 0 = none (default 10)."_s, u"s"_s, u"10"_s);
    parser.addOptions({ serveOption, sizesOption, runsOption, blackboxOption });
    parser.process(app);

    if (parser.isSet(serveOption)) {
        return FastServer::serve(parser.value(serveOption).toInt());
    }

    QList<int> sizes;
    for (const QString &size : parser.value(sizesOption).split(u',', Qt::SkipEmptyParts)) {
        sizes << size.toInt();
    }
    std::sort(sizes.begin(), sizes.end());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QCoreApplication::applicationFilePath(), { u"--serve"_s, u"16"_s });
    if (!server.waitForReadyRead(10000)) {
        std::fprintf(stderr, "bench-check: the server did not start\n");
        return 1;
    }
    QList<quint16> ports;
    for (const QByteArray &port : server.readLine().trimmed().mid(6).split(',')) {
        ports << quint16(port.toUInt());
    }

    QTemporaryDir dir;
    std::printf("bench-check: opsdeck check of N endpoints on loopback (%lld server ports), median of %d runs, "
                "machine: %ld cores (shared: figures are noisy; the baseline runs in the same loop)\n",
        qlonglong(ports.size()), runs, sysconf(_SC_NPROCESSORS_ONLN));
    std::printf("%8s | %-21s | %-21s | %-21s | %9s %9s\n", "N", "validate (baseline)", "check", "check --data-dir",
        "check/ep", "valid/ep");
    std::printf("%8s | %10s %10s | %10s %10s | %10s %10s | %9s %9s\n", "", "wall s", "CPU s", "wall s", "CPU s",
        "wall s", "CPU s", "ms", "ms");
    QList<Row> rows;
    int status = 0;
    for (int count : std::as_const(sizes)) {
        const QString path = dir.filePath(u"ws%1.yaml"_s.arg(count));
        if (!writeWorkspace(path, count, ports)) {
            std::fprintf(stderr, "bench-check: cannot write %s\n", qPrintable(path));
            return 1;
        }
        QList<double> validate, validateCpu, check, checkCpu, record, recordCpu;
        for (int run = 0; run < runs; ++run) {
            // Interleaved, so that load from elsewhere falls on all three alike.
            const Timing v = runOpsdeck({ u"validate"_s, path });
            const Timing c = runOpsdeck({ u"check"_s, path, u"--json"_s });
            QTemporaryDir data;
            const Timing r = runOpsdeck({ u"check"_s, path, u"--json"_s, u"--data-dir"_s, data.path() });
            if (v.exitCode != 0 || c.exitCode != 0 || r.exitCode != 0) {
                std::fprintf(stderr, "bench-check: N=%d exit codes validate %d, check %d, check --data-dir %d\n", count,
                    v.exitCode, c.exitCode, r.exitCode);
                status = 1;
            }
            validate << v.wallS;
            validateCpu << v.cpuS;
            check << c.wallS;
            checkCpu << c.cpuS;
            record << r.wallS;
            recordCpu << r.cpuS;
        }
        const Row row { count, median(validate), median(validateCpu), median(check), median(checkCpu), median(record),
            median(recordCpu) };
        rows << row;
        std::printf("%8d | %10.3f %10.3f | %10.3f %10.3f | %10.3f %10.3f | %9.4f %9.4f\n", count, row.validateS,
            row.validateCpuS, row.checkS, row.checkCpuS, row.recordS, row.recordCpuS, row.checkS * 1000.0 / count,
            row.validateS * 1000.0 / count);
        std::fflush(stdout);
    }
    double marginal = 0;
    if (rows.size() >= 2) {
        const Row &small = rows.constFirst();
        const Row &large = rows.constLast();
        const auto growth = [&](double a, double b) { return (b / large.count) / (a / small.count); };
        std::printf("per-endpoint time from N=%d to N=%d (1.0 = linear): check %.2f (CPU %.2f), check --data-dir "
                    "%.2f, validate %.2f (baseline)\n",
            small.count, large.count, growth(small.checkS, large.checkS), growth(small.checkCpuS, large.checkCpuS),
            growth(small.recordS, large.recordS), growth(small.validateS, large.validateS));
        marginal = double(large.count - small.count) / std::max(1e-9, large.checkS - small.checkS);
        std::printf("marginal rate: %.0f checks/s (check), %.0f checks/s (check --data-dir)\n", marginal,
            double(large.count - small.count) / std::max(1e-9, large.recordS - small.recordS));
    }

    const int blackboxS = parser.value(blackboxOption).toInt();
    if (blackboxS > 0) {
        Blackbox blackbox;
        QString note;
        bool probeOk = false;
        if (!blackbox.start(&note)) {
            std::printf("blackbox_exporter: %s\n", qPrintable(note));
        } else {
            const double rate = blackbox.probeRate(
                u"http://127.0.0.1:%1/health/0"_s.arg(ports.first()), blackboxS, 32, &note, &probeOk);
            if (rate <= 0) {
                std::printf("blackbox_exporter: %s\n", qPrintable(note));
                status = 1;
            } else {
                std::printf("blackbox_exporter: %.0f probes/s (/probe driven by %s, probe %s); opsdeck check "
                            "marginal %.0f checks/s = %.2fx (goal >= 2x)\n",
                    rate, qPrintable(note), probeOk ? "succeeds" : "FAILS", marginal, marginal / rate);
            }
        }
    }
    server.kill();
    server.waitForFinished();
    return status;
}
