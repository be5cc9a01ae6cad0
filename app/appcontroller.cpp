// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontroller.h"

#include "checklist/checkliststore.h"
#include "checklists/checklistspage.h"
#include "demo/demolauncher.h"
#include "firstpaintprobe.h"
#include "health/healthpage.h"
#include "healthcontroller.h"
#include "incident/incidentautorecorder.h"
#include "incident/incidentstore.h"
#include "incidents/incidentspage.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "probe/probeengine.h"
#include "screenshotter.h"
#include "settingskeys.h"
#include "storage/storage.h"
#include "workspace/workspacewatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <utility>

AppController::AppController(
    const CommandLine &commandLine, MainWindow *window, LanguageManager *languages, QObject *parent)
    : QObject(parent)
    , m_commandLine(commandLine)
    , m_window(window)
    , m_languages(languages)
    , m_storage(new Storage(this))
    , m_checklists(new ChecklistStore(m_storage, this))
    , m_health(new HealthController(m_storage, this))
    , m_incidents(new IncidentStore(m_storage, this))
    , m_incidentRecorder(new IncidentAutoRecorder(m_incidents, this))
    , m_watcher(new WorkspaceWatcher(this))
    , m_firstPaint(FirstPaintProbe::installDeferred(window))
{
    connect(m_window, &MainWindow::openWorkspaceRequested, this, &AppController::openWorkspace);
    connect(m_window, &MainWindow::reloadRequested, m_watcher, &WorkspaceWatcher::reload);
    if (auto *page = qobject_cast<ChecklistsPage *>(m_window->page(MainWindow::Checklists))) {
        page->setStore(m_checklists);
    }
    m_checklists->setVerifier(m_health->verifier());
    connect(m_checklists, &ChecklistStore::becameLate, this, [this](qint64 id) {
        if (const ChecklistInstance *instance = m_checklists->instance(id)) {
            m_window->notify(tr("Checklist late"),
                tr("%1 was due at %2 and is not signed off")
                    .arg(instance->title.text(LanguageManager::uiLanguage()),
                        QLocale().toString(instance->period.due.toLocalTime().time(), QLocale::ShortFormat)),
                MainWindow::Checklists);
        }
    });
    if (auto *page = qobject_cast<HealthPage *>(m_window->page(MainWindow::Health))) {
        m_health->attach(page);
        connect(
            page, &HealthPage::openIncidentRequested, this, [this](const QString &endpoint, const ProbeResult &result) {
                const QString error = m_incidentRecorder->createFromEndpoint(endpoint, result);
                if (!error.isEmpty()) {
                    QMessageBox::warning(m_window, tr("Open incident"), error);
                    return;
                }
                m_showNextIncident = true;
            });
    }
    if (auto *page = qobject_cast<IncidentsPage *>(m_window->page(MainWindow::Incidents))) {
        page->setStore(m_incidents);
        connect(m_incidents, &IncidentStore::incidentAdded, this, [this, page](qint64 id) {
            if (std::exchange(m_showNextIncident, false)) {
                m_window->setCurrentPage(MainWindow::Incidents);
                page->selectIncident(id);
            }
        });
    }
    connect(m_health->engine(), &ProbeEngine::stateChanged, m_incidentRecorder,
        &IncidentAutoRecorder::recordEndpointTransition);
    connect(m_watcher, &WorkspaceWatcher::workspaceLoaded, this, [this](const Workspace &workspace) {
        m_window->setWorkspace(workspace, m_origin);
        useStorage(storageFor(workspace));
        // Jobs submitted before the database has opened wait for it.
        m_checklists->setWorkspace(workspace);
        m_checklists->refresh();
        m_health->setWorkspace(workspace);
        m_incidents->setWorkspace(workspace);
        m_incidents->refresh();
        m_incidentRecorder->setWorkspace(workspace);
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

AppController::~AppController()
{
    // The storage is the first child and would go first; the last probe results must reach it.
    delete m_health;
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
    connect(m_storage, &Storage::opened, this, [this](int schemaVersion) {
        m_window->setStorageState(
            m_storage->isTeam() ? MainWindow::StorageState::Online : MainWindow::StorageState::Open,
            tr("%1 (schema version %2)").arg(m_storage->path()).arg(schemaVersion));
    });
    connect(m_storage, &Storage::openFailed, this, [this](const QString &error) {
        // The storage layer never recreates or overwrites a database it cannot open; the app goes on read-only.
        std::fprintf(stderr, "opsdeck: %s\n", qPrintable(tr("cannot open the database: %1").arg(error)));
        m_window->setStorageState(MainWindow::StorageState::Failed, error);
    });
    connect(m_storage, &Storage::onlineChanged, this, [this](bool online, const QString &reason) {
        if (m_storage->state() != Storage::State::Open) {
            return;
        }
        m_window->setStorageState(online ? MainWindow::StorageState::Online : MainWindow::StorageState::Offline,
            online ? m_storage->path() : tr("%1: %2").arg(m_storage->path(), reason));
    });
    // --database wins from the start; a workspace's storage key is only known once it has loaded.
    useStorage(m_commandLine.database.isEmpty() ? Storage::databasePath(dataDir()) : m_commandLine.database);
}

void AppController::useStorage(const QString &pathOrUrl)
{
    if (pathOrUrl == m_storageTarget) {
        return;
    }
    m_storageTarget = pathOrUrl;
    // Jobs submitted from here on wait for this database; the stores reload after their setWorkspace().
    m_storage->open(pathOrUrl);
    m_window->setStorageState(MainWindow::StorageState::Opening, m_storage->path());
}

QString AppController::storageFor(const Workspace &workspace) const
{
    if (!m_commandLine.database.isEmpty()) {
        return m_commandLine.database;
    }
    return workspace.info.storage.isEmpty() ? Storage::databasePath(dataDir()) : workspace.info.storage;
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
        // Live pages are worth a look only once the first checks have answered.
        QTimer::singleShot(m_commandLine.screenshotDelayMs, shots, &Screenshotter::start);
    }
}
