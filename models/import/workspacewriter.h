// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QList>
#include <QString>

// Writes imported KPIs as an OpsDeck workspace (see docs/workspace-format.md) that `opsdeck validate` accepts:
// every string double-quoted and escaped, titles as { en, ko } with ko = en, groups as comments (KPIs have no group
// key), and the Prometheus server as a `${PROMETHEUS_URL}` reference, never a resolved value.
class WorkspaceWriter final
{
public:
    static QString write(const QString &title, const QList<ImportedKpi> &kpis, const QStringList &sources);
    // Endpoints, maintenance windows and notifications of a health-check import (Gatus, Uptime Kuma), with the
    // `secrets:` declaration of every `${NAME}` they use.
    static QString writeChecks(const ImportResult &result, const QStringList &sources);
    // The list items of each section writeChecks() writes: top-level items indented by 2, providers and routes
    // by 4 (as under `notifications:`); empty when there are none.
    struct CheckSections
    {
        QString secrets, endpoints, maintenance, providers, routes;
    };
    static CheckSections checkSections(const ImportResult &result);
    // A YAML double-quoted scalar for `text`.
    static QString quoted(const QString &text);
};
