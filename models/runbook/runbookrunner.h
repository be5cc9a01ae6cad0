// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbook/runbookrun.h"
#include "workspace/workspace.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include <functional>

using namespace Qt::StringLiterals;

class DeclaredSecrets;
class StepExecutor;

// Runs one runbook's steps in order: all of them, from one step on, or a single step. A step that needs
// confirmation (state-changing, or `confirm: true`) and every manual step wait for the operator (confirm() or
// decline()); a failed step stops the run unless it says `on-failure: continue`. Abort ends the running step at once.
// Nothing blocks: requests, polls and commands report back through the event loop.
//
// Every attempted step produces exactly one audit record before and one after (auditRecord()); a step that
// references an unset ${NAME} fails before anything is sent, and so does a run whose steps do (checked up front).
class RunbookRunner final : public QObject
{
    Q_OBJECT
public:
    explicit RunbookRunner(QObject *parent = nullptr);
    ~RunbookRunner() override;

    // Requests go through `nam` (the session's) instead of the runner's own.
    void setNetwork(QNetworkAccessManager *nam) { m_nam = nam ? nam : &m_ownNam; }
    // Resets the step states; refused (false) while a run is in progress.
    bool setRunbook(const Workspace &workspace, const QString &runbookId);
    const Runbook &runbook() const { return m_runbook; }
    QString environment() const;
    int stepCount() const { return int(m_runbook.steps.size()); }
    const StepRun &stepRun(int index) const { return m_runs.at(index); }
    // Elapsed time of the step, live while it runs.
    qint64 elapsedMs(int index) const;

    // Command steps run only once the workspace is trusted (see WorkspaceTrust); otherwise they fail unrun. `how`
    // (e.g. "commands allowed by --yes") goes into the audit rows of the command steps that run.
    void setCommandsAllowed(bool allowed, const QString &how = {})
    {
        m_commandsAllowed = allowed;
        m_commandTrust = how;
    }
    bool commandsAllowed() const { return m_commandsAllowed; }
    // Off while the workspace version is not trusted (the Session's trust gate): steps whose requests would carry a
    // secret (http steps, checks of such endpoints) fail unsent with "waiting for trust". On by default.
    void setSecretsAllowed(bool allowed) { m_secretsAllowed = allowed; }
    bool secretsAllowed() const { return m_secretsAllowed; }
    // Whether `step` would send a resolved secret (its own ${NAME}s, or those of the endpoint it checks).
    bool stepSendsSecrets(const RunbookStep &step) const;
    // Unattended: confirmations are answered yes, and the audit says so (`opsdeck runbook --yes`).
    void setAutoConfirm(bool yes) { m_autoConfirm = yes; }
    void setCommandWorkingDirectory(const QString &dir) { m_workingDirectory = dir; }
    void setActor(const QString &actor) { m_actor = actor; }
    // The language of workspace texts in the step logs ("en", "ko"); audit rows stay in English.
    void setLanguage(const QString &language) { m_language = language; }

    // Each returns an empty string when the run started, else why not (translated). One run at a time.
    QString runAll();
    QString runFrom(int index);
    QString runStep(int index);
    void abort();

    bool isRunning() const { return m_current >= 0; }
    int currentStep() const { return m_current; }
    // The step waiting for confirm()/decline(), or -1.
    int waitingStep() const { return m_waiting ? m_current : -1; }
    StepConfirmation confirmation(int index) const;
    // Confirms the waiting step (for manual steps: marks it done, with an optional note). In production the
    // environment name must be typed; a wrong one is refused (false) and the step keeps waiting. A second confirm
    // of the same step (a double-click) does nothing.
    bool confirm(const QString &typedEnvironment = {}, const QString &note = {});
    void decline(const QString &reason = {});

    // The ${NAME} references of steps [from, to] that are not set, as "NAME (step id)".
    QStringList missingVariables(int from, int to) const;
    // Why each of them has no value (Secrets::whyMissing, which names the keychain's answer), with its step:
    // "NAME is not set in the environment nor in the keychain (reason) (step id); ...". Empty when all are set.
    QString describeMissingVariables(int from, int to) const;
    bool hasCommandSteps() const;

Q_SIGNALS:
    void runStarted();
    void runFinished(bool ok, const QString &summary);
    void stepChanged(int index);
    void logChanged(int index);
    // The step waits for the operator: a confirmation (state-changing) or a manual "done".
    void operatorNeeded(int index);
    void auditRecord(const RunbookAuditRecord &record);

private:
    QString startRun(int from, int to);
    void beginStep();
    void execute();
    void onStepFinished(bool ok, const QString &message);
    void endStep(StepState state, const QString &message);
    void advance(bool continueAfter);
    void finishRun();
    RunbookAuditRecord record(int index, RunbookAuditRecord::Phase phase) const;
    StepExecutor *createExecutor(const RunbookStep &step, QString *error);

    QNetworkAccessManager m_ownNam;
    QNetworkAccessManager *m_nam = &m_ownNam;
    void forEachMissing(int from, int to,
        const std::function<void(const QString &, const RunbookStep &, const DeclaredSecrets &)> &each) const;

    Workspace m_workspace;
    Runbook m_runbook;
    QList<StepRun> m_runs;
    QList<QElapsedTimer> m_clocks;
    QPointer<StepExecutor> m_executor;
    QString m_runId;
    QString m_actor;
    QString m_workingDirectory;
    QString m_language = u"en"_s;
    QString m_confirmedBy; // how the current step was confirmed, for the after record
    QString m_commandTrust; // how command steps were allowed, when that is worth recording
    int m_current = -1;
    int m_last = -1;
    bool m_waiting = false;
    bool m_allOk = true;
    bool m_aborting = false;
    bool m_commandsAllowed = false;
    bool m_secretsAllowed = true;
    bool m_autoConfirm = false;
};
