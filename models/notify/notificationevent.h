// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

enum class EndpointState;
enum class KpiState;

enum class NotifySeverity { Info, Warning, Critical };

// One thing worth telling someone about, as every provider's message is built from it.
struct NotificationEvent
{
    Q_DECLARE_TR_FUNCTIONS(Notification)

public:
    enum class Kind {
        Endpoint,
        Kpi,
        IncidentOpened,
        IncidentResolved,
        ChecklistOverdue,
        RunbookFinished,
        RunbookFailed,
        Summary, // a route's rate limit held messages back
        IncidentEscalated, // an escalation level or reminder (sent by the escalation engine, not through routes)
        IncidentAcknowledged, // ends a PagerDuty incident's paging
    };

    Kind kind = Kind::Endpoint;
    QString subject; // endpoint name, KPI id, incident id, checklist instance id, runbook id, route id
    QString title; // what people call the subject
    QString from; // state words: ok, warning, critical, unknown, stale; empty where there is no state
    QString to;
    NotifySeverity severity = NotifySeverity::Info;
    bool recovery = false; // back to normal: a "resolved" follow-up of what was sent before
    QString group;
    QDateTime time;
    QString detail;
    QString link; // an id or URL that opens the subject (opsdeck://incident/12, the endpoint's URL)
    QString workspaceId;

    // The route event name: endpoint, kpi, incident-opened, ... (empty for Summary).
    QString eventName() const;
    // Stable per subject: "endpoint/health", "incident/12" (opened and resolved share it).
    QString key() const;
    // One translated line, e.g. "CRITICAL: endpoint health is critical (was ok)".
    QString headline() const;
    // The headline, the detail and the time, one per line.
    QString text() const;

    static QString severityName(NotifySeverity severity); // info, warning, critical
    static NotifySeverity severityFromName(const QString &name);
    static QString stateLabel(const QString &state); // translated state word

    // The events of the watching parts; nothing for changes nobody is told about (a first result, maintenance).
    static std::optional<NotificationEvent> endpointChange(
        const QString &endpoint, const QString &group, EndpointState from, EndpointState to, const QString &detail);
    static std::optional<NotificationEvent> kpiChange(
        const QString &id, const QString &title, KpiState from, KpiState to, const QString &value);
};
