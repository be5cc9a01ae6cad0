// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QObject>
#include <QPointer>
#include <QTextStream>

#include <functional>

class RunbookRunner;
class Session;
class TerminalInput;
struct RunbookAuditRecord;

// `opsdeck runbook WORKSPACE RUNBOOK-ID [--yes]`: runs one runbook with the same RunbookRunner as the Runbooks
// screen, from a terminal. Prints each step and its result to `out`; asks on `err` and reads the answers from
// `input` (the same confirmations as the screen: production needs the environment name typed; the end of input
// declines); writes the same audit rows into the same database and attaches them to the open incident. With --yes
// every question is answered yes and the audit rows say so. Runs on the event loop; finished() always follows
// start() from the event loop.
//
// Exit codes: 0 every step succeeded, 1 a step failed (or an audit row could not be saved), 2 bad usage (invalid
// workspace, unknown runbook, unset ${NAME}, database unavailable; nothing was run), 3 declined or aborted.
class RunbookCommand final : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Succeeded = 0, StepFailed = 1, BadUsage = 2, Declined = 3 };

    struct Options
    {
        QString workspacePath;
        QString runbookId;
        bool yes = false;
        QString database; // --database: overrides the workspace's storage key
        QString dataDir; // empty = Storage::defaultDataDir()
    };

    RunbookCommand(
        const Options &options, QTextStream *out, QTextStream *err, TerminalInput *input, QObject *parent = nullptr);
    ~RunbookCommand() override;

    void start();
    // Ctrl-C: aborts the run (the step's audit row says so) or, before it starts, ends without running anything.
    // A second interrupt ends at once.
    void interrupt();

    int exitCode() const { return m_exitCode; }
    RunbookRunner *runner() const;
    Session *session() const { return m_session; }
    // The database the rows go to: --database, else the workspace's storage key, else the data dir's file.
    static QString storageTarget(const Options &options, const Workspace &workspace);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void begin(); // once the keychain has answered
    void askTrust();
    void run();
    void onAuditRecord(const RunbookAuditRecord &record);
    void onOperatorNeeded(int index);
    void onRunFinished();
    void ask(const QString &question, std::function<void(const QString &)> answer, std::function<void()> closed = {});
    void fail(int exitCode, const QString &message);
    void finish(int exitCode);
    void maybeFinish();
    QString language() const;

    Options m_options;
    QTextStream *m_out;
    QTextStream *m_err;
    QPointer<TerminalInput> m_input;
    Workspace m_workspace;
    Session *m_session;
    RunbookRunner *m_runner;
    QMetaObject::Connection m_answer;
    QMetaObject::Connection m_closed;
    int m_pendingWrites = 0;
    int m_runExitCode = -1; // set once the run has finished
    int m_exitCode = Succeeded;
    bool m_started = false; // the runner is running
    bool m_interrupted = false;
    bool m_auditFailed = false;
    bool m_finished = false;
};
