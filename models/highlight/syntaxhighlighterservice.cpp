// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "highlight/syntaxhighlighterservice.h"

#include "highlight/highlighthtml.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
QString resolve(const QString &program)
{
    if (QFileInfo(program).isAbsolute()) {
        const QFileInfo info(program);
        return info.isFile() && info.isExecutable() ? program : QString();
    }
    return QStandardPaths::findExecutable(program);
}
} // namespace

SyntaxHighlighterService::SyntaxHighlighterService(QObject *parent)
    : QObject(parent)
    , m_cache(4 * 1024 * 1024)
{
    setProgram(QString());
}

SyntaxHighlighterService::~SyntaxHighlighterService()
{
    // Killed, not waited for: each process deletes itself once it has ended, or with the application if that comes
    // first (an orphan the event loop never got back to was a leak at exit).
    for (auto &[process, job] : m_running) {
        process->disconnect(this);
        process->setParent(QCoreApplication::instance());
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
        process->kill();
    }
}

QStringList SyntaxHighlighterService::defaultPrograms()
{
    return { u"kate-syntax-highlighter"_s, u"ksyntaxhighlighter6"_s };
}

QString SyntaxHighlighterService::unavailableHint()
{
    return tr("Shown without highlighting: install kate-syntax-highlighter (Debian: libkf5syntaxhighlighting-tools) "
              "or ksyntaxhighlighter6.");
}

void SyntaxHighlighterService::setProgram(const QString &program)
{
    m_program = program;
    m_executable.clear();
    const QStringList candidates = program.isEmpty() ? defaultPrograms() : QStringList { program };
    for (const QString &candidate : candidates) {
        m_executable = resolve(candidate);
        if (!m_executable.isEmpty()) {
            break;
        }
    }
}

QByteArray SyntaxHighlighterService::cacheKey(const QString &text, const QString &syntax, const QString &theme)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(text.constData()), text.size() * 2));
    return syntax.toUtf8() + '\x1f' + theme.toUtf8() + '\x1f' + hash.result();
}

quint64 SyntaxHighlighterService::request(const QString &text, const QString &syntax, const QString &theme)
{
    const quint64 id = m_nextId++;
    if (!isAvailable()) {
        deliverLater(
            id, false, tr("%1 was not found.").arg(m_program.isEmpty() ? defaultPrograms().constFirst() : m_program));
        return id;
    }
    const qsizetype bytes = text.toUtf8().size();
    if (bytes > m_maxInputBytes) {
        deliverLater(id, false,
            tr("Too large to highlight (%1 KiB; the limit is %2 KiB).")
                .arg((bytes + 1023) / 1024)
                .arg(m_maxInputBytes / 1024));
        return id;
    }
    const QByteArray key = cacheKey(text, syntax, theme);
    if (const QString *html = m_cache.object(key)) {
        deliverLater(id, true, *html);
        return id;
    }
    if (Job *job = findJob(key)) {
        job->ids << id;
        return id;
    }
    auto job = std::make_unique<Job>();
    job->key = key;
    job->text = text;
    job->syntax = syntax;
    job->theme = theme;
    job->ids << id;
    m_queue.push_back(std::move(job));
    startNext();
    return id;
}

void SyntaxHighlighterService::cancel(quint64 id)
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if ((*it)->ids.removeAll(id) > 0) {
            if ((*it)->ids.isEmpty()) {
                m_queue.erase(it);
            }
            return;
        }
    }
    for (auto &[process, job] : m_running) {
        if (job->ids.removeAll(id) > 0) {
            return;
        }
    }
    m_delivering.remove(id);
}

SyntaxHighlighterService::Job *SyntaxHighlighterService::findJob(const QByteArray &key) const
{
    for (const auto &job : m_queue) {
        if (job->key == key) {
            return job.get();
        }
    }
    for (const auto &[process, job] : m_running) {
        if (job->key == key) {
            return job.get();
        }
    }
    return nullptr;
}

void SyntaxHighlighterService::deliverLater(quint64 id, bool ok, const QString &payload)
{
    m_delivering.insert(id);
    QTimer::singleShot(0, this, [this, id, ok, payload] {
        if (!m_delivering.remove(id)) {
            return;
        }
        if (ok) {
            Q_EMIT highlighted(id, payload);
        } else {
            Q_EMIT failed(id, payload);
        }
    });
}

void SyntaxHighlighterService::startNext()
{
    while (!m_queue.empty() && int(m_running.size()) < m_maxConcurrent) {
        std::unique_ptr<Job> job = std::move(m_queue.front());
        m_queue.pop_front();
        start(std::move(job));
    }
}

void SyntaxHighlighterService::start(std::unique_ptr<Job> job)
{
    auto *process = new QProcess(this);
    // The tool is a Qt 5 program: keep Qt 6 plugin paths of this process away from it.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"QT_PLUGIN_PATH"_s);
    env.remove(u"QT_QPA_PLATFORM_PLUGIN_PATH"_s);
    process->setProcessEnvironment(env);
    auto *deadline = new QTimer(process);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, process] {
        finish(process, false, tr("The highlighter did not answer within %1 ms.").arg(m_timeout.count()));
    });
    const QByteArray input = job->text.toUtf8();
    connect(process, &QProcess::started, process, [process, input] {
        process->write(input);
        process->closeWriteChannel();
    });
    connect(process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus status) {
        if (status == QProcess::NormalExit && exitCode == 0) {
            finish(process, true, HighlightHtml::sanitize(QString::fromUtf8(process->readAllStandardOutput())));
            return;
        }
        QString reason = QString::fromLocal8Bit(process->readAllStandardError()).simplified().left(200);
        if (reason.isEmpty()) {
            reason = status == QProcess::CrashExit ? tr("it crashed") : tr("exit code %1").arg(exitCode);
        }
        finish(process, false, tr("The highlighter failed: %1").arg(reason));
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            finish(process, false, tr("The highlighter could not be started: %1").arg(process->errorString()));
        }
    });
    QProcess *key = process;
    m_running.emplace(key, std::move(job));
    ++m_started;
    m_peakRunning = qMax(m_peakRunning, int(m_running.size()));
    deadline->start(m_timeout);
    process->start(m_executable,
        { u"--stdin"_s, u"-s"_s, m_running.at(key)->syntax, u"-t"_s, m_running.at(key)->theme, u"-f"_s, u"html"_s });
}

void SyntaxHighlighterService::finish(QProcess *process, bool ok, const QString &payload)
{
    const auto it = m_running.find(process);
    if (it == m_running.end()) {
        return; // already finished (a timeout's kill also ends in finished())
    }
    std::unique_ptr<Job> job = std::move(it->second);
    m_running.erase(it);
    process->disconnect(this);
    process->kill();
    process->deleteLater();
    if (ok) {
        m_cache.insert(job->key, new QString(payload), qMax<qsizetype>(1, payload.size()));
    }
    for (quint64 id : std::as_const(job->ids)) {
        if (ok) {
            Q_EMIT highlighted(id, payload);
        } else {
            Q_EMIT failed(id, payload);
        }
    }
    startNext();
}
