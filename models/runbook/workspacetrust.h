// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Whether the operator has allowed a workspace file to run its `command` steps. Trust is given once per file
// content: it is remembered by the file's SHA-256 in QSettings, so any change to the file asks again.
class WorkspaceTrust final
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceTrust)

public:
    // The file's SHA-256 in hex, or empty when it cannot be read.
    static QString fileHash(const QString &path);
    static bool isTrusted(const QString &path);
    // Remembers the file's current content as trusted; false when the file cannot be read.
    static bool trust(const QString &path);
    // What the workspace would run: one line per command step, "runbook / step: argv" (${NAME} as written).
    static QStringList commands(const Workspace &workspace);
    static bool hasCommands(const Workspace &workspace) { return !commands(workspace).isEmpty(); }
};
