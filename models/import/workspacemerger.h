// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QByteArray>
#include <QString>

// `opsdeck import ... --merge EXISTING.yaml`: adds an import to an existing workspace. The existing text is kept
// byte for byte; new list items are inserted at the end of its lists (re-indented to match them), and sections it
// does not have are appended. Imported items whose id the workspace already has (endpoint names, KPI ids) are
// moved to the report's skipped list; provider and route ids are renamed (-2, ...) instead, as nothing outside the
// file refers to them. Flow-style lists (`endpoints: [...]`) cannot be spliced into: that is an error.
class WorkspaceMerger final
{
public:
    struct Outcome
    {
        QString text; // the merged workspace
        QString error; // "EXISTING.yaml: ..." on failure; nothing may be written then
    };
    // `result` loses the items that conflict (reported in its report). `sources` name the imported files.
    static Outcome merge(
        const QByteArray &existing, const QString &existingName, ImportResult &result, const QStringList &sources);
};
