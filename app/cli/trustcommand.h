// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QTextStream;
class TerminalInput;
struct Workspace;

// `opsdeck trust WORKSPACE [--yes]`: prints which secret the file sends to which hosts and which commands it runs,
// then records trust for this version of the file (the SHA-256 of the bytes read) when the operator answers yes, or
// at once with --yes, so that a later window, `opsdeck check` or agent sends them without asking. Exit codes:
// 0 trusted (or nothing to trust), 1 not trusted (declined, no answer), 2 the workspace is not valid.
class TrustCommand final : public QObject
{
    Q_OBJECT

public:
    TrustCommand(const QString &path, bool yes, QTextStream *out, TerminalInput *input, QObject *parent = nullptr);

    // Runs on the event loop; finished() follows, never from inside start().
    void start();

    // What a terminal shows before asking: each secret with its destinations, then the commands; empty when the
    // workspace sends no secret and runs no command.
    static QString question(const Workspace &workspace, const QStringList &commands);
    static bool isYes(const QString &answer);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void finish(int exitCode, const QString &message);

    QString m_path;
    bool m_yes;
    QTextStream *m_out;
    TerminalInput *m_input;
};
