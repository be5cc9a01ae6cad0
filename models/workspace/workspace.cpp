// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspace.h"

#include <algorithm>

using namespace std::chrono_literals;

QString LocalizedText::text(const QString &language) const
{
    if (language == QLatin1String("ko")) {
        return ko.isEmpty() ? en : ko;
    }
    return en.isEmpty() ? ko : en;
}

QList<SeverityLevel> IncidentSettings::defaultSeverities()
{
    // Seed 004's P0-P3 playbook: time to acknowledge / time to resolve.
    auto level = [](const char *id, const char *en, const char *ko, Milliseconds ack, Milliseconds resolve) {
        SeverityLevel s;
        s.id = QString::fromLatin1(id);
        s.title = { QString::fromUtf8(en), QString::fromUtf8(ko) };
        s.ack = ack;
        s.resolve = resolve;
        return s;
    };
    return {
        level("P0", "Critical: service down", "P0 치명: 서비스 중단", 5min, 1h),
        level("P1", "High: major feature broken", "P1 높음: 주요 기능 장애", 15min, 4h),
        level("P2", "Medium: degraded", "P2 보통: 성능 저하", 1h, 24h),
        level("P3", "Low: minor issue", "P3 낮음: 경미한 문제", 4h, 72h),
    };
}

QStringList Workspace::declaredSecretNames() const
{
    QStringList out;
    for (const DeclaredSecret &secret : secrets) {
        out.append(secret.name);
    }
    return out;
}

const Endpoint *Workspace::endpoint(const QString &name) const
{
    auto it = std::find_if(endpoints.cbegin(), endpoints.cend(), [&](const Endpoint &e) { return e.name == name; });
    return it == endpoints.cend() ? nullptr : &*it;
}

QuorumRule Workspace::quorumRule(const Endpoint &endpoint) const
{
    if (endpoint.criticalWhen) {
        return *endpoint.criticalWhen;
    }
    if (const auto group = locations.groups.constFind(endpoint.group); group != locations.groups.constEnd()) {
        return *group;
    }
    return locations.criticalWhen.value_or(QuorumRule {});
}

const Kpi *Workspace::kpi(const QString &id) const
{
    auto it = std::find_if(kpis.cbegin(), kpis.cend(), [&](const Kpi &k) { return k.id == id; });
    return it == kpis.cend() ? nullptr : &*it;
}

QStringList NotifyProvider::kinds()
{
    return { u"slack"_s, u"mattermost"_s, u"discord"_s, u"teams"_s, u"webhook"_s, u"pagerduty"_s, u"ntfy"_s,
        u"email"_s };
}

QStringList NotifyRoute::eventNames()
{
    return { u"endpoint"_s, u"kpi"_s, u"incident-opened"_s, u"incident-resolved"_s, u"checklist-overdue"_s,
        u"runbook-finished"_s, u"runbook-failed"_s };
}

const NotifyProvider *NotificationSettings::provider(const QString &id) const
{
    auto it = std::find_if(providers.cbegin(), providers.cend(), [&](const NotifyProvider &p) { return p.id == id; });
    return it == providers.cend() ? nullptr : &*it;
}

const NotifyRoute *NotificationSettings::route(const QString &id) const
{
    auto it = std::find_if(routes.cbegin(), routes.cend(), [&](const NotifyRoute &r) { return r.id == id; });
    return it == routes.cend() ? nullptr : &*it;
}

const EscalationPolicy *NotificationSettings::escalationPolicy(const QString &id) const
{
    auto it = std::find_if(
        escalationPolicies.cbegin(), escalationPolicies.cend(), [&](const EscalationPolicy &p) { return p.id == id; });
    return it == escalationPolicies.cend() ? nullptr : &*it;
}

QStringList NotificationSettings::providersOf(const QString &target) const
{
    if (provider(target)) {
        return { target };
    }
    const NotifyRoute *r = route(target);
    return r ? r->targets : QStringList();
}
