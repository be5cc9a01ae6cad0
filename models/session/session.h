// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notificationevent.h"
#include "probe/locationquorum.h"
#include "runbook/secretdestinations.h"
#include "workspace/diagnostic.h"
#include "workspace/workspace.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class AlertModel;
class AutoIncidentRules;
class EscalationEngine;
class AlertPoller;
class AlertmanagerClient;
class ChecklistClock;
class ChecklistStore;
class DependencyGraph;
class EndpointModel;
class IncidentAutoRecorder;
class IncidentStore;
class KeychainLoader;
class KpiModel;
class KpiPoller;
class KpiReader;
class KpiWatch;
class Notifier;
class NotifySender;
class ProbeEngine;
class ProbeFeed;
class ProbeHistory;
class ProberElection;
class ProbeRecordLoader;
class QNetworkAccessManager;
class RunbookAudit;
class RunbookRunner;
class SampleStore;
class Storage;
class SyntaxHighlighterService;
class WorkspaceWatcher;

// The watching core of OpsDeck, shared by every front-end: the window, `opsdeck check`, `opsdeck runbook` and a
// headless agent each build one Session and bind to it; none wires the parts itself. It owns the storage, the
// network access, the stores, the probe engine, the KPI pipeline, the checklist clock, the runbook runner with
// its audit, the incident auto-recorder, the notifier and the trust gate, and hands every good workspace to all of them
// in one place (setWorkspace()).
//
//   Session session({ .mode = Session::Mode::Watch, .dataDir = dir });
//   connect(&session, &Session::workspaceReady, window, ...);
//   session.open(path); // follows the file; each good version reaches every part once the keychain has answered
class Session final : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Watch, // the window and the agent: probes on their intervals, KPIs polled, the checklist clock runs
        Once, // `opsdeck check` and `opsdeck runbook`: nothing starts by itself, the front-end asks
    };
    struct Options
    {
        Mode mode = Mode::Watch;
        QString database; // --database: wins over the workspace's storage key
        QString dataDir; // empty: Storage::defaultDataDir()
        bool storage = true; // false: no database at all (`opsdeck check`)
        int keychainWaitMs = 3000; // a keychain that waits for an unlock prompt holds a workspace this long
        QString location = {}; // --location: where this process probes from; empty = the default location
        QString name = {}; // who probes, in results ("checked by"); empty = host/pid
    };
    // How the operator answered the trust gate: `remember` keeps the trust for this version of the file; `note`
    // goes into the command steps' audit rows (e.g. "commands allowed by --yes").
    struct TrustAnswer
    {
        bool allow = false;
        bool remember = true;
        QString note;
    };
    // Asked (by the window with a dialog, by the terminal with a prompt) once a workspace version that would send
    // secrets loads in Watch mode (SecretDestinations::describe() says what goes where; `commands` are its command
    // steps, which the same answer covers), and before command steps of an untrusted workspace run; `answer` may be
    // called later, once.
    using TrustAsk = std::function<void(
        const Workspace &workspace, const QStringList &commands, std::function<void(const TrustAnswer &)> answer)>;

    explicit Session(const Options &options, QObject *parent = nullptr);
    // Stops the probes and the runner, then flushes every pending write before the storage closes.
    ~Session() override;

    const Options &options() const { return m_options; }

    // Loads `path` and follows its changes; each good version goes through setWorkspace() once the keychain has
    // answered for the secrets the environment lacks (or keychainWaitMs passed); a bad one emits loadFailed() and
    // the last good workspace stays.
    void open(const QString &path);
    void reload();
    // A workspace loaded elsewhere (a terminal command validates the file itself): setWorkspace() once the keychain
    // has answered, as for open().
    void adopt(const Workspace &workspace);
    // The one fan-out: every part gets the workspace, and the storage follows its storage key.
    void setWorkspace(const Workspace &workspace);
    bool hasWorkspace() const { return m_workspace.has_value(); }
    const Workspace &workspace() const;

    // The database for `workspace`: --database, else the workspace's storage key, else the data dir's file.
    QString storageTarget(const Workspace &workspace) const;
    static QString storageTarget(const Options &options, const Workspace &workspace);

    // The trust gate for the runner's command steps [from, to]: trusted already (or no command steps there) →
    // allowed at once; else `ask` decides. `then(allowed)` follows, possibly later; the runner is set accordingly.
    void setTrustAsk(TrustAsk ask) { m_trustAsk = std::move(ask); }
    void gateCommands(int from, int to, std::function<void(bool allowed)> then);

    // The trust gate for secrets. Until the current workspace version is trusted (or allowed for this session),
    // nothing that would carry a resolved secret is sent: those endpoints and KPIs wait ("waiting for trust", no
    // state, not a failure), notification providers and Alertmanager that use secrets send nothing, runbook steps
    // that would send one fail unsent; everything else runs. Trust arriving later releases them without a reload.
    bool waitingForTrust() const { return !m_secretsAllowed; }
    // What waits now (empty when nothing does).
    const SecretDestinations::Held &heldForTrust() const { return m_heldNow; }
    // Asks through the TrustAsk (a banner's "Trust…" button, a terminal command); nothing when nothing waits. In
    // Watch mode a version is asked by itself once, when it loads; this asks again.
    void askTrust();
    // Answers for the current version without asking (`--yes`): allow + remember trusts this version of the file;
    // allow alone releases its secrets and commands for this session only, with `note` in the command steps' audit.
    void answerTrust(const TrustAnswer &answer);

    // Team mode (Watch mode on PostgreSQL): one prober per (workspace, location) probes, elected through the
    // database (ProberElection); the others read its results (ProbeFeed). Alone (SQLite), this process probes.
    bool isProber() const;
    ProberElection *election() const { return m_election; }
    // An endpoint's state over its locations, as probeResult() last gave it (Unknown before its first result).
    EndpointState state(const QString &endpoint) const { return m_states.value(endpoint, EndpointState::Unknown); }
    // Who this process is in results' checked_by.
    QString name() const { return m_name; }

    Storage *storage() const { return m_storage; }
    QNetworkAccessManager *network() const { return m_nam; }
    ProbeEngine *probes() const { return m_engine; }
    EndpointModel *endpoints() const { return m_endpoints; }
    ChecklistStore *checklists() const { return m_checklists; }
    ChecklistClock *checklistClock() const { return m_clock; }
    IncidentStore *incidents() const { return m_incidents; }
    IncidentAutoRecorder *incidentRecorder() const { return m_recorder; }
    RunbookRunner *runner() const { return m_runner; }
    RunbookAudit *runbookAudit() const { return m_audit; }
    KpiReader *kpiReader() const { return m_kpiReader; }
    KpiModel *kpis() const { return m_kpiModel; }
    KpiPoller *kpiPoller() const { return m_kpiPoller; }
    AlertModel *alerts() const { return m_alertModel; }
    AlertPoller *alertPoller() const { return m_alertPoller; }
    SampleStore *samples() const { return m_samples; }
    SyntaxHighlighterService *highlighter() const { return m_highlighter; }
    // Routes events to the workspace's notification providers (Watch mode only); its log() keeps the last
    // deliveries.
    Notifier *notifier() const { return m_notifier; }
    NotifySender *notifySender() const { return m_notifySender; }
    // The stored probe results the workspace's probe and error-budget KPIs look back over are being read (with a
    // database only); probeRecordsLoaded() follows, after which those KPIs count them.
    bool loadingProbeRecords() const { return m_loadingRecords; }
    // Hands the probe results still waiting for their batch to the storage now (with a database only).
    void flushProbeHistory();
    // Watch mode only (else null): escalation chains of open incidents, and incidents.auto rules.
    EscalationEngine *escalation() const { return m_escalation; }
    AutoIncidentRules *autoIncidents() const { return m_autoIncidents; }
    // The workspace's depends-on, fed with every result: which endpoints a CRITICAL one impacts.
    const DependencyGraph &dependencies() const { return *m_dependencies; }
    // Endpoints whose problem notification is held because a root cause impacts them (sessiondependencies.cpp).
    QStringList heldNotifications() const { return m_heldNotifications.keys(); }

Q_SIGNALS:
    // Every part has the workspace.
    void workspaceReady(const Workspace &workspace);
    void loadFailed(const QString &path, const QList<Diagnostic> &diagnostics);
    // Something the operator must hear about that no screen shows by itself (a write that did not land).
    void notice(const QString &message);
    // waitingForTrust() changed, or a new workspace version was applied.
    void trustChanged(bool waiting);
    // The read loadingProbeRecords() announced is over (loaded, or failed with a notice()).
    void probeRecordsLoaded();
    // An endpoint's root cause changed (empty: no longer impacted).
    void impactChanged(const QString &endpoint, const QString &root);
    // Every probe result, this process's and (team mode) the other probers', with `state` the quorum over the
    // endpoint's locations (LocationQuorum): what the endpoint model and the KPIs take.
    void probeResult(const ProbeResult &result);
    // The state over the endpoint's locations changed (not for its first result): what notifications, automatic
    // incidents and the incident timeline follow, the same in every process of a team.
    void stateChanged(const QString &endpoint, EndpointState from, EndpointState to, const ProbeResult &result);
    // Team mode: this process became the prober of its location (true) or follows another (false).
    void proberChanged(bool prober);

private:
    void wireChecklists();
    void wireKpis();
    void wireRunbooks();
    void wireNotifications(); // sessionnotify.cpp
    void wireEscalation(); // sessionescalation.cpp
    void wireDependencies(); // sessiondependencies.cpp
    void applyDependencies(const Workspace &workspace);
    void updateImpact(const QString &endpoint, bool critical);
    // True when `event` (an endpoint's change) waits because the endpoint is impacted; recoveries never wait.
    bool holdImpacted(const QString &endpoint, const NotificationEvent &event);
    void releaseHeld(const QString &endpoint);
    void dependencyAnswered(const QString &dependency);
    void decideConfirming(const QString &endpoint, quint64 generation);
    void applyEscalation(const Workspace &workspace);
    void releasePending();
    void useStorage(const QString &target);
    void applyTrust(); // sessiontrust.cpp
    void trustAnswered(const Workspace &shown, const TrustAnswer &answer);
    void releaseIfTrusted();
    void wireProber(); // sessionprober.cpp
    void takeResult(const ProbeResult &result);
    void applyRole(const Workspace &workspace); // sessionprober.cpp
    void onRoleChanged(bool prober);
    void onElectionOnline(bool online);
    // Whether this process records a state change of `result`'s endpoint on incidents (one process per team does).
    bool actsFor(const ProbeResult &result) const;
    void onLockAnswered(bool held);
    void retryStorage(); // a team database that could not be opened is tried again

    Options m_options;
    Storage *m_storage;
    QNetworkAccessManager *m_nam;
    ProbeEngine *m_engine;
    ProbeHistory *m_history = nullptr;
    ProbeFeed *m_feed = nullptr;
    ProberElection *m_election = nullptr;
    LocationQuorum m_quorum;
    QString m_name;
    QString m_electionKey; // the target, workspace and location the election runs for
    QHash<QString, EndpointState> m_states; // endpoint → its state over its locations (state())
    QTimer m_storageRetry;
    EndpointModel *m_endpoints;
    ChecklistStore *m_checklists;
    ChecklistClock *m_clock;
    IncidentStore *m_incidents;
    IncidentAutoRecorder *m_recorder;
    RunbookRunner *m_runner;
    RunbookAudit *m_audit;
    KpiReader *m_kpiReader;
    KpiModel *m_kpiModel;
    KpiPoller *m_kpiPoller;
    KpiWatch *m_kpiWatch;
    AlertmanagerClient *m_alertClient;
    AlertModel *m_alertModel;
    AlertPoller *m_alertPoller;
    SampleStore *m_samples;
    ProbeRecordLoader *m_probeRecords = nullptr;
    bool m_loadingRecords = false;
    SyntaxHighlighterService *m_highlighter;
    NotifySender *m_notifySender;
    Notifier *m_notifier;
    EscalationEngine *m_escalation = nullptr;
    AutoIncidentRules *m_autoIncidents = nullptr;
    QSet<qint64> m_openIncidents; // to tell a resolution from other edits
    std::unique_ptr<DependencyGraph> m_dependencies;
    struct HeldNotification
    {
        NotificationEvent event;
        QString root;
    };
    QHash<QString, HeldNotification> m_heldNotifications; // endpoint → its latest problem, held
    // A problem of an endpoint whose dependencies are being checked again before it is told or held.
    struct Confirming
    {
        NotificationEvent event;
        QSet<QString> waiting; // dependencies not answered yet
        quint64 generation = 0;
    };
    QHash<QString, Confirming> m_confirming;
    QHash<QString, QSet<QString>> m_confirmWaiters; // dependency → endpoints waiting for its answer
    quint64 m_confirmGeneration = 0;
    WorkspaceWatcher *m_watcher;
    KeychainLoader *m_keychain;
    QTimer m_keychainWait;
    std::optional<Workspace> m_pending;
    std::optional<Workspace> m_workspace;
    QString m_storageTarget;
    TrustAsk m_trustAsk;
    bool m_secretsAllowed = true;
    SecretDestinations::Held m_heldNow;
    QByteArray m_askedHash; // the version asked about by itself once
    bool m_asking = false; // a question from askTrust() is open
    QByteArray m_allowedHash; // allowed for this session only (--yes)
    QString m_allowedNote;
    QList<std::function<void(bool allowed)>> m_afterAnswer; // gateCommands() calls waiting for the open question
    QHash<QString, qint64> m_lastNotice; // what → when it was last reported
};
