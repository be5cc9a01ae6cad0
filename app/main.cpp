// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontroller.h"
#include "commandline.h"
#include "demo/demolauncher.h"
#include "interruptnotifier.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "probe/checkcommand.h"
#include "runbook/runbookcommand.h"
#include "runbook/terminalinput.h"
#include "secrets/secretcommand.h"
#include "settingskeys.h"
#include "thememanager.h"
#include "workspace/validatecommand.h"

#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {
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

int runConsole(const CommandLine &commandLine)
{
    QTextStream out(stdout);
    if (commandLine.mode == CommandLine::Mode::Runbook) {
        return runRunbook(commandLine, &out);
    }
    if (commandLine.mode == CommandLine::Mode::Check) {
        CheckCommand check(commandLine.validateFile,
            commandLine.json ? CheckCommand::Format::Json : CheckCommand::Format::Table, &out);
        QObject::connect(&check, &CheckCommand::finished, QCoreApplication::instance(), &QCoreApplication::exit);
        check.start();
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
    return runValidateCommand(commandLine.validateFile, out);
}
} // namespace

int main(int argc, char *argv[])
{
    // Subcommands run without a display: only a QCoreApplication for them.
    const bool console = CommandLine::wantsConsole(argc, argv);
    std::unique_ptr<QCoreApplication> app(console ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    QCoreApplication::setOrganizationName(QStringLiteral("OpsDeck"));
    QCoreApplication::setApplicationName(QStringLiteral("opsdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPSDECK_VERSION));

    LanguageManager languages;
    const QStringList candidates { CommandLine::requestedLanguage(argc, argv),
        QSettings().value(SettingsKeys::language()).toString(), LanguageManager::systemLanguage(),
        QStringLiteral("en") };
    for (const QString &language : candidates) {
        if (!language.isEmpty() && languages.setLanguage(language)) {
            break;
        }
    }

    const CommandLine commandLine = CommandLine::parse(*app);
    if (commandLine.mode != CommandLine::Mode::Gui) {
        return runConsole(commandLine);
    }

    DemoLauncher *earlyDemo = AppController::startDemoEarly(commandLine);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/opsdeck.svg")));
    QApplication::setDesktopFileName(QStringLiteral("opsdeck"));
    ThemeManager themes;
    themes.setTheme(ThemeManager::fromString(QSettings().value(SettingsKeys::theme()).toString()));

    MainWindow window(&languages, &themes);
    window.restoreWindowSettings();
    AppController controller(commandLine, &window, &languages);
    controller.adoptDemo(earlyDemo);
    if (!commandLine.warRoom) {
        window.show();
    }
    controller.start();
    return QCoreApplication::exec();
}
