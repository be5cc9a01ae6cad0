// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench-window: the real window (Session + MainWindow + AppController, built as main.cpp builds them) offscreen,
// watching N endpoints on a loopback HTTP server, next to a baseline size in the same run.
//   bench-window [--endpoints 10000] [--baseline 1000] [--sizes 2500,5000,10000] [--runs 1] [--steady-s 60]
//                [--sorted-s 30] [--rounds 5] [--typing-rounds 3] [--group-size 500] [--interval-s 30]
// Each size runs in its own process (clean peak RSS); the figures are medians with [min-max] over the samples of
// every run: time until every endpoint has a first result, page switch latency, Health filter keystroke latency,
// the GUI thread's busy share in steady state (its CPU time over wall time), peak RSS.
#include "windowrun.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

using Samples = QMap<QByteArray, QList<double>>;

struct Figure
{
    const char *key;
    const char *label;
    int decimals;
    const char *goal; // for the largest size
};

// Medians with [min-max].
QString stat(const QList<double> &values, int decimals)
{
    if (values.isEmpty()) {
        return u"-"_s;
    }
    QList<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype m = sorted.size() / 2;
    const double median = sorted.size() % 2 ? sorted.at(m) : (sorted.at(m - 1) + sorted.at(m)) / 2;
    if (sorted.size() == 1) {
        return QString::number(median, 'f', decimals);
    }
    return u"%1 [%2-%3]"_s.arg(QString::number(median, 'f', decimals), QString::number(sorted.first(), 'f', decimals),
        QString::number(sorted.last(), 'f', decimals));
}

double median(const QList<double> &values)
{
    if (values.isEmpty()) {
        return -1;
    }
    QList<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    return sorted.at(sorted.size() / 2);
}

QString machine()
{
    QFile cpuinfo(u"/proc/cpuinfo"_s);
    QString model = u"unknown CPU"_s;
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : cpuinfo.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                model = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
        }
    }
    return u"%1, %2 cores"_s.arg(model).arg(sysconf(_SC_NPROCESSORS_ONLN));
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().split(' ').value(0)) : u"?"_s;
}

bool runSize(const QStringList &childArgs, int endpoints, Samples *samples)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(
        QCoreApplication::applicationFilePath(), childArgs + QStringList { u"--run"_s, QString::number(endpoints) });
    if (!child.waitForStarted(10000)) {
        return false;
    }
    child.waitForFinished(-1);
    bool any = false;
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.trimmed().split(' ');
        if (fields.size() == 3 && fields.at(0) == "sample") {
            (*samples)[fields.at(1)] << fields.at(2).toDouble();
            any = true;
        }
    }
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        std::fprintf(stderr, "bench-window: the run with %d endpoints exited with %d\n", endpoints, child.exitCode());
    }
    return any;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // The window remembers its last workspace and geometry: never in the user's settings.
    const bool child = std::any_of(argv, argv + argc, [](const char *arg) { return qstrcmp(arg, "--run") == 0; });
    std::optional<QTemporaryDir> config;
    if (child) {
        config.emplace();
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(config->path()));
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck-bench-window"_s);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runOption(u"run"_s, u"Measure one size in this process (internal)."_s, u"n"_s);
    const QCommandLineOption endpointsOption(u"endpoints"_s, u"Endpoints (default 10000)."_s, u"n"_s, u"10000"_s);
    const QCommandLineOption baselineOption(
        u"baseline"_s, u"Baseline size measured first (default 1000, 0 = none)."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption sizesOption(
        u"sizes"_s, u"Sizes to measure instead of baseline and endpoints, e.g. 2500,5000,10000."_s, u"list"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs (processes) per size (default 1)."_s, u"n"_s, u"1"_s);
    const QCommandLineOption steadyOption(
        u"steady-s"_s, u"Steady state: half Overview, half Health (default 60)."_s, u"s"_s, u"60"_s);
    const QCommandLineOption sortedOption(
        u"sorted-s"_s, u"Then the Health page sorted by latency (default 30, 0 = skip)."_s, u"s"_s, u"30"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Page switch rounds (default 5)."_s, u"n"_s, u"5"_s);
    const QCommandLineOption typingOption(u"typing-rounds"_s, u"Filter typing rounds (default 3)."_s, u"n"_s, u"3"_s);
    const QCommandLineOption groupOption(u"group-size"_s, u"Endpoints per group (default 500)."_s, u"n"_s, u"500"_s);
    const QCommandLineOption intervalOption(u"interval-s"_s, u"Check interval (default 30)."_s, u"s"_s, u"30"_s);
    parser.addOptions({ runOption, endpointsOption, baselineOption, sizesOption, runsOption, steadyOption, sortedOption,
        roundsOption, typingOption, groupOption, intervalOption });
    parser.process(app);

    if (parser.isSet(runOption)) {
        WindowRunOptions options;
        options.endpoints = std::max(1, parser.value(runOption).toInt());
        options.groupSize = std::max(1, parser.value(groupOption).toInt());
        options.intervalS = std::max(1, parser.value(intervalOption).toInt());
        options.steadyS = std::max(10, parser.value(steadyOption).toInt());
        options.sortedS = std::max(0, parser.value(sortedOption).toInt());
        options.rounds = std::max(1, parser.value(roundsOption).toInt());
        options.typingRounds = std::max(1, parser.value(typingOption).toInt());
        return runWindowBench(options);
    }

    QList<int> sizes;
    if (parser.isSet(sizesOption)) {
        for (const QString &size : parser.value(sizesOption).split(u',', Qt::SkipEmptyParts)) {
            sizes << size.toInt();
        }
    } else {
        if (parser.value(baselineOption).toInt() > 0) {
            sizes << parser.value(baselineOption).toInt();
        }
        sizes << parser.value(endpointsOption).toInt();
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QStringList childArgs;
    for (const QCommandLineOption &option :
        { steadyOption, sortedOption, roundsOption, typingOption, groupOption, intervalOption }) {
        childArgs << u"--"_s + option.names().first() << parser.value(option);
    }

    QTextStream out(stdout);
    const QString loadBefore = loadAverage();
    out << "bench-window: the real window (Session + MainWindow + AppController) offscreen against a loopback HTTP "
           "server on its own thread\n";
    out << "machine: " << machine() << "; Qt " << qVersion() << ", " << OPSDECK_BUILD_TYPE
        << ", QT_QPA_PLATFORM=" << qEnvironmentVariable("QT_QPA_PLATFORM") << "\n";
    out << "endpoints every " << parser.value(intervalOption) << " s in groups of " << parser.value(groupOption)
        << "; steady state " << parser.value(steadyOption) << " s (half Overview, half Health), then "
        << parser.value(sortedOption) << " s with Health sorted by latency; " << parser.value(roundsOption)
        << " rounds of page switches; " << parser.value(typingOption) << " rounds of filter typing; " << runs
        << " run(s) per size\n";
    out.flush();

    QList<Samples> results;
    bool measured = false;
    for (int size : sizes) {
        Samples samples;
        for (int run = 0; run < runs; ++run) {
            measured = runSize(childArgs, size, &samples) || measured;
        }
        results << samples;
    }

    const QList<Figure> figures {
        { "ready_s", "workspace loaded (s)", 2, "" },
        { "all_checked_s", "all checked once (s)", 1, "" },
        { "switch_ms", "page switch (ms)", 1, "< 100" },
        { "switch_health_ms", "  to Health (ms)", 1, "< 100" },
        { "switch_overview_ms", "  to Overview (ms)", 1, "< 100" },
        { "type_ms", "Health filter keystroke (ms)", 1, "< 100 (as you type)" },
        { "busy_pct", "GUI thread busy (%)", 1, "< 20" },
        { "busy_overview_pct", "  Overview shown (%)", 1, "< 20" },
        { "busy_health_pct", "  Health shown (%)", 1, "< 20" },
        { "busy_peak_pct", "  busiest 5 s (%)", 1, "" },
        { "busy_health_sorted_pct", "  Health sorted by latency (%)", 1, "< 20" },
        { "gui_us_per_result", "GUI CPU per result (us)", 0, "" },
        { "checks_per_s", "checks/s", 0, "" },
        { "process_pct", "process CPU w/o server (% core)", 1, "" },
        { "lateness_p50_ms", "10 ms timer late, p50 (ms)", 1, "" },
        { "lateness_p99_ms", "10 ms timer late, p99 (ms)", 1, "" },
        { "lateness_max_ms", "10 ms timer late, max (ms)", 1, "" },
        { "startup_gui_cpu_s", "GUI CPU until all checked (s)", 1, "" },
        { "peak_rss_mb", "peak RSS (MB)", 1, "" },
    };
    const int labelWidth = 34;
    const int columnWidth = 26;
    out << "\n" << qSetFieldWidth(labelWidth) << Qt::left << "median [min-max]";
    for (int i = 0; i < sizes.size(); ++i) {
        out << qSetFieldWidth(columnWidth) << QLocale(QLocale::English).toString(sizes.at(i));
    }
    out << qSetFieldWidth(0) << "goal at " << QLocale(QLocale::English).toString(sizes.last()) << "\n";
    for (const Figure &figure : figures) {
        out << qSetFieldWidth(labelWidth) << figure.label;
        for (const Samples &samples : std::as_const(results)) {
            out << qSetFieldWidth(columnWidth) << stat(samples.value(figure.key), figure.decimals);
        }
        out << qSetFieldWidth(0) << figure.goal << "\n";
    }
    const Samples &last = results.last();
    const auto verdict = [&](const char *key, double limit) {
        const double value = median(last.value(key));
        return value < 0 ? "not measured" : value < limit ? "met" : "NOT met";
    };
    out << "\ngoals at " << sizes.last() << ": page switch < 100 ms " << verdict("switch_ms", 100)
        << " (slowest page: " << verdict("switch_health_ms", 100) << "), keystroke < 100 ms " << verdict("type_ms", 100)
        << ", GUI busy < 20 % " << verdict("busy_pct", 20) << "\n";
    out << "load average " << loadBefore << " before, " << loadAverage()
        << " after (the machine is shared: wall-clock figures include waiting for a core)\n";
    if (!measured) {
        out << "nothing was measured\n";
        return 1;
    }
    return 0;
}
