// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/session.h"

#include "checklist/checkliststore.h"
#include "checklist/probeevidence.h"
#include "highlight/syntaxhighlighterservice.h"
#include "incident/incidentautorecorder.h"
#include "incident/incidentstore.h"
#include "kpi/kpimodel.h"
#include "kpi/kpipoller.h"
#include "kpi/kpireader.h"
#include "kpi/kpiwatch.h"
#include "notify/notifier.h"
#include "probe/dependencygraph.h"
#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "probe/probehistory.h"
#include "runbook/runbookaudit.h"
#include "runbook/runbookrunner.h"
#include "samples/proberecordloader.h"
#include "samples/samplestore.h"
#include "secrets/secrets.h"
#include "session/checklistclock.h"
#include "sources/alertmanagerclient.h"
#include "sources/alertmodel.h"
#include "storage/proberelection.h"
#include "storage/storage.h"
#include "ui/uilanguage.h"
#include "workspace/workspaceloader.h"
#include "workspace/workspacewatcher.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRegularExpression>

#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

Session::Session(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_storage(new Storage(this))
    , m_nam(new QNetworkAccessManager(this))
    , m_engine(new ProbeEngine(this))
    , m_endpoints(new EndpointModel(this))
    , m_checklists(new ChecklistStore(m_storage, this))
    , m_clock(new ChecklistClock(m_checklists, this))
    , m_incidents(new IncidentStore(m_storage, this))
    , m_recorder(new IncidentAutoRecorder(m_incidents, this))
    , m_runner(new RunbookRunner(this))
    , m_audit(new RunbookAudit(m_storage, this))
    , m_kpiReader(new KpiReader(m_nam, this))
    , m_kpiModel(new KpiModel(this))
    , m_kpiPoller(new KpiPoller(m_kpiReader, m_kpiModel, this))
    , m_kpiWatch(new KpiWatch(m_kpiModel, this))
    , m_alertClient(new AlertmanagerClient(m_nam, {}, this))
    , m_alertModel(new AlertModel(this))
    , m_alertPoller(new AlertPoller(m_alertClient, m_alertModel, this))
    , m_samples(new SampleStore(m_storage, this))
    , m_highlighter(new SyntaxHighlighterService(this))
    , m_notifySender(new NotifySender(m_nam, this))
    , m_notifier(new Notifier(m_notifySender, this))
    , m_dependencies(std::make_unique<DependencyGraph>())
    , m_watcher(new WorkspaceWatcher(this))
    , m_keychain(new KeychainLoader(this))
{
    const bool watching = m_options.mode == Mode::Watch;
    // A single check reports each probe's raw state; flap control is for watching over time.
    m_engine->setFlapControl(watching);
    m_runner->setNetwork(m_nam);
    if (watching) {
        // Thousands of endpoints give hundreds of results a second: views hear of them five times a second.
        m_endpoints->setUpdateInterval(200);
    }
    connect(m_engine, &ProbeEngine::resultReady, this, &Session::takeResult);
    connect(this, &Session::probeResult, m_endpoints, &EndpointModel::addResult);
    wireDependencies(); // before anything that reacts to a state change asks who is impacted
    if (m_options.storage) {
        // Every front-end that has a database records its results: `opsdeck check` from cron too, so error budgets
        // and uptime see those runs.
        m_history = new ProbeHistory(m_storage, QString(), this);
        if (!watching) {
            m_history->setBatching(std::numeric_limits<int>::max(), 0); // written at the end, in one transaction
        }
        connect(m_engine, &ProbeEngine::resultReady, m_history, &ProbeHistory::add);
    }
    wireProber();
    connect(this, &Session::stateChanged, this,
        [this](const QString &name, EndpointState from, EndpointState to, const ProbeResult &result) {
            if (actsFor(result)) {
                m_recorder->recordEndpointTransition(name, from, to, result);
            }
        });
    wireChecklists();
    wireKpis();
    wireRunbooks();
    wireNotifications();
    wireEscalation();

    m_keychainWait.setSingleShot(true);
    m_keychainWait.setInterval(m_options.keychainWaitMs);
    connect(m_keychain, &KeychainLoader::finished, this, &Session::releasePending);
    connect(&m_keychainWait, &QTimer::timeout, this, &Session::releasePending);
    connect(m_watcher, &WorkspaceWatcher::workspaceLoaded, this, &Session::adopt);
    connect(m_watcher, &WorkspaceWatcher::loadFailed, this, &Session::loadFailed);

    // A failed write reaches the operator once per kind of write and minute (an offline team database fails the
    // sample and history batches every second).
    connect(m_storage, &Storage::writeFailed, this, [this](const QString &what, const QString &error) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QString kind = what;
        kind.remove(QRegularExpression(u"[0-9]+"_s)); // "Saving 12 samples" ~ "Saving 40 samples"
        const auto last = m_lastNotice.constFind(kind);
        if (last != m_lastNotice.constEnd() && now - *last < 60 * 1000) {
            return;
        }
        m_lastNotice.insert(kind, now);
        Q_EMIT notice(tr("%1 failed: %2").arg(what, error));
    });
    if (watching && m_options.storage) {
        // --database wins from the start; a workspace's storage key is only known once it has loaded.
        useStorage(m_options.database.isEmpty()
                ? Storage::databasePath(m_options.dataDir.isEmpty() ? Storage::defaultDataDir() : m_options.dataDir)
                : m_options.database);
    }
}

Session::~Session()
{
    // The storage is the first child and would go first: everything that still writes is stopped or flushed while
    // it exists, and its destructor then runs every job already queued.
    if (m_election) {
        m_election->disconnect(this);
        m_election->stop(); // the lock goes with its connection: a follower takes over at its next try
    }
    m_clock->stop();
    m_kpiPoller->stop();
    m_alertPoller->stop();
    m_engine->stop();
    delete std::exchange(m_runner, nullptr); // a running command step is killed and its audit row queued
    if (m_history) {
        m_history->flush();
    }
    delete std::exchange(m_samples, nullptr);
}

void Session::flushProbeHistory()
{
    if (m_history) {
        m_history->flush();
    }
}

const Workspace &Session::workspace() const
{
    static const Workspace none;
    return m_workspace ? *m_workspace : none;
}

void Session::open(const QString &path)
{
    if (m_options.mode == Mode::Watch) {
        m_watcher->open(path); // workspaceLoaded or loadFailed, now and on every change
        return;
    }
    const LoadResult loaded = WorkspaceLoader::loadFile(path);
    if (!loaded.ok()) {
        Q_EMIT loadFailed(path, loaded.diagnostics);
        return;
    }
    adopt(*loaded.workspace);
}

void Session::reload()
{
    m_watcher->reload();
}

void Session::adopt(const Workspace &workspace)
{
    // A workspace takes effect once the keychain has answered for the secrets the environment lacks, so the first
    // checks do not fail for a secret that was on its way.
    m_pending = workspace;
    m_keychainWait.start();
    m_keychain->load(workspace.secretNames);
}

void Session::releasePending()
{
    m_keychainWait.stop();
    if (m_pending) {
        setWorkspace(*std::exchange(m_pending, std::nullopt));
    }
}

QString Session::storageTarget(const Options &options, const Workspace &workspace)
{
    if (!options.database.isEmpty()) {
        return options.database;
    }
    if (!workspace.info.storage.isEmpty()) {
        return workspace.info.storage;
    }
    return Storage::databasePath(options.dataDir.isEmpty() ? Storage::defaultDataDir() : options.dataDir);
}

QString Session::storageTarget(const Workspace &workspace) const
{
    return storageTarget(m_options, workspace);
}

void Session::useStorage(const QString &target)
{
    if (target == m_storageTarget) {
        return;
    }
    m_storageTarget = target;
    // Jobs submitted from here on wait for this database; the stores reload after their setWorkspace().
    m_storage->open(target);
}

void Session::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    const bool watching = m_options.mode == Mode::Watch;
    applyTrust(); // before any part gets the workspace: what waits for trust never starts
    // Samples and results still pending belong to the previous workspace and database.
    m_samples->setWorkspaceId(workspace.info.id);
    m_samples->setRetention(workspace.info.retention);
    if (m_history) {
        m_history->setWorkspaceId(workspace.info.id);
    }
    if (m_options.storage) {
        useStorage(storageTarget(workspace));
    }
    if (watching && m_options.storage) {
        m_samples->startPruning();
    }
    m_endpoints->setWorkspace(workspace);
    m_quorum.setWorkspace(workspace);
    for (auto it = m_states.begin(); it != m_states.end();) {
        it = workspace.endpoint(it.key()) ? std::next(it) : m_states.erase(it);
    }
    m_engine->setWorkspace(workspace);
    applyDependencies(workspace);
    applyRole(workspace); // starts the engine, or the election and the feed
    if (watching && m_options.storage) {
        // Creates the instances of the periods that have begun: not for a one-off terminal command.
        m_checklists->setWorkspace(workspace);
        m_checklists->refresh();
    }
    if (m_options.storage) {
        m_incidents->setWorkspace(workspace);
        m_incidents->refresh();
    }
    m_recorder->setWorkspace(workspace);
    m_kpiPoller->setWorkspace(workspace);
    m_alertClient->setServer(workspace.sources.alertmanager);
    m_alertModel->setAlerts({});
    applyEscalation(workspace);
    if (m_probeRecords) {
        // Read before this workspace's first results are written (one storage worker, in order): what is loaded
        // is only earlier results, and KpiReader keeps those older than what it already holds.
        m_loadingRecords = m_probeRecords->load(workspace);
    }
    if (watching) {
        m_notifier->setWorkspace(workspace);
        m_kpiPoller->start();
        m_clock->start();
        if (workspace.sources.alertmanager.isSet() && !m_heldNow.alertmanager) {
            m_alertPoller->start();
        } else {
            m_alertPoller->stop();
        }
    }
    Q_EMIT trustChanged(waitingForTrust());
    Q_EMIT workspaceReady(workspace);
    // Watching, a version is asked about by itself, once; "not now" stays until askTrust() (the Health page's
    // banner) asks again. A terminal command asks when it needs the answer (gateCommands(), `opsdeck check`).
    if (watching && !m_secretsAllowed && m_trustAsk && m_askedHash != workspace.contentHash) {
        m_askedHash = workspace.contentHash;
        askTrust();
    }
}

void Session::wireChecklists()
{
    m_checklists->setVerifier([endpoints = QPointer<EndpointModel>(m_endpoints), kpis = QPointer<KpiWatch>(m_kpiWatch)](
                                  const ChecklistVerify &verify) -> std::optional<ChecklistEvidence> {
        if (!verify.kpi.isEmpty()) {
            return kpis ? kpis->evidence(verify) : std::nullopt;
        }
        const EndpointStatus *status
            = verify.endpoint.isEmpty() || !endpoints ? nullptr : endpoints->status(verify.endpoint);
        if (!status || !status->last) {
            return std::nullopt;
        }
        return probeEvidence(verify, *status->last);
    });
    connect(m_checklists, &ChecklistStore::signedOff, this, [this](qint64 id) {
        if (const ChecklistInstance *instance = m_checklists->instance(id)) {
            m_recorder->recordChecklistSignOff(
                instance->title.text(uiLanguage()), instance->signedBy, instance->signComment);
        }
    });
}

void Session::wireKpis()
{
    // JSON fields, probe figures and error budgets read the health checks' results.
    connect(this, &Session::probeResult, this, [this](const ProbeResult &result) {
        m_kpiReader->addProbeResult(result);
        m_kpiPoller->endpointChecked(result.endpoint);
    });
    connect(m_kpiModel, &KpiModel::stateChanged, this,
        [this](const QString &id, KpiState from, KpiState to, const QString &value) {
            m_recorder->recordKpiCrossing(
                id, KpiEvaluator::stateName(from).toLower(), KpiEvaluator::stateName(to).toLower(), value);
        });
    if (!m_options.storage) {
        return;
    }
    m_probeRecords = new ProbeRecordLoader(m_storage, this);
    connect(m_probeRecords, &ProbeRecordLoader::loadFailed, this, [this](const QString &message) {
        m_loadingRecords = false;
        Q_EMIT notice(message);
        Q_EMIT probeRecordsLoaded();
    });
    connect(m_probeRecords, &ProbeRecordLoader::loaded, this, [this](const ProbeRecordLoader::Records &records) {
        for (auto it = records.cbegin(); it != records.cend(); ++it) {
            m_kpiReader->addProbeRecords(it.key(), it.value());
            m_kpiPoller->endpointChecked(it.key());
        }
        m_loadingRecords = false;
        Q_EMIT probeRecordsLoaded();
    });
    if (m_options.mode == Mode::Watch) {
        m_kpiPoller->setSampleStore(m_samples);
    }
}

void Session::wireRunbooks()
{
    m_audit->setIncidentStore(m_incidents);
    // Every attempted step is audited, whichever front-end started the run.
    connect(m_runner, &RunbookRunner::auditRecord, this, [this](const RunbookAuditRecord &record) {
        m_audit->record(record, m_runner->runbook().service, RunbookAudit::endpointsOf(m_runner->runbook()));
    });
}
