// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/secretcommand.h"

#include "secrets/secrets.h"
#include "workspace/templatetext.h"

#include <QIODevice>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {

// Reads one line without echoing it when standard input is a terminal.
QString readSecretLine(QIODevice *in)
{
    termios saved {};
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    const QByteArray line = in->readLine();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputc('\n', stderr);
    }
    QString value = QString::fromUtf8(line);
    while (value.endsWith(QLatin1Char('\n')) || value.endsWith(QLatin1Char('\r'))) {
        value.chop(1);
    }
    return value;
}

} // namespace

SecretCommand::SecretCommand(Action action, const QString &name, QIODevice *in, QTextStream *out, QObject *parent)
    : QObject(parent)
    , m_action(action)
    , m_name(name)
    , m_in(in)
    , m_out(out)
{ }

void SecretCommand::start()
{
    const QString reference = QLatin1String("${") + m_name + QLatin1Char('}');
    if (TemplateText::names(reference) != QStringList { m_name }) {
        finish(2, tr("\"%1\" is not a secret name: use letters, digits and _, not starting with a digit").arg(m_name));
        return;
    }
    auto *writer = new KeychainWriter(this);
    connect(writer, &KeychainWriter::finished, this, [this](const QString &error) {
        if (!error.isEmpty()) {
            finish(1, tr("the keychain refused: %1").arg(error));
        } else if (m_action == Action::Set) {
            finish(0, tr("%1 is stored in the keychain").arg(m_name));
        } else {
            finish(0, tr("%1 is no longer in the keychain").arg(m_name));
        }
    });
    if (m_action == Action::Delete) {
        writer->remove(m_name);
        return;
    }
    if (isatty(STDIN_FILENO)) {
        std::fprintf(stderr, "%s", qPrintable(tr("Value of %1: ").arg(m_name)));
    }
    const QString value = readSecretLine(m_in);
    if (value.isEmpty()) {
        finish(2, tr("no value on standard input; nothing was stored"));
        return;
    }
    writer->store(m_name, value);
}

void SecretCommand::finish(int exitCode, const QString &message)
{
    if (exitCode == 0) {
        *m_out << message << Qt::endl;
    } else {
        QTextStream(stderr) << message << Qt::endl; // errors go where the other subcommands put them
    }
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT finished(exitCode); });
}
