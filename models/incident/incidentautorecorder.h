// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QObject>

class IncidentStore;
class KpiModel;

// Writes the timeline entries nobody has to type: while an incident is open, every state change of an endpoint
// it lists in its services (by endpoint name or by the endpoint's group) lands in its timeline. Also turns a
// CRITICAL endpoint into a pre-filled incident with the probe result as evidence.
//
// recordEndpointTransition has ProbeEngine::stateChanged's signature, so the app connects them directly.
class IncidentAutoRecorder final : public QObject
{
    Q_OBJECT
public:
    struct Draft
    {
        Incident incident;
        QList<TimelineEntry> evidence;
    };

    explicit IncidentAutoRecorder(IncidentStore *store, QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    // Open incidents whose services name the endpoint or its group, in the store's order.
    QList<qint64> matchingIncidents(const QString &endpoint) const;
    // The probe result in one line: "HTTP 503 in 35 ms; failed: [STATUS] == 200 (503); error: ...".
    static QString evidenceText(const ProbeResult &result);
    static TimelineEntry endpointEntry(
        const QString &endpoint, EndpointState from, EndpointState to, const ProbeResult &result);
    // Title, most severe level, the endpoint as service, started when the probe saw it, and the evidence.
    Draft draftFromEndpoint(const QString &endpoint, const ProbeResult &result) const;
    // Creates the drafted incident; refuses (with the reason) unless the result is CRITICAL.
    QString createFromEndpoint(const QString &endpoint, const ProbeResult &result);
    // The same from a KPI tile: refused unless its state is "critical"; the KPI (and the endpoint its source
    // reads, if any) become the incident's services, the value and state its evidence.
    QString createFromKpi(
        const QString &kpiId, const QString &title, const QString &state, const QString &value, const QDateTime &at);
    // "Open incident…" on a KPI tile: createFromKpi() with the tile's title, state, value and unit as `model` shows
    // them. Refused when the model has no such KPI.
    QString createFromKpiTile(const KpiModel &model, const QString &kpiId);

public Q_SLOTS:
    void recordEndpointTransition(
        const QString &endpoint, EndpointState from, EndpointState to, const ProbeResult &result);
    // A KPI crossed a threshold (states as the KPI engine names them, e.g. "normal" → "critical"); it lands in
    // open incidents that list the KPI's id or the endpoint its source reads.
    void recordKpiCrossing(const QString &kpiId, const QString &from, const QString &to, const QString &value);
    // A checklist was signed off while incidents are open: it goes into every open incident's timeline (a
    // shift's checks during an incident are part of its story).
    void recordChecklistSignOff(const QString &checklistTitle, const QString &signer, const QString &comment);

Q_SIGNALS:
    // An automatic entry was submitted to these incidents.
    void recorded(const QString &endpoint, const QList<qint64> &incidentIds);

private:
    IncidentStore *m_store;
    QStringList matchingNames(const QString &endpoint) const; // the endpoint and its group
    QList<qint64> matching(const QStringList &names) const;

    QList<Endpoint> m_endpoints;
    QList<Kpi> m_kpis;
};
