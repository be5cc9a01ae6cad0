// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QByteArray>
#include <QMap>
#include <QSet>
#include <QString>

// Grafana dashboard JSON (old `rows[]` layout and `graph` / `singlestat` panels, current `panels[]` with `row`,
// `timeseries`, `stat`, `gauge`, `bargauge`): every visible Prometheus target of a supported panel becomes a KPI
// tile with the panel's thresholds, unit and decimals; rows become groups; template variables are resolved from
// `variables` or the dashboard's current values. Other panels are listed with the reason.
class GrafanaImporter final
{
public:
    static ImportResult importData(const QByteArray &data, const QString &fileName,
        const QMap<QString, QString> &variables, QSet<QString> &usedIds);
    static ImportResult importFile(
        const QString &path, const QMap<QString, QString> &variables, QSet<QString> &usedIds);
};
