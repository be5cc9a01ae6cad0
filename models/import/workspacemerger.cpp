// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/workspacemerger.h"

#include "import/workspacewriter.h"
#include "workspace/workspaceloader.h"

#include <QCoreApplication>
#include <QSet>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == u' ') {
        ++n;
    }
    return n;
}

// `items` (written with `base` spaces before their "- ") shifted to `indent`.
QString reindent(const QString &items, int base, int indent)
{
    QStringList lines = items.split(u'\n');
    for (QString &line : lines) {
        if (line.isEmpty()) {
            continue;
        }
        if (indent > base) {
            line.prepend(QString(indent - base, u' '));
        } else {
            line.remove(0, std::min(base - indent, indentOf(line)));
        }
    }
    return lines.join(u'\n');
}

class Splicer
{
public:
    Splicer(const QString &text, const QString &name)
        : m_lines(text.split(u'\n'))
        , m_name(name)
        , m_root(YAML::Load(text.toStdString()))
    { }

    // Adds `items` (indented by `base`) to the block list at root[key] (or root[key][child]); appends the section
    // when absent. `header` is what to append when absent.
    void add(const std::string &key, const std::string &child, const QString &items, int base, QString *error)
    {
        if (items.isEmpty() || !error->isEmpty()) {
            return;
        }
        YAML::Node parent = m_root[key];
        YAML::Node list = child.empty() ? parent : (parent.IsMap() ? parent[child] : YAML::Node());
        const QString path = QString::fromStdString(child.empty() ? key : key + '.' + child);
        if (!parent.IsDefined() || parent.IsNull()) {
            append(QString::fromStdString(key) + u":\n"_s
                + (child.empty() ? QString() : u"  "_s + QString::fromStdString(child) + u":\n"_s) + items);
            return;
        }
        if (!child.empty() && (!list.IsDefined() || list.IsNull())) {
            if (!parent.IsMap() || parent.Style() == YAML::EmitterStyle::Flow) {
                *error = QCoreApplication::translate(
                    "Importer", "%1: %2 is not a block mapping; add the imported items by hand")
                             .arg(m_name, QString::fromStdString(key));
                return;
            }
            // A sibling list of the same mapping tells where it ends: insert after its last line.
            const int keyIndent = int(parent.begin()->first.Mark().column);
            const int last = blockEnd(parent.Mark().line, keyIndent);
            insertAfter(last,
                QString(keyIndent, u' ') + QString::fromStdString(child) + u":\n"_s
                    + reindent(items, base, keyIndent + 2));
            return;
        }
        if (!list.IsSequence() || list.Style() == YAML::EmitterStyle::Flow || list.size() == 0) {
            *error = QCoreApplication::translate("Importer",
                "%1: %2 is not a block list (\"- item\" lines); merging cannot add to it without "
                "rewriting it")
                         .arg(m_name, path);
            return;
        }
        const int itemIndent = int(list.Mark().column);
        const int last = blockEnd(list.Mark().line, itemIndent);
        insertAfter(last, reindent(items, base, itemIndent));
    }

    QString text() const { return m_lines.join(u'\n'); }

private:
    // The last line of the block that starts at `first` and whose lines are indented by more than `indent` (or
    // by `indent` and starting with "-").
    int blockEnd(int first, int indent) const
    {
        int last = first;
        for (int i = first + 1; i < m_lines.size(); ++i) {
            const QString &line = m_lines.at(i);
            const QString trimmed = line.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith(u'#')) {
                continue;
            }
            const int n = indentOf(line);
            if (n > indent || (n == indent && trimmed.startsWith(u'-') && !trimmed.startsWith(u"---"))) {
                last = i;
            } else {
                break;
            }
        }
        return last;
    }

    void insertAfter(int line, const QString &block)
    {
        QStringList added = block.split(u'\n');
        if (added.last().isEmpty()) {
            added.removeLast();
        }
        for (qsizetype i = 0; i < added.size(); ++i) {
            m_lines.insert(line + 1 + i, added.at(i));
        }
        // Later look-ups use marks of the original text: keep them valid by re-parsing.
        m_root = YAML::Load(text().toStdString());
    }

    void append(const QString &section)
    {
        if (!m_lines.isEmpty() && m_lines.last().isEmpty()) {
            m_lines.removeLast();
        }
        m_lines << QString() << section.split(u'\n');
        if (!m_lines.last().isEmpty()) {
            m_lines << QString();
        }
        m_root = YAML::Load(text().toStdString());
    }

    QStringList m_lines;
    QString m_name;
    YAML::Node m_root;
};

} // namespace

WorkspaceMerger::Outcome WorkspaceMerger::merge(
    const QByteArray &existing, const QString &existingName, ImportResult &result, const QStringList &sources)
{
    Outcome out;
    const LoadResult loaded = WorkspaceLoader::loadData(existing, existingName);
    if (!loaded.ok()) {
        out.error = QCoreApplication::translate("Importer", "%1 does not validate; fix it first (%2)")
                        .arg(existingName, loaded.errors().value(0).toString());
        return out;
    }
    const Workspace &ws = *loaded.workspace;
    const QString already = QCoreApplication::translate("Importer", "%1 already has an endpoint named \"%2\"");

    // Conflicting endpoints and KPIs are left out; nothing else refers to them from the existing file.
    QSet<QString> names;
    for (const Endpoint &e : ws.endpoints) {
        names.insert(e.name);
    }
    QSet<QString> dropped;
    for (qsizetype i = result.endpoints.size() - 1; i >= 0; --i) {
        if (names.contains(result.endpoints.at(i).name)) {
            dropped.insert(result.endpoints.at(i).name);
            result.endpoints.removeAt(i);
        }
    }
    QSet<QString> kpiIds;
    for (const Kpi &k : ws.kpis) {
        kpiIds.insert(k.id);
    }
    for (qsizetype i = result.kpis.size() - 1; i >= 0; --i) {
        if (kpiIds.contains(result.kpis.at(i).id)) {
            dropped.insert(result.kpis.at(i).id);
            result.kpis.removeAt(i);
        }
    }
    for (qsizetype i = result.report.created.size() - 1; i >= 0; --i) {
        ImportItem item = result.report.created.at(i);
        const bool endpoint = item.kind == u"endpoint";
        if ((endpoint || item.kind.isEmpty()) && dropped.contains(item.kpiId)) {
            result.report.created.removeAt(i);
            item.reason = endpoint ? already.arg(existingName, item.kpiId)
                                   : QCoreApplication::translate("Importer", "%1 already has a KPI with the id \"%2\"")
                                         .arg(existingName, item.kpiId);
            item.kpiId.clear();
            result.report.skipped.append(item);
        }
    }
    // A window of dropped endpoints only goes with them (one without endpoints covers the whole workspace).
    for (qsizetype i = result.maintenance.size() - 1; i >= 0; --i) {
        QStringList &covered = result.maintenance[i].endpoints;
        const bool own = !covered.isEmpty();
        covered.removeIf([&dropped](const QString &n) { return dropped.contains(n); });
        if (own && covered.isEmpty()) {
            result.maintenance.removeAt(i);
        }
    }

    // Providers and routes are renamed instead.
    QSet<QString> providerIds;
    QSet<QString> routeIds;
    for (const NotifyProvider &p : ws.notifications.providers) {
        providerIds.insert(p.id);
    }
    for (const NotifyRoute &r : ws.notifications.routes) {
        routeIds.insert(r.id);
    }
    const auto rename = [&result](QString &id, QSet<QString> &taken, const QString &kind) {
        const QString before = id;
        for (int n = 2; taken.contains(id); ++n) {
            id = u"%1-%2"_s.arg(before).arg(n);
        }
        taken.insert(id);
        if (id != before) {
            for (ImportItem &item : result.report.created) {
                if (item.kind == kind && item.kpiId == before) {
                    item.kpiId = id;
                }
            }
        }
        return id != before;
    };
    for (ImportedProvider &p : result.providers) {
        const QString before = p.id;
        if (rename(p.id, providerIds, u"provider"_s)) {
            for (ImportedRoute &r : result.routes) {
                r.to.replaceInStrings(before, p.id);
            }
        }
    }
    for (ImportedRoute &r : result.routes) {
        rename(r.id, routeIds, u"route"_s);
    }
    QSet<QString> declared;
    for (const DeclaredSecret &s : ws.secrets) {
        declared.insert(s.name);
    }
    result.secrets.removeIf([&declared](const ImportedSecret &s) { return declared.contains(s.name); });

    QString text = QString::fromUtf8(existing);
    const bool crlf = text.contains(u"\r\n"_s);
    text.replace(u"\r\n"_s, u"\n"_s);
    Splicer splicer(text, existingName);
    const WorkspaceWriter::CheckSections checks = WorkspaceWriter::checkSections(result);
    QString kpis;
    if (!result.kpis.isEmpty()) {
        if (!ws.sources.prometheus.isSet()) {
            out.error = QCoreApplication::translate(
                "Importer", "%1 has no sources.prometheus for the imported KPIs to query; add one first")
                            .arg(existingName);
            return out;
        }
        const QString full = WorkspaceWriter::write(result.title, result.kpis, sources);
        kpis = full.mid(full.indexOf(u"\nkpis:\n"_s) + 7);
    }
    try {
        splicer.add("secrets", {}, checks.secrets, 2, &out.error);
        splicer.add("endpoints", {}, checks.endpoints, 2, &out.error);
        splicer.add("maintenance", {}, checks.maintenance, 2, &out.error);
        splicer.add("kpis", {}, kpis, 2, &out.error);
        splicer.add("notifications", "providers", checks.providers, 4, &out.error);
        splicer.add("notifications", "routes", checks.routes, 4, &out.error);
    } catch (const YAML::Exception &e) {
        out.error = u"%1: %2"_s.arg(existingName, QString::fromStdString(e.msg));
    }
    if (!out.error.isEmpty()) {
        return out;
    }
    out.text = splicer.text();
    if (crlf) {
        out.text.replace(u"\n"_s, u"\r\n"_s);
    }
    return out;
}
