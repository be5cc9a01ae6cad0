// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/importcommand.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// opsdeck [WORKSPACE] [--location NAME] | opsdeck validate FILE | opsdeck check WORKSPACE [--json] [--yes] [--location
// NAME] | opsdeck trust WORKSPACE [--yes] | opsdeck ack WORKSPACE INCIDENT [--by NAME] | opsdeck runbook WORKSPACE
// RUNBOOK-ID [--yes] | opsdeck secret set|delete NAME | opsdeck import prometheus-rules|grafana|gatus|uptime-kuma
// FILE... [-o OUT] [--merge FILE] [--var K=V] [--json] | opsdeck agent WORKSPACE [--location NAME] [--listen ADDR:PORT]
// [--check-config] [--yes], with --demo, --data-dir,
// --database, --lang and the hidden --screenshot-dir; the hidden `opsdeck runbook --list-ids WORKSPACE` feeds shell
// completion.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    enum class Mode { Gui, Validate, Check, Runbook, RunbookIds, Secret, Import, Trust, Agent, Ack };

    Mode mode = Mode::Gui;
    QString workspace; // Gui: the file to open; empty = last workspace, else the demo
    QString validateFile; // Validate, Check, Runbook, RunbookIds, Trust, Agent
    bool json = false; // Check: --json
    QString runbookId; // Runbook
    bool yes = false; // Runbook, Check, Trust, Agent: --yes
    QString location; // Agent, Check, Gui: --location
    QString listen; // Agent: --listen, ADDR:PORT or PORT (loopback)
    bool checkConfig = false; // Agent: --check-config
    bool deleteSecret = false; // Secret: delete instead of set
    QString secretName; // Secret
    ImportOptions importOptions; // Import
    QString incident; // Ack: the incident number
    QString by; // Ack: --by, who acknowledges
    bool demo = false;
    bool warRoom = false;
    QString dataDir; // empty = Storage::defaultDataDir()
    QString database; // --database: a postgresql:// URL, overriding the workspace's storage key
    QString language; // empty = remembered, else the system's
    QString screenshotDir; // non-empty: grab every page in en and ko, then quit
    int screenshotDelayMs = 3000;

    // Before any QCoreApplication exists: whether argv asks for a command-line subcommand (or only for help or the
    // version), so that main() constructs a QCoreApplication instead of a QApplication.
    static bool wantsConsole(int argc, char **argv);
    // Before parsing: the --lang value in argv, so that --help is already translated.
    static QString requestedLanguage(int argc, char **argv);

    // Parses the application's arguments; on --help / --version / an error prints and exits like
    // QCommandLineParser::process().
    static CommandLine parse(const QCoreApplication &app);
};
