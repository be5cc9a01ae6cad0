// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Session's part that closes the on-call loop: incidents.auto rules fed by the probes and KPIs, escalation
// chains, and every incident notification on its incident's timeline.
#include "incident/autoincidentrules.h"
#include "incident/escalationengine.h"
#include "incident/incidentautorecorder.h"
#include "incident/incidentstore.h"
#include "kpi/kpievaluator.h"
#include "kpi/kpimodel.h"
#include "notify/notifier.h"
#include "probe/probeengine.h"
#include "session/session.h"

void Session::wireEscalation()
{
    if (m_options.mode != Mode::Watch || !m_options.storage) {
        return; // a terminal command neither opens incidents nor pages anyone
    }
    m_escalation = new EscalationEngine(m_incidents, m_notifySender, this);
    m_escalation->setLedger(m_notifier->ledger()); // each step once, whatever the consoles
    m_autoIncidents = new AutoIncidentRules(m_incidents, this);
    m_escalation->setRoutedProviders(
        [notifier = m_notifier](const NotificationEvent &event) { return notifier->routedProviders(event); });
    connect(this, &Session::stateChanged, this,
        [this](const QString &name, EndpointState, EndpointState to, const ProbeResult &result) {
            if (!actsFor(result)) {
                return; // another process of the team opens the incident
            }
            m_autoIncidents->observeEndpoint(
                name, endpointStateName(to).toLower(), IncidentAutoRecorder::evidenceText(result));
        });
    connect(m_kpiModel, &KpiModel::stateChanged, this,
        [this](const QString &id, KpiState, KpiState to, const QString &value) {
            m_autoIncidents->observeKpi(id, KpiEvaluator::stateName(to).toLower(), value);
        });
    // What the routes sent about an incident belongs to its story (and tells PagerDuty's acknowledge whom to reach).
    connect(m_notifier, &Notifier::logged, this, [this](const NotifyLogEntry &entry) {
        if (!entry.eventKey.startsWith(u"incident/"_s) || entry.provider.isEmpty()) {
            return;
        }
        const qint64 id = entry.eventKey.mid(9).toLongLong();
        if (!m_incidents->incident(id)) {
            return;
        }
        TimelineEntry e;
        e.kind = TimelineKind::Notification;
        e.subject = entry.provider;
        e.to = entry.ok ? u"sent"_s : u"failed"_s;
        e.occurredAt = entry.time;
        e.text = entry.ok
            ? tr("%1 sent to %2 by route %3 (HTTP %4)")
                  .arg(entry.headline, entry.provider, entry.route)
                  .arg(entry.status)
            : tr("%1 to %2 by route %3 failed: %4").arg(entry.headline, entry.provider, entry.route, entry.reason);
        m_incidents->appendEntry(id, e);
    });
}

void Session::applyEscalation(const Workspace &workspace)
{
    if (!m_escalation) {
        return;
    }
    m_escalation->setWorkspace(workspace);
    m_autoIncidents->setWorkspace(workspace);
    m_escalation->start();
    m_autoIncidents->start();
}
