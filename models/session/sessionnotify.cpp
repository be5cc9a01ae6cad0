// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Session's part that turns what the watching parts see into notification events.
#include "checklist/checkliststore.h"
#include "incident/incidentstore.h"
#include "kpi/kpimodel.h"
#include "notify/deliveryledger.h"
#include "notify/notifier.h"
#include "probe/probeengine.h"
#include "runbook/runbookrunner.h"
#include "session/session.h"
#include "ui/uilanguage.h"

namespace {

// The workspace's first two severity levels (P0, P1) are critical, the third a warning, the rest information.
NotifySeverity incidentSeverity(const Workspace &workspace, const QString &id)
{
    const QList<SeverityLevel> &levels = workspace.incidents.severities;
    int index = 0;
    while (index < levels.size() && levels.at(index).id != id) {
        ++index;
    }
    if (index >= levels.size()) {
        return NotifySeverity::Warning;
    }
    return index <= 1 ? NotifySeverity::Critical : index == 2 ? NotifySeverity::Warning : NotifySeverity::Info;
}

NotificationEvent incidentEvent(const Workspace &workspace, const Incident &incident, bool resolved)
{
    NotificationEvent e;
    e.kind = resolved ? NotificationEvent::Kind::IncidentResolved : NotificationEvent::Kind::IncidentOpened;
    e.subject = QString::number(incident.id);
    e.title = incident.title;
    e.severity = incidentSeverity(workspace, incident.severity);
    e.group = incident.services.isEmpty() ? QString() : incident.services.constFirst();
    e.time = QDateTime::currentDateTimeUtc();
    e.detail = incident.scope;
    e.link = u"opsdeck://incident/"_s + e.subject;
    return e;
}

} // namespace

void Session::wireNotifications()
{
    if (m_options.mode != Mode::Watch) {
        return; // `opsdeck check` and `opsdeck runbook` tell nobody
    }
    connect(m_notifier, &Notifier::deliveryFailed, this, &Session::notice);
    if (m_options.storage) {
        m_notifier->setLedger(new DeliveryLedger(m_storage, this)); // once per route, whatever the consoles
    }
    // The state over the endpoint's locations, in every process of a team (the ledger sends each once per route).
    connect(this, &Session::stateChanged, this,
        [this](const QString &name, EndpointState from, EndpointState to, const ProbeResult &result) {
            const Endpoint *endpoint = workspace().endpoint(name);
            QString detail = result.error;
            for (const ConditionResult &condition : result.conditions) {
                if (detail.isEmpty() && condition.verdict != ConditionResult::Verdict::Pass) {
                    detail = condition.condition + u" (" + condition.actual + u')';
                }
            }
            if (auto event
                = NotificationEvent::endpointChange(name, endpoint ? endpoint->group : QString(), from, to, detail)) {
                event->link = endpoint ? endpoint->url : QString();
                if (holdImpacted(name, *event)) {
                    return; // its root cause is CRITICAL: the root's notification tells the story
                }
                m_notifier->notify(*event);
            }
        });
    connect(m_kpiModel, &KpiModel::stateChanged, this,
        [this](const QString &id, KpiState from, KpiState to, const QString &value) {
            const Kpi *kpi = workspace().kpi(id);
            if (auto event
                = NotificationEvent::kpiChange(id, kpi ? kpi->title.text(uiLanguage()) : QString(), from, to, value)) {
                m_notifier->notify(*event);
            }
        });
    connect(m_incidents, &IncidentStore::incidentCreated, this, [this](qint64 id) {
        if (const Incident *incident = m_incidents->incident(id)) {
            m_openIncidents.insert(id);
            m_notifier->notify(incidentEvent(workspace(), *incident, false));
        }
    });
    connect(m_incidents, &IncidentStore::incidentChanged, this, [this](qint64 id) {
        const Incident *incident = m_incidents->incident(id);
        if (incident && !incident->isOpen() && m_openIncidents.remove(id)) {
            m_notifier->notify(incidentEvent(workspace(), *incident, true));
        } else if (incident && incident->isOpen()) {
            m_openIncidents.insert(id);
        }
    });
    connect(m_incidents, &IncidentStore::incidentsReset, this, [this] {
        m_openIncidents.clear();
        for (const Incident &incident : m_incidents->incidents()) {
            if (incident.isOpen()) {
                m_openIncidents.insert(incident.id);
            }
        }
    });
    connect(m_checklists, &ChecklistStore::becameLate, this, [this](qint64 id) {
        const ChecklistInstance *instance = m_checklists->instance(id);
        if (!instance) {
            return;
        }
        NotificationEvent e;
        e.kind = NotificationEvent::Kind::ChecklistOverdue;
        e.subject = QString::number(id);
        e.title = instance->title.text(uiLanguage());
        e.severity = NotifySeverity::Warning;
        e.time = QDateTime::currentDateTimeUtc();
        m_notifier->notify(e);
    });
    connect(m_runner, &RunbookRunner::runFinished, this, [this](bool ok, const QString &summary) {
        const Runbook &runbook = m_runner->runbook();
        NotificationEvent e;
        e.kind = ok ? NotificationEvent::Kind::RunbookFinished : NotificationEvent::Kind::RunbookFailed;
        e.subject = runbook.id;
        e.title = runbook.title.text(uiLanguage());
        e.group = runbook.service;
        e.severity = ok ? NotifySeverity::Info : NotifySeverity::Warning;
        e.time = QDateTime::currentDateTimeUtc();
        e.detail = summary;
        m_notifier->notify(e);
    });
}
