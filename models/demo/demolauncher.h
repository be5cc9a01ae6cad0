// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

// Starts the bundled demo service as a child process on a free loopback port, writes the demo workspace pointing at
// it and reports ready() or failed(). The child exits when this process goes away, even on a crash, because it
// watches its stdin (and, on Linux, its parent's death signal).
class DemoLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoLauncher)

public:
    static constexpr int startDeadlineMs = 10000;
    static constexpr int killAfterMs = 2000;

    explicit DemoLauncher(QObject *parent = nullptr);
    ~DemoLauncher() override;

    // Asynchronous: emits ready() or failed() later. The workspace goes to dataDir/demo-workspace.yaml.
    void start(const QString &dataDir);
    // Terminates the child (killed if still there after killAfterMs); emits stopped() once it is gone.
    void stop();

    bool isRunning() const;
    qint64 processId() const;
    QUrl baseUrl() const { return m_baseUrl; }

    // Where start() looks for the service, in order: $OPSDECK_DEMO_SERVICE alone when set, else next to the
    // application, the installed place relative to it (../libexec/opsdeck/), the build tree (only in builds with
    // OPSDECK_DEV_PATHS), then PATH (resolved, if found there).
    static QStringList searchPaths();

Q_SIGNALS:
    void ready(const QString &workspacePath, const QUrl &baseUrl);
    void failed(const QString &error);
    void stopped();

private:
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void onListening(const QUrl &baseUrl);
    void fail(const QString &message);
    void discardProcess();
    QString writeWorkspace(const QUrl &baseUrl, QString *error) const;

    QProcess *m_process = nullptr;
    QTimer m_deadline;
    QString m_dataDir;
    QString m_program;
    QByteArray m_token;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QUrl m_baseUrl;
    bool m_ready = false;
    bool m_stopping = false;
};
