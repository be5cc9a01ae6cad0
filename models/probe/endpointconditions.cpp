// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/endpointconditions.h"

#include "probe/endpointkind.h"

#include <QJsonObject>

namespace {

// Seed 003's /health shape: { services: { name: { status, responseTime } } }.
QList<HealthComponent> componentsOf(ConditionContext &context)
{
    QList<HealthComponent> out;
    const QByteArray trimmed = context.input().body.left(64).trimmed();
    if (!trimmed.startsWith('{')) {
        return out;
    }
    QString error;
    const QJsonValue *json = context.json(&error);
    if (!json) {
        return out;
    }
    const QJsonObject services = json->toObject().value(QLatin1String("services")).toObject();
    for (auto it = services.begin(); it != services.end(); ++it) {
        const QJsonObject service = it.value().toObject();
        const QJsonValue status = service.value(QLatin1String("status"));
        if (!status.isString()) {
            continue;
        }
        HealthComponent component;
        component.name = it.key();
        component.status = status.toString();
        const QJsonValue time = service.value(QLatin1String("responseTime"));
        if (time.isDouble()) {
            component.responseTimeMs = time.toDouble();
        }
        out.append(component);
    }
    return out;
}

} // namespace

EndpointConditions::EndpointConditions(const Endpoint &endpoint)
{
    const auto add = [this](const QStringList &texts, bool warning) {
        for (const QString &text : texts) {
            Entry entry;
            entry.text = text;
            entry.warning = warning;
            entry.condition = Condition::parse(text, &entry.parseError);
            m_entries.append(entry);
        }
    };
    const QString fallback = EndpointKinds::defaultCondition(EndpointKinds::of(endpoint.url));
    add(endpoint.conditions.isEmpty() && !fallback.isEmpty() ? QStringList { fallback } : endpoint.conditions, false);
    add(endpoint.warnConditions, true);
}

EndpointState EndpointConditions::stateOf(const QList<ConditionResult> &conditions)
{
    bool failed = false;
    bool warned = false;
    bool errored = false;
    for (const ConditionResult &c : conditions) {
        switch (c.verdict) {
        case ConditionResult::Verdict::Pass:
            break;
        case ConditionResult::Verdict::Fail:
            (c.warning ? warned : failed) = true;
            break;
        case ConditionResult::Verdict::Error:
            errored = true;
            break;
        }
    }
    if (failed) {
        return EndpointState::Critical;
    }
    if (errored) {
        return EndpointState::Unknown;
    }
    return warned ? EndpointState::Warning : EndpointState::Ok;
}

void EndpointConditions::evaluate(ProbeResult &result, Outcome outcome, const QDateTime &now) const
{
    result.conditions.clear();
    result.components.clear();
    if (outcome == Outcome::NotSent) {
        result.rawState = EndpointState::Unknown;
        return;
    }
    ConditionContext context(ConditionInput::fromResult(result, now));
    for (const Entry &entry : m_entries) {
        if (entry.condition) {
            ConditionResult r = entry.condition->evaluate(context);
            r.warning = entry.warning;
            result.conditions.append(r);
        } else {
            ConditionResult r;
            r.condition = entry.text;
            r.verdict = ConditionResult::Verdict::Error;
            r.error = tr("invalid condition: %1").arg(entry.parseError);
            r.warning = entry.warning;
            result.conditions.append(r);
        }
    }
    if (outcome == Outcome::Response) {
        result.components = componentsOf(context);
    }
    result.rawState = outcome == Outcome::TransportError ? EndpointState::Critical : stateOf(result.conditions);
}
