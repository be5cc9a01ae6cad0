// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontroller.h"

#include "charts/chartspage.h"
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
#include "metrics/alertmanagerclient.h"
#include "metrics/alertmodel.h"
#include "metrics/kpichartdata.h"
#include "metrics/kpimodel.h"
#include "metrics/kpipoller.h"
#include "metrics/kpireader.h"
#include "metrics/kpiwatch.h"
#include "metrics/proberecordloader.h"
#include "metrics/samplestore.h"
#include "overview/overviewpage.h"
#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "runbook/runbookaudit.h"
#include "runbooks/runbookspage.h"
#include "screenshotter.h"
#include "secrets/secrets.h"
#include "settingskeys.h"
#include "storage/storage.h"
#include "warroom/warroomwindow.h"
#include "workspace/workspacewatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QNetworkAccessManager>
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
    , m_runbookAudit(new RunbookAudit(m_storage, this))
    , m_watcher(new WorkspaceWatcher(this))
    , m_keychain(new KeychainLoader(this))
    , m_nam(new QNetworkAccessManager(this))
    , m_kpiReader(new KpiReader(m_nam, this))
    , m_kpiModel(new KpiModel(this))
    , m_kpiPoller(new KpiPoller(m_kpiReader, m_kpiModel, this))
    , m_alertClient(new AlertmanagerClient(m_nam, {}, this))
    , m_alertModel(new AlertModel(this))
    , m_alertPoller(new AlertPoller(m_alertClient, m_alertModel, this))
    , m_samples(new SampleStore(m_storage, this))
    , m_firstPaint(FirstPaintProbe::installDeferred(window))
{
    connect(m_window, &MainWindow::openWorkspaceRequested, this, &AppController::openWorkspace);
    connect(m_window, &MainWindow::reloadRequested, m_watcher, &WorkspaceWatcher::reload);
    connect(m_window, &MainWindow::warRoomRequested, this, &AppController::showWarRoom);
    if (auto *page = qobject_cast<ChecklistsPage *>(m_window->page(MainWindow::Checklists))) {
        page->setStore(m_checklists);
    }
    m_kpiWatch = new KpiWatch(m_kpiModel, this);
    m_checklists->setVerifier([probes = m_health->verifier(), kpis = QPointer<KpiWatch>(m_kpiWatch)](
                                  const ChecklistVerify &verify) -> std::optional<ChecklistEvidence> {
        if (!verify.kpi.isEmpty()) {
            return kpis ? kpis->evidence(verify) : std::nullopt;
        }
        return probes(verify);
    });
    connect(m_checklists, &ChecklistStore::signedOff, this, [this](qint64 id) {
        if (const ChecklistInstance *instance = m_checklists->instance(id)) {
            m_incidentRecorder->recordChecklistSignOff(
                instance->title.text(LanguageManager::uiLanguage()), instance->signedBy, instance->signComment);
        }
    });
    connect(m_checklists, &ChecklistStore::becameLate, this, [this](qint64 id) {
        if (m_checklists->instance(id)) {
            m_window->notify(
                [store = QPointer<ChecklistStore>(m_checklists), id] {
                    const ChecklistInstance *late = store ? store->instance(id) : nullptr;
                    if (!late) {
                        return std::pair { tr("Checklist late"), QString() };
                    }
                    return std::pair { tr("Checklist late"),
                        tr("%1 was due at %2 and is not signed off")
                            .arg(late->title.text(LanguageManager::uiLanguage()),
                                QLocale().toString(late->period.due.toLocalTime().time(), QLocale::ShortFormat)) };
                },
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
    m_runbookAudit->setIncidentStore(m_incidents);
    if (auto *page = qobject_cast<RunbooksPage *>(m_window->page(MainWindow::Runbooks))) {
        page->setAudit(m_runbookAudit);
        page->setHighlighter(m_health->highlighter());
    }
    connect(m_health->engine(), &ProbeEngine::stateChanged, m_incidentRecorder,
        &IncidentAutoRecorder::recordEndpointTransition);
    wireKpis();
    gateOnKeychain();
    connect(this, &AppController::workspaceReady, this, [this](const Workspace &workspace) {
        m_window->setWorkspace(workspace, m_origin);
        // Samples still pending belong to the previous workspace and database.
        m_samples->setWorkspaceId(workspace.info.id);
        m_samples->setRetention(workspace.info.retention);
        useStorage(storageFor(workspace));
        m_samples->startPruning();
        m_workspaceTitle = workspace.info.title.text(LanguageManager::uiLanguage());
        m_warRoomKpis.clear();
        for (const Kpi &kpi : workspace.kpis) {
            if (kpi.warRoom) {
                m_warRoomKpis.insert(kpi.id);
            }
        }
        emit warRoomKpisChanged(m_warRoomKpis);
        if (m_warRoom) {
            m_warRoom->setWorkspaceTitle(m_workspaceTitle);
            m_warRoom->setOffline(m_storageOffline);
            m_warRoom->setWarRoomKpis(m_warRoomKpis);
        }
        // Jobs submitted before the database has opened wait for it.
        m_checklists->setWorkspace(workspace);
        m_checklists->refresh();
        m_health->setWorkspace(workspace);
        m_incidents->setWorkspace(workspace);
        m_incidents->refresh();
        m_incidentRecorder->setWorkspace(workspace);
        m_kpiPoller->setWorkspace(workspace);
        m_kpiPoller->start();
        m_probeRecords->load(workspace);
        if (auto *charts = qobject_cast<ChartsPage *>(m_window->page(MainWindow::Charts))) {
            charts->setWorkspace(workspace); // after the KPI model has the new tiles
        }
        m_alertClient->setServer(workspace.sources.alertmanager);
        m_alertModel->setAlerts({});
        if (workspace.sources.alertmanager.isSet()) {
            m_alertPoller->start();
        } else {
            m_alertPoller->stop();
        }
        if (auto *page = qobject_cast<RunbooksPage *>(m_window->page(MainWindow::Runbooks))) {
            page->setWorkspace(workspace);
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

AppController::~AppController()
{
    // The storage is the first child and would go first; the last probe results must reach it.
    delete m_warRoom;
    delete m_health;
    delete m_samples;
}

void AppController::showWarRoom()
{
    if (!m_warRoom) {
        m_warRoom = new WarRoomWindow;
        m_warRoom->setAttribute(Qt::WA_DeleteOnClose);
        m_warRoom->setEndpointModel(m_health->model());
        m_warRoom->setIncidentStore(m_incidents);
        m_warRoom->setWorkspaceTitle(m_workspaceTitle);
        m_warRoom->setKpiModel(m_kpiModel);
        m_warRoom->setWarRoomKpis(m_warRoomKpis);
        // Launched as the war-room display: closing it ends the app; from the console it only closes itself.
        if (m_commandLine.warRoom && !m_window->isVisible()) {
            connect(m_warRoom, &QObject::destroyed, QCoreApplication::instance(), &QCoreApplication::quit);
        }
    }
    m_warRoom->showFullScreen();
    m_warRoom->raise();
    m_warRoom->activateWindow();
}

void AppController::start()
{
    if (m_commandLine.warRoom) {
        showWarRoom();
    }
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
        m_storageOffline = !online;
        if (m_warRoom) {
            m_warRoom->setOffline(!online, reason);
        }
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

void AppController::gateOnKeychain()
{
    // A workspace takes effect once the keychain has answered for the secrets the environment lacks, so the first
    // checks do not fail for a secret that was on its way; a keychain that waits for an unlock prompt gets 3 s.
    m_keychainWait.setSingleShot(true);
    m_keychainWait.setInterval(3000);
    connect(m_watcher, &WorkspaceWatcher::workspaceLoaded, this, [this](const Workspace &workspace) {
        m_pendingWorkspace = workspace;
        m_keychainWait.start();
        m_keychain->load(workspace.secretNames);
    });
    const auto release = [this] {
        m_keychainWait.stop();
        if (m_pendingWorkspace) {
            const Workspace workspace = *std::exchange(m_pendingWorkspace, std::nullopt);
            emit workspaceReady(workspace);
        }
    };
    connect(m_keychain, &KeychainLoader::finished, this, release);
    connect(&m_keychainWait, &QTimer::timeout, this, release);
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
    if (!m_commandLine.screenshotDir.isEmpty() && m_warRoom) {
        // The war-room display: one picture of it in the current language, at 1080p.
        m_warRoom->showNormal();
        m_warRoom->resize(1920, 1080);
        QTimer::singleShot(m_commandLine.screenshotDelayMs, this, [this] {
            const QString path = QDir(m_commandLine.screenshotDir)
                                     .filePath(QStringLiteral("warroom-%1.png").arg(LanguageManager::uiLanguage()));
            const bool saved = QDir().mkpath(m_commandLine.screenshotDir) && m_warRoom && m_warRoom->grab().save(path);
            std::printf("%s\n", qPrintable(saved ? path : tr("could not save %1").arg(path)));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    } else if (!m_commandLine.screenshotDir.isEmpty()) {
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

void AppController::wireKpis()
{
    // JSON fields, probe figures and error budgets read the health checks' results.
    connect(m_health->engine(), &ProbeEngine::resultReady, this, [this](const ProbeResult &result) {
        m_kpiReader->addProbeResult(result);
        m_kpiPoller->endpointChecked(result.endpoint);
    });
    connect(m_kpiModel, &KpiModel::stateChanged, this,
        [this](const QString &id, KpiState from, KpiState to, const QString &value) {
            m_incidentRecorder->recordKpiCrossing(
                id, KpiEvaluator::stateName(from).toLower(), KpiEvaluator::stateName(to).toLower(), value);
        });
    m_kpiPoller->setSampleStore(m_samples);
    m_probeRecords = new ProbeRecordLoader(m_storage, this);
    connect(m_probeRecords, &ProbeRecordLoader::loaded, this, [this](const ProbeRecordLoader::Records &records) {
        for (auto it = records.cbegin(); it != records.cend(); ++it) {
            m_kpiReader->addProbeRecords(it.key(), it.value());
            m_kpiPoller->endpointChecked(it.key());
        }
    });
    OverviewPage *overview = m_window->overviewPage();
    overview->setKpiModel(m_kpiModel);
    overview->setAlertModel(m_alertModel);
    overview->setEndpointModel(m_health->model());
    auto *charts = qobject_cast<ChartsPage *>(m_window->page(MainWindow::Charts));
    if (charts) {
        auto *chartData = new KpiChartData(m_kpiReader->prometheus(), m_kpiModel, this);
        chartData->setSampleStore(m_samples);
        charts->setSources(m_kpiModel, chartData);
    }
    connect(overview, &OverviewPage::kpiActivated, m_window, [this, charts](const QString &id) {
        m_window->setCurrentPage(MainWindow::Charts);
        if (charts) {
            charts->showKpi(id);
        }
    });
    connect(overview, &OverviewPage::incidentRequested, this, [this](const QString &id) {
        if (m_kpiModel->rowOf(id) < 0) {
            return;
        }
        const QString error = m_incidentRecorder->createFromKpiTile(*m_kpiModel, id);
        if (!error.isEmpty()) {
            QMessageBox::warning(m_window, tr("Open incident"), error);
            return;
        }
        m_showNextIncident = true;
    });
    connect(overview, &OverviewPage::silenceRequested, this,
        [this](const Alert &alert, Milliseconds duration, const QString &comment) {
            // The same operator name as ticks and timeline entries (settings, else the account), not only $USER.
            const QString name = ChecklistStore::operatorName();
            m_alertPoller->silence(alert, duration, name.isEmpty() ? QStringLiteral("opsdeck") : name, comment);
        });
    connect(overview, &OverviewPage::expireRequested, this, [this](int row) {
        if (row >= 0 && row < m_alertModel->alerts().size()) {
            m_alertPoller->expireSilences(m_alertModel->alerts().at(row));
        }
    });
    connect(m_alertPoller, &AlertPoller::expireFailed, this, [this](const QString &id, const QString &error) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Silence not expired"),
            tr("Alertmanager refused to expire silence %1: %2").arg(id, error), QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_alertPoller, &AlertPoller::silenceFailed, this, [this](const QString &error) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Silence not created"),
            tr("Alertmanager refused the silence: %1").arg(error), QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}
