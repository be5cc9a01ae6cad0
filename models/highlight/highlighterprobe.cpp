// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "highlight/highlighterprobe.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

HighlighterProbe::HighlighterProbe(QObject *parent)
    : QObject(parent)
    , m_programs(defaultPrograms())
{ }

QStringList HighlighterProbe::defaultPrograms()
{
    return { u"kate-syntax-highlighter"_s, u"ksyntaxhighlighter6"_s };
}

QString HighlighterProbe::parseVersion(const QString &output)
{
    static const QRegularExpression version(u"(\\d+\\.\\d+(?:\\.\\d+)?)"_s);
    const auto match = version.match(output);
    return match.hasMatch() ? match.captured(1) : QString();
}

void HighlighterProbe::start()
{
    if (m_process) {
        return;
    }
    m_pending = m_programs;
    tryNext();
}

void HighlighterProbe::tryNext()
{
    QString executable;
    QString program;
    while (executable.isEmpty() && !m_pending.isEmpty()) {
        program = m_pending.takeFirst();
        executable = QFileInfo(program).isAbsolute() ? program : QStandardPaths::findExecutable(program);
    }
    if (executable.isEmpty()) {
        // Reported from the event loop so callers can connect after start().
        QTimer::singleShot(0, this, [this] { finish(QString(), QString()); });
        return;
    }
    m_process = new QProcess(this);
    auto *process = m_process;
    auto *deadline = new QTimer(process);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, process, &QProcess::kill);
    connect(process, &QProcess::finished, this, [this, process, program] {
        const QString version = parseVersion(QString::fromLocal8Bit(process->readAllStandardOutput()));
        process->deleteLater();
        m_process = nullptr;
        if (version.isEmpty()) {
            tryNext();
        } else {
            finish(program, version);
        }
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart) {
            return; // finished() follows
        }
        process->deleteLater();
        m_process = nullptr;
        tryNext();
    });
    deadline->start(5000);
    process->start(executable, { u"--version"_s });
}

void HighlighterProbe::finish(const QString &program, const QString &version)
{
    Q_EMIT finished(program, version);
}
