// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "cli/agenthttpserver.h"
#include "storage/databasetarget.h"
#include "ui/languagemanager.h"

#include <QCommandLineParser>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {
// Options that take a value, so their value is not mistaken for the subcommand.
bool takesValue(const char *arg)
{
    for (const char *option : { "--lang", "--data-dir", "--database", "--screenshot-dir", "--screenshot-delay", "-lang",
             "-data-dir", "-database", "-screenshot-dir", "-screenshot-delay", "-o", "--output", "--var", "-var",
             "-output", "--location", "-location", "--listen", "-listen", "--by", "-by" }) {
        if (std::strcmp(arg, option) == 0) {
            return true;
        }
    }
    return false;
}

// Every wrong use of the command line (an unknown option, a missing or extra argument, a bad option value) exits 2,
// whatever the subcommand: 1 and above 2 keep the subcommands' own meanings.
constexpr int usageError = 2;

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "opsdeck: %s\n", qPrintable(message));
    std::exit(usageError);
}

// The subcommand or workspace: the first argument that is neither an option nor an option's value.
QString firstPositional(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QByteArray arg = arguments.at(i).toLocal8Bit();
        if (takesValue(arg.constData())) {
            ++i;
        } else if (!arg.startsWith('-')) {
            return arguments.at(i);
        }
    }
    return {};
}

} // namespace

bool CommandLine::wantsConsole(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "-h") == 0 || std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "--help-all") == 0
            || std::strcmp(arg, "-v") == 0 || std::strcmp(arg, "--version") == 0) {
            return true;
        }
        if (takesValue(arg)) {
            ++i;
            continue;
        }
        if (arg[0] != '-') {
            return std::strcmp(arg, "validate") == 0 || std::strcmp(arg, "check") == 0
                || std::strcmp(arg, "runbook") == 0 || std::strcmp(arg, "secret") == 0
                || std::strcmp(arg, "import") == 0 || std::strcmp(arg, "trust") == 0 || std::strcmp(arg, "agent") == 0
                || std::strcmp(arg, "ack") == 0;
        }
    }
    return false;
}

QString CommandLine::requestedLanguage(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if ((std::strcmp(argv[i], "--lang") == 0 || std::strcmp(argv[i], "-lang") == 0) && i + 1 < argc) {
            return QString::fromLocal8Bit(argv[i + 1]);
        }
        if (std::strncmp(argv[i], "--lang=", 7) == 0) {
            return QString::fromLocal8Bit(argv[i] + 7);
        }
    }
    return {};
}

CommandLine CommandLine::parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("OpsDeck, an operations console for on-call engineers.\n\n"
           "Without a workspace, OpsDeck opens the last one, or the built-in demo when there is none.\n"
           "Subcommand:\n  validate FILE  print the diagnostics of a workspace file; exit 0 when it is valid, 1 "
           "otherwise.\n"
           "  check WORKSPACE  check every endpoint once and print a table (--json for machines); exit 0 OK, 1 "
           "WARNING, 2 CRITICAL, 3 UNKNOWN. What needs a secret of a workspace version not trusted yet is asked "
           "for on a terminal (--yes allows it for this run) and is otherwise UNKNOWN, waiting for trust, and not "
           "sent. With --data-dir, --database or the workspace's storage key the results are added to the probe "
           "history (uptime and error budgets count them).\n"
           "  runbook WORKSPACE RUNBOOK-ID  run a runbook step by step, asking before every state-changing step "
           "(--yes answers for unattended use); exit 0 every step succeeded, 1 a step failed, 2 bad usage, 3 "
           "declined or interrupted.\n"
           "  trust WORKSPACE  print which secret the workspace sends to which hosts and which commands it runs, "
           "then trust this version of the file (asked, or --yes); exit 0 trusted, 1 not trusted, 2 not valid.\n"
           "  secret set|delete NAME  store (value from standard input) or remove the OS keychain entry that ${NAME} "
           "resolves from when the environment has no NAME.\n"
           "  import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE...  turn alerting rules or dashboard "
           "panels into a workspace's KPI tiles, or a Gatus configuration (files or a directory), an Uptime Kuma "
           "kuma.db or blackbox_exporter modules into endpoints and notifications (-o FILE, else standard output; "
           "--var NAME=VALUE for dashboard variables; "
           "--json for the report); "
           "exit 0 written, 1 nothing importable, 2 bad usage or a malformed file.\n"
           "  agent WORKSPACE  watch without a window: probes, KPIs, checklists, incidents and notifications into the "
           "database, one log line per event on standard error; reloads on SIGHUP, stops on SIGTERM.\n"
           "  ack WORKSPACE INCIDENT  acknowledge an incident in the workspace's database (--by NAME), which stops its "
           "escalation; exit 0 acknowledged, 1 no such incident, 2 bad usage, 3 already acknowledged, 4 resolved."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"workspace"_s, tr("The workspace file (YAML) to open."), u"[WORKSPACE]"_s);
    const QCommandLineOption demoOption(
        u"demo"_s, tr("Start the bundled demo service and open the demo workspace against it."));
    const QCommandLineOption dataDirOption(u"data-dir"_s,
        tr("Keep the database in <dir> instead of the user's data directory. check: record the results there."),
        tr("dir"));
    const QCommandLineOption databaseOption(u"database"_s,
        tr("Team mode: keep the data in the shared PostgreSQL database at <url> "
           "(postgresql://user:${PASSWORD_VARIABLE}@host:port/database) instead of the local file; overrides the "
           "workspace's storage key."),
        tr("url"));
    const QCommandLineOption langOption(u"lang"_s,
        tr("User interface language: %1. Default: the last one chosen, else the system's.")
            .arg(LanguageManager::availableLanguages().join(QLatin1String(", "))),
        tr("language"));
    QCommandLineOption screenshotOption(u"screenshot-dir"_s,
        tr("Save every page in each language to <dir> once the workspace has loaded, then quit."), tr("dir"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption delayOption(u"screenshot-delay"_s,
        tr("Wait <ms> milliseconds after the workspace has loaded before taking screenshots."), tr("ms"));
    delayOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption jsonOption(
        u"json"_s, tr("check: print the results as JSON; import: print the report as JSON."));
    const QCommandLineOption warRoomOption(u"war-room"_s,
        tr("Open the war-room screen full screen (for a wall display; read-only unless the workspace sets "
           "incidents.war-room-acknowledge) instead of the main window."));
    const QCommandLineOption yesOption(QStringList { u"y"_s, u"yes"_s },
        tr("runbook: answer yes to every confirmation, manual step and workspace-trust question (unattended use); "
           "the audit rows say so. check: send the secrets of a workspace version not trusted yet, for this run "
           "only. trust: trust the workspace version without asking. agent: allow the workspace's secrets and "
           "commands unattended (logged)."));
    // For shell completion: `opsdeck runbook --list-ids WORKSPACE` prints the workspace's runbook ids.
    QCommandLineOption listIdsOption(u"list-ids"_s, tr("runbook: print the runbook ids of the workspace, one a line."));
    listIdsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption outputOption(QStringList { u"o"_s, u"output"_s },
        tr("import: write the workspace to <file> instead of standard output."), tr("file"));
    const QCommandLineOption varOption(
        u"var"_s, tr("import: the value of a dashboard template variable, as NAME=VALUE (repeatable)."), tr("var"));
    const QCommandLineOption forceOption(u"force"_s, tr("import: overwrite the -o file if it exists."));
    const QCommandLineOption locationOption(u"location"_s,
        tr("agent and the window: the place this process probes from (team mode: one prober per workspace and "
           "location; results carry it). check: the location the results are reported from."),
        tr("name"));
    const QCommandLineOption listenOption(u"listen"_s,
        tr("agent: serve /metrics, /healthz and /readyz on <address> (ADDR:PORT, or PORT for 127.0.0.1)."),
        tr("address"));
    const QCommandLineOption checkConfigOption(u"check-config"_s,
        tr("agent: validate the workspace, print what the agent would run and exit (0 valid, 1 not)."));
    const QCommandLineOption mergeOption(u"merge"_s,
        tr("import: add the imported items to the workspace <file> (kept as written; ids it already has are "
           "reported, not duplicated); the result goes to -o or standard output."),
        tr("file"));
    const QCommandLineOption byOption(u"by"_s,
        tr("ack: who acknowledges (default: the operator name of the settings, else the user name)."), tr("name"));
    parser.addOptions({ demoOption, warRoomOption, dataDirOption, databaseOption, langOption, screenshotOption,
        delayOption, jsonOption, yesOption, listIdsOption, outputOption, varOption, forceOption, mergeOption,
        locationOption, listenOption, checkConfigOption, byOption });
    const QStringList arguments = app.arguments();
    const bool importMode = firstPositional(arguments) == QLatin1String("import");
    const bool runbookMode = importMode || firstPositional(arguments) == QLatin1String("runbook");
    if (!parser.parse(arguments)) {
        fail(parser.errorText()); // QCommandLineParser::process() would exit 1
    }
    parser.process(app); // --help and --version

    CommandLine cl;
    cl.demo = parser.isSet(demoOption);
    cl.warRoom = parser.isSet(warRoomOption);
    cl.dataDir = parser.value(dataDirOption);
    cl.database = parser.value(databaseOption);
    if (parser.isSet(databaseOption)) {
        DatabaseTarget target;
        QString error;
        if (!DatabaseTarget::parse(cl.database, &target, &error) || !target.isPostgres()) {
            fail(tr("--database: %1").arg(error.isEmpty() ? tr("expected a postgresql:// URL") : error));
        }
    }
    cl.language = parser.value(langOption);
    cl.screenshotDir = parser.value(screenshotOption);
    if (parser.isSet(delayOption)) {
        bool ok = false;
        cl.screenshotDelayMs = parser.value(delayOption).toInt(&ok);
        if (!ok || cl.screenshotDelayMs < 0) {
            fail(tr("--screenshot-delay expects milliseconds, got \"%1\"").arg(parser.value(delayOption)));
        }
    }
    if (!cl.language.isEmpty() && !LanguageManager::availableLanguages().contains(cl.language)) {
        fail(tr("unknown language \"%1\" for --lang; available: %2")
                 .arg(cl.language, LanguageManager::availableLanguages().join(QLatin1String(", "))));
    }

    const QStringList args = parser.positionalArguments();
    if (importMode) {
        ImportOptions &o = cl.importOptions;
        if (args.size() < 3 || !ImportOptions::kindFromString(args[1], &o.kind)) {
            fail(tr("usage: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o "
                    "WORKSPACE.yaml] [--merge EXISTING.yaml] [--var NAME=VALUE] [--json] [--force]"));
        }
        if (parser.isSet(yesOption)) {
            fail(tr("--yes only applies to the runbook, check, trust and agent subcommands"));
        }
        o.files = args.mid(2);
        o.output = parser.value(outputOption);
        o.merge = parser.value(mergeOption);
        o.json = parser.isSet(jsonOption);
        o.force = parser.isSet(forceOption);
        for (const QString &var : parser.values(varOption)) {
            const qsizetype equals = var.indexOf(u'=');
            if (equals <= 0) {
                fail(tr("--var expects NAME=VALUE, got \"%1\"").arg(var));
            }
            o.variables.insert(var.left(equals), var.mid(equals + 1));
        }
        cl.mode = Mode::Import;
        return cl;
    }
    if (parser.isSet(outputOption) || parser.isSet(varOption) || parser.isSet(forceOption)
        || parser.isSet(mergeOption)) {
        fail(tr("-o, --merge, --var and --force only apply to the import subcommand"));
    }
    const bool agentMode = !args.isEmpty() && args.first() == QLatin1String("agent");
    if (agentMode) {
        if (args.size() != 2 || parser.isSet(jsonOption)) {
            fail(tr("usage: opsdeck agent WORKSPACE [--location NAME] [--listen ADDR:PORT] [--check-config] [--yes]"));
        }
        QHostAddress address;
        quint16 port = 0;
        if (parser.isSet(listenOption) && !AgentHttpServer::parseListen(parser.value(listenOption), &address, &port)) {
            fail(tr("--listen expects ADDR:PORT or PORT, got \"%1\"").arg(parser.value(listenOption)));
        }
        cl.mode = Mode::Agent;
        cl.validateFile = args[1];
        cl.yes = parser.isSet(yesOption);
        cl.location = parser.value(locationOption);
        cl.listen = parser.value(listenOption);
        cl.checkConfig = parser.isSet(checkConfigOption);
        return cl;
    }
    if (parser.isSet(listenOption) || parser.isSet(checkConfigOption)) {
        fail(tr("--listen and --check-config only apply to the agent subcommand"));
    }
    cl.location = parser.value(locationOption);
    const QStringList noLocation { u"validate"_s, u"ack"_s, u"trust"_s, u"secret"_s, u"runbook"_s };
    if (parser.isSet(locationOption) && !args.isEmpty() && noLocation.contains(args.first())) {
        fail(tr("--location only applies to the agent and check subcommands and the window"));
    }
    const bool yesMode = runbookMode || firstPositional(arguments) == QLatin1String("check")
        || firstPositional(arguments) == QLatin1String("trust");
    if (parser.isSet(yesOption) && !yesMode) {
        fail(tr("--yes only applies to the runbook, check, trust and agent subcommands"));
    }
    if (!args.isEmpty() && args.first() == QLatin1String("validate")) {
        if (args.size() != 2) {
            fail(tr("usage: opsdeck validate FILE"));
        }
        if (parser.isSet(jsonOption)) {
            fail(tr("--json only applies to the check subcommand"));
        }
        cl.mode = Mode::Validate;
        cl.validateFile = args[1];
        return cl;
    }
    if (parser.isSet(byOption) && (args.isEmpty() || args.first() != QLatin1String("ack"))) {
        fail(tr("--by only applies to the ack subcommand"));
    }
    if (!args.isEmpty() && args.first() == QLatin1String("ack")) {
        if (args.size() != 3) {
            fail(tr("usage: opsdeck ack WORKSPACE INCIDENT [--by NAME]"));
        }
        cl.mode = Mode::Ack;
        cl.validateFile = args[1];
        cl.incident = args[2];
        cl.by = parser.value(byOption);
        return cl;
    }
    if (!args.isEmpty() && args.first() == QLatin1String("check")) {
        if (args.size() != 2) {
            fail(tr(
                "usage: opsdeck check WORKSPACE [--json] [--yes] [--data-dir DIR] [--database URL] [--location NAME]"));
        }
        cl.mode = Mode::Check;
        cl.validateFile = args[1];
        cl.json = parser.isSet(jsonOption);
        cl.yes = parser.isSet(yesOption);
        return cl;
    }
    if (!args.isEmpty() && args.first() == QLatin1String("trust")) {
        if (args.size() != 2 || parser.isSet(jsonOption)) {
            fail(tr("usage: opsdeck trust WORKSPACE [--yes]"));
        }
        cl.mode = Mode::Trust;
        cl.validateFile = args[1];
        cl.yes = parser.isSet(yesOption);
        return cl;
    }
    if (!args.isEmpty() && args.first() == QLatin1String("secret")) {
        if (args.size() != 3 || (args[1] != QLatin1String("set") && args[1] != QLatin1String("delete"))) {
            fail(tr("usage: opsdeck secret set|delete NAME"));
        }
        cl.mode = Mode::Secret;
        cl.deleteSecret = args[1] == QLatin1String("delete");
        cl.secretName = args[2];
        return cl;
    }
    if (parser.isSet(listIdsOption)) {
        if (!runbookMode || args.size() != 2) {
            fail(tr("usage: opsdeck runbook --list-ids WORKSPACE"));
        }
        cl.mode = Mode::RunbookIds;
        cl.validateFile = args[1];
        return cl;
    }
    if (!args.isEmpty() && args.first() == QLatin1String("runbook")) {
        if (args.size() != 3) {
            fail(tr("usage: opsdeck runbook WORKSPACE RUNBOOK-ID [--yes]"));
        }
        if (parser.isSet(jsonOption)) {
            fail(tr("--json only applies to the check subcommand"));
        }
        cl.mode = Mode::Runbook;
        cl.validateFile = args[1];
        cl.runbookId = args[2];
        cl.yes = parser.isSet(yesOption);
        return cl;
    }
    if (parser.isSet(jsonOption)) {
        fail(tr("--json only applies to the check subcommand"));
    }
    if (args.size() > 1) {
        fail(tr("only one workspace file can be opened; got %1").arg(args.size()));
    }
    if (!args.isEmpty()) {
        if (cl.demo) {
            fail(tr("--demo opens the demo workspace; do not name a workspace file too"));
        }
        cl.workspace = args.first();
    }
    return cl;
}
