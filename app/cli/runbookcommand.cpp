// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/runbookcommand.h"

#include "cli/terminalinput.h"
#include "cli/trustcommand.h"
#include "incident/incidentstore.h"
#include "runbook/runbookaudit.h"
#include "runbook/runbookrunner.h"
#include "runbook/runbookstepmodel.h"
#include "secrets/secrets.h"
#include "session/session.h"
#include "storage/storage.h"
#include "ui/uilanguage.h"
#include "workspace/duration.h"
#include "workspace/workspaceloader.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

const QString indent = u"      "_s;

// What the step is about to do, in one line (secrets as ${NAME}, as written).
QString describe(const RunbookStep &step)
{
    switch (step.kind) {
    case RunbookStep::Kind::Check:
        return RunbookCommand::tr("check %1, expecting %2")
            .arg(step.endpoint, step.expectState.isEmpty() ? u"ok"_s : step.expectState);
    case RunbookStep::Kind::WaitUntilHealthy:
        return RunbookCommand::tr("wait until %1 is OK (every %2, at most %3)")
            .arg(step.endpoint, Duration::format(step.poll), Duration::format(step.timeout));
    case RunbookStep::Kind::Http:
        return step.method.toUpper() + u' ' + step.url;
    case RunbookStep::Kind::Command:
        return RunbookCommand::tr("run %1").arg(step.argv.join(u' '));
    case RunbookStep::Kind::Manual:
        return RunbookCommand::tr("manual step");
    }
    return {};
}

QString stateLabel(StepState state)
{
    switch (state) {
    case StepState::Succeeded:
        return RunbookCommand::tr("OK");
    case StepState::Failed:
        return RunbookCommand::tr("FAILED");
    case StepState::Aborted:
        return RunbookCommand::tr("ABORTED");
    default:
        return RunbookSteps::stateName(state);
    }
}

bool isYes(const QString &answer)
{
    const QString a = answer.trimmed().toLower();
    return a == u"y" || a == u"yes" || a == RunbookCommand::tr("y").toLower()
        || a == RunbookCommand::tr("yes").toLower();
}

QString indented(const QString &text)
{
    QStringList lines = text.trimmed().split(u'\n');
    for (QString &line : lines) {
        line.prepend(indent);
    }
    return lines.join(u'\n');
}

} // namespace

RunbookCommand::RunbookCommand(
    const Options &options, QTextStream *out, QTextStream *err, TerminalInput *input, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(out)
    , m_err(err)
    , m_input(input)
    , m_session(new Session({ Session::Mode::Once, options.database, options.dataDir, true }, this))
    , m_runner(m_session->runner())
{
    connect(m_session->runbookAudit(), &RunbookAudit::recorded, this, [this] {
        --m_pendingWrites;
        maybeFinish();
    });
    connect(m_session->runbookAudit(), &RunbookAudit::writeFailed, this, [this](const QString &error) {
        --m_pendingWrites;
        m_auditFailed = true;
        *m_err << tr("opsdeck: the audit row could not be saved: %1").arg(error) << Qt::endl;
        maybeFinish();
    });
    connect(m_session->incidents(), &IncidentStore::writeFailed, this, [this](qint64 incident, const QString &error) {
        *m_err << tr("opsdeck: the step could not be added to incident %1's timeline: %2").arg(incident).arg(error)
               << Qt::endl;
    });
    connect(m_session, &Session::notice, this,
        [this](const QString &message) { *m_err << u"opsdeck: "_s << message << Qt::endl; });
    m_session->setTrustAsk([this](const Workspace &workspace, const QStringList &commands,
                               std::function<void(const Session::TrustAnswer &)> answer) {
        if (m_options.yes) {
            // Unattended: allowed for this run only, and the command steps' audit rows say so; nothing is
            // remembered.
            *m_out << tr("The workspace is not trusted to send its secrets or run commands; allowed for this run by "
                         "--yes.")
                   << Qt::endl;
            answer({ true, false, tr("commands allowed by --yes") });
            return;
        }
        *m_err << TrustCommand::question(workspace, commands);
        ask(tr("Allow them for this version of %1? [y/N] ").arg(workspace.filePath), [answer](const QString &given) {
            answer({ isYes(given), true, {} });
        });
    });
}

RunbookCommand::~RunbookCommand() = default;

RunbookRunner *RunbookCommand::runner() const
{
    return m_runner;
}

QString RunbookCommand::storageTarget(const Options &options, const Workspace &workspace)
{
    // As the window chooses it, so both write into the same database.
    return Session::storageTarget({ Session::Mode::Once, options.database, options.dataDir, true }, workspace);
}

QString RunbookCommand::language() const
{
    return uiLanguage();
}

void RunbookCommand::start()
{
    const LoadResult loaded = WorkspaceLoader::loadFile(m_options.workspacePath);
    if (!loaded.ok()) {
        for (const Diagnostic &d : loaded.diagnostics) {
            *m_err << d.toString() << '\n';
        }
        fail(BadUsage, tr("%1: the workspace is not valid; nothing was run").arg(m_options.workspacePath));
        return;
    }
    m_workspace = *loaded.workspace;
    if (!m_runner->setRunbook(m_workspace, m_options.runbookId)) {
        QStringList ids;
        for (const Runbook &runbook : m_workspace.runbooks) {
            ids.append(runbook.id);
        }
        fail(BadUsage,
            ids.isEmpty() ? tr("%1 defines no runbooks").arg(m_options.workspacePath)
                          : tr("no runbook \"%1\" in %2; available: %3")
                                .arg(m_options.runbookId, m_options.workspacePath, ids.join(u", "_s)));
        return;
    }
    const Runbook &runbook = m_runner->runbook();
    if (runbook.steps.isEmpty()) {
        fail(BadUsage, tr("runbook \"%1\" has no steps").arg(runbook.id));
        return;
    }
    // Secrets the environment lacks come from the keychain before anything is checked or sent; the session then
    // opens the database and reads the open incidents.
    connect(m_session->storage(), &Storage::openFailed, this, [this](const QString &error) {
        fail(BadUsage, tr("cannot open the database %1: %2; nothing was run").arg(m_session->storage()->path(), error));
    });
    connect(m_session, &Session::workspaceReady, this, &RunbookCommand::begin, Qt::SingleShotConnection);
    m_session->adopt(m_workspace);
}

void RunbookCommand::begin()
{
    const Runbook &runbook = m_runner->runbook();
    if (const QString missing = m_runner->describeMissingVariables(0, m_runner->stepCount() - 1); !missing.isEmpty()) {
        fail(BadUsage, tr("%1; nothing was sent").arg(missing));
        return;
    }
    *m_out << tr("Runbook: %1 (%2)").arg(runbook.title.text(language()), runbook.id) << '\n';
    QStringList facts;
    if (!runbook.service.isEmpty()) {
        facts << tr("service %1").arg(runbook.service);
    }
    facts << tr("environment %1").arg(m_runner->environment());
    facts << tr("%n step(s)", nullptr, m_runner->stepCount());
    *m_out << facts.join(u" · "_s) << Qt::endl;
    // The first incidentsReset after the fan-out is the stored list (the fan-out's own one came before).
    connect(m_session->incidents(), &IncidentStore::incidentsReset, this, &RunbookCommand::askTrust,
        Qt::SingleShotConnection);
    connect(m_session->incidents(), &IncidentStore::loadFailed, this, [this](const QString &error) {
        *m_err << tr("opsdeck: the open incidents could not be read (%1); the steps are not added to a timeline")
                      .arg(error)
               << Qt::endl;
        askTrust();
    });
}

void RunbookCommand::askTrust()
{
    if (m_finished || m_started) {
        return;
    }
    m_session->gateCommands(0, m_runner->stepCount() - 1, [this](bool allowed) {
        if (!allowed) {
            fail(Declined, tr("the workspace version is not trusted (its secrets or commands); nothing was run"));
            return;
        }
        run();
    });
}

void RunbookCommand::run()
{
    m_started = true;
    m_runner->setAutoConfirm(m_options.yes);
    m_runner->setLanguage(language());
    connect(m_runner, &RunbookRunner::auditRecord, this, &RunbookCommand::onAuditRecord); // after the session's
    connect(m_runner, &RunbookRunner::operatorNeeded, this, &RunbookCommand::onOperatorNeeded);
    connect(m_runner, &RunbookRunner::runFinished, this, &RunbookCommand::onRunFinished);
    if (const QString error = m_runner->runAll(); !error.isEmpty()) {
        m_started = false;
        fail(BadUsage, tr("not started: %1").arg(error));
    }
}

void RunbookCommand::onAuditRecord(const RunbookAuditRecord &record)
{
    ++m_pendingWrites; // the session stores the row
    const int index = record.stepIndex;
    const RunbookStep &step = m_runner->runbook().steps.at(index);
    if (record.phase == RunbookAuditRecord::Phase::Before) {
        *m_out << u"[%1/%2] "_s.arg(index + 1).arg(m_runner->stepCount()) << RunbookSteps::title(step, language())
               << '\n'
               << indent << describe(step) << Qt::endl;
        return;
    }
    const StepRun &run = m_runner->stepRun(index);
    // The outcome as the audit row has it: redacted, with how the step was confirmed.
    *m_out << indent << stateLabel(run.state) << u"  "_s
           << RunbookStepModel::timeText(run.elapsedMs, qint64(step.budget.count())) << u"  "_s << record.outcome
           << Qt::endl;
}

void RunbookCommand::onOperatorNeeded(int index)
{
    const RunbookStep &step = m_runner->runbook().steps.at(index);
    const auto declined = [this](const QString &reason) {
        if (m_runner->waitingStep() >= 0) {
            m_runner->decline(reason);
        }
    };
    const auto noAnswer = [declined] { declined(tr("no answer (end of input)")); };
    if (step.kind == RunbookStep::Kind::Manual) {
        *m_out << indented(step.instruction.text(language())) << Qt::endl;
        ask(
            indent + tr("Done? [y/N] "),
            [this, declined](const QString &answer) {
                if (!isYes(answer)) {
                    declined(tr("not done"));
                    return;
                }
                ask(
                    indent + tr("Note (optional): "), [this](const QString &note) { m_runner->confirm({}, note); },
                    [this] { m_runner->confirm(); });
            },
            noAnswer);
        return;
    }
    const StepConfirmation c = m_runner->confirmation(index);
    const QString what = c.method.isEmpty() ? c.target : c.method + u' ' + c.target;
    *m_err << indent << tr("%1 on service %2 in environment %3").arg(what, c.service, c.environment) << '\n';
    if (c.requiresTypedEnvironment) {
        ask(
            indent + tr("Type the environment name (%1) to go ahead: ").arg(c.environment),
            [this, declined](const QString &typed) {
                if (!m_runner->confirm(typed)) {
                    declined(tr("the environment name typed did not match; nothing was sent"));
                }
            },
            noAnswer);
        return;
    }
    ask(
        indent + tr("Go ahead? [y/N] "),
        [this, declined](const QString &answer) {
            if (isYes(answer)) {
                m_runner->confirm();
            } else {
                declined({});
            }
        },
        noAnswer);
}

void RunbookCommand::ask(
    const QString &question, std::function<void(const QString &)> answer, std::function<void()> closed)
{
    *m_err << question;
    m_err->flush();
    disconnect(m_answer);
    disconnect(m_closed);
    if (!m_input) {
        *m_err << Qt::endl;
        closed ? closed() : answer({});
        return;
    }
    const bool echo = !m_input->isTerminal();
    m_answer = connect(m_input, &TerminalInput::lineRead, this, [this, echo, answer](const QString &line) {
        disconnect(m_answer);
        disconnect(m_closed);
        if (echo) {
            *m_err << line << Qt::endl; // piped: show what was answered
        }
        answer(line);
    });
    m_closed = connect(m_input, &TerminalInput::closed, this, [this, answer, closed] {
        disconnect(m_answer);
        disconnect(m_closed);
        *m_err << Qt::endl;
        closed ? closed() : answer({});
    });
    m_input->request();
}

void RunbookCommand::onRunFinished()
{
    bool failed = false;
    bool aborted = false;
    int succeeded = 0;
    for (int i = 0; i < m_runner->stepCount(); ++i) {
        const StepState state = m_runner->stepRun(i).state;
        failed = failed || state == StepState::Failed;
        aborted = aborted || state == StepState::Aborted;
        succeeded += state == StepState::Succeeded ? 1 : 0;
    }
    m_runExitCode = aborted ? Declined : failed ? StepFailed : Succeeded;
    const QString summary = aborted ? tr("aborted")
        : failed                    ? tr("finished with failures")
                                    : tr("every step succeeded");
    *m_out << tr("%1: %2 (%3 of %n step(s) succeeded)", nullptr, m_runner->stepCount())
                  .arg(m_runner->runbook().id, summary)
                  .arg(succeeded)
           << Qt::endl;
    maybeFinish();
}

void RunbookCommand::maybeFinish()
{
    if (m_runExitCode < 0 || m_pendingWrites > 0) {
        return;
    }
    if (m_auditFailed && m_runExitCode == Succeeded) {
        *m_err << tr("opsdeck: the audit trail of this run is incomplete") << Qt::endl;
        finish(StepFailed);
        return;
    }
    finish(m_runExitCode);
}

void RunbookCommand::interrupt()
{
    if (m_finished) {
        return;
    }
    if (std::exchange(m_interrupted, true)) {
        *m_err << tr("opsdeck: interrupted again; leaving now") << Qt::endl;
        finish(Declined);
        return;
    }
    if (m_input) {
        m_input->cancel();
    }
    disconnect(m_answer);
    disconnect(m_closed);
    if (m_started && m_runner->isRunning()) {
        *m_err << '\n' << tr("opsdeck: interrupted; aborting the run") << Qt::endl;
        m_runner->abort(); // the step ends aborted, its audit row says so, then runFinished
        return;
    }
    if (!m_started) {
        *m_err << '\n';
        fail(Declined, tr("interrupted; nothing was run"));
    }
}

void RunbookCommand::fail(int exitCode, const QString &message)
{
    *m_err << u"opsdeck: "_s << message << Qt::endl;
    finish(exitCode);
}

void RunbookCommand::finish(int exitCode)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_exitCode = exitCode;
    if (m_input) {
        m_input->cancel();
    }
    m_out->flush();
    m_err->flush();
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(m_exitCode); }, Qt::QueuedConnection);
}
