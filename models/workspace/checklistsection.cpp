// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// checklists[]: schedule and items, whose verify/runbook keys name other sections.
#include "workspace/scheduleparser.h"
#include "workspace/sections.h"
#include "workspace/yamlreader.h"

using namespace Qt::StringLiterals;

namespace {

void readVerify(YamlReader &r, const YamlValue &v, ChecklistVerify &out)
{
    if (!r.expectMap(v, { "endpoint", "kpi", "state" })) {
        return;
    }
    const YamlValue endpoint = r.get(v, "endpoint");
    const YamlValue kpi = r.get(v, "kpi");
    if (endpoint && kpi) {
        r.error(kpi, QCoreApplication::translate("WorkspaceLoader", "verify names an endpoint or a KPI, not both"));
        return;
    }
    if (!endpoint && !kpi) {
        r.error(v, QCoreApplication::translate("WorkspaceLoader", "expected an \"endpoint\" or a \"kpi\" key"));
        return;
    }
    if (endpoint) {
        if (const auto name = r.string(endpoint, YamlReader::Required)) {
            out.endpoint = *name;
            r.reference(PendingReference::Target::Endpoint, endpoint, *name);
        }
        r.readChoice(v, "state", out.state, { u"ok"_s, u"warning"_s, u"critical"_s });
    } else {
        if (const auto id = r.string(kpi, YamlReader::Required)) {
            out.kpi = *id;
            r.reference(PendingReference::Target::Kpi, kpi, *id);
        }
        r.readChoice(v, "state", out.state, { u"normal"_s, u"warning"_s, u"critical"_s });
    }
}

ChecklistItem readItem(YamlReader &r, const YamlValue &v, int number, QHash<QString, int> &ids)
{
    ChecklistItem item;
    item.pos = YamlReader::pos(v);
    item.id = u"item-%1"_s.arg(number);
    const QString duplicate
        = QCoreApplication::translate("WorkspaceLoader", "duplicate item id \"%1\" (first defined on line %2)");
    if (v.node.IsScalar()) {
        item.text = r.text(v, YamlReader::Required).value_or(LocalizedText());
        r.checkUnique(ids, item.id, v, duplicate);
        return item;
    }
    if (!r.expectMap(v, { "id", "text", "verify", "runbook", "due" })) {
        return item;
    }
    if (const YamlValue id = r.get(v, "id")) {
        item.id = r.string(id, YamlReader::Required).value_or(item.id);
        r.checkUnique(ids, item.id, id, duplicate);
    } else {
        r.checkUnique(ids, item.id, v, duplicate);
    }
    r.readText(v, "text", item.text, YamlReader::Required);
    if (const YamlValue verify = r.get(v, "verify")) {
        readVerify(r, verify, item.verify);
    }
    if (const YamlValue runbook = r.get(v, "runbook")) {
        if (const auto id = r.string(runbook, YamlReader::Required)) {
            item.runbook = *id;
            r.reference(PendingReference::Target::Runbook, runbook, *id);
        }
    }
    if (const YamlValue due = r.get(v, "due")) {
        item.due = r.time(due);
    }
    return item;
}

Checklist readChecklist(YamlReader &r, const YamlValue &v, QHash<QString, int> &ids)
{
    Checklist c;
    c.pos = YamlReader::pos(v);
    if (!r.expectMap(v, { "id", "title", "schedule", "role", "items" })) {
        return c;
    }
    r.readId(v, "id", c.id, ids,
        QCoreApplication::translate("WorkspaceLoader", "duplicate checklist id \"%1\" (first defined on line %2)"));
    r.readText(v, "title", c.title);
    if (c.title.isEmpty()) {
        c.title = { c.id, c.id };
    }
    if (const YamlValue schedule = r.get(v, "schedule", YamlReader::Required)) {
        if (const auto text = r.string(schedule, YamlReader::Required)) {
            QString problem;
            if (auto parsed = ScheduleParser::parse(*text, &problem)) {
                c.schedule = *parsed;
            } else {
                r.error(schedule, problem);
            }
        }
    }
    r.readString(v, "role", c.role);
    if (const YamlValue items = r.get(v, "items", YamlReader::Required)) {
        const QList<YamlValue> list = r.listItems(items);
        if (list.isEmpty() && (items.isNull() || items.node.IsSequence())) {
            r.error(items, QCoreApplication::translate("WorkspaceLoader", "expected at least one item"));
        }
        QHash<QString, int> itemIds;
        for (qsizetype i = 0; i < list.size(); ++i) {
            c.items.append(readItem(r, list.at(i), int(i) + 1, itemIds));
        }
    }
    return c;
}

} // namespace

namespace WorkspaceSections {

void readChecklists(YamlReader &r, const YamlValue &value, QList<Checklist> &out)
{
    QHash<QString, int> ids;
    for (const YamlValue &item : r.listItems(value)) {
        out.append(readChecklist(r, item, ids));
    }
}

} // namespace WorkspaceSections
