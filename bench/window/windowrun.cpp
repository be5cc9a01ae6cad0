// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowrun.h"

#include "appcontroller.h"
#include "commandline.h"
#include "fastserver.h"
#include "mainwindow.h"
#include "pages/page.h"
#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "session/session.h"
#include "thememanager.h"
#include "ui/languagemanager.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <pthread.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

double cpuSeconds(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

clockid_t currentThreadClock()
{
    clockid_t clock {};
    pthread_getcpuclockid(pthread_self(), &clock);
    return clock;
}

void sample(const char *name, double value)
{
    std::printf("sample %s %.3f\n", name, value);
    std::fflush(stdout);
}

void progress(const QString &text)
{
    std::fprintf(stderr, "bench-window: %s\n", qPrintable(text));
}

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitFor(const std::function<bool()> &done, qint64 timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// The loopback server on its own thread, so that its work is not the GUI thread's.
class ServerThread final
{
public:
    ~ServerThread()
    {
        if (m_server) {
            QMetaObject::invokeMethod(
                m_server, [server = m_server] { delete server; }, Qt::BlockingQueuedConnection);
        }
        m_thread.quit();
        m_thread.wait();
    }

    bool start(int ports)
    {
        m_server = new FastServer;
        m_server->moveToThread(&m_thread);
        m_thread.start();
        bool ok = false;
        QMetaObject::invokeMethod(
            m_server,
            [&] {
                ok = m_server->listen(ports);
                m_ports = m_server->ports();
                m_clock = currentThreadClock();
            },
            Qt::BlockingQueuedConnection);
        return ok;
    }
    QList<quint16> ports() const { return m_ports; }
    double cpuSeconds() const { return ::cpuSeconds(m_clock); }

private:
    QThread m_thread;
    FastServer *m_server = nullptr;
    QList<quint16> m_ports;
    clockid_t m_clock {};
};

QString endpointName(int i)
{
    return u"ep-%1"_s.arg(i, 5, 10, QLatin1Char('0'));
}

// N endpoints in groups, each checked with the conditions a real health endpoint gets, and a few KPIs that read
// the probe results (no metric server needed).
bool writeWorkspace(const QString &path, const WindowRunOptions &options, const QList<quint16> &ports)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    QByteArray yaml = "workspace:\n  id: bench-window\n  title: Bench window\nendpoints:\n";
    for (int i = 0; i < options.endpoints; ++i) {
        yaml += "  - name: " + endpointName(i).toUtf8() + "\n    group: grp-"
            + QByteArray::number(i / options.groupSize)
            + "\n    url: http://127.0.0.1:" + QByteArray::number(ports.at(i % ports.size())) + "/health/"
            + QByteArray::number(i) + "\n    interval: " + QByteArray::number(options.intervalS)
            + "s\n    conditions: [\"[STATUS] == 200\", \"[BODY].status == healthy\"]\n";
    }
    yaml += "kpis:\n";
    for (int k = 0; k < 4 && k < options.endpoints; ++k) {
        const QByteArray endpoint = endpointName(k * (options.endpoints / 4)).toUtf8();
        yaml += "  - id: uptime-" + QByteArray::number(k) + "\n    title: Uptime " + endpoint
            + "\n    unit: \"%\"\n    source: { probe: { endpoint: " + endpoint + ", figure: uptime, window: 1h } }\n";
        yaml += "  - id: answer-" + QByteArray::number(k) + "\n    title: Answer time " + endpoint
            + "\n    unit: ms\n    source: { json: { endpoint: " + endpoint + ", path: responseTime } }\n";
    }
    return file.write(yaml) == yaml.size();
}

// Tells when `target` (or a widget inside it) was painted.
class PaintSpy final : public QObject
{
public:
    explicit PaintSpy(QObject *parent = nullptr)
        : QObject(parent)
    {
        qApp->installEventFilter(this);
    }
    void watch(QWidget *target)
    {
        m_target = target;
        painted = false;
    }
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_target && watched->isWidgetType()) {
            auto *widget = static_cast<QWidget *>(watched);
            if (widget == m_target || m_target->isAncestorOf(widget)) {
                painted = true;
            }
        }
        return false;
    }

private:
    QWidget *m_target = nullptr;
};

// The lateness of a 10 ms timer: how long the GUI thread made it wait.
class LatenessProbe final : public QObject
{
public:
    LatenessProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0 && m_recording) {
                m_lateness << std::max<qint64>(0, now - m_last - 10'000'000);
            }
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    // Only while recording: a page switch in between is not steady state.
    void setRecording(bool on)
    {
        m_recording = on;
        m_last = -1;
    }
    double percentileMs(double p) const
    {
        if (m_lateness.isEmpty()) {
            return -1;
        }
        QList<qint64> sorted = m_lateness;
        std::sort(sorted.begin(), sorted.end());
        return double(sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * double(sorted.size()))))) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    bool m_recording = false;
    QList<qint64> m_lateness;
};

// GUI thread CPU, process CPU (the server's thread left out) and results over a stretch of wall time.
struct Meter
{
    double seconds = 0;
    double gui = 0;
    double process = 0;
    qint64 checked = 0;

    void start(clockid_t guiClock, const ServerThread &server, qint64 results)
    {
        m_wall.start();
        m_gui = cpuSeconds(guiClock);
        m_process = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - server.cpuSeconds();
        m_results = results;
    }
    void stop(clockid_t guiClock, const ServerThread &server, qint64 results)
    {
        seconds = double(m_wall.nsecsElapsed()) / 1e9;
        gui = cpuSeconds(guiClock) - m_gui;
        process = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - server.cpuSeconds() - m_process;
        checked = results - m_results;
    }
    void add(const Meter &other)
    {
        seconds += other.seconds;
        gui += other.gui;
        process += other.process;
        checked += other.checked;
    }
    double busyPercent() const { return seconds > 0 ? gui / seconds * 100.0 : 0; }

private:
    QElapsedTimer m_wall;
    double m_gui = 0;
    double m_process = 0;
    qint64 m_results = 0;
};

Qt::Key keyFor(QChar c)
{
    if (c.isDigit()) {
        return Qt::Key(Qt::Key_0 + c.digitValue());
    }
    if (c == u'-') {
        return Qt::Key_Minus;
    }
    return Qt::Key(Qt::Key_A + (c.toLower().unicode() - u'a'));
}

} // namespace

int runWindowBench(const WindowRunOptions &options)
{
    QTemporaryDir home;
    ServerThread server;
    if (!home.isValid() || !server.start(16)) {
        progress(u"could not start the loopback server"_s);
        return 1;
    }
    const QString workspacePath = home.filePath(u"bench.yaml"_s);
    if (!writeWorkspace(workspacePath, options, server.ports())) {
        progress(u"could not write the workspace"_s);
        return 1;
    }

    LanguageManager languages;
    languages.setLanguage(u"en"_s);
    ThemeManager themes;
    Session::Options sessionOptions;
    sessionOptions.dataDir = home.filePath(u"data"_s);
    // As main.cpp builds the window, with the command line of `opsdeck --data-dir DIR WORKSPACE`.
    Session session(sessionOptions);
    MainWindow window(&session, &languages, &themes);
    window.resize(1280, 800);
    CommandLine commandLine;
    commandLine.workspace = workspacePath;
    commandLine.dataDir = sessionOptions.dataDir;
    AppController controller(commandLine, &session, &window, &languages);
    PaintSpy paints;
    paints.watch(&window);
    window.show();
    if (!waitFor([&] { return paints.painted; }, 10000)) {
        progress(u"the window never painted"_s);
        return 1;
    }

    const clockid_t guiClock = currentThreadClock();
    QElapsedTimer clock;
    qint64 readyMs = -1;
    qint64 allMs = -1;
    qint64 results = 0;
    QSet<QString> seen;
    seen.reserve(options.endpoints);
    QObject::connect(&session, &Session::workspaceReady, &window, [&] { readyMs = clock.elapsed(); });
    QObject::connect(session.probes(), &ProbeEngine::resultReady, &window, [&](const ProbeResult &result) {
        ++results;
        if (allMs < 0) {
            seen.insert(result.endpoint);
            if (seen.size() == options.endpoints) {
                allMs = clock.elapsed();
                seen = {};
            }
        }
    });
    clock.start();
    const double startCpu = cpuSeconds(guiClock);
    controller.start();
    progress(u"%1 endpoints: waiting for every first result"_s.arg(options.endpoints));
    const bool allChecked = waitFor([&] { return allMs >= 0; }, 240000);
    if (readyMs >= 0) {
        sample("ready_s", double(readyMs) / 1000.0);
    }
    if (allChecked) {
        sample("all_checked_s", double(allMs) / 1000.0);
        sample("startup_gui_cpu_s", cpuSeconds(guiClock) - startCpu);
    } else {
        progress(u"only %1 of %2 endpoints had a result after 240 s"_s.arg(seen.size()).arg(options.endpoints));
    }

    // Steady state: the Overview, then the Health page on screen, each for half the time. The engine spreads the
    // first checks over 10 s and then keeps each endpoint's interval (with jitter), so results come in waves: the
    // busy share is taken over whole intervals, the busiest 5 s window beside it.
    LatenessProbe lateness;
    const int windowS = 5;
    const int windows = std::max(1, options.steadyS / 2 / windowS);
    Meter total;
    double peak = 0;
    for (const int pageIndex : { int(MainWindow::Overview), int(MainWindow::Health) }) {
        window.setCurrentPage(pageIndex);
        const QByteArray id = window.page(pageIndex)->id().toUtf8();
        progress(u"steady state, %1 shown, %2 s"_s.arg(QString::fromUtf8(id)).arg(windows * windowS));
        runFor(1000);
        Meter page;
        for (int w = 0; w < windows; ++w) {
            Meter slice;
            slice.start(guiClock, server, results);
            lateness.setRecording(true);
            runFor(windowS * 1000);
            lateness.setRecording(false);
            slice.stop(guiClock, server, results);
            peak = std::max(peak, slice.busyPercent());
            page.add(slice);
        }
        sample(QByteArray("busy_" + id + "_pct").constData(), page.busyPercent());
        total.add(page);
    }
    // An operator sorting the list by latency: every batch of results now moves rows.
    auto *view = window.findChild<QTreeView *>(u"endpointView"_s);
    if (!view) {
        progress(u"no Health list found"_s);
        return 1;
    }
    if (options.sortedS > 0) {
        progress(u"steady state, health sorted by latency, %1 s"_s.arg(options.sortedS));
        view->sortByColumn(EndpointModel::LatencyColumn, Qt::DescendingOrder);
        runFor(1000);
        Meter sorted;
        for (int w = 0; w < std::max(1, options.sortedS / windowS); ++w) {
            Meter slice;
            slice.start(guiClock, server, results);
            runFor(windowS * 1000);
            slice.stop(guiClock, server, results);
            sorted.add(slice);
        }
        sample("busy_health_sorted_pct", sorted.busyPercent());
        view->sortByColumn(-1, Qt::AscendingOrder); // file order again
    }
    sample("busy_pct", total.busyPercent());
    sample("busy_peak_pct", peak);
    sample("process_pct", total.process / total.seconds * 100.0);
    sample("checks_per_s", double(total.checked) / total.seconds);
    if (total.checked > 0) {
        sample("gui_us_per_result", total.gui / double(total.checked) * 1e6);
    }
    sample("lateness_p50_ms", lateness.percentileMs(0.5));
    sample("lateness_p99_ms", lateness.percentileMs(0.99));
    sample("lateness_max_ms", lateness.percentileMs(1.0));

    // Page switches: every page in turn, from setCurrentPage() until the page has painted.
    progress(u"page switches, %1 rounds"_s.arg(options.rounds));
    for (int round = 0; round < options.rounds; ++round) {
        for (int step = 0; step < MainWindow::PageCount; ++step) {
            const int next = (window.currentPage() + 1) % MainWindow::PageCount;
            paints.watch(window.page(next));
            QElapsedTimer timer;
            timer.start();
            window.setCurrentPage(next);
            while (!paints.painted && timer.elapsed() < 10000) {
                QCoreApplication::processEvents(QEventLoop::AllEvents);
            }
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            sample("switch_ms", ms);
            sample(QByteArray("switch_" + window.page(next)->id().toUtf8() + "_ms").constData(), ms);
            runFor(250);
        }
    }

    // Typing into the Health filter: one key at a time, until the list has repainted (or, when the keystroke did
    // not change which rows show, until the keystroke was handled).
    window.setCurrentPage(MainWindow::Health);
    runFor(500);
    auto *search = window.findChild<QLineEdit *>(u"healthSearch"_s);
    if (!search) {
        progress(u"no Health filter found"_s);
        return 1;
    }
    bool rowsChanged = false;
    QAbstractItemModel *shown = view->model();
    const auto changed = [&] { rowsChanged = true; };
    QObject::connect(shown, &QAbstractItemModel::rowsInserted, &window, changed);
    QObject::connect(shown, &QAbstractItemModel::rowsRemoved, &window, changed);
    QObject::connect(shown, &QAbstractItemModel::layoutChanged, &window, changed);
    QObject::connect(shown, &QAbstractItemModel::modelReset, &window, changed);
    progress(u"typing into the Health filter, %1 rounds"_s.arg(options.typingRounds));
    const auto press = [&](Qt::Key key, const QString &text) {
        rowsChanged = false;
        paints.watch(view->viewport());
        QElapsedTimer timer;
        timer.start();
        QKeyEvent down(QEvent::KeyPress, key, Qt::NoModifier, text);
        QCoreApplication::sendEvent(search, &down);
        QKeyEvent up(QEvent::KeyRelease, key, Qt::NoModifier, text);
        QCoreApplication::sendEvent(search, &up);
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        while (rowsChanged && !paints.painted && timer.elapsed() < 10000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents);
        }
        sample("type_ms", double(timer.nsecsElapsed()) / 1e6);
        runFor(150); // a quick typist
    };
    for (int round = 0; round < options.typingRounds; ++round) {
        const QString query = endpointName((round * 3331 + 1234) % std::max(1, options.endpoints));
        for (const QChar c : query) {
            press(keyFor(c), QString(c));
        }
        for (qsizetype i = 0; i < query.size(); ++i) {
            press(Qt::Key_Backspace, QString());
        }
    }

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    sample("peak_rss_mb", double(usage.ru_maxrss) / 1024.0);
    window.hide();
    return allChecked ? 0 : 2;
}
