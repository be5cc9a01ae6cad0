// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// endpoints[].depends-on, groups[] and the checks of the dependencies between them: unknown names, an endpoint or
// group that depends on itself, cycles.
#include "probe/dependencygraph.h"
#include "workspace/sections.h"
#include "workspace/yamlreader.h"

#include <QSet>

namespace {

YAML::Mark markAt(const SourcePos &pos)
{
    YAML::Mark mark = YAML::Mark::null_mark();
    if (pos.line > 0) {
        mark.line = pos.line - 1;
        mark.column = pos.column - 1;
    }
    return mark;
}

} // namespace

namespace WorkspaceSections {

void readDependsOn(YamlReader &r, const YamlValue &map, QList<DependencyTarget> &out)
{
    const YamlValue value = r.get(map, "depends-on");
    if (!value || value.isNull()) {
        return;
    }
    // `depends-on: database` is a list of one.
    const QList<YamlValue> items = value.node.IsScalar() ? QList<YamlValue> { value } : r.listItems(value);
    for (const YamlValue &item : items) {
        DependencyTarget target;
        target.pos = YamlReader::pos(item);
        if (item.node.IsMap()) {
            if (!r.expectMap(item, { "endpoint", "group" })) {
                continue;
            }
            const bool endpoint = r.has(item, "endpoint");
            if (endpoint == r.has(item, "group")) {
                r.error(item,
                    QCoreApplication::translate("WorkspaceLoader", "expected exactly one of endpoint: or group:"));
                continue;
            }
            target.kind = endpoint ? DependencyTarget::Kind::Endpoint : DependencyTarget::Kind::Group;
            r.readString(item, endpoint ? "endpoint" : "group", target.name, YamlReader::Required);
        } else if (const auto name = r.string(item, YamlReader::Required)) {
            target.name = *name;
        }
        if (!target.name.isEmpty()) {
            out.append(target);
        }
    }
}

void readGroups(YamlReader &r, const YamlValue &value, QList<EndpointGroup> &out)
{
    QHash<QString, int> names;
    for (const YamlValue &item : r.listItems(value)) {
        EndpointGroup group;
        group.pos = YamlReader::pos(item);
        if (!r.expectMap(item, { "name", "depends-on" })) {
            continue;
        }
        r.readId(item, "name", group.name, names,
            QCoreApplication::translate("WorkspaceLoader", "duplicate group \"%1\" (first defined on line %2)"));
        readDependsOn(r, item, group.dependsOn);
        out.append(group);
    }
}

void checkDependencies(YamlReader &r, const Workspace &w)
{
    QHash<QString, QString> groupOf;
    QSet<QString> groups;
    for (const Endpoint &e : w.endpoints) {
        groupOf.insert(e.name, e.group);
        if (!e.group.isEmpty()) {
            groups.insert(e.group);
        }
    }
    // The group a target names, or empty when it names an endpoint; nullopt when it names nothing.
    const auto groupNamed = [&](const DependencyTarget &t) -> std::optional<QString> {
        if (t.kind != DependencyTarget::Kind::Group && groupOf.contains(t.name)) {
            return QString();
        }
        if (t.kind != DependencyTarget::Kind::Endpoint && groups.contains(t.name)) {
            return t.name;
        }
        return std::nullopt;
    };
    const auto check = [&](const QList<DependencyTarget> &targets, const QString &path, const QString &self,
                           const QString &ownGroup, bool isGroup) {
        for (int j = 0; j < targets.size(); ++j) {
            const DependencyTarget &t = targets.at(j);
            const QString at = path + u".depends-on[%1]"_s.arg(j);
            const std::optional<QString> group = groupNamed(t);
            QString message;
            if (!group) {
                message = t.kind == DependencyTarget::Kind::Endpoint
                    ? QCoreApplication::translate("WorkspaceLoader", "unknown endpoint \"%1\"").arg(t.name)
                    : t.kind == DependencyTarget::Kind::Group
                    ? QCoreApplication::translate(
                        "WorkspaceLoader", "unknown group \"%1\": no endpoint has it as its group")
                          .arg(t.name)
                    : QCoreApplication::translate("WorkspaceLoader", "unknown endpoint or group \"%1\"").arg(t.name);
            } else if (!isGroup && group->isEmpty() && t.name == self) {
                message = QCoreApplication::translate("WorkspaceLoader", "\"%1\" depends on itself").arg(t.name);
            } else if (!isGroup && !group->isEmpty() && *group == ownGroup) {
                message = QCoreApplication::translate("WorkspaceLoader", "\"%1\" depends on its own group \"%2\"")
                              .arg(self, *group);
            } else if (isGroup && !group->isEmpty() && *group == self) {
                message = QCoreApplication::translate("WorkspaceLoader", "group \"%1\" depends on itself").arg(self);
            } else if (isGroup && group->isEmpty() && groupOf.value(t.name) == self) {
                message
                    = QCoreApplication::translate("WorkspaceLoader", "group \"%1\" depends on its own endpoint \"%2\"")
                          .arg(self, t.name);
            }
            if (!message.isEmpty()) {
                r.report(Diagnostic::Severity::Error, markAt(t.pos), at, message);
            }
        }
    };
    for (int i = 0; i < w.endpoints.size(); ++i) {
        const Endpoint &e = w.endpoints.at(i);
        check(e.dependsOn, u"endpoints[%1]"_s.arg(i), e.name, e.group, false);
    }
    for (int i = 0; i < w.groups.size(); ++i) {
        const EndpointGroup &g = w.groups.at(i);
        if (!groups.contains(g.name)) {
            r.report(Diagnostic::Severity::Error, markAt(g.pos), u"groups[%1].name"_s.arg(i),
                QCoreApplication::translate("WorkspaceLoader", "unknown group \"%1\": no endpoint has it as its group")
                    .arg(g.name));
        }
        check(g.dependsOn, u"groups[%1]"_s.arg(i), g.name, QString(), true);
    }
    DependencyGraph graph;
    graph.setWorkspace(w);
    if (const auto &cycle = graph.cycle()) {
        r.report(Diagnostic::Severity::Error, markAt(cycle->at.pos), cycle->at.path,
            QCoreApplication::translate("WorkspaceLoader", "dependency cycle: %1").arg(cycle->names.join(u" → "_s)));
    }
}

} // namespace WorkspaceSections
