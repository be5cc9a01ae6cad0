// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/diagnostic.h"
#include "workspace/workspace.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

struct LoadResult
{
    std::optional<Workspace> workspace; // set when there are no errors (warnings are fine)
    QList<Diagnostic> diagnostics; // every error and warning, in file order

    bool ok() const { return workspace.has_value(); }
    QList<Diagnostic> errors() const { return errorsOf(diagnostics); }
};

// Reads a workspace file and validates all of it (types, required keys, unique ids, references between
// sections), reporting every problem at once with file, line, column and key path.
class WorkspaceLoader final
{
public:
    // Diagnostics name the file as `path` is written.
    static LoadResult loadFile(const QString &path);
    static LoadResult loadData(const QByteArray &yaml, const QString &fileName);
};
