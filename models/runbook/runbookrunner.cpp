// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/runbookrunner.h"

#include "incident/incidentstore.h"
#include "runbook/commandexecutor.h"
#include "runbook/secretdestinations.h"
#include "runbook/stepexecutor.h"
#include "secrets/secrets.h"
#include "workspace/declaredsecrets.h"
#include "workspace/duration.h"

#include <QUuid>

using namespace Qt::StringLiterals;

RunbookRunner::RunbookRunner(QObject *parent)
    : QObject(parent)
    , m_actor(IncidentStore::operatorName())
{ }

RunbookRunner::~RunbookRunner()
{
    delete m_executor; // kills a running command
}

bool RunbookRunner::setRunbook(const Workspace &workspace, const QString &runbookId)
{
    if (isRunning()) {
        return false;
    }
    m_workspace = workspace;
    m_runbook = {};
    for (const Runbook &runbook : workspace.runbooks) {
        if (runbook.id == runbookId) {
            m_runbook = runbook;
        }
    }
    m_runs = QList<StepRun>(m_runbook.steps.size());
    m_clocks = QList<QElapsedTimer>(m_runbook.steps.size());
    return !m_runbook.id.isEmpty();
}

QString RunbookRunner::environment() const
{
    return m_runbook.environment.isEmpty() ? m_workspace.info.environment : m_runbook.environment;
}

qint64 RunbookRunner::elapsedMs(int index) const
{
    const StepRun &run = m_runs.at(index);
    if ((run.state == StepState::Running || run.state == StepState::Waiting) && m_clocks.at(index).isValid()) {
        return m_clocks.at(index).elapsed();
    }
    return run.elapsedMs;
}

QString RunbookRunner::runAll()
{
    return startRun(0, stepCount() - 1);
}

QString RunbookRunner::runFrom(int index)
{
    return startRun(index, stepCount() - 1);
}

QString RunbookRunner::runStep(int index)
{
    return startRun(index, index);
}

QStringList RunbookRunner::missingVariables(int from, int to) const
{
    QStringList out;
    forEachMissing(from, to, [&out](const QString &name, const RunbookStep &step, const DeclaredSecrets &) {
        out.append(u"%1 (%2)"_s.arg(name, step.id));
    });
    return out;
}

bool RunbookRunner::stepSendsSecrets(const RunbookStep &step) const
{
    if (!RunbookSteps::variables(step).isEmpty()) {
        return true;
    }
    const bool checks = step.kind == RunbookStep::Kind::Check || step.kind == RunbookStep::Kind::WaitUntilHealthy;
    return checks && m_workspace.endpoint(step.endpoint)
        && SecretDestinations::held(m_workspace).endpoints.contains(step.endpoint);
}

QString RunbookRunner::describeMissingVariables(int from, int to) const
{
    QStringList out;
    forEachMissing(from, to, [&out](const QString &name, const RunbookStep &step, const DeclaredSecrets &declared) {
        out.append(u"%1 (%2)"_s.arg(declared.whyMissing(name), step.id));
    });
    return out.join(u"; "_s);
}

void RunbookRunner::forEachMissing(int from, int to,
    const std::function<void(const QString &, const RunbookStep &, const DeclaredSecrets &)> &each) const
{
    // Only the workspace's declared secrets resolve; an undeclared name is missing even when the environment has it.
    const DeclaredSecrets declared = DeclaredSecrets::of(m_workspace);
    for (int i = qMax(0, from); i <= to && i < stepCount(); ++i) {
        const RunbookStep &step = m_runbook.steps.at(i);
        for (const QString &name : RunbookSteps::variables(step)) {
            if (!declared.declares(name) || !Secrets::isSet(name)) {
                each(name, step, declared);
            }
        }
    }
}

bool RunbookRunner::hasCommandSteps() const
{
    return std::any_of(m_runbook.steps.cbegin(), m_runbook.steps.cend(),
        [](const RunbookStep &step) { return step.kind == RunbookStep::Kind::Command; });
}

QString RunbookRunner::startRun(int from, int to)
{
    if (isRunning()) {
        return tr("a run is already in progress");
    }
    if (m_runbook.id.isEmpty() || from < 0 || to >= stepCount() || from > to) {
        return tr("no such step");
    }
    if (const QString missing = describeMissingVariables(from, to); !missing.isEmpty()) {
        return tr("%1; nothing was sent").arg(missing);
    }
    for (int i = from; i <= to; ++i) {
        m_runs[i] = {};
        m_clocks[i].invalidate();
        Q_EMIT stepChanged(i);
    }
    m_runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_current = from;
    m_last = to;
    m_allOk = true;
    m_aborting = false;
    Q_EMIT runStarted();
    beginStep();
    return {};
}

void RunbookRunner::beginStep()
{
    if (m_aborting) {
        finishRun();
        return;
    }
    const int index = m_current;
    const RunbookStep &step = m_runbook.steps.at(index);
    m_confirmedBy.clear();
    m_runs[index] = {};
    m_runs[index].state = StepState::Running;
    if (step.kind == RunbookStep::Kind::Manual) {
        m_runs[index].log.request = step.instruction.text(m_language);
    }
    m_clocks[index].start();
    Q_EMIT auditRecord(record(index, RunbookAuditRecord::Phase::Before));
    Q_EMIT stepChanged(index);
    if (step.kind == RunbookStep::Kind::Command && !m_commandsAllowed) {
        endStep(StepState::Failed, tr("the workspace is not trusted to run commands; nothing was run"));
        return;
    }
    if (!m_secretsAllowed && step.kind != RunbookStep::Kind::Command && stepSendsSecrets(step)) {
        endStep(StepState::Failed,
            tr("waiting for trust: this workspace version is not trusted to send its secrets; nothing was sent"));
        return;
    }
    if (const QStringList missing = RunbookSteps::missingVariables(step); !missing.isEmpty()) {
        endStep(StepState::Failed, tr("%1; nothing was sent").arg(Secrets::describeMissing(missing)));
        return;
    }
    if (step.kind == RunbookStep::Kind::Manual || RunbookSteps::needsConfirmation(step)) {
        if (m_autoConfirm) {
            m_confirmedBy = tr("confirmed automatically (--yes)");
        } else {
            m_waiting = true;
            m_runs[index].state = StepState::Waiting;
            Q_EMIT stepChanged(index);
            Q_EMIT operatorNeeded(index);
            return;
        }
        if (step.kind == RunbookStep::Kind::Manual) {
            endStep(StepState::Succeeded, tr("marked done"));
            return;
        }
    }
    execute();
}

StepConfirmation RunbookRunner::confirmation(int index) const
{
    StepConfirmation c;
    if (index < 0 || index >= stepCount()) {
        return c;
    }
    const RunbookStep &step = m_runbook.steps.at(index);
    c.step = index;
    c.service = m_runbook.service.isEmpty() ? m_workspace.info.id : m_runbook.service;
    c.environment = environment();
    if (step.kind == RunbookStep::Kind::Http) {
        c.method = step.method.toUpper();
        c.target = step.url;
    } else if (step.kind == RunbookStep::Kind::Command) {
        c.method = u"command"_s;
        c.target = step.argv.join(u' ');
    } else {
        c.target = RunbookSteps::target(step);
    }
    c.requiresTypedEnvironment
        = step.kind != RunbookStep::Kind::Manual && c.environment.compare(u"production", Qt::CaseInsensitive) == 0;
    return c;
}

bool RunbookRunner::confirm(const QString &typedEnvironment, const QString &note)
{
    if (!m_waiting) {
        return false;
    }
    const int index = m_current;
    const StepConfirmation c = confirmation(index);
    if (c.requiresTypedEnvironment && typedEnvironment.trimmed() != c.environment) {
        return false;
    }
    m_waiting = false;
    const RunbookStep &step = m_runbook.steps.at(index);
    m_confirmedBy = note.trimmed().isEmpty() ? tr("confirmed by %1").arg(m_actor)
                                             : tr("confirmed by %1: %2").arg(m_actor, note.trimmed());
    m_runs[index].state = StepState::Running;
    m_runs[index].log.lines.append(m_confirmedBy);
    Q_EMIT stepChanged(index);
    if (step.kind == RunbookStep::Kind::Manual) {
        endStep(StepState::Succeeded, tr("marked done"));
    } else {
        execute();
    }
    return true;
}

void RunbookRunner::decline(const QString &reason)
{
    if (!m_waiting) {
        return;
    }
    m_waiting = false;
    m_aborting = true; // a declined step ends the run whatever its on-failure says
    endStep(StepState::Aborted,
        reason.isEmpty() ? tr("declined by %1; nothing was sent").arg(m_actor)
                         : tr("declined by %1: %2").arg(m_actor, reason));
}

void RunbookRunner::abort()
{
    if (!isRunning() || m_aborting) {
        return;
    }
    m_aborting = true;
    const QString reason = tr("aborted by %1").arg(m_actor);
    if (m_waiting) {
        m_waiting = false;
        endStep(StepState::Aborted, reason);
    } else if (m_executor) {
        m_executor->abort(reason); // finished() follows from the event loop
    }
}

StepExecutor *RunbookRunner::createExecutor(const RunbookStep &step, QString *error)
{
    switch (step.kind) {
    case RunbookStep::Kind::Check:
    case RunbookStep::Kind::WaitUntilHealthy: {
        const Endpoint *endpoint = m_workspace.endpoint(step.endpoint);
        if (!endpoint) {
            *error = tr("no endpoint named \"%1\" in the workspace").arg(step.endpoint);
            return nullptr;
        }
        if (step.kind == RunbookStep::Kind::Check) {
            return new CheckExecutor(m_nam, step, *endpoint, this);
        }
        return new WaitExecutor(m_nam, step, *endpoint, this);
    }
    case RunbookStep::Kind::Http:
        return new HttpExecutor(m_nam, step, this);
    case RunbookStep::Kind::Command: {
        auto *executor = new CommandExecutor(step, this);
        executor->setWorkingDirectory(m_workingDirectory);
        return executor;
    }
    case RunbookStep::Kind::Manual:
        break;
    }
    *error = tr("nothing to run");
    return nullptr;
}

void RunbookRunner::execute()
{
    const int index = m_current;
    QString error;
    StepExecutor *executor = createExecutor(m_runbook.steps.at(index), &error);
    if (!executor) {
        endStep(StepState::Failed, error);
        return;
    }
    m_executor = executor;
    const QStringList confirmations = m_runs[index].log.lines;
    connect(executor, &StepExecutor::logChanged, this, [this, executor, index, confirmations] {
        m_runs[index].log = executor->log();
        m_runs[index].log.lines = confirmations + executor->log().lines;
        Q_EMIT logChanged(index);
    });
    connect(executor, &StepExecutor::finished, this, &RunbookRunner::onStepFinished);
    executor->start();
}

void RunbookRunner::onStepFinished(bool ok, const QString &message)
{
    if (m_executor) {
        m_executor->disconnect(this);
        m_executor->deleteLater();
        m_executor = nullptr;
    }
    endStep(m_aborting ? StepState::Aborted : (ok ? StepState::Succeeded : StepState::Failed), message);
}

void RunbookRunner::endStep(StepState state, const QString &message)
{
    const int index = m_current;
    const RunbookStep &step = m_runbook.steps.at(index);
    StepRun &run = m_runs[index];
    run.state = state;
    run.elapsedMs = m_clocks.at(index).isValid() ? m_clocks.at(index).elapsed() : 0;
    run.message = message;
    if (step.budget.count() > 0 && run.elapsedMs > step.budget.count()) {
        run.message += u' ' + tr("(over its %1 budget)").arg(Duration::format(step.budget));
    }
    if (run.log.lines.isEmpty() || !run.log.lines.constLast().endsWith(message)) {
        run.log.lines.append(QTime::currentTime().toString(u"HH:mm:ss"_s) + u"  "_s + message);
    }
    m_allOk = m_allOk && state == StepState::Succeeded;
    Q_EMIT auditRecord(record(index, RunbookAuditRecord::Phase::After));
    Q_EMIT stepChanged(index);
    Q_EMIT logChanged(index);
    const bool stop
        = state == StepState::Aborted || (state == StepState::Failed && step.onFailure == RunbookStep::OnFailure::Stop);
    if (stop || index >= m_last) {
        finishRun();
        return;
    }
    ++m_current;
    // From the event loop: a chain of manual or auto-confirmed steps never recurses.
    QMetaObject::invokeMethod(this, &RunbookRunner::beginStep, Qt::QueuedConnection);
}

void RunbookRunner::finishRun()
{
    const int last = m_current;
    m_current = -1;
    m_waiting = false;
    const bool aborted = m_aborting;
    m_aborting = false;
    QString summary;
    if (aborted) {
        summary = tr("aborted at step %1").arg(last + 1);
    } else if (m_allOk) {
        summary = tr("every step succeeded");
    } else {
        summary = tr("finished with failures");
    }
    Q_EMIT runFinished(m_allOk && !aborted, summary);
}

RunbookAuditRecord RunbookRunner::record(int index, RunbookAuditRecord::Phase phase) const
{
    const RunbookStep &step = m_runbook.steps.at(index);
    const StepRun &run = m_runs.at(index);
    RunbookAuditRecord r;
    r.runId = m_runId;
    r.workspaceId = m_workspace.info.id;
    r.runbookId = m_runbook.id;
    r.stepId = step.id;
    r.stepIndex = index;
    r.phase = phase;
    r.actor = m_actor;
    r.at = QDateTime::currentDateTimeUtc();
    r.kind = RunbookSteps::kindName(step.kind);
    r.target = RunbookSteps::target(step);
    r.request = RunbookSteps::requestSummary(step);
    if (phase == RunbookAuditRecord::Phase::Before) {
        r.status = u"started"_s;
    } else {
        r.status = RunbookSteps::stateName(run.state);
        QStringList how { run.message };
        if (!m_confirmedBy.isEmpty()) {
            how.append(m_confirmedBy);
        }
        if (step.kind == RunbookStep::Kind::Command && m_commandsAllowed && !m_commandTrust.isEmpty()) {
            how.append(m_commandTrust);
        }
        r.outcome = how.join(u"; "_s);
    }
    return r;
}
