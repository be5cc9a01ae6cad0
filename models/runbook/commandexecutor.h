// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbook/stepexecutor.h"

#include <QProcess>

// command: the argv run without a shell (${NAME} resolved into the arguments only now), stdout and stderr captured
// together up to a cap, killed at its timeout or on abort. Exit code 0 is success.
class CommandExecutor final : public StepExecutor
{
    Q_OBJECT
public:
    CommandExecutor(const RunbookStep &step, QObject *parent = nullptr);
    ~CommandExecutor() override;

    void start() override;
    void abort(const QString &reason) override;
    void setWorkingDirectory(const QString &dir) { m_workingDirectory = dir; }
    static constexpr qsizetype maxOutputBytes = 256 * 1024;

private:
    void onOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void kill(const QString &reason);

    QProcess *m_process;
    QTimer *m_deadline;
    QString m_workingDirectory;
    QString m_killReason;
    QByteArray m_raw; // unredacted, capped; never leaves this object
    QList<QPair<QString, QString>> m_secrets;
};
