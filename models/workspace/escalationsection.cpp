// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// notifications.escalation-policies and incidents.auto: read once every other section is known, since they name
// providers, routes, severities, endpoints, groups, KPIs and each other.
#include "workspace/sections.h"
#include "workspace/yamlreader.h"

#include <QSet>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkspaceLoader", text);
}

QStringList severityIds(const QList<SeverityLevel> &levels)
{
    QStringList ids;
    for (const SeverityLevel &l : levels) {
        ids.append(l.id);
    }
    return ids;
}

// A list of severity ids, each checked against the workspace's levels.
QStringList readSeverities(YamlReader &r, const YamlValue &map, const char *key, const QList<SeverityLevel> &levels)
{
    QStringList out;
    const YamlValue v = r.get(map, key);
    if (!v) {
        return out;
    }
    const QStringList known = severityIds(levels);
    const QList<YamlValue> items = v.node.IsScalar() ? QList<YamlValue> { v } : r.listItems(v);
    for (const YamlValue &item : items) {
        if (const auto id = r.string(item, YamlReader::Required)) {
            if (!known.contains(*id)) {
                r.error(item, tr("unknown severity \"%1\" (the workspace defines %2)").arg(*id, known.join(u", "_s)));
            }
            out.append(*id);
        }
    }
    return out;
}

EscalationLevel readLevel(YamlReader &r, const YamlValue &v, const NotificationSettings &settings,
    const QList<SeverityLevel> &severities, Milliseconds previous)
{
    EscalationLevel level;
    level.pos = YamlReader::pos(v);
    if (!r.expectMap(v, { "after", "to", "severities" })) {
        return level;
    }
    if (const YamlValue after = r.get(v, "after", YamlReader::Required)) {
        level.after = r.duration(after).value_or(Milliseconds(0));
        if (level.after < previous) {
            r.error(after, tr("levels must come in order: this one is earlier than the level before it"));
        }
    }
    if (const YamlValue to = r.get(v, "to", YamlReader::Required)) {
        const QList<YamlValue> items = to.node.IsScalar() ? QList<YamlValue> { to } : r.listItems(to);
        for (const YamlValue &item : items) {
            if (const auto id = r.string(item, YamlReader::Required)) {
                if (!settings.provider(*id) && !settings.route(*id)) {
                    r.error(item, tr("unknown provider or route \"%1\"").arg(*id));
                }
                level.targets.append(*id);
            }
        }
        if (level.targets.isEmpty()) {
            r.error(to, tr("the level notifies nobody: give provider or route ids with to: [...]"));
        }
    }
    level.severities = readSeverities(r, v, "severities", severities);
    return level;
}

EscalationPolicy readPolicy(YamlReader &r, const YamlValue &v, QHash<QString, int> &ids,
    const NotificationSettings &settings, const QList<SeverityLevel> &severities)
{
    EscalationPolicy policy;
    policy.pos = YamlReader::pos(v);
    if (!r.expectMap(v, { "id", "severities", "levels", "repeat" })) {
        return policy;
    }
    r.readId(v, "id", policy.id, ids, tr("duplicate escalation policy id \"%1\" (first defined on line %2)"));
    policy.severities = readSeverities(r, v, "severities", severities);
    const YamlValue levels = r.get(v, "levels");
    Milliseconds previous { 0 };
    for (const YamlValue &item : r.listItems(levels)) {
        policy.levels.append(readLevel(r, item, settings, severities, previous));
        previous = std::max(previous, policy.levels.constLast().after);
    }
    if (policy.levels.isEmpty()) {
        r.error(levels ? levels : v, tr("the escalation policy has no levels: give at least one with levels: [...]"));
    }
    if (const YamlValue repeat = r.get(v, "repeat"); repeat && r.expectMap(repeat, { "every", "times" })) {
        r.readDuration(repeat, "every", policy.repeatEvery, true);
        policy.repeatTimes = 3;
        r.readInt(repeat, "times", policy.repeatTimes, 1, 100);
        if (!r.has(repeat, "every")) {
            r.error(repeat, tr("repeat needs every: a duration such as 15m"));
        }
    }
    return policy;
}

AutoIncidentRule readRule(YamlReader &r, const YamlValue &v, QHash<QString, int> &ids, const Workspace &w)
{
    AutoIncidentRule rule;
    rule.pos = YamlReader::pos(v);
    if (!r.expectMap(v, { "id", "when", "for", "severity", "title", "services", "escalation" })) {
        return rule;
    }
    r.readId(v, "id", rule.id, ids, tr("duplicate automatic incident rule id \"%1\" (first defined on line %2)"));
    if (const YamlValue when = r.get(v, "when", YamlReader::Required);
        when && r.expectMap(when, { "endpoint", "group", "kpi" })) {
        int given = 0;
        if (r.readString(when, "endpoint", rule.name)) {
            ++given;
            rule.subject = AutoIncidentRule::Subject::Endpoint;
            r.reference(PendingReference::Target::Endpoint, r.get(when, "endpoint"), rule.name);
        }
        if (r.readString(when, "group", rule.name)) {
            ++given;
            rule.subject = AutoIncidentRule::Subject::Group;
            const bool known = std::any_of(
                w.endpoints.cbegin(), w.endpoints.cend(), [&](const Endpoint &e) { return e.group == rule.name; });
            if (!known) {
                r.error(r.get(when, "group"), tr("no endpoint is in the group \"%1\"").arg(rule.name));
            }
        }
        if (r.readString(when, "kpi", rule.name)) {
            ++given;
            rule.subject = AutoIncidentRule::Subject::Kpi;
            r.reference(PendingReference::Target::Kpi, r.get(when, "kpi"), rule.name);
        }
        if (given != 1) {
            r.error(when, tr("when: needs exactly one of endpoint, group or kpi"));
        }
    }
    r.readDuration(v, "for", rule.forDuration);
    const QStringList known = severityIds(w.incidents.severities);
    rule.severity = known.isEmpty() ? QString() : known.constFirst();
    if (const YamlValue severity = r.get(v, "severity")) {
        if (const auto id = r.string(severity, YamlReader::Required)) {
            if (!known.contains(*id)) {
                r.error(
                    severity, tr("unknown severity \"%1\" (the workspace defines %2)").arg(*id, known.join(u", "_s)));
            }
            rule.severity = *id;
        }
    }
    rule.title = u"{subject} is CRITICAL"_s;
    r.readString(v, "title", rule.title);
    r.readStringList(v, "services", rule.services);
    if (const YamlValue escalation = r.get(v, "escalation")) {
        if (const auto id = r.string(escalation, YamlReader::Required)) {
            if (!w.notifications.escalationPolicy(*id)) {
                r.error(escalation, tr("unknown escalation policy \"%1\"").arg(*id));
            }
            rule.escalation = *id;
        }
    }
    return rule;
}

} // namespace

namespace WorkspaceSections {

void readEscalationPolicies(
    YamlReader &r, const YamlValue &v, NotificationSettings &out, const QList<SeverityLevel> &severities)
{
    QHash<QString, int> ids;
    for (const YamlValue &item : r.listItems(v)) {
        out.escalationPolicies.append(readPolicy(r, item, ids, out, severities));
    }
}

void readAutoIncidents(YamlReader &r, const YamlValue &v, Workspace &w)
{
    QHash<QString, int> ids;
    for (const YamlValue &item : r.listItems(v)) {
        w.incidents.autoRules.append(readRule(r, item, ids, w));
    }
}

} // namespace WorkspaceSections
