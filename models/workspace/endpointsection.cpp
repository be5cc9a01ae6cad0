// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// endpoints[] (Gatus-compatible) and maintenance[].
#include "probe/condition.h"
#include "probe/endpointkind.h"
#include "workspace/bytesize.h"
#include "workspace/scheduleparser.h"
#include "workspace/sections.h"
#include "workspace/yamlreader.h"

using WorkspaceSections::readDependsOn;

namespace {

// Conditions are parsed again by the probe engine; checking them here reports a typo when the file is loaded.
void checkConditions(
    YamlReader &r, const YamlValue &map, const char *key, const QStringList &conditions, EndpointKind kind)
{
    const YamlValue list = r.get(map, key);
    if (!list || !list.node.IsSequence()) {
        return;
    }
    const QList<YamlValue> items = r.listItems(list);
    for (qsizetype i = 0; i < items.size() && i < conditions.size(); ++i) {
        QString problem;
        const auto condition = Condition::parse(conditions.at(i), &problem);
        if (!condition) {
            r.error(items.at(i),
                QCoreApplication::translate("WorkspaceLoader", "invalid condition \"%1\": %2")
                    .arg(conditions.at(i), problem));
            continue;
        }
        for (const Condition::Operand *o : { &condition->left(), &condition->right() }) {
            if (o->kind != Condition::Operand::Kind::Literal && o->kind != Condition::Operand::Kind::Pattern
                && o->kind != Condition::Operand::Kind::Any && !EndpointKinds::applies(kind, o->placeholder)) {
                r.error(items.at(i),
                    QCoreApplication::translate(
                        "WorkspaceLoader", "condition \"%1\": %2 does not apply to a %3 endpoint")
                        .arg(conditions.at(i), o->text, EndpointKinds::name(kind)));
            }
        }
    }
}

void readDns(YamlReader &r, const YamlValue &v, Endpoint &e)
{
    const YamlValue dns = r.get(v, "dns");
    if (!dns) {
        if (EndpointKinds::of(e.url) == EndpointKind::Dns) {
            r.error(r.get(v, "url"),
                QCoreApplication::translate(
                    "WorkspaceLoader", "a dns:// endpoint needs a dns: map with query-name and query-type"));
        }
        return;
    }
    if (EndpointKinds::of(e.url) != EndpointKind::Dns) {
        r.error(dns, QCoreApplication::translate("WorkspaceLoader", "dns: applies only to a dns:// url"));
        return;
    }
    if (!r.expectMap(dns, { "query-name", "query-type" })) {
        return;
    }
    r.readString(dns, "query-name", e.dnsQueryName, YamlReader::Required);
    if (const YamlValue type = r.get(dns, "query-type", YamlReader::Required)) {
        if (const auto s = r.string(type, YamlReader::Required)) {
            if (EndpointKinds::dnsQueryTypes().contains(s->toUpper())) {
                e.dnsQueryType = s->toUpper();
            } else {
                r.error(type,
                    QCoreApplication::translate("WorkspaceLoader", "unknown query-type \"%1\"; expected one of %2")
                        .arg(*s, EndpointKinds::dnsQueryTypes().join(u", "_s)));
            }
        }
    }
}

void checkUrl(YamlReader &r, const YamlValue &v, const Endpoint &e)
{
    const YamlValue at = r.get(v, "url");
    const qsizetype colon = e.url.indexOf(u"://"_s);
    if (e.url.startsWith(u"${"_s) || colon <= 0) {
        r.checkHttpUrl(at, e.url);
        return;
    }
    const QString scheme = e.url.first(colon);
    if (!EndpointKinds::isKnownScheme(scheme)) {
        r.error(at,
            QCoreApplication::translate("WorkspaceLoader",
                "unknown scheme \"%1\" in \"%2\"; expected http, https, tcp, tls, starttls, dns or icmp")
                .arg(scheme, e.url));
        return;
    }
    const QString problem = EndpointKinds::checkUrl(EndpointKinds::of(e.url), e.url);
    if (!problem.isEmpty()) {
        r.error(at, problem);
    }
}

Endpoint readEndpoint(YamlReader &r, const YamlValue &v, QHash<QString, int> &names)
{
    Endpoint e;
    e.pos = YamlReader::pos(v);
    if (!r.expectMap(v,
            { "name", "title", "group", "url", "method", "headers", "body", "interval", "timeout", "conditions",
                "warn-conditions", "failure-threshold", "success-threshold", "ca-file", "max-body", "max-redirects",
                "enabled", "dns", "depends-on", "critical-when" },
            { "alerts", "client", "ui", "ssh", "graphql", "extra-labels" })) {
        return e;
    }
    r.readId(v, "name", e.name, names,
        QCoreApplication::translate("WorkspaceLoader", "duplicate endpoint name \"%1\" (first defined on line %2)"));
    r.readText(v, "title", e.title);
    if (e.title.isEmpty()) {
        e.title = { e.name, e.name };
    }
    r.readString(v, "group", e.group);
    if (r.readTemplate(v, "url", e.url, YamlReader::Required)) {
        checkUrl(r, v, e);
    }
    if (const YamlValue method = r.get(v, "method")) {
        e.method = r.httpMethod(method).value_or(e.method);
    }
    r.readHeaders(v, "headers", e.headers);
    readDns(r, v, e);
    r.readTemplate(v, "body", e.body);
    r.readDuration(v, "interval", e.interval, true);
    r.readDuration(v, "timeout", e.timeout, true);
    r.readStringList(v, "conditions", e.conditions);
    r.readStringList(v, "warn-conditions", e.warnConditions);
    const EndpointKind kind = EndpointKinds::of(e.url);
    checkConditions(r, v, "conditions", e.conditions, kind);
    checkConditions(r, v, "warn-conditions", e.warnConditions, kind);
    r.readInt(v, "failure-threshold", e.failureThreshold, 1, 1000);
    r.readInt(v, "success-threshold", e.successThreshold, 1, 1000);
    r.readString(v, "ca-file", e.caFile);
    if (const YamlValue maxBody = r.get(v, "max-body")) {
        QString problem;
        const auto s = r.string(maxBody, YamlReader::Required);
        const auto bytes = s ? ByteSize::parse(*s, &problem) : std::nullopt;
        if (s && !bytes) {
            r.error(maxBody, problem);
        } else if (bytes) {
            e.maxBodyBytes = *bytes;
        }
    }
    r.readInt(v, "max-redirects", e.maxRedirects, 0, 5);
    r.readBool(v, "enabled", e.enabled);
    readDependsOn(r, v, e.dependsOn);
    if (const YamlValue rule = r.get(v, "critical-when")) {
        e.criticalWhen = WorkspaceSections::readQuorumRule(r, rule);
    }
    return e;
}

MaintenanceWindow readWindow(YamlReader &r, const YamlValue &v)
{
    MaintenanceWindow w;
    w.pos = YamlReader::pos(v);
    if (!r.expectMap(v, { "name", "start", "duration", "every", "endpoints", "groups" })) {
        return w;
    }
    r.readString(v, "name", w.name);
    if (const YamlValue start = r.get(v, "start", YamlReader::Required)) {
        w.start = r.time(start).value_or(QTime());
    }
    if (const YamlValue duration = r.get(v, "duration", YamlReader::Required)) {
        w.duration = r.duration(duration, true).value_or(Milliseconds { 0 });
    }
    if (const YamlValue every = r.get(v, "every")) {
        // `every: [mon, fri]` or `every: mon,fri`
        std::optional<QStringList> list;
        if (every.node.IsSequence()) {
            list = r.stringList(every);
        } else if (const auto s = r.string(every)) {
            list = s->split(u',', Qt::SkipEmptyParts);
        }
        if (list) {
            QString problem;
            const auto days = ScheduleParser::weekdays(list->join(u','), &problem);
            if (days) {
                w.weekdays = *days;
            } else if (!list->isEmpty()) {
                r.error(every, problem);
            }
        }
    }
    if (const YamlValue endpoints = r.get(v, "endpoints")) {
        if (const auto names = r.stringList(endpoints)) {
            w.endpoints = *names;
            const QList<YamlValue> items = r.listItems(endpoints);
            for (qsizetype i = 0; i < items.size() && i < names->size(); ++i) {
                r.reference(PendingReference::Target::Endpoint, items.at(i), names->at(i));
            }
        }
    }
    r.readStringList(v, "groups", w.groups);
    return w;
}

} // namespace

namespace WorkspaceSections {

void readEndpoints(YamlReader &r, const YamlValue &value, QList<Endpoint> &out)
{
    QHash<QString, int> names;
    for (const YamlValue &item : r.listItems(value)) {
        out.append(readEndpoint(r, item, names));
    }
}

void readMaintenance(YamlReader &r, const YamlValue &value, QList<MaintenanceWindow> &out)
{
    for (const YamlValue &item : r.listItems(value)) {
        out.append(readWindow(r, item));
    }
}

} // namespace WorkspaceSections
