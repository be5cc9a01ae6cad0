// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QByteArray>
#include <QSet>
#include <QString>

// Prometheus rule files (`groups: - rules:`) and PrometheusRule custom resources (`spec.groups`): alerting rules
// that compare one query with a constant become KPI tiles, a warning and a critical rule on the same query one
// tile with both lines; everything else is listed in the report with the reason.
class PrometheusRulesImporter final
{
public:
    // `usedIds` holds the KPI ids already taken (by other files of the same import); new ones are added.
    static ImportResult importData(const QByteArray &data, const QString &fileName, QSet<QString> &usedIds);
    static ImportResult importFile(const QString &path, QSet<QString> &usedIds);
};

namespace ImportIds {
// "NodeFilesystemAlmostOutOfSpace" -> "node-filesystem-almost-out-of-space", made unique against `used`.
QString unique(const QString &name, QSet<QString> &used);
// Reads a whole file for an importer; on failure returns nullopt and sets `error` ("file: message").
std::optional<QByteArray> readSource(const QString &path, QString *error);
} // namespace ImportIds
