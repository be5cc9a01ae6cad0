// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// critical-when: rules over probe locations, per endpoint and in the top-level locations: section.
#include "workspace/sections.h"
#include "workspace/yamlreader.h"

#include <QRegularExpression>
#include <QSet>

namespace WorkspaceSections {

std::optional<QuorumRule> readQuorumRule(YamlReader &r, const YamlValue &value)
{
    const auto text = r.string(value, YamlReader::Required);
    if (!text) {
        return std::nullopt;
    }
    QuorumRule rule;
    rule.pos = YamlReader::pos(value);
    const QString trimmed = text->trimmed();
    if (trimmed.compare(u"any"_s, Qt::CaseInsensitive) == 0) {
        return rule;
    }
    static const QRegularExpression form(
        u"^(\\d{1,3})\\s+of\\s+(\\d{1,3})(\\s+locations?)?$"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = form.match(trimmed);
    if (!m.hasMatch()) {
        r.error(value,
            QCoreApplication::translate("WorkspaceLoader",
                "critical-when \"%1\": expected \"any\" or \"N of M locations\" (e.g. 2 of 3 locations)")
                .arg(*text));
        return std::nullopt;
    }
    rule.atLeast = m.captured(1).toInt();
    rule.of = m.captured(2).toInt();
    if (rule.of < 1 || rule.atLeast < 1 || rule.atLeast > rule.of) {
        r.error(value,
            QCoreApplication::translate(
                "WorkspaceLoader", "critical-when \"%1\": N must be between 1 and M (the number of locations)")
                .arg(*text));
        return std::nullopt;
    }
    return rule;
}

void readLocations(YamlReader &r, const YamlValue &value, const QList<Endpoint> &endpoints, LocationSettings &out)
{
    if (!r.expectMap(value, { "critical-when", "groups" })) {
        return;
    }
    if (const YamlValue rule = r.get(value, "critical-when")) {
        out.criticalWhen = readQuorumRule(r, rule);
    }
    const YamlValue groups = r.get(value, "groups");
    if (!groups || groups.isNull()) {
        return;
    }
    if (!groups.node.IsMap()) {
        r.error(groups,
            QCoreApplication::translate(
                "WorkspaceLoader", "groups: expected a map of group names to rules (e.g. api: 2 of 3 locations)"));
        return;
    }
    if (!r.stringMap(groups)) {
        return; // reported, at the value that is not text
    }
    QSet<QString> known;
    for (const Endpoint &e : endpoints) {
        known.insert(e.group);
    }
    for (auto it = groups.node.begin(); it != groups.node.end(); ++it) {
        const QString name = QString::fromStdString(it->first.Scalar());
        const YamlValue item { it->second, it->second.IsNull() ? it->first.Mark() : it->second.Mark(),
            YamlReader::childPath(groups.path, name) };
        const auto rule = readQuorumRule(r, item);
        if (!rule) {
            continue;
        }
        if (!known.contains(name)) {
            r.warning(item,
                QCoreApplication::translate(
                    "WorkspaceLoader", "no endpoint is in group \"%1\": its rule applies to none")
                    .arg(name));
        }
        out.groups.insert(name, *rule);
    }
}

} // namespace WorkspaceSections
