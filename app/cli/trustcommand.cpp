// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/trustcommand.h"

#include "cli/terminalinput.h"
#include "runbook/secretdestinations.h"
#include "runbook/workspacetrust.h"
#include "ui/uilanguage.h"
#include "workspace/workspaceloader.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

TrustCommand::TrustCommand(const QString &path, bool yes, QTextStream *out, TerminalInput *input, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_yes(yes)
    , m_out(out)
    , m_input(input)
{ }

QString TrustCommand::question(const Workspace &workspace, const QStringList &commands)
{
    QString text;
    const QStringList secrets = SecretDestinations::describe(workspace, uiLanguage());
    if (!secrets.isEmpty()) {
        text += tr("This workspace sends secrets, each only to these hosts:") + u'\n';
        for (const QString &line : secrets) {
            text += u"  "_s + line + u'\n';
        }
    }
    if (!commands.isEmpty()) {
        text += tr("This workspace runs commands on this computer:") + u'\n';
        for (const QString &command : commands) {
            text += u"  "_s + command + u'\n';
        }
    }
    return text;
}

bool TrustCommand::isYes(const QString &answer)
{
    const QString a = answer.trimmed().toLower();
    return a == u"y" || a == u"yes" || a == tr("y").toLower() || a == tr("yes").toLower();
}

void TrustCommand::start()
{
    const LoadResult loaded = WorkspaceLoader::loadFile(m_path);
    if (!loaded.ok()) {
        QStringList lines;
        for (const Diagnostic &d : loaded.diagnostics) {
            lines.append(d.toString());
        }
        lines.append(tr("%1: the workspace is not valid; nothing was trusted").arg(m_path));
        finish(2, lines.join(u'\n'));
        return;
    }
    const Workspace workspace = *loaded.workspace;
    const QString text = question(workspace, WorkspaceTrust::commands(workspace));
    if (text.isEmpty()) {
        finish(0, tr("%1 sends no secret and runs no command: nothing to trust.").arg(m_path));
        return;
    }
    *m_out << text;
    if (WorkspaceTrust::isTrusted(workspace)) {
        finish(0, tr("This version of %1 is already trusted.").arg(m_path));
        return;
    }
    if (m_yes) {
        WorkspaceTrust::trust(workspace);
        finish(0, tr("Trusted this version of %1 (--yes).").arg(m_path));
        return;
    }
    if (!m_input) {
        finish(1, tr("Not trusted: no one to ask (use --yes)."));
        return;
    }
    *m_out << tr("Trust this version of %1? [y/N] ").arg(m_path);
    m_out->flush();
    connect(m_input, &TerminalInput::lineRead, this, [this, workspace](const QString &answer) {
        if (!isYes(answer)) {
            finish(1, tr("Not trusted."));
            return;
        }
        WorkspaceTrust::trust(workspace); // the version shown, even if the file changed meanwhile
        finish(0, tr("Trusted this version of %1.").arg(m_path));
    });
    connect(m_input, &TerminalInput::closed, this, [this] { finish(1, tr("Not trusted (no answer).")); });
    m_input->request();
}

void TrustCommand::finish(int exitCode, const QString &message)
{
    *m_out << message << Qt::endl;
    if (m_input) {
        m_input->disconnect(this);
    }
    QMetaObject::invokeMethod(
        this, [this, exitCode] { Q_EMIT finished(exitCode); }, Qt::QueuedConnection);
}
