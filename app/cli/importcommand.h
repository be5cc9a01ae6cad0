// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importpipeline.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QTextStream>

// `opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o WORKSPACE.yaml] [--merge
// EXISTING.yaml] [--var NAME=VALUE]... [--json] [--force]`:
// writes the workspace to -o (through a temporary file renamed into place, never over an existing file without
// --force) or to `out`, and the report to `err` (JSON with --json).
struct ImportOptions
{
    using Kind = ImportRequest::Kind;
    Kind kind = Kind::PrometheusRules;
    QStringList files;
    QString output; // empty = `out`
    QString merge; // --merge EXISTING.yaml: add to that workspace (written to `output`, or `out`)
    QMap<QString, QString> variables; // --var
    bool json = false;
    bool force = false;

    static bool kindFromString(const QString &text, Kind *kind) { return ImportRequest::kindFromString(text, kind); }
};

// Exit codes: 0 a workspace was written, 1 nothing could be imported, 2 bad usage, an unreadable or malformed
// file (reported as file:line[:column]) or an output that may not be written.
int runImportCommand(const ImportOptions &options, QTextStream &out, QTextStream &err);
