// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demolauncher.h"

#include "runbook/workspacetrust.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype maxCapturedBytes = 8 * 1024;

QString serviceName()
{
#ifdef Q_OS_WIN
    return u"opsdeck-demo-service.exe"_s;
#else
    return u"opsdeck-demo-service"_s;
#endif
}

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

void keepTail(QByteArray *buffer)
{
    if (buffer->size() > maxCapturedBytes) {
        buffer->remove(0, buffer->size() - maxCapturedBytes);
    }
}

} // namespace

DemoLauncher::DemoLauncher(QObject *parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(startDeadlineMs);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        QString message = tr("The demo service %1 did not report its address within %2 seconds.")
                              .arg(m_program)
                              .arg(startDeadlineMs / 1000);
        if (const QString err = QString::fromUtf8(m_stderr).trimmed(); !err.isEmpty()) {
            message += QLatin1Char('\n') + err;
        }
        fail(message);
    });
}

DemoLauncher::~DemoLauncher()
{
    if (m_process) {
        disconnect(m_process, nullptr, this, nullptr);
        m_process->closeWriteChannel();
        m_process->terminate();
        // Teardown: the event loop may be gone, so wait here (bounded). The service dies on SIGTERM at once.
        if (!m_process->waitForFinished(killAfterMs)) {
            m_process->kill();
            m_process->waitForFinished(killAfterMs);
        }
        delete std::exchange(m_process, nullptr);
    }
}

QStringList DemoLauncher::searchPaths()
{
    const QString override = qEnvironmentVariable("OPSDECK_DEMO_SERVICE");
    if (!override.isEmpty()) {
        return { override };
    }
    const QDir programDir(QCoreApplication::applicationDirPath());
    QStringList paths { programDir.filePath(serviceName()) };
    // Installed: <prefix>/bin/opsdeck starts <prefix>/libexec/opsdeck/opsdeck-demo-service, wherever the prefix is.
    paths.append(
        QDir::cleanPath(programDir.filePath(QStringLiteral(OPSDECK_LIBEXEC_FROM_BINDIR)) + u'/' + serviceName()));
#ifdef OPSDECK_DEMO_SERVICE_BUILD_DIR
    paths.append(QDir(QStringLiteral(OPSDECK_DEMO_SERVICE_BUILD_DIR)).filePath(serviceName()));
#endif
    if (const QString onPath = QStandardPaths::findExecutable(serviceName()); !onPath.isEmpty()) {
        paths.append(onPath);
    }
    return paths;
}

void DemoLauncher::start(const QString &dataDir)
{
    // Failures found here are reported from the event loop, like every other outcome of start().
    const auto failLater = [this](const QString &message) {
        QMetaObject::invokeMethod(
            this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
    };
    if (m_process) {
        failLater(tr("The demo service is already running."));
        return;
    }
    const QStringList paths = searchPaths();
    m_program.clear();
    for (const QString &path : paths) {
        if (isExecutableFile(path)) {
            m_program = path;
            break;
        }
    }
    if (m_program.isEmpty()) {
        if (qEnvironmentVariableIsSet("OPSDECK_DEMO_SERVICE") && !paths.isEmpty()) {
            failLater(tr("The demo service was not found at %1 (set by OPSDECK_DEMO_SERVICE).").arg(paths.first()));
        } else {
            failLater(tr("The demo service (%1) was not found. Looked in: %2, and the folders in PATH.")
                          .arg(serviceName(), paths.join(u", "_s)));
        }
        return;
    }

    m_dataDir = dataDir;
    m_stdout.clear();
    m_stderr.clear();
    m_baseUrl.clear();
    m_ready = false;
    m_stopping = false;
    QByteArray random(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    m_token = random.toHex();

    m_process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"OPSDECK_DEMO_TOKEN"_s, QString::fromLatin1(m_token));
    m_process->setProcessEnvironment(env);
    m_process->setProgram(m_program);
    m_process->setArguments({ u"--port"_s, u"0"_s, u"--exit-with-stdin"_s });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &DemoLauncher::onStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &DemoLauncher::onStderr);
    connect(m_process, &QProcess::finished, this, &DemoLauncher::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &DemoLauncher::onError);
    m_deadline.start();
    m_process->start(); // stdin stays an open pipe: the child leaves when it reads EOF
}

void DemoLauncher::stop()
{
    if (!m_process) {
        return;
    }
    m_stopping = true;
    m_deadline.stop();
    qunsetenv("DEMO_ADMIN_TOKEN");
    if (m_process->state() == QProcess::NotRunning) {
        discardProcess();
        Q_EMIT stopped();
        return;
    }
    m_process->closeWriteChannel();
    m_process->terminate();
    QProcess *process = m_process;
    QTimer::singleShot(killAfterMs, process, [process] { process->kill(); });
}

bool DemoLauncher::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 DemoLauncher::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void DemoLauncher::onStdout()
{
    m_stdout += m_process->readAllStandardOutput();
    if (m_ready || m_stopping) {
        m_stdout.clear();
        return;
    }
    const qsizetype newline = m_stdout.indexOf('\n');
    if (newline < 0) {
        if (m_stdout.size() > maxCapturedBytes) {
            fail(tr("The demo service %1 printed no address line.").arg(m_program));
        }
        return;
    }
    static const QRegularExpression listening(
        u"^opsdeck-demo-service listening on (http://127\\.0\\.0\\.1:[0-9]{1,5})$"_s);
    const QString line = QString::fromUtf8(m_stdout.left(newline)).trimmed();
    const QRegularExpressionMatch match = listening.match(line);
    if (!match.hasMatch()) {
        fail(tr("The demo service %1 printed an unexpected first line: %2").arg(m_program, line));
        return;
    }
    onListening(QUrl(match.captured(1)));
}

void DemoLauncher::onStderr()
{
    m_stderr += m_process->readAllStandardError();
    keepTail(&m_stderr);
}

void DemoLauncher::onListening(const QUrl &baseUrl)
{
    m_deadline.stop();
    QString error;
    const QString workspace = writeWorkspace(baseUrl, &error);
    if (workspace.isEmpty()) {
        fail(error);
        return;
    }
    // The workspace refers to ${DEMO_ADMIN_TOKEN}; it is resolved from the environment when a request is sent.
    qputenv("DEMO_ADMIN_TOKEN", m_token);
    m_baseUrl = baseUrl;
    m_ready = true;
    Q_EMIT ready(workspace, baseUrl);
}

QString DemoLauncher::writeWorkspace(const QUrl &baseUrl, QString *error) const
{
    QFile resource(u":/demo/demo-workspace.yaml"_s);
    if (!resource.open(QIODevice::ReadOnly)) {
        *error = tr("The built-in demo workspace is missing from the application: %1").arg(resource.errorString());
        return {};
    }
    QByteArray text = resource.readAll();
    text.replace("@DEMO_URL@", baseUrl.toString(QUrl::StripTrailingSlash).toUtf8());

    if (!QDir().mkpath(m_dataDir)) {
        *error
            = tr("Cannot create the data folder %1 for the demo workspace.").arg(QDir::toNativeSeparators(m_dataDir));
        return {};
    }
    const QString path = QDir(m_dataDir).filePath(u"demo-workspace.yaml"_s);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        *error = tr("Cannot write the demo workspace %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return {};
    }
    // OpsDeck's own file, sending the token it made to the service it started: nothing to ask the operator.
    WorkspaceTrust::trustContent(text, path);
    return path;
}

void DemoLauncher::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping || m_ready) {
        discardProcess();
        m_ready = false;
        Q_EMIT stopped();
        return;
    }
    onStderr();
    const QString err = QString::fromUtf8(m_stderr).trimmed();
    const QString how = status == QProcess::CrashExit
        ? tr("The demo service %1 crashed before it was ready.").arg(m_program)
        : tr("The demo service %1 exited before it was ready (exit code %2).").arg(m_program).arg(exitCode);
    fail(err.isEmpty() ? how : how + QLatin1Char('\n') + err);
}

void DemoLauncher::onError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart) {
        fail(tr("Could not start the demo service %1: %2").arg(m_program, m_process->errorString()));
    }
}

void DemoLauncher::fail(const QString &message)
{
    m_deadline.stop();
    discardProcess();
    m_ready = false;
    Q_EMIT failed(message);
}

void DemoLauncher::discardProcess()
{
    QProcess *process = std::exchange(m_process, nullptr);
    if (!process) {
        return;
    }
    disconnect(process, nullptr, this, nullptr);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->kill();
}
