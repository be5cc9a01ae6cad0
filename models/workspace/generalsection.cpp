// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The small sections: workspace, sources, incidents.
#include "workspace/sections.h"
#include "workspace/templatetext.h"
#include "workspace/yamlreader.h"

using namespace Qt::StringLiterals;

namespace {

void readServer(YamlReader &r, const YamlValue &v, MetricServer &out, bool scrapes)
{
    out.pos = YamlReader::pos(v);
    const bool isMap
        = scrapes ? r.expectMap(v, { "url", "headers", "scrape-interval" }) : r.expectMap(v, { "url", "headers" });
    if (!isMap) {
        return;
    }
    if (r.readTemplate(v, "url", out.url, YamlReader::Required)) {
        r.checkHttpUrl(r.get(v, "url"), out.url);
    }
    r.readHeaders(v, "headers", out.headers);
    if (scrapes) {
        r.readDuration(v, "scrape-interval", out.scrapeInterval, true);
    }
}

SeverityLevel readSeverity(YamlReader &r, const YamlValue &v, QHash<QString, int> &ids)
{
    SeverityLevel s;
    s.pos = YamlReader::pos(v);
    if (!r.expectMap(v, { "id", "title", "description", "ack", "resolve" })) {
        return s;
    }
    r.readId(v, "id", s.id, ids,
        QCoreApplication::translate("WorkspaceLoader", "duplicate severity id \"%1\" (first defined on line %2)"));
    r.readText(v, "title", s.title);
    if (s.title.isEmpty()) {
        s.title = { s.id, s.id };
    }
    r.readText(v, "description", s.description);
    r.readDuration(v, "ack", s.ack);
    r.readDuration(v, "resolve", s.resolve);
    return s;
}

void readStorageUrl(YamlReader &r, const YamlValue &v, QString &out)
{
    out = r.templateString(v).value_or(QString());
    if (!out.isEmpty() && !out.startsWith(QLatin1String("postgresql://"))
        && !out.startsWith(QLatin1String("postgres://")) && !out.startsWith(QLatin1String("${"))) {
        r.error(v,
            QCoreApplication::translate(
                "WorkspaceLoader", "expected a postgresql:// URL (or no storage key for local storage), got \"%1\"")
                .arg(out));
    }
}

void readRetention(YamlReader &r, const YamlValue &v, SampleRetention &out)
{
    if (!r.expectMap(v, { "raw", "minutes", "hours" })) {
        return;
    }
    r.readDuration(v, "raw", out.raw, true);
    r.readDuration(v, "minutes", out.minutes, true);
    r.readDuration(v, "hours", out.hours, true);
}

// A URL, or { url, retention }.
void readStorage(YamlReader &r, const YamlValue &v, WorkspaceInfo &out)
{
    if (!v.node.IsMap()) {
        readStorageUrl(r, v, out.storage);
        return;
    }
    if (!r.expectMap(v, { "url", "retention" })) {
        return;
    }
    if (const YamlValue url = r.get(v, "url")) {
        readStorageUrl(r, url, out.storage);
    }
    if (const YamlValue retention = r.get(v, "retention")) {
        readRetention(r, retention, out.retention);
    }
}

} // namespace

namespace WorkspaceSections {

void readInfo(YamlReader &r, const YamlValue &v, WorkspaceInfo &out)
{
    out.pos = YamlReader::pos(v);
    if (!r.expectMap(v, { "id", "title", "description", "environment", "storage" })) {
        return;
    }
    r.readString(v, "id", out.id);
    r.readText(v, "title", out.title);
    r.readText(v, "description", out.description);
    if (const YamlValue environment = r.get(v, "environment")) {
        out.environment = r.string(environment, YamlReader::Required).value_or(out.environment);
    }
    if (const YamlValue storage = r.get(v, "storage")) {
        readStorage(r, storage, out);
    }
}

void readSources(YamlReader &r, const YamlValue &v, Sources &out)
{
    if (!r.expectMap(v, { "prometheus", "alertmanager" })) {
        return;
    }
    if (const YamlValue prometheus = r.get(v, "prometheus")) {
        readServer(r, prometheus, out.prometheus, true);
    }
    if (const YamlValue alertmanager = r.get(v, "alertmanager")) {
        readServer(r, alertmanager, out.alertmanager, false);
    }
}

void readIncidents(YamlReader &r, const YamlValue &v, IncidentSettings &out)
{
    if (!r.expectMap(v, { "severities", "categories", "auto", "war-room-acknowledge" })) {
        return;
    }
    if (const YamlValue severities = r.get(v, "severities"); severities && !severities.isNull()) {
        const QList<YamlValue> list = r.listItems(severities);
        if (list.isEmpty() && severities.node.IsSequence()) {
            r.error(severities,
                QCoreApplication::translate(
                    "WorkspaceLoader", "expected at least one severity (leave the key out for the default P0-P3)"));
        }
        QHash<QString, int> ids;
        for (const YamlValue &item : list) {
            out.severities.append(readSeverity(r, item, ids));
        }
    } else {
        out.severities = IncidentSettings::defaultSeverities();
    }
    r.readStringList(v, "categories", out.categories);
    r.readBool(v, "war-room-acknowledge", out.warRoomAcknowledge);
}

void readSecrets(YamlReader &r, const YamlValue &v, QList<DeclaredSecret> &out)
{
    QHash<QString, int> names;
    for (const YamlValue &item : r.listItems(v)) {
        DeclaredSecret secret;
        secret.pos = YamlReader::pos(item);
        if (!r.expectMap(item, { "name", "description" })) {
            continue;
        }
        if (!r.readId(item, "name", secret.name, names,
                QCoreApplication::translate("WorkspaceLoader", "secret \"%1\" is declared twice (first on line %2)"))) {
            continue;
        }
        if (TemplateText::names(QString(u"${"_s + secret.name + u'}')) != QStringList { secret.name }) {
            r.error(r.get(item, "name"),
                QCoreApplication::translate(
                    "WorkspaceLoader", "\"%1\" is not a secret name: letters, digits and _, not starting with a digit")
                    .arg(secret.name));
            continue;
        }
        r.readText(item, "description", secret.description, YamlReader::Required);
        const YamlValue name = r.get(item, "name");
        r.secretDeclarations.append({ PendingReference::Target::Secret, secret.name, name.mark, name.path });
        out.append(secret);
    }
}

} // namespace WorkspaceSections
