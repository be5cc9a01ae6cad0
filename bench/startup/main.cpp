// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench-startup: time from process start to the main window's first paint, and peak RSS, for OpsDeck on the demo
// workspace and for a minimal Qt Widgets window built in the same tree, interleaved in one run.
// Each child reads OPSDECK_BENCH_T0_NS (CLOCK_MONOTONIC at spawn), prints "first-paint-ns N" at its first paint
// and exits; peak RSS comes from wait4().

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

extern char **environ;

namespace {

struct Run
{
    double firstPaintMs = -1;
    double peakRssMb = -1;
};

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Run runOnce(const QStringList &argv)
{
    int pipeFds[2];
    if (pipe(pipeFds) != 0) {
        return {};
    }
    std::vector<std::string> env;
    for (char **e = environ; *e; ++e) {
        env.emplace_back(*e);
    }
    const qint64 t0 = monotonicNs();
    env.push_back("OPSDECK_BENCH_T0_NS=" + std::to_string(t0));
    std::vector<char *> envp;
    for (auto &s : env) {
        envp.push_back(s.data());
    }
    envp.push_back(nullptr);
    std::vector<std::string> args;
    for (const QString &a : argv) {
        args.push_back(a.toStdString());
    }
    std::vector<char *> argp;
    for (auto &s : args) {
        argp.push_back(s.data());
    }
    argp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argp[0], &actions, nullptr, argp.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(pipeFds[1]);
    if (rc != 0) {
        close(pipeFds[0]);
        return {};
    }
    std::string out;
    char buf[4096];
    ssize_t n = 0;
    while ((n = read(pipeFds[0], buf, sizeof buf)) > 0) {
        out.append(buf, size_t(n));
    }
    close(pipeFds[0]);
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage);

    Run run;
    const auto pos = out.find("first-paint-ns ");
    if (pos != std::string::npos) {
        run.firstPaintMs = std::stod(out.substr(pos + 15)) / 1e6;
    }
    run.peakRssMb = double(usage.ru_maxrss) / 1024.0;
    return run;
}

double median(std::vector<double> v)
{
    if (v.empty()) {
        return -1;
    }
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Startup time to first paint and peak RSS, OpsDeck vs a minimal window"_s);
    parser.addHelpOption();
    QCommandLineOption runsOption(u"runs"_s, u"Runs per program (default 15)."_s, u"n"_s, u"15"_s);
    parser.addOption(runsOption);
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    // Without a display (a build machine, ssh) the children would only fail to find a platform plugin: measure them
    // offscreen then, as the tests run, and say so in the report. A platform chosen explicitly is left alone.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QTemporaryDir dataDir;
    const QStringList opsdeck { QStringLiteral(OPSDECK_APP_PATH), u"--demo"_s, u"--lang"_s, u"en"_s, u"--data-dir"_s,
        dataDir.path() };
    const QStringList minimal { QStringLiteral(MINIMAL_WINDOW_PATH) };

    // One untimed run each: creates the database and warms the page cache, as a user's second start would be.
    runOnce(opsdeck);
    runOnce(minimal);

    std::vector<double> appMs, appRss, minMs, minRss;
    int failures = 0;
    for (int i = 0; i < runs; ++i) {
        const Run a = runOnce(opsdeck);
        const Run m = runOnce(minimal);
        if (a.firstPaintMs < 0 || m.firstPaintMs < 0) {
            ++failures;
            continue;
        }
        appMs.push_back(a.firstPaintMs);
        appRss.push_back(a.peakRssMb);
        minMs.push_back(m.firstPaintMs);
        minRss.push_back(m.peakRssMb);
    }

    QTextStream out(stdout);
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM", u"(default)"_s);
    if (appMs.empty()) {
        // No figures, so no ratio and no verdict on the goals: medians of nothing would read as "met".
        out << "bench-startup: measured nothing: none of " << runs
            << " run(s) reported a first paint (QT_QPA_PLATFORM=" << platform
            << "); the programs' own errors are above\n";
        return 1;
    }
    out << "bench-startup: " << appMs.size() << " runs each, interleaved, QT_QPA_PLATFORM=" << platform << "\n";
    out << qSetFieldWidth(28) << Qt::left << "program" << qSetFieldWidth(22) << "first paint median ms"
        << "peak RSS median MB" << qSetFieldWidth(0) << "\n";
    auto row = [&](const char *name, const std::vector<double> &ms, const std::vector<double> &rss) {
        out << qSetFieldWidth(28) << name << qSetFieldWidth(22) << QString::number(median(ms), 'f', 1)
            << QString::number(median(rss), 'f', 1) << qSetFieldWidth(0) << "\n";
    };
    row("opsdeck --demo", appMs, appRss);
    row("minimal Qt Widgets window", minMs, minRss);
    const double ratio = median(appMs) / median(minMs);
    out << "ratio (opsdeck / minimal): " << QString::number(ratio, 'f', 2) << "  goal <= 2.00\n";
    out << "peak RSS goal <= 60 MB: " << (median(appRss) <= 60.0 ? "met" : "NOT met") << "\n";
    if (failures) {
        out << failures << " run(s) did not report a first paint\n";
        return 1;
    }
    return 0;
}
