// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontroller.h"
#include "cli/ackcommand.h"
#include "cli/agentcommand.h"
#include "cli/checkcommand.h"
#include "cli/importcommand.h"
#include "cli/runbookcommand.h"
#include "cli/secretcommand.h"
#include "cli/terminalinput.h"
#include "cli/trustcommand.h"
#include "cli/validatecommand.h"
#include "commandline.h"
#include "firstpaintprobe.h"
#include "interruptnotifier.h"
#include "mainwindow.h"
#include "session/session.h"
#include "thememanager.h"
#include "ui/languagemanager.h"
#include "ui/settingskeys.h"

#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// Runs `then` once, from the event loop, after `widget` first painted.
class PaintWatch final : public QObject
{
public:
    PaintWatch(QWidget *widget, std::function<void()> then)
        : QObject(widget)
        , m_then(std::move(then))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_then) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, [this] {
                std::exchange(m_then, nullptr)();
                deleteLater();
            });
        }
        return false;
    }

private:
    std::function<void()> m_then;
};

void whenPainted(QWidget *widget, std::function<void()> then)
{
    new PaintWatch(widget, std::move(then));
}
int runRunbook(const CommandLine &commandLine, QTextStream *out)
{
    QTextStream err(stderr);
    TerminalInput input(0); // standard input
    RunbookCommand::Options options;
    options.workspacePath = commandLine.validateFile;
    options.runbookId = commandLine.runbookId;
    options.yes = commandLine.yes;
    options.database = commandLine.database;
    options.dataDir = commandLine.dataDir;
    RunbookCommand command(options, out, &err, &input);
    InterruptNotifier interrupts;
    QObject::connect(&interrupts, &InterruptNotifier::interrupted, &command, &RunbookCommand::interrupt);
    QObject::connect(&command, &RunbookCommand::finished, QCoreApplication::instance(), &QCoreApplication::exit);
    command.start();
    return QCoreApplication::exec();
}

int runAgent(const CommandLine &commandLine, QTextStream &out)
{
    const AgentCommand::Options options { commandLine.validateFile, commandLine.database, commandLine.dataDir,
        commandLine.location, commandLine.listen, commandLine.yes };
    if (commandLine.checkConfig) {
        return AgentCommand::checkConfig(options, out);
    }
    AgentCommand agent(options);
    InterruptNotifier interrupts(nullptr, true); // SIGTERM and SIGINT stop, SIGHUP reloads
    QObject::connect(&interrupts, &InterruptNotifier::interrupted, &agent, &AgentCommand::stop);
    QObject::connect(&interrupts, &InterruptNotifier::hangup, &agent, &AgentCommand::reload);
    QObject::connect(&agent, &AgentCommand::finished, QCoreApplication::instance(), &QCoreApplication::exit);
    agent.start();
    return QCoreApplication::exec();
}

int runConsole(const CommandLine &commandLine)
{
    QTextStream out(stdout);
    if (commandLine.mode == CommandLine::Mode::Agent) {
        return runAgent(commandLine, out);
    }
    if (commandLine.mode == CommandLine::Mode::Runbook) {
        return runRunbook(commandLine, &out);
    }
    if (commandLine.mode == CommandLine::Mode::Check) {
        QTextStream err(stderr);
        TerminalInput input(0); // standard input: asked for trust only when it is a terminal
        CheckCommand check(commandLine.validateFile,
            commandLine.json ? CheckCommand::Format::Json : CheckCommand::Format::Table, &out);
        check.setTrustAnswer(commandLine.yes, &input, &err);
        check.setStorage(commandLine.database, commandLine.dataDir);
        check.setLocation(commandLine.location);
        QObject::connect(&check, &CheckCommand::finished, QCoreApplication::instance(), &QCoreApplication::exit);
        check.start();
        return QCoreApplication::exec();
    }
    if (commandLine.mode == CommandLine::Mode::Trust) {
        TerminalInput input(0);
        TrustCommand trust(commandLine.validateFile, commandLine.yes, &out, &input);
        QObject::connect(&trust, &TrustCommand::finished, QCoreApplication::instance(), &QCoreApplication::exit);
        trust.start();
        return QCoreApplication::exec();
    }
    if (commandLine.mode == CommandLine::Mode::Secret) {
        QFile in;
        in.open(stdin, QIODevice::ReadOnly);
        SecretCommand secret(commandLine.deleteSecret ? SecretCommand::Action::Delete : SecretCommand::Action::Set,
            commandLine.secretName, &in, &out);
        QObject::connect(&secret, &SecretCommand::finished, QCoreApplication::instance(), &QCoreApplication::exit);
        secret.start();
        return QCoreApplication::exec();
    }
    if (commandLine.mode == CommandLine::Mode::Ack) {
        QTextStream err(stderr);
        AckCommand ack({ commandLine.validateFile, commandLine.incident, commandLine.by, commandLine.database,
                           commandLine.dataDir },
            &out, &err);
        QObject::connect(&ack, &AckCommand::finished, QCoreApplication::instance(), &QCoreApplication::exit);
        ack.start();
        return QCoreApplication::exec();
    }
    if (commandLine.mode == CommandLine::Mode::RunbookIds) {
        return runListRunbookIdsCommand(commandLine.validateFile, out);
    }
    if (commandLine.mode == CommandLine::Mode::Import) {
        QTextStream err(stderr);
        return runImportCommand(commandLine.importOptions, out, err);
    }
    return runValidateCommand(commandLine.validateFile, out);
}
} // namespace

int main(int argc, char *argv[])
{
    // Subcommands run without a display: only a QCoreApplication for them.
    const bool console = CommandLine::wantsConsole(argc, argv);
    std::unique_ptr<QCoreApplication> app(console ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(OPSDECK_VERSION));

    LanguageManager languages;
    const QStringList candidates { CommandLine::requestedLanguage(argc, argv),
        QSettings().value(SettingsKeys::language()).toString(), LanguageManager::systemLanguage(), u"en"_s };
    for (const QString &language : candidates) {
        if (!language.isEmpty() && languages.setLanguage(language)) {
            break;
        }
    }

    const CommandLine commandLine = CommandLine::parse(*app);
    if (commandLine.mode != CommandLine::Mode::Gui) {
        return runConsole(commandLine);
    }

    QApplication::setWindowIcon(QIcon(u":/icons/opsdeck.svg"_s));
    // The reverse-DNS id (resources/io.github.opsdeck.OpsDeck.desktop): Wayland's app_id, the taskbar's icon.
    QApplication::setDesktopFileName(u"io.github.opsdeck.OpsDeck"_s);
    ThemeManager themes;
    themes.setTheme(ThemeManager::fromString(QSettings().value(SettingsKeys::theme()).toString()));

    Session::Options options;
    options.database = commandLine.database;
    options.dataDir = commandLine.dataDir;
    options.location = commandLine.location;
    Session session(options);
    MainWindow window(&session, &languages, &themes);
    window.restoreWindowSettings();
    AppController controller(commandLine, &session, &window, &languages);
    FirstPaintProbe::installIfRequested(&window);
    if (commandLine.warRoom) {
        QTimer::singleShot(0, &controller, &AppController::start);
    } else {
        // The window paints first; the workspace loads (or the demo starts) right after.
        whenPainted(&window, [&controller] { controller.start(); });
        window.show();
    }
    return QCoreApplication::exec();
}
