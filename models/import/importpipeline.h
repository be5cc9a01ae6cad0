// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QMap>
#include <QString>
#include <QStringList>

// One import from files to workspace text, shared by `opsdeck import` and File > Import… in the window: read the
// sources, optionally merge into an existing workspace, write the YAML and check it with the workspace loader.
// Touches no GUI and writes no file, so it can run on a worker thread; the caller writes `text` where it wants.
struct ImportRequest
{
    enum class Kind { PrometheusRules, Grafana, Gatus, UptimeKuma, Blackbox };
    Kind kind = Kind::PrometheusRules;
    QStringList files;
    QString merge; // an existing workspace to add to; empty = a new workspace
    QMap<QString, QString> variables; // Grafana template variables

    // "prometheus-rules", "grafana", "gatus", "uptime-kuma", "blackbox"; false for anything else.
    static bool kindFromString(const QString &text, Kind *kind);
    static QString kindToString(Kind kind);
    // Health checks (endpoints, routes, windows) rather than KPI tiles.
    bool checks() const { return kind == Kind::Gatus || kind == Kind::UptimeKuma || kind == Kind::Blackbox; }
};

struct ImportOutcome
{
    enum class Status { Ok, Nothing, Failed };
    Status status = Status::Failed;
    ImportResult result; // what was read, with its report (also when nothing could be imported)
    QString text; // the workspace (merged when asked), validated; empty unless Ok
    QStringList errors; // Failed: "file:line:col: message" lines, the last one saying nothing was written

    bool ok() const { return status == Status::Ok; }
};

class ImportPipeline final
{
public:
    static ImportOutcome run(const ImportRequest &request);
};
