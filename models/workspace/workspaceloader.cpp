// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspaceloader.h"

#include "probe/endpointkind.h"
#include "workspace/boundedyaml.h"
#include "workspace/sections.h"
#include "workspace/yamlreader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

template <typename T, typename F> QSet<QString> idsOf(const QList<T> &list, F id)
{
    QSet<QString> out;
    for (const T &item : list) {
        out.insert(id(item));
    }
    return out;
}

void checkReferences(YamlReader &r, const Workspace &w)
{
    const QSet<QString> endpoints = idsOf(w.endpoints, [](const Endpoint &e) { return e.name; });
    QHash<QString, QString> urls;
    for (const Endpoint &e : w.endpoints) {
        urls.insert(e.name, e.url);
    }
    const QSet<QString> kpis = idsOf(w.kpis, [](const Kpi &k) { return k.id; });
    const QSet<QString> runbooks = idsOf(w.runbooks, [](const Runbook &b) { return b.id; });
    for (const PendingReference &ref : std::as_const(r.references)) {
        QString message;
        switch (ref.target) {
        case PendingReference::Target::Endpoint:
            if (!endpoints.contains(ref.name)) {
                message = QCoreApplication::translate("WorkspaceLoader", "unknown endpoint \"%1\"");
            } else if (const EndpointKind kind = EndpointKinds::of(urls.value(ref.name));
                       ref.overHttp && kind != EndpointKind::Http) {
                // The runner's own probe is an HTTP request: it cannot make a tcp, tls, dns or icmp check.
                message = QCoreApplication::translate("WorkspaceLoader",
                    "not applicable: a runbook step checks an endpoint over HTTP, and \"%1\" is a %2:// endpoint; "
                    "use an http(s) endpoint, or a command step (such as pg_isready) for this service")
                              .arg(u"%1"_s, EndpointKinds::name(kind));
            }
            break;
        case PendingReference::Target::Kpi:
            if (!kpis.contains(ref.name)) {
                message = QCoreApplication::translate("WorkspaceLoader", "unknown KPI \"%1\"");
            }
            break;
        case PendingReference::Target::Runbook:
            if (!runbooks.contains(ref.name)) {
                message = QCoreApplication::translate("WorkspaceLoader", "unknown runbook \"%1\"");
            }
            break;
        case PendingReference::Target::Secret:
            break;
        }
        if (!message.isEmpty()) {
            r.report(Diagnostic::Severity::Error, ref.mark, ref.path, message.arg(ref.name));
        }
    }
}

// Only declared secrets resolve: an undeclared ${NAME} would let a shared file send any environment variable to any
// host, so it is an error where it is written.
void checkSecrets(YamlReader &r)
{
    QSet<QString> declared;
    for (const PendingReference &declaration : std::as_const(r.secretDeclarations)) {
        declared.insert(declaration.name);
    }
    QSet<QString> used;
    for (const PendingReference &use : std::as_const(r.secretUses)) {
        used.insert(use.name);
        if (!declared.contains(use.name)) {
            r.report(Diagnostic::Severity::Error, use.mark, use.path,
                QCoreApplication::translate(
                    "WorkspaceLoader", "secret \"${%1}\" is not declared: add it to the top-level secrets list")
                    .arg(use.name));
        }
    }
    for (const PendingReference &declaration : std::as_const(r.secretDeclarations)) {
        if (!used.contains(declaration.name)) {
            r.report(Diagnostic::Severity::Warning, declaration.mark, declaration.path,
                QCoreApplication::translate("WorkspaceLoader", "secret \"%1\" is declared but not used")
                    .arg(declaration.name));
        }
    }
}

void readDocument(YamlReader &r, const YAML::Node &document, Workspace &w, const QString &fileName)
{
    using namespace WorkspaceSections;
    const YamlValue root = YamlReader::root(document);
    if (!document.IsDefined() || document.IsNull()) {
        r.report(Diagnostic::Severity::Error, YAML::Mark::null_mark(), QString(),
            QCoreApplication::translate("WorkspaceLoader", "the file is empty"));
        return;
    }
    if (!r.expectMap(root,
            { "workspace", "secrets", "sources", "endpoints", "groups", "maintenance", "kpis", "checklists", "runbooks",
                "incidents", "notifications", "locations" })) {
        return;
    }
    if (const YamlValue info = r.get(root, "workspace")) {
        readInfo(r, info, w.info);
    }
    if (w.info.id.isEmpty()) {
        w.info.id = QFileInfo(fileName).completeBaseName();
    }
    if (w.info.title.isEmpty()) {
        w.info.title = { w.info.id, w.info.id };
    }
    if (const YamlValue secrets = r.get(root, "secrets")) {
        readSecrets(r, secrets, w.secrets);
    }
    if (const YamlValue sources = r.get(root, "sources")) {
        readSources(r, sources, w.sources);
    }
    readEndpoints(r, r.get(root, "endpoints"), w.endpoints);
    readGroups(r, r.get(root, "groups"), w.groups);
    readMaintenance(r, r.get(root, "maintenance"), w.maintenance);
    if (const YamlValue locations = r.get(root, "locations")) {
        readLocations(r, locations, w.endpoints, w.locations);
    }
    readKpis(r, r.get(root, "kpis"), w.kpis);
    readChecklists(r, r.get(root, "checklists"), w.checklists);
    readRunbooks(r, r.get(root, "runbooks"), w.runbooks);
    if (const YamlValue incidents = r.get(root, "incidents")) {
        readIncidents(r, incidents, w.incidents);
    } else {
        w.incidents.severities = IncidentSettings::defaultSeverities();
    }
    if (const YamlValue notifications = r.get(root, "notifications")) {
        readNotifications(r, notifications, w.notifications);
        if (notifications.node.IsMap()) {
            readEscalationPolicies(
                r, r.get(notifications, "escalation-policies"), w.notifications, w.incidents.severities);
        }
    }
    if (const YamlValue incidents = r.get(root, "incidents"); incidents && incidents.node.IsMap()) {
        readAutoIncidents(r, r.get(incidents, "auto"), w);
    }
    checkReferences(r, w);
    checkDependencies(r, w);
    checkSecrets(r);
}

} // namespace

LoadResult WorkspaceLoader::loadFile(const QString &path)
{
    const auto failed = [&path](const QString &message) {
        LoadResult result;
        result.diagnostics.append({ Diagnostic::Severity::Error, path, 0, 0, QString(), message });
        return result;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failed(
            QCoreApplication::translate("WorkspaceLoader", "cannot read the file: %1").arg(file.errorString()));
    }
    // Reads one byte past the cap rather than trusting size(): a pipe or /dev/zero reports 0.
    const YamlLimits limits;
    if (file.size() > limits.maxBytes) {
        return failed(BoundedYaml::tooLarge(file.size(), limits));
    }
    const QByteArray data = file.read(limits.maxBytes + 1);
    if (data.size() > limits.maxBytes) {
        return failed(BoundedYaml::tooLarge(data.size(), limits));
    }
    LoadResult result = loadData(data, path);
    if (result.workspace) {
        result.workspace->filePath = path;
    }
    return result;
}

LoadResult WorkspaceLoader::loadData(const QByteArray &yaml, const QString &fileName)
{
    YamlReader reader(fileName);
    if (const YamlLimits limits; yaml.size() > limits.maxBytes) { // before decoding or copying any of it
        reader.report(Diagnostic::Severity::Error, YAML::Mark::null_mark(), QString(),
            BoundedYaml::tooLarge(yaml.size(), limits));
        return { std::nullopt, reader.diagnostics };
    }
    Workspace workspace;
    workspace.filePath = fileName;
    workspace.contentHash = QCryptographicHash::hash(yaml, QCryptographicHash::Sha256).toHex();
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(yaml); // decoding is lazy: it runs on conversion to QString
    if (utf8.hasError()) {
        reader.report(Diagnostic::Severity::Error, YAML::Mark::null_mark(), QString(),
            QCoreApplication::translate("WorkspaceLoader", "the file is not UTF-8 text"));
        return { std::nullopt, reader.diagnostics };
    }
    const YamlParse parsed = BoundedYaml::parse(yaml.toStdString());
    if (!parsed.ok()) {
        reader.report(Diagnostic::Severity::Error, parsed.errorMark, QString(), parsed.error);
        return { std::nullopt, reader.diagnostics };
    }
    try {
        readDocument(reader, parsed.document, workspace, fileName);
        if (parsed.documents > 1) {
            reader.report(Diagnostic::Severity::Warning, parsed.secondDocument, QString(),
                QCoreApplication::translate("WorkspaceLoader", "only the first YAML document is read; the file has %1")
                    .arg(parsed.documents));
        }
    } catch (const YAML::Exception &e) {
        // Syntax errors; the partial results read so far would only repeat them.
        reader.diagnostics.clear();
        reader.report(Diagnostic::Severity::Error, e.mark, QString(),
            QCoreApplication::translate("WorkspaceLoader", "invalid YAML: %1").arg(QString::fromStdString(e.msg)));
    }
    std::stable_sort(
        reader.diagnostics.begin(), reader.diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
            return std::pair(a.line, a.column) < std::pair(b.line, b.column);
        });
    LoadResult result;
    result.diagnostics = reader.diagnostics;
    workspace.secretNames = reader.secretNames;
    if (reader.diagnostics.isEmpty()
        || std::none_of(
            reader.diagnostics.cbegin(), reader.diagnostics.cend(), [](const Diagnostic &d) { return d.isError(); })) {
        result.workspace = std::move(workspace);
    }
    return result;
}
