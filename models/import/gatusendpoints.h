// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/gatusalerting.h"

#include <QSet>

// Gatus `endpoints:` entries -> workspace endpoints (and their maintenance windows).
class GatusEndpoints final
{
public:
    // tcp://, tls://, starttls://, icmp:// and DNS endpoints need the network checks of the probe engine; while this
    // build's loader refuses them they are listed as skipped. Flip this (only this) once those checks are merged.
    static constexpr bool NonHttpEndpoints = true;

    GatusEndpoints(ImportResult &result, GatusAlerting &alerting, QSet<QString> &usedNames, bool nonHttp)
        : m_result(result)
        , m_alerting(alerting)
        , m_usedNames(usedNames)
        , m_nonHttp(nonHttp)
    { }

    void read(const YAML::Node &endpoint, const GatusYaml::Source &source);

private:
    bool readUrl(const YAML::Node &node, ImportedEndpoint &e, QStringList &lost, QString *skip);
    bool readClient(const YAML::Node &client, ImportedEndpoint &e, QStringList &lost, QString *skip);
    void readConditions(const YAML::Node &node, ImportedEndpoint &e, QStringList &lost);
    void readHeaders(const YAML::Node &node, ImportedEndpoint &e);
    void readWindows(
        const YAML::Node &windows, const GatusYaml::Source &source, const QString &endpoint, QStringList &lost);

    ImportResult &m_result;
    GatusAlerting &m_alerting;
    QSet<QString> &m_usedNames;
    bool m_nonHttp;
};

namespace GatusMaintenance {
// A Gatus `maintenance:` block (or one of an endpoint's `maintenance-windows`) as a window; what is not carried
// over goes to `lost`. nullopt (with `lost` saying why) when it cannot be one.
std::optional<ImportedWindow> window(const YAML::Node &node, const GatusYaml::Source &source, QStringList &lost);
} // namespace GatusMaintenance
