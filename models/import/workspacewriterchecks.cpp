// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The health-check importers' workspaces: endpoints, maintenance, notifications.
#include "import/workspacewriter.h"

using namespace Qt::StringLiterals;

namespace {

QString q(const QString &text)
{
    return WorkspaceWriter::quoted(text);
}

QString oneLine(const QString &text)
{
    return QString(text).replace(u'\n', u' ').replace(u'\r', u' ');
}

QString flowList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &i : items) {
        quoted << q(i);
    }
    return u"["_s + quoted.join(u", "_s) + u']';
}

QString flowMap(const QList<QPair<QString, QString>> &pairs)
{
    QStringList parts;
    for (const auto &[k, v] : pairs) {
        parts << q(k) + u": "_s + q(v);
    }
    return u"{ "_s + parts.join(u", "_s) + u" }"_s;
}

void writeEndpoint(QString &out, const ImportedEndpoint &e)
{
    out += u"  - name: %1\n"_s.arg(q(e.name));
    out += u"    # from %1\n"_s.arg(oneLine(e.origin));
    if (!e.title.isEmpty()) {
        out += u"    title: %1\n"_s.arg(q(e.title));
    }
    if (!e.group.isEmpty()) {
        out += u"    group: %1\n"_s.arg(q(e.group));
    }
    out += u"    url: %1\n"_s.arg(q(e.url));
    if (!e.dnsQueryName.isEmpty()) {
        out += u"    dns: { query-name: %1, query-type: %2 }\n"_s.arg(q(e.dnsQueryName), e.dnsQueryType);
    }
    if (!e.method.isEmpty()) {
        out += u"    method: %1\n"_s.arg(e.method);
    }
    if (!e.headers.isEmpty()) {
        out += u"    headers: %1\n"_s.arg(flowMap(e.headers));
    }
    if (!e.body.isEmpty()) {
        out += u"    body: %1\n"_s.arg(q(e.body));
    }
    if (!e.interval.isEmpty()) {
        out += u"    interval: %1\n"_s.arg(e.interval);
    }
    if (!e.timeout.isEmpty()) {
        out += u"    timeout: %1\n"_s.arg(e.timeout);
    }
    if (!e.conditions.isEmpty()) {
        out += u"    conditions:\n"_s;
        for (const QString &c : e.conditions) {
            out += u"      - %1\n"_s.arg(q(c));
        }
    }
    if (!e.warnConditions.isEmpty()) {
        out += u"    warn-conditions:\n"_s;
        for (const QString &c : e.warnConditions) {
            out += u"      - %1\n"_s.arg(q(c));
        }
    }
    if (e.failureThreshold) {
        out += u"    failure-threshold: %1\n"_s.arg(*e.failureThreshold);
    }
    if (e.successThreshold) {
        out += u"    success-threshold: %1\n"_s.arg(*e.successThreshold);
    }
    if (e.maxRedirects) {
        out += u"    max-redirects: %1\n"_s.arg(*e.maxRedirects);
    }
    if (!e.caFile.isEmpty()) {
        out += u"    ca-file: %1\n"_s.arg(q(e.caFile));
    }
    if (!e.enabled) {
        out += u"    enabled: false\n"_s;
    }
}

} // namespace

WorkspaceWriter::CheckSections WorkspaceWriter::checkSections(const ImportResult &result)
{
    CheckSections out;
    for (const ImportedSecret &s : result.secrets) {
        out.secrets += u"  - name: %1\n    description: { en: %2, ko: %2 }\n"_s.arg(s.name, q(s.description));
    }
    for (const ImportedEndpoint &e : result.endpoints) {
        writeEndpoint(out.endpoints, e);
    }
    for (const ImportedWindow &w : result.maintenance) {
        out.maintenance += u"  - name: %1\n    # from %2\n    start: %3\n    duration: %4\n"_s.arg(
            q(w.name), oneLine(w.origin), q(w.start), w.duration);
        if (!w.every.isEmpty()) {
            out.maintenance += u"    every: %1\n"_s.arg(flowList(w.every));
        }
        if (!w.endpoints.isEmpty()) {
            out.maintenance += u"    endpoints: %1\n"_s.arg(flowList(w.endpoints));
        }
    }
    for (const ImportedProvider &p : result.providers) {
        out.providers += u"    - id: %1\n      # from %2\n      kind: %3\n"_s.arg(q(p.id), oneLine(p.origin), p.kind);
        if (!p.url.isEmpty()) {
            out.providers += u"      url: %1\n"_s.arg(q(p.url));
        }
        if (!p.key.isEmpty()) {
            out.providers += u"      key: %1\n"_s.arg(q(p.key));
        }
        if (!p.headers.isEmpty()) {
            out.providers += u"      headers: %1\n"_s.arg(flowMap(p.headers));
        }
        if (!p.options.isEmpty()) {
            out.providers += u"      options: %1\n"_s.arg(flowMap(p.options));
        }
    }
    for (const ImportedRoute &r : result.routes) {
        if (!r.comment.isEmpty()) {
            out.routes += u"    # %1\n"_s.arg(oneLine(r.comment));
        }
        out.routes += u"    - id: %1\n      # from %2\n      events: [endpoint]\n      min-severity: critical\n"_s.arg(
            q(r.id), oneLine(r.origin));
        if (!r.groups.isEmpty()) {
            out.routes += u"      groups: %1\n"_s.arg(flowList(r.groups));
        }
        out.routes += u"      to: %1\n      resolved: %2\n"_s.arg(flowList(r.to), r.resolved ? u"true"_s : u"false"_s);
    }
    return out;
}

QString WorkspaceWriter::writeChecks(const ImportResult &result, const QStringList &sources)
{
    const CheckSections sections = checkSections(result);
    QString out;
    out += u"# Generated by opsdeck import from: %1\n"_s.arg(oneLine(sources.join(u", "_s)));
    if (!result.secrets.isEmpty()) {
        QStringList names;
        for (const ImportedSecret &s : result.secrets) {
            names << s.name;
        }
        out += u"# Set %1 in the environment (or with opsdeck secret set NAME) before opening it.\n"_s.arg(
            names.join(u", "_s));
    }
    const QString title = result.title.isEmpty() ? u"Imported"_s : result.title;
    out += u"workspace:\n  title: { en: %1, ko: %1 }\n"_s.arg(q(title));
    if (!sections.secrets.isEmpty()) {
        out += u"\nsecrets:\n"_s + sections.secrets;
    }
    if (!sections.endpoints.isEmpty()) {
        out += u"\nendpoints:\n"_s + sections.endpoints;
    }
    if (!sections.maintenance.isEmpty()) {
        out += u"\nmaintenance:\n"_s + sections.maintenance;
    }
    if (!sections.providers.isEmpty()) {
        out += u"\nnotifications:\n  providers:\n"_s + sections.providers;
        if (!sections.routes.isEmpty()) {
            out += u"  routes:\n"_s + sections.routes;
        }
    }
    return out;
}
