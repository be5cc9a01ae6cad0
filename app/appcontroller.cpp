// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontroller.h"

#include "charts/chartspage.h"
#include "checklist/checkliststore.h"
#include "checklists/checklistspage.h"
#include "demo/demolauncher.h"
#include "health/healthpage.h"
#include "incident/incidentautorecorder.h"
#include "incident/incidentstore.h"
#include "incidents/incidenteditor.h"
#include "incidents/incidentspage.h"
#include "kpi/kpichartdata.h"
#include "kpi/kpimodel.h"
#include "kpi/kpireader.h"
#include "notifications/notificationspage.h"
#include "overview/overviewpage.h"
#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "runbooks/runbookspage.h"
#include "screenshotter.h"
#include "session/session.h"
#include "sources/alertmodel.h"
#include "storage/storage.h"
#include "storagestatus.h"
#include "ui/settingskeys.h"
#include "ui/uilanguage.h"
#include "warroombinder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>
#include <utility>

using namespace Qt::StringLiterals;

AppController::AppController(
    const CommandLine &commandLine, Session *session, MainWindow *window, LanguageManager *languages, QObject *parent)
    : QObject(parent)
    , m_commandLine(commandLine)
    , m_session(session)
    , m_window(window)
    , m_languages(languages)
    , m_warRoom(new WarRoomBinder(session, this))
{
    connect(m_window, &MainWindow::openWorkspaceRequested, this, [this](const QString &path) {
        m_origin = MainWindow::Origin::File;
        m_session->open(path);
    });
    connect(m_window, &MainWindow::reloadRequested, m_session, &Session::reload);
    connect(m_window, &MainWindow::warRoomRequested, m_warRoom, [this] { m_warRoom->show(false); });
    connect(m_session, &Session::workspaceReady, this, &AppController::onWorkspaceReady);
    connect(m_session, &Session::loadFailed, this, [this](const QString &path, const QList<Diagnostic> &diagnostics) {
        if (!m_firstLoadSeen) {
            // Also on the terminal: a broken file named on the command line is worth a line there.
            for (const Diagnostic &diagnostic : diagnostics) {
                std::fprintf(stderr, "%s\n", qPrintable(diagnostic.toString()));
            }
        }
        m_window->showLoadFailure(path, diagnostics);
        onFirstLoad();
    });
    connect(m_session, &Session::notice, m_window, [this](const QString &message) {
        std::fprintf(stderr, "opsdeck: %s\n", qPrintable(message));
        // A write that did not land or a notification that did not go out: each message says which.
        m_window->notify([message] { return std::pair { tr("Needs attention"), message }; }, -1);
    });
    m_session->setTrustAsk(RunbooksPage::trustPrompt(m_window));
    bindStorageStatus(m_session->storage(), m_window);
    bindPages();
    bindOverview();
}

AppController::~AppController() = default;

void AppController::bindPages()
{
    ChecklistStore *checklists = m_session->checklists();
    if (auto *page = qobject_cast<ChecklistsPage *>(m_window->page(MainWindow::Checklists))) {
        page->setStore(checklists);
        page->setClock(m_session->checklistClock());
    }
    connect(checklists, &ChecklistStore::becameLate, this, [this, checklists](qint64 id) {
        m_window->notify(
            [store = QPointer<ChecklistStore>(checklists), id] {
                const ChecklistInstance *late = store ? store->instance(id) : nullptr;
                if (!late) {
                    return std::pair { tr("Checklist late"), QString() };
                }
                return std::pair { tr("Checklist late"),
                    tr("%1 was due at %2 and is not signed off")
                        .arg(late->title.text(uiLanguage()),
                            QLocale().toString(late->period.due.toLocalTime().time(), QLocale::ShortFormat)) };
            },
            MainWindow::Checklists);
    });
    if (auto *page = qobject_cast<HealthPage *>(m_window->page(MainWindow::Health))) {
        page->setModel(m_session->endpoints());
        page->setHighlighter(m_session->highlighter());
        connect(page, &HealthPage::checkNowRequested, m_session->probes(), &ProbeEngine::checkNow);
        connect(page, &HealthPage::checkAllRequested, m_session->probes(), &ProbeEngine::checkAllNow);
        connect(page, &HealthPage::trustRequested, m_session, &Session::askTrust);
        connect(m_session, &Session::trustChanged, page, [this, page](bool waiting) {
            const SecretDestinations::Held &held = m_session->heldForTrust();
            page->setTrustWaiting(waiting, int(held.endpoints.size()), int(held.kpis.size()));
        });
        connect(
            page, &HealthPage::openIncidentRequested, this, [this](const QString &endpoint, const ProbeResult &result) {
                openedIncident(m_session->incidentRecorder()->createFromEndpoint(endpoint, result));
            });
    }
    if (auto *page = qobject_cast<IncidentsPage *>(m_window->page(MainWindow::Incidents))) {
        page->setStore(m_session->incidents());
        page->editor()->setEscalation(m_session->escalation());
        connect(m_session->incidents(), &IncidentStore::incidentCreated, this, [this, page](qint64 id) {
            if (std::exchange(m_showNextIncident, false)) {
                m_window->setCurrentPage(MainWindow::Incidents);
                page->selectIncident(id);
            }
        });
    }
}

void AppController::bindOverview()
{
    OverviewPage *overview = m_window->overviewPage();
    overview->setKpiModel(m_session->kpis());
    overview->setAlertModel(m_session->alerts());
    overview->setEndpointModel(m_session->endpoints());
    auto *charts = qobject_cast<ChartsPage *>(m_window->page(MainWindow::Charts));
    if (charts) {
        auto *chartData = new KpiChartData(m_session->kpiReader()->prometheus(), m_session->kpis(), this);
        chartData->setSampleStore(m_session->samples());
        charts->setSources(m_session->kpis(), chartData);
    }
    connect(overview, &OverviewPage::kpiActivated, m_window, [this, charts](const QString &id) {
        m_window->setCurrentPage(MainWindow::Charts);
        if (charts) {
            charts->showKpi(id);
        }
    });
    connect(overview, &OverviewPage::incidentRequested, this, [this](const QString &id) {
        if (m_session->kpis()->rowOf(id) >= 0) {
            openedIncident(m_session->incidentRecorder()->createFromKpiTile(*m_session->kpis(), id));
        }
    });
    AlertPoller *alerts = m_session->alertPoller();
    connect(overview, &OverviewPage::silenceRequested, alerts,
        [alerts](const Alert &alert, Milliseconds duration, const QString &comment) {
            // The same operator name as ticks and timeline entries (settings, else the account), not only $USER.
            const QString name = ChecklistStore::operatorName();
            alerts->silence(alert, duration, name.isEmpty() ? u"opsdeck"_s : name, comment);
        });
    connect(overview, &OverviewPage::expireRequested, alerts, [this, alerts](int row) {
        if (row >= 0 && row < m_session->alerts()->alerts().size()) {
            alerts->expireSilences(m_session->alerts()->alerts().at(row));
        }
    });
    connect(alerts, &AlertPoller::expireFailed, this, [this](const QString &id, const QString &error) {
        warn(tr("Silence not expired"), tr("Alertmanager refused to expire silence %1: %2").arg(id, error));
    });
    connect(alerts, &AlertPoller::silenceFailed, this, [this](const QString &error) {
        warn(tr("Silence not created"), tr("Alertmanager refused the silence: %1").arg(error));
    });
}

void AppController::onWorkspaceReady(const Workspace &workspace)
{
    m_window->setWorkspace(workspace, m_origin);
    m_warRoom->setWorkspace(workspace);
    if (auto *charts = qobject_cast<ChartsPage *>(m_window->page(MainWindow::Charts))) {
        charts->setWorkspace(workspace); // after the KPI model has the new tiles
    }
    if (auto *page = qobject_cast<NotificationsPage *>(m_window->page(MainWindow::Notifications))) {
        page->setWorkspace(workspace);
    }
    if (auto *page = qobject_cast<RunbooksPage *>(m_window->page(MainWindow::Runbooks))) {
        page->setWorkspace(workspace);
    }
    onFirstLoad();
}

void AppController::openedIncident(const QString &error)
{
    if (!error.isEmpty()) {
        warn(tr("Open incident"), error); // not modal: the watching goes on while it is shown
        return;
    }
    m_showNextIncident = true;
}

void AppController::warn(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void AppController::start()
{
    if (m_commandLine.warRoom) {
        // Launched as the war-room display: closing it ends the app; from the console it only closes itself.
        m_warRoom->show(!m_window->isVisible());
    }
    QString path = m_commandLine.workspace;
    if (path.isEmpty() && !m_commandLine.demo) {
        path = QSettings().value(SettingsKeys::lastWorkspace()).toString();
        if (!path.isEmpty() && !QFileInfo::exists(path)) {
            std::fprintf(stderr, "opsdeck: %s\n",
                qPrintable(tr("the last workspace %1 no longer exists; opening the demo").arg(path)));
            path.clear();
        }
    }
    if (m_commandLine.demo || path.isEmpty()) {
        startDemo();
    } else {
        m_session->open(path);
    }
}

void AppController::startDemo()
{
    m_demo = new DemoLauncher(this);
    connect(m_demo, &DemoLauncher::ready, this, [this](const QString &workspacePath) {
        m_origin = MainWindow::Origin::Demo;
        m_session->open(workspacePath);
    });
    connect(m_demo, &DemoLauncher::failed, this, [this](const QString &error) {
        const QString message = tr("The demo service could not be started: %1").arg(error);
        std::fprintf(stderr, "opsdeck: %s\n", qPrintable(message));
        warn(tr("Demo unavailable"), message);
        onFirstLoad();
    });
    const QString dataDir = m_session->options().dataDir;
    m_demo->start(dataDir.isEmpty() ? Storage::defaultDataDir() : dataDir);
}

void AppController::onFirstLoad()
{
    if (std::exchange(m_firstLoadSeen, true) || m_commandLine.screenshotDir.isEmpty()) {
        return;
    }
    // Live pages are worth a look only once the first checks have answered.
    auto *shots = new Screenshotter(m_window, m_languages, m_commandLine.screenshotDir, this);
    if (m_warRoom->window()) {
        shots->setWarRoom(m_warRoom->window()); // the war-room display: one picture of it, at 1080p
    }
    connect(shots, &Screenshotter::finished, this, [shots](const QString &error) {
        if (!error.isEmpty()) {
            std::fprintf(stderr, "opsdeck: screenshots: %s\n", qPrintable(error));
        } else {
            std::printf("%s\n", qPrintable(shots->savedFiles().join(QLatin1Char('\n'))));
        }
        QCoreApplication::exit(error.isEmpty() ? 0 : 1);
    });
    QTimer::singleShot(m_commandLine.screenshotDelayMs, shots, &Screenshotter::start);
}
