// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/commandexecutor.h"

#include "probe/httpprobe.h"
#include "secrets/secrets.h"
#include "workspace/duration.h"

using namespace Qt::StringLiterals;

CommandExecutor::CommandExecutor(const RunbookStep &step, QObject *parent)
    : StepExecutor(step, parent)
    , m_process(new QProcess(this))
    , m_deadline(new QTimer(this))
{
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setInputChannelMode(QProcess::ManagedInputChannel);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this,
        [this] { kill(tr("killed at its %1 timeout").arg(Duration::format(m_step.timeout))); });
    connect(m_process, &QProcess::readyRead, this, &CommandExecutor::onOutput);
    connect(m_process, &QProcess::finished, this, &CommandExecutor::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_deadline->stop();
            finish(false,
                tr("could not start %1: %2")
                    .arg(m_step.argv.value(0), RunbookSteps::redact(m_process->errorString(), m_secrets)));
        }
    });
}

CommandExecutor::~CommandExecutor()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000); // after SIGKILL: reaps the child, returns at once
    }
}

void CommandExecutor::start()
{
    m_log.request = u"$ "_s + m_step.argv.join(u' ');
    m_log.requestContentType = u"application/x-sh"_s;
    if (const QStringList missing = RunbookSteps::missingVariables(m_step); !missing.isEmpty()) {
        finish(false, tr("%1; nothing was run").arg(Secrets::describeMissing(missing)));
        return;
    }
    if (m_step.argv.isEmpty()) {
        finish(false, tr("no command to run"));
        return;
    }
    QStringList argv;
    QStringList missing;
    for (const QString &arg : m_step.argv) {
        argv.append(HttpProbe::resolveTemplate(arg, &missing, &m_secrets));
    }
    addLine(tr("running %1").arg(m_step.argv.join(u' ')));
    if (!m_workingDirectory.isEmpty()) {
        m_process->setWorkingDirectory(m_workingDirectory);
    }
    m_process->setProgram(argv.takeFirst());
    m_process->setArguments(argv);
    m_deadline->start(m_step.timeout);
    m_process->start(QIODevice::ReadOnly);
}

void CommandExecutor::onOutput()
{
    const QByteArray chunk = m_process->readAll();
    const qsizetype room = maxOutputBytes - m_raw.size();
    if (room <= 0) {
        m_log.outputTruncated = m_log.outputTruncated || !chunk.isEmpty();
        return; // drained and dropped, so the child never blocks on a full pipe
    }
    m_raw.append(chunk.left(room));
    m_log.outputTruncated = chunk.size() > room;
    // The whole text each time: a secret can straddle two reads.
    m_log.output = RunbookSteps::redact(m_raw, m_secrets);
    Q_EMIT logChanged();
}

void CommandExecutor::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_deadline->stop();
    onOutput();
    if (!m_killReason.isEmpty()) {
        finish(false, m_killReason);
    } else if (status == QProcess::CrashExit) {
        finish(false, tr("%1 crashed").arg(m_step.argv.value(0)));
    } else if (exitCode != 0) {
        finish(false, tr("%1 exited with code %2").arg(m_step.argv.value(0)).arg(exitCode));
    } else {
        finish(true, tr("%1 exited with code 0").arg(m_step.argv.value(0)));
    }
}

void CommandExecutor::kill(const QString &reason)
{
    if (m_process->state() == QProcess::NotRunning) {
        finish(false, reason);
        return;
    }
    m_killReason = reason;
    m_process->kill(); // finished() follows and reports the reason
}

void CommandExecutor::abort(const QString &reason)
{
    m_deadline->stop();
    kill(reason);
}
