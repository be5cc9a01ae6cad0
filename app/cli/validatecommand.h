// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

// `opsdeck validate FILE`: prints every diagnostic on its own line, then a summary line
// ("meetpin.yaml: 2 errors, 1 warning" or "meetpin.yaml: OK (5 endpoints, 10 KPIs, 4 checklists, 2 runbooks)").
// Returns the exit code: 0 without errors, 1 with.
int runValidateCommand(const QString &path, QTextStream &out);

// `opsdeck runbook --list-ids WORKSPACE` (hidden, for shell completion): prints the workspace's runbook ids, one a
// line, and nothing else. Returns 0 when the workspace loaded, 1 otherwise.
int runListRunbookIdsCommand(const QString &path, QTextStream &out);
