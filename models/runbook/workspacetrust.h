// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Whether the operator has allowed a workspace file to send its secrets where it says (SecretDestinations) and to
// run its `command` steps: one answer covers both. Trust is given once per version of
// the file: it is remembered in QSettings by Workspace::contentHash, the SHA-256 of the exact bytes the loader parsed
// (never of the file on disk when asked: a file changed between load and prompt must not be trusted unseen).
class WorkspaceTrust final
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceTrust)

public:
    // False for a workspace that was not read from bytes (no contentHash).
    static bool isTrusted(const Workspace &workspace);
    // Remembers this version as trusted; false when the workspace has no contentHash.
    static bool trust(const Workspace &workspace);
    // Remembers `bytes` as trusted before anyone parses them: for a file OpsDeck writes itself from its own
    // resources (the demo workspace, whose secret is the token it made for its own demo service).
    static void trustContent(const QByteArray &bytes, const QString &filePath);
    // What the workspace would run: one line per command step, "runbook / step: argv" (${NAME} as written).
    static QStringList commands(const Workspace &workspace);
    static bool hasCommands(const Workspace &workspace) { return !commands(workspace).isEmpty(); }
};
