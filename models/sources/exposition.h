// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

using MetricLabels = QMap<QString, QString>;

// One sample line of the Prometheus text exposition format: `name{labels} value [timestamp]`.
struct MetricSample
{
    QString name;
    MetricLabels labels;
    double value = 0;
    std::optional<qint64> timestampMs;
};

// A parsed /metrics body. `types` and `help` are keyed by family name (from `# TYPE` / `# HELP`).
struct Exposition
{
    QList<MetricSample> samples;
    QHash<QString, QString> types;
    QHash<QString, QString> help;
    QStringList errors; // "line 12: ...", one per malformed line

    bool ok() const { return errors.isEmpty(); }
};

// The Prometheus text format 0.0.4 as Prometheus itself reads it: HELP/TYPE comments, other comments ignored,
// label values with \\, \" and \n escapes, NaN and ±Inf values, optional millisecond timestamps.
class ExpositionParser final
{
    Q_DECLARE_TR_FUNCTIONS(ExpositionParser)

public:
    static constexpr int maxErrors = 20;
    static Exposition parse(QByteArrayView text);
    // A sample value: a float, NaN, +Inf, -Inf or Inf (case-insensitive like Prometheus).
    static std::optional<double> parseValue(QByteArrayView text);
};
