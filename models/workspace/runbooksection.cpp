// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// runbooks[]: ordered steps, each of exactly one kind.
#include "workspace/sections.h"
#include "workspace/yamlreader.h"

using namespace Qt::StringLiterals;

namespace {

using Kind = RunbookStep::Kind;

const char *const KindKeys[] = { "check", "http", "wait-until-healthy", "manual", "command" };

void readEndpointRef(YamlReader &r, const YamlValue &v, QString &out)
{
    if (const auto name = r.string(v, YamlReader::Required)) {
        out = *name;
        r.reference(PendingReference::Target::Endpoint, v, out);
        r.references.last().overHttp = true; // the runner's check and wait steps send their own HTTP request
    }
}

void readHttp(YamlReader &r, const YamlValue &v, RunbookStep &s)
{
    if (!r.expectMap(v, { "method", "url", "headers", "body", "conditions" })) {
        return;
    }
    s.method = u"GET"_s;
    if (const YamlValue method = r.get(v, "method")) {
        s.method = r.httpMethod(method).value_or(s.method);
    }
    if (r.readTemplate(v, "url", s.url, YamlReader::Required)) {
        r.checkHttpUrl(r.get(v, "url"), s.url);
    }
    r.readHeaders(v, "headers", s.headers);
    r.readTemplate(v, "body", s.body);
    r.readStringList(v, "conditions", s.conditions);
}

void readKindBody(YamlReader &r, const YamlValue &v, const YamlValue &body, RunbookStep &s)
{
    switch (s.kind) {
    case Kind::Check:
        readEndpointRef(r, body, s.endpoint);
        s.expectState = u"ok"_s;
        r.readChoice(v, "expect", s.expectState, { u"ok"_s, u"warning"_s, u"critical"_s });
        break;
    case Kind::Http:
        readHttp(r, body, s);
        r.readDuration(v, "timeout", s.timeout, true);
        break;
    case Kind::WaitUntilHealthy:
        readEndpointRef(r, body, s.endpoint);
        r.readDuration(v, "poll", s.poll, true);
        r.readDuration(v, "timeout", s.timeout, true);
        break;
    case Kind::Manual:
        s.instruction = r.text(body, YamlReader::Required).value_or(LocalizedText());
        break;
    case Kind::Command:
        if (const auto argv = r.stringList(body, true)) {
            s.argv = *argv;
            if (argv->isEmpty()) {
                r.error(body, QCoreApplication::translate("WorkspaceLoader", "expected a command like [kubectl, ...]"));
            }
        }
        r.readDuration(v, "timeout", s.timeout, true);
        break;
    }
}

// Keys that belong to a different kind than the step's are reported as unknown.
bool checkStepKeys(YamlReader &r, const YamlValue &v, std::optional<Kind> kind)
{
    if (!kind) {
        return r.expectMap(v,
            { "id", "title", "budget", "on-failure", "confirm", "check", "http", "wait-until-healthy", "manual",
                "command" });
    }
    switch (*kind) {
    case Kind::Check:
        return r.expectMap(v,
            { "id", "title", "budget", "on-failure", "confirm", "check", "http", "wait-until-healthy", "manual",
                "command", "expect" });
    case Kind::Http:
        return r.expectMap(v,
            { "id", "title", "budget", "on-failure", "confirm", "check", "http", "wait-until-healthy", "manual",
                "command", "timeout" });
    case Kind::WaitUntilHealthy:
        return r.expectMap(v,
            { "id", "title", "budget", "on-failure", "confirm", "check", "http", "wait-until-healthy", "manual",
                "command", "poll", "timeout" });
    case Kind::Manual:
        return r.expectMap(v,
            { "id", "title", "budget", "on-failure", "confirm", "check", "http", "wait-until-healthy", "manual",
                "command" });
    case Kind::Command:
        return r.expectMap(v,
            { "id", "title", "budget", "on-failure", "confirm", "check", "http", "wait-until-healthy", "manual",
                "command", "timeout" });
    }
    return false;
}

RunbookStep readStep(YamlReader &r, const YamlValue &v, int number, QHash<QString, int> &ids)
{
    RunbookStep s;
    s.pos = YamlReader::pos(v);
    s.id = u"step-%1"_s.arg(number);
    const QString duplicate
        = QCoreApplication::translate("WorkspaceLoader", "duplicate step id \"%1\" (first defined on line %2)");
    if (v.node.IsScalar()) { // a plain string is a manual step
        s.kind = Kind::Manual;
        s.instruction = r.text(v, YamlReader::Required).value_or(LocalizedText());
        r.checkUnique(ids, s.id, v, duplicate);
        return s;
    }
    std::optional<Kind> kind;
    for (int i = 0; i < 5; ++i) {
        if (r.has(v, KindKeys[i]) && !kind) {
            kind = static_cast<Kind>(i);
        }
    }
    if (!checkStepKeys(r, v, kind)) {
        return s;
    }
    if (const YamlValue id = r.get(v, "id")) {
        s.id = r.string(id, YamlReader::Required).value_or(s.id);
        r.checkUnique(ids, s.id, id, duplicate);
    } else {
        r.checkUnique(ids, s.id, v, duplicate);
    }
    r.readText(v, "title", s.title);
    r.readDuration(v, "budget", s.budget);
    QString onFailure;
    if (r.readChoice(v, "on-failure", onFailure, { u"stop"_s, u"continue"_s })) {
        s.onFailure = onFailure == u"continue" ? RunbookStep::OnFailure::Continue : RunbookStep::OnFailure::Stop;
    }
    bool confirm = false;
    if (r.readBool(v, "confirm", confirm)) {
        s.confirm = confirm;
    }
    if (!kind) {
        r.error(v,
            QCoreApplication::translate("WorkspaceLoader",
                "missing step kind: expected one of check, http, wait-until-healthy, manual, command"));
        return s;
    }
    s.kind = *kind;
    for (int i = int(*kind) + 1; i < 5; ++i) {
        if (const YamlValue other = r.get(v, KindKeys[i])) {
            r.error(other,
                QCoreApplication::translate("WorkspaceLoader", "a step has one kind, got both \"%1\" and \"%2\"")
                    .arg(QLatin1String(KindKeys[int(*kind)]), QLatin1String(KindKeys[i])));
        }
    }
    readKindBody(r, v, r.get(v, KindKeys[int(*kind)]), s);
    return s;
}

Runbook readRunbook(YamlReader &r, const YamlValue &v, QHash<QString, int> &ids)
{
    Runbook b;
    b.pos = YamlReader::pos(v);
    if (!r.expectMap(v, { "id", "title", "description", "service", "environment", "steps" })) {
        return b;
    }
    r.readId(v, "id", b.id, ids,
        QCoreApplication::translate("WorkspaceLoader", "duplicate runbook id \"%1\" (first defined on line %2)"));
    r.readText(v, "title", b.title);
    if (b.title.isEmpty()) {
        b.title = { b.id, b.id };
    }
    r.readText(v, "description", b.description);
    r.readString(v, "service", b.service);
    r.readString(v, "environment", b.environment);
    if (const YamlValue steps = r.get(v, "steps", YamlReader::Required)) {
        const QList<YamlValue> list = r.listItems(steps);
        if (list.isEmpty() && (steps.isNull() || steps.node.IsSequence())) {
            r.error(steps, QCoreApplication::translate("WorkspaceLoader", "expected at least one step"));
        }
        QHash<QString, int> stepIds;
        for (qsizetype i = 0; i < list.size(); ++i) {
            b.steps.append(readStep(r, list.at(i), int(i) + 1, stepIds));
        }
    }
    return b;
}

} // namespace

namespace WorkspaceSections {

void readRunbooks(YamlReader &r, const YamlValue &value, QList<Runbook> &out)
{
    QHash<QString, int> ids;
    for (const YamlValue &item : r.listItems(value)) {
        out.append(readRunbook(r, item, ids));
    }
}

} // namespace WorkspaceSections
