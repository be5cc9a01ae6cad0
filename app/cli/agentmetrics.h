// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

class Session;

// The agent's /metrics in the Prometheus text format 0.0.4: per endpoint what blackbox_exporter says of a probe
// (probe_success, probe_duration_seconds, probe_http_duration_seconds{phase}, probe_http_status_code,
// probe_ssl_earliest_cert_expiry) plus OpsDeck's state as a state set, and per KPI its value and state. Every series
// carries workspace, location and endpoint (or kpi) labels, so one Prometheus keeps several agents apart.
class AgentMetrics final
{
public:
    struct Agent
    {
        QString workspace; // the workspace id
        QString location; // --location; empty = label left out
        bool loaded = false; // the last load of the file succeeded
        qint64 reloads = 0; // good versions taken since start
        qint64 reloadFailures = 0;
        qint64 startedMs = 0;
    };

    static QByteArray render(const Session &session, const Agent &agent);

    // A label value escaped per the text format: backslash, double quote and line feed.
    static QString escapeLabel(const QString &value);
    // A sample value as Prometheus reads it: NaN, +Inf, -Inf or the shortest exact decimal.
    static QByteArray formatValue(double value);
    // blackbox_exporter's phases (resolve, connect, tls, processing, transfer) in seconds, from the cumulative
    // timings of one result; a phase not measured counts 0 as blackbox_exporter reports it.
    static QList<QPair<QString, double>> phases(const ProbeResult &result);
    // blackbox_exporter's probe_success: the request completed and every condition (warn-conditions aside) passed.
    static bool success(const ProbeResult &result);
};
