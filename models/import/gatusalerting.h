// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/gatusyaml.h"

#include <QHash>
#include <QMap>

// Gatus `alerting:` providers -> notification providers (webhook URLs and keys become declared `${NAME}` secrets,
// never written), and endpoint `alerts:` -> one notification route per provider.
class GatusAlerting final
{
public:
    explicit GatusAlerting(ImportResult &result)
        : m_result(result)
    { }

    void readAlerting(const YAML::Node &alerting, const GatusYaml::Source &source);

    struct Thresholds
    {
        std::optional<int> failure;
        std::optional<int> success;
    };
    // An endpoint's `alerts:`; what is not carried over goes to `lost`.
    Thresholds readAlerts(const YAML::Node &alerts, const GatusYaml::Source &source, const QString &endpoint,
        const QString &group, QStringList &lost);
    // One route per provider that endpoints alert to.
    void writeRoutes(const QList<ImportedEndpoint> &endpoints);

private:
    struct Provider
    {
        QString id;
        YAML::Node defaults; // default-alert
    };
    struct Use
    {
        QStringList endpoints;
        QStringList groups;
        bool ungrouped = false;
        int resolved = 0; // alerts with send-on-resolved
        int alerts = 0;
        QStringList descriptions;
        QString origin;
    };

    QString secret(const QString &value, const QString &name, const QString &what, const QString &at);

    ImportResult &m_result;
    QHash<QString, Provider> m_providers; // by Gatus type
    QHash<QString, QString> m_unsupported; // Gatus type -> why
    QMap<QString, Use> m_uses; // by Gatus type
};
