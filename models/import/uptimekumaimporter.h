// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QSet>
#include <QString>

// An Uptime Kuma database (kuma.db, SQLite, opened read-only): monitors -> endpoints (HTTP, keyword, JSON query;
// TCP port, ping and DNS behind GatusEndpoints::NonHttpEndpoints), group monitors and tags -> groups,
// notifications -> providers and routes, recurring maintenance -> windows. Columns that later Kuma versions added
// are read when present. Literal webhook URLs, keys and passwords become declared `${NAME}` secrets.
class UptimeKumaImporter final
{
public:
    static ImportResult importFile(const QString &path, QSet<QString> &usedNames, bool nonHttp = defaultNonHttp());

private:
    static bool defaultNonHttp();
};
