// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontroller.h"

#include "checklist/checkliststore.h"
#include "checklists/checklistspage.h"
#include "demo/demolauncher.h"
#include "firstpaintprobe.h"
#include "mainwindow.h"
#include "metrics/alertmanagerclient.h"
#include "metrics/alertmodel.h"
#include "metrics/kpimodel.h"
#include "metrics/kpipoller.h"
#include "metrics/kpireader.h"
#include "overview/overviewpage.h"
#include "screenshotter.h"
#include "settingskeys.h"
#include "storage/storage.h"
#include "workspace/workspacewatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>

#include <cstdio>

AppController::AppController(
    const CommandLine &commandLine, MainWindow *window, LanguageManager *languages, QObject *parent)
    : QObject(parent)
    , m_commandLine(commandLine)
    , m_window(window)
    , m_languages(languages)
    , m_storage(new Storage(this))
    , m_checklists(new ChecklistStore(m_storage, this))
    , m_watcher(new WorkspaceWatcher(this))
    , m_nam(new QNetworkAccessManager(this))
    , m_kpiReader(new KpiReader(m_nam, this))
    , m_kpiModel(new KpiModel(this))
    , m_kpiPoller(new KpiPoller(m_kpiReader, m_kpiModel, this))
    , m_alertClient(new AlertmanagerClient(m_nam, {}, this))
    , m_alertModel(new AlertModel(this))
    , m_alertPoller(new AlertPoller(m_alertClient, m_alertModel, this))
    , m_firstPaint(FirstPaintProbe::installDeferred(window))
{
    connect(m_window, &MainWindow::openWorkspaceRequested, this, &AppController::openWorkspace);
    connect(m_window, &MainWindow::reloadRequested, m_watcher, &WorkspaceWatcher::reload);
    if (auto *page = qobject_cast<ChecklistsPage *>(m_window->page(MainWindow::Checklists))) {
        page->setStore(m_checklists);
    }
    wireKpis();
    connect(m_watcher, &WorkspaceWatcher::workspaceLoaded, this, [this](const Workspace &workspace) {
        m_window->setWorkspace(workspace, m_origin);
        // Jobs submitted before the database has opened wait for it.
        m_checklists->setWorkspace(workspace);
        m_checklists->refresh();
        m_kpiPoller->setWorkspace(workspace);
        m_kpiPoller->start();
        m_alertClient->setServer(workspace.sources.alertmanager);
        m_alertModel->setAlerts({});
        if (workspace.sources.alertmanager.isSet()) {
            m_alertPoller->start();
        } else {
            m_alertPoller->stop();
        }
        onFirstLoad();
    });
    connect(m_watcher, &WorkspaceWatcher::loadFailed, this,
        [this](const QString &path, const QList<Diagnostic> &diagnostics) {
            if (!m_firstLoadSeen) {
                // Also on the terminal: a broken file named on the command line is worth a line there.
                for (const Diagnostic &diagnostic : diagnostics) {
                    std::fprintf(stderr, "%s\n", qPrintable(diagnostic.toString()));
                }
            }
            m_window->showLoadFailure(path, diagnostics);
            onFirstLoad();
        });
}

void AppController::start()
{
    openStorage();
    const QString path = m_commandLine.demo ? QString() : resolveWorkspacePath(m_commandLine, true);
    if (path.isEmpty()) {
        startDemo();
    } else {
        openWorkspace(path);
    }
}

QString AppController::resolveWorkspacePath(const CommandLine &commandLine, bool warn)
{
    QString path = commandLine.workspace;
    if (path.isEmpty()) {
        path = QSettings().value(SettingsKeys::lastWorkspace()).toString();
        if (!path.isEmpty() && !QFileInfo::exists(path)) {
            if (warn) {
                std::fprintf(stderr, "opsdeck: %s\n",
                    qPrintable(tr("the last workspace %1 no longer exists; opening the demo").arg(path)));
            }
            path.clear();
        }
    }
    return path;
}

void AppController::openWorkspace(const QString &path)
{
    m_origin = MainWindow::Origin::File;
    m_watcher->open(path); // emits workspaceLoaded or loadFailed
}

DemoLauncher *AppController::startDemoEarly(const CommandLine &commandLine)
{
    if (commandLine.demo || resolveWorkspacePath(commandLine, false).isEmpty()) {
        auto *launcher = new DemoLauncher;
        launcher->start(dataDirFor(commandLine));
        return launcher;
    }
    return nullptr;
}

void AppController::adoptDemo(DemoLauncher *launcher)
{
    if (launcher) {
        launcher->setParent(this);
        m_demo = launcher;
        m_demoStarted = true; // startDemoEarly() already started it; a failure arrives as a signal
        connectDemo();
    }
}

void AppController::startDemo()
{
    if (!m_demo) {
        m_demo = new DemoLauncher(this);
        connectDemo();
    }
    if (!m_demoStarted) {
        m_demoStarted = true;
        m_demo->start(dataDir());
    }
}

void AppController::connectDemo()
{
    connect(m_demo, &DemoLauncher::ready, this, [this](const QString &workspacePath) {
        m_origin = MainWindow::Origin::Demo;
        m_watcher->open(workspacePath);
    });
    connect(m_demo, &DemoLauncher::failed, this, [this](const QString &error) {
        const QString message = tr("The demo service could not be started: %1").arg(error);
        std::fprintf(stderr, "opsdeck: %s\n", qPrintable(message));
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Demo unavailable"), message, QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        onFirstLoad();
    });
}

QString AppController::dataDir() const
{
    return dataDirFor(m_commandLine);
}

QString AppController::dataDirFor(const CommandLine &commandLine)
{
    return commandLine.dataDir.isEmpty() ? Storage::defaultDataDir() : commandLine.dataDir;
}

void AppController::openStorage()
{
    const QString path = Storage::databasePath(dataDir());
    connect(m_storage, &Storage::opened, this, [this, path](int schemaVersion) {
        m_window->setStorageState(MainWindow::StorageState::Open,
            tr("%1 (schema version %2)").arg(QDir::toNativeSeparators(path)).arg(schemaVersion));
    });
    connect(m_storage, &Storage::openFailed, this, [this](const QString &error) {
        // The storage layer never recreates or overwrites a database it cannot open; the app goes on read-only.
        std::fprintf(stderr, "opsdeck: %s\n", qPrintable(tr("cannot open the database: %1").arg(error)));
        m_window->setStorageState(MainWindow::StorageState::Failed, error);
    });
    m_window->setStorageState(MainWindow::StorageState::Opening, QDir::toNativeSeparators(path));
    m_storage->open(path);
}

void AppController::onFirstLoad()
{
    if (m_firstLoadSeen) {
        return;
    }
    m_firstLoadSeen = true;
    if (m_firstPaint) {
        m_firstPaint->ready();
    }
    if (!m_commandLine.screenshotDir.isEmpty()) {
        auto *shots = new Screenshotter(m_window, m_languages, m_commandLine.screenshotDir, this);
        connect(shots, &Screenshotter::finished, this, [shots](const QString &error) {
            if (!error.isEmpty()) {
                std::fprintf(stderr, "opsdeck: screenshots: %s\n", qPrintable(error));
            } else {
                std::printf("%s\n", qPrintable(shots->savedFiles().join(QLatin1Char('\n'))));
            }
            QCoreApplication::exit(error.isEmpty() ? 0 : 1);
        });
        shots->start();
    }
}

void AppController::wireKpis()
{
    // Probe results reach the KPI reader (JSON fields, probe figures, error budgets) through
    // KpiReader::addProbeResult once the probe engine is wired here.
    OverviewPage *overview = m_window->overviewPage();
    overview->setKpiModel(m_kpiModel);
    overview->setAlertModel(m_alertModel);
    connect(overview, &OverviewPage::kpiActivated, m_window, [this] { m_window->setCurrentPage(MainWindow::Charts); });
    connect(overview, &OverviewPage::silenceRequested, this, [this](int row) {
        if (row < 0 || row >= m_alertModel->alerts().size()) {
            return;
        }
        const QString user = qEnvironmentVariable("USER", QStringLiteral("opsdeck"));
        m_alertPoller->silence(
            m_alertModel->alerts().at(row), std::chrono::hours(1), user, tr("Silenced from the OpsDeck console"));
    });
    connect(m_alertPoller, &AlertPoller::silenceFailed, this, [this](const QString &error) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Silence not created"),
            tr("Alertmanager refused the silence: %1").arg(error), QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}
