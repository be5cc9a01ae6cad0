// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notificationevent.h"

#include "kpi/kpievaluator.h"
#include "probe/proberesult.h"

using namespace Qt::StringLiterals;

QString NotificationEvent::eventName() const
{
    switch (kind) {
    case Kind::Endpoint:
        return u"endpoint"_s;
    case Kind::Kpi:
        return u"kpi"_s;
    case Kind::IncidentOpened:
        return u"incident-opened"_s;
    case Kind::IncidentResolved:
        return u"incident-resolved"_s;
    case Kind::ChecklistOverdue:
        return u"checklist-overdue"_s;
    case Kind::RunbookFinished:
        return u"runbook-finished"_s;
    case Kind::RunbookFailed:
        return u"runbook-failed"_s;
    case Kind::IncidentEscalated:
        return u"incident-escalated"_s;
    case Kind::IncidentAcknowledged:
        return u"incident-acknowledged"_s;
    case Kind::Summary:
        break;
    }
    return QString();
}

QString NotificationEvent::key() const
{
    switch (kind) {
    case Kind::IncidentOpened:
    case Kind::IncidentResolved:
    case Kind::IncidentEscalated:
    case Kind::IncidentAcknowledged:
        return u"incident/"_s + subject;
    case Kind::RunbookFinished:
    case Kind::RunbookFailed:
        return u"runbook/"_s + subject;
    case Kind::ChecklistOverdue:
        return u"checklist/"_s + subject;
    case Kind::Summary:
        return u"summary/"_s + subject;
    default:
        return eventName() + u'/' + subject;
    }
}

QString NotificationEvent::severityName(NotifySeverity severity)
{
    switch (severity) {
    case NotifySeverity::Critical:
        return u"critical"_s;
    case NotifySeverity::Warning:
        return u"warning"_s;
    case NotifySeverity::Info:
        break;
    }
    return u"info"_s;
}

NotifySeverity NotificationEvent::severityFromName(const QString &name)
{
    if (name == QLatin1String("critical")) {
        return NotifySeverity::Critical;
    }
    return name == QLatin1String("warning") ? NotifySeverity::Warning : NotifySeverity::Info;
}

QString NotificationEvent::stateLabel(const QString &state)
{
    if (state == QLatin1String("ok")) {
        return tr("OK");
    }
    if (state == QLatin1String("normal")) {
        return tr("normal");
    }
    if (state == QLatin1String("warning")) {
        return tr("warning");
    }
    if (state == QLatin1String("critical")) {
        return tr("critical");
    }
    if (state == QLatin1String("stale")) {
        return tr("stale");
    }
    if (state == QLatin1String("unknown")) {
        return tr("unknown");
    }
    return state;
}

QString NotificationEvent::headline() const
{
    QString prefix;
    if (recovery) {
        prefix = tr("RESOLVED");
    } else if (severity == NotifySeverity::Critical) {
        prefix = tr("CRITICAL");
    } else if (severity == NotifySeverity::Warning) {
        prefix = tr("WARNING");
    } else {
        prefix = tr("INFO");
    }
    QString line;
    switch (kind) {
    case Kind::Endpoint:
        line = tr("endpoint %1 is %2 (was %3)").arg(title, stateLabel(to), stateLabel(from));
        break;
    case Kind::Kpi:
        line = tr("KPI %1 is %2 (was %3)").arg(title, stateLabel(to), stateLabel(from));
        break;
    case Kind::IncidentOpened:
        line = tr("incident #%1 opened: %2").arg(subject, title);
        break;
    case Kind::IncidentResolved:
        line = tr("incident #%1 resolved: %2").arg(subject, title);
        break;
    case Kind::ChecklistOverdue:
        line = tr("checklist overdue: %1").arg(title);
        break;
    case Kind::RunbookFinished:
        line = tr("runbook %1 finished").arg(title);
        break;
    case Kind::RunbookFailed:
        line = tr("runbook %1 failed").arg(title);
        break;
    case Kind::IncidentEscalated:
        line = tr("incident #%1 not acknowledged: %2").arg(subject, title);
        break;
    case Kind::IncidentAcknowledged:
        line = tr("incident #%1 acknowledged: %2").arg(subject, title);
        break;
    case Kind::Summary:
        line = title;
        break;
    }
    return prefix + u": "_s + line;
}

QString NotificationEvent::text() const
{
    QString out = headline();
    if (!detail.isEmpty()) {
        out += u'\n' + detail;
    }
    if (time.isValid()) {
        out += u'\n' + time.toString(Qt::ISODate);
    }
    if (!link.isEmpty()) {
        out += u'\n' + link;
    }
    return out;
}

namespace {

QString endpointWord(EndpointState state)
{
    return endpointStateName(state).toLower();
}

} // namespace

std::optional<NotificationEvent> NotificationEvent::endpointChange(
    const QString &endpoint, const QString &group, EndpointState from, EndpointState to, const QString &detail)
{
    auto problem = [](EndpointState s) {
        return s == EndpointState::Warning || s == EndpointState::Critical || s == EndpointState::Unknown;
    };
    NotificationEvent e;
    e.kind = Kind::Endpoint;
    e.subject = endpoint;
    e.title = endpoint;
    e.group = group;
    e.from = endpointWord(from);
    e.to = endpointWord(to);
    e.time = QDateTime::currentDateTimeUtc();
    e.detail = detail;
    if (to == EndpointState::Critical) {
        e.severity = NotifySeverity::Critical;
    } else if (problem(to)) {
        e.severity = NotifySeverity::Warning;
    } else if (to == EndpointState::Ok && problem(from)) {
        e.recovery = true;
    } else {
        return std::nullopt; // a first result, maintenance, pending
    }
    return e;
}

std::optional<NotificationEvent> NotificationEvent::kpiChange(
    const QString &id, const QString &title, KpiState from, KpiState to, const QString &value)
{
    auto problem = [](KpiState s) { return s == KpiState::Warning || s == KpiState::Critical || s == KpiState::Stale; };
    NotificationEvent e;
    e.kind = Kind::Kpi;
    e.subject = id;
    e.title = title.isEmpty() ? id : title;
    e.from = KpiEvaluator::stateName(from).toLower();
    e.to = KpiEvaluator::stateName(to).toLower();
    e.time = QDateTime::currentDateTimeUtc();
    e.detail = value.isEmpty() ? QString() : tr("value: %1").arg(value);
    if (to == KpiState::Critical) {
        e.severity = NotifySeverity::Critical;
    } else if (problem(to)) {
        e.severity = NotifySeverity::Warning;
    } else if (to == KpiState::Normal && problem(from)) {
        e.recovery = true;
    } else {
        return std::nullopt;
    }
    return e;
}
