// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

// Gatus configurations (`config.yaml`, several files, or a directory of them merged as Gatus merges them, or the
// config.yaml of a Kubernetes ConfigMap) -> endpoints, maintenance windows, notification providers and routes.
// Keys with no equivalent are listed in the report, never dropped silently; literal webhook URLs and keys become
// declared `${NAME}` secrets and are never written.
class GatusImporter final
{
public:
    // (contents, file name) pairs, in order. `usedNames` holds the endpoint names already taken. `nonHttp`: map
    // tcp/tls/starttls/icmp/dns endpoints (the default is GatusEndpoints::NonHttpEndpoints; tests override it).
    static ImportResult importData(
        const QList<QPair<QByteArray, QString>> &files, QSet<QString> &usedNames, bool nonHttp = defaultNonHttp());
    // Files, or directories whose *.yaml / *.yml files (recursively, in path order) are read.
    static ImportResult importPaths(const QStringList &paths, QSet<QString> &usedNames);

private:
    static bool defaultNonHttp();
};
