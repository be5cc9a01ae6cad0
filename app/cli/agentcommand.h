// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/agentlog.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QTextStream>

class AgentHttpServer;
class Session;
struct Workspace;

// `opsdeck agent WORKSPACE`: a Session in Watch mode without a window. It probes, polls the KPI sources, runs the
// checklist clock, records incidents and sends notifications into the local or team database; logs one line per
// event (AgentLog); follows the file and reloads on SIGHUP (a bad version is logged and the last good one kept);
// optionally serves /metrics, /healthz and /readyz on `listen`. stop() (SIGTERM, SIGINT) flushes and finishes with
// 0. A first version that does not load finishes with 1.
class AgentCommand final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString workspacePath;
        QString database;
        QString dataDir;
        QString location; // carried in the exporter's labels and the log
        QString listen; // ADDR:PORT or PORT (loopback); empty = no HTTP server
        bool yes = false; // allow the workspace's commands unattended
    };

    explicit AgentCommand(const Options &options, QObject *parent = nullptr);
    ~AgentCommand() override;

    void start();
    void reload();
    void stop();

    // `opsdeck agent --check-config`: validates the file and prints what the agent would run; 0 valid, 1 not.
    static int checkConfig(const Options &options, QTextStream &out);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void wireLog();
    void onWorkspace(const Workspace &workspace);
    void finish(int exitCode);
    void notifySystemd(const QByteArray &state);

    Options m_options;
    AgentLog m_log;
    Session *m_session;
    AgentHttpServer *m_http = nullptr;
    qint64 m_startedMs;
    bool m_loaded = false;
    bool m_lastLoadOk = false;
    QString m_lastLoadError;
    qint64 m_reloads = 0;
    qint64 m_reloadFailures = 0;
    bool m_stopping = false;
};
