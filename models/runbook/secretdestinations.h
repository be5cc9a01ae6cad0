// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Where a workspace would send each of its secrets: what the trust question shows before anything carrying a
// resolved ${NAME} leaves the machine, and what waits until the answer is yes.
class SecretDestinations final
{
    Q_DECLARE_TR_FUNCTIONS(SecretDestinations)

public:
    // One place a secret is used.
    struct Use
    {
        QString name; // NAME of ${NAME}
        QString place; // "endpoint api: header Authorization" (translated)
        // The origin it goes to ("https://api.example.com:8443"), "the host that ${NAME} names" when the host part
        // holds a reference, or "a command on this computer".
        QString destination;
    };
    // What must wait for trust: the parts that would send a resolved secret.
    struct Held
    {
        QSet<QString> endpoints; // endpoint names (their probes, and the runbook steps that check them)
        QSet<QString> kpis; // KPI ids (Prometheus/metrics sources with secrets, readings of held endpoints)
        QSet<QString> providers; // notification provider ids
        bool alertmanager = false;
        bool prometheus = false; // every query to sources.prometheus (KPIs, charts)
        bool isEmpty() const
        {
            return endpoints.isEmpty() && kpis.isEmpty() && providers.isEmpty() && !alertmanager && !prometheus;
        }
    };

    static QList<Use> uses(const Workspace &workspace);
    static Held held(const Workspace &workspace);
    // One line per secret: "NAME (description) → destination (place); destination (place)", in `language`.
    static QStringList describe(const Workspace &workspace, const QString &language);
    // The origin a written URL sends to, as uses() spells it.
    static QString destinationOf(const QString &writtenUrl);
    static bool hasReference(const QString &text);

private:
    static QString hostNamedBy(const QStringList &names, const QString &writtenUrl);
};
