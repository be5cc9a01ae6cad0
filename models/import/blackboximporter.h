// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

// blackbox_exporter module files (`modules: { NAME: { prober, timeout, http|tcp|dns|icmp: ... } }`). A module is a
// way of probing without a target (Prometheus passes `?target=` at scrape time), and a workspace has no templates:
// each module becomes a switched-off endpoint (`enabled: false`) in the group "blackbox" whose host is the
// placeholder `target.invalid` (a name that never resolves), with the module's method, headers, body, status codes,
// body patterns, DNS query, CA file and timeout. Keys with no equivalent are listed at their position; modules that
// cannot be expressed (grpc, websocket, unix, oauth2, TLS verification off, ...) are listed with the reason.
class BlackboxImporter final
{
public:
    static constexpr QStringView PlaceholderHost = u"target.invalid";

    static ImportResult importData(const QByteArray &data, const QString &fileName, QSet<QString> &usedNames);
    static ImportResult importPaths(const QStringList &paths, QSet<QString> &usedNames);
};
