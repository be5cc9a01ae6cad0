// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/gatusimporter.h"

#include "import/gatusendpoints.h"
#include "import/prometheusrulesimporter.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>
#include <yaml-cpp/depthguard.h>

using namespace Qt::StringLiterals;
using namespace GatusYaml;

namespace {

constexpr int MaxFiles = 1000;

struct Document
{
    YAML::Node root;
    Source source;
};

bool isGatusConfig(const YAML::Node &doc)
{
    if (!doc.IsMap()) {
        return false;
    }
    for (const char *key :
        { "endpoints", "external-endpoints", "alerting", "suites", "maintenance", "ui", "web", "storage", "metrics",
            "announcements", "connectivity", "security", "tunneling", "remote", "client", "concurrency", "debug" }) {
        if (field(doc, key).IsDefined()) {
            return true;
        }
    }
    return false;
}

// The Gatus configurations of one file: its documents, or the config.yaml strings of a Kubernetes ConfigMap.
void readFile(const QByteArray &data, const QString &file, QList<Document> &out, ImportReport &report)
{
    const QStringList lines = QString::fromUtf8(data).split(u'\n');
    const std::vector<YAML::Node> docs = YAML::LoadAll(data.toStdString());
    for (const YAML::Node &doc : docs) {
        const Source source { file, 0, 0 };
        if (isGatusConfig(doc)) {
            out.append({ doc, source });
            continue;
        }
        const QString kind = scalar(doc, "kind");
        bool found = false;
        if (kind == u"ConfigMap") {
            for (const auto &[k, v] : entries(field(doc, "data"))) {
                const QString key = QString::fromStdString(k.Scalar());
                if (!v.IsScalar() || !(key.endsWith(u".yaml") || key.endsWith(u".yml"))) {
                    continue;
                }
                YAML::Node inner = YAML::Load(v.Scalar());
                // A block scalar starts on the line after its key, indented.
                const int line = v.Mark().line + 1;
                const QString first = lines.value(line);
                int indent = 0;
                while (indent < first.size() && first.at(indent) == u' ') {
                    ++indent;
                }
                if (isGatusConfig(inner)) {
                    out.append({ inner, { file, line, indent } });
                    found = true;
                }
            }
        }
        if (!found && doc.IsDefined() && !doc.IsNull()) {
            report.skip(kind.isEmpty() ? QCoreApplication::translate("Importer", "document") : kind,
                source.at(doc.Mark()), QCoreApplication::translate("Importer", "not a Gatus configuration"),
                u"document"_s);
        }
    }
}

void readTopLevel(const Document &doc, GatusEndpoints &endpoints, ImportResult &result)
{
    for (const auto &[k, v] : entries(doc.root)) {
        const QString key = QString::fromStdString(k.Scalar());
        const QString at = doc.source.at(k.Mark());
        if (key == u"endpoints") {
            if (!v.IsSequence()) {
                result.report.skip(key, at, QCoreApplication::translate("Importer", "expected a list"), u"endpoint"_s);
                continue;
            }
            for (const YAML::Node &e : v) {
                endpoints.read(e, doc.source);
            }
        } else if (key == u"external-endpoints") {
            for (const YAML::Node &e : v) {
                result.report.skip(scalar(e, "name"), doc.source.at(e.Mark()),
                    QCoreApplication::translate(
                        "Importer", "external endpoint: Gatus is pushed its results; OpsDeck only probes"),
                    u"external"_s);
            }
        } else if (key == u"suites") {
            for (const YAML::Node &s : v) {
                result.report.skip(scalar(s, "name"), doc.source.at(s.Mark()),
                    QCoreApplication::translate("Importer",
                        "suite: chained requests with stored context are not supported (a runbook of http steps "
                        "comes closest)"),
                    u"suite"_s);
            }
        } else if (key == u"maintenance") {
            QStringList lost;
            std::optional<ImportedWindow> w = GatusMaintenance::window(v, doc.source, lost);
            if (!w) {
                result.report.skip(key, at, lost.join(u"; "_s), u"maintenance"_s);
                continue;
            }
            w->name = u"maintenance"_s;
            result.maintenance.append(*w);
            result.report.created.append({ key, w->origin, w->name, lost.join(u"; "_s), u"maintenance"_s });
        } else if (key == u"ui") {
            if (result.title.isEmpty()) {
                result.title = scalar(v, "title");
            }
            result.report.skip(key, at,
                QCoreApplication::translate(
                    "Importer", "the status page's look has no equivalent (its title names the workspace)"),
                u"key"_s);
        } else if (key == u"client") {
            result.report.skip(key, at,
                QCoreApplication::translate(
                    "Importer", "Gatus reads client settings per endpoint; a top-level one has no effect"),
                u"key"_s);
        } else if (key != u"alerting") {
            result.report.skip(
                key, at, QCoreApplication::translate("Importer", "no equivalent in an OpsDeck workspace"), u"key"_s);
        }
    }
}

} // namespace

bool GatusImporter::defaultNonHttp()
{
    return GatusEndpoints::NonHttpEndpoints;
}

ImportResult GatusImporter::importData(
    const QList<QPair<QByteArray, QString>> &files, QSet<QString> &usedNames, bool nonHttp)
{
    ImportResult result;
    QList<Document> docs;
    QString current;
    try {
        for (const auto &[data, file] : files) {
            current = file;
            QStringDecoder utf8(QStringDecoder::Utf8);
            (void)QString(utf8.decode(data));
            if (utf8.hasError()) {
                result.error
                    = u"%1: "_s.arg(file) + QCoreApplication::translate("Importer", "the file is not UTF-8 text");
                return result;
            }
            const qsizetype before = docs.size();
            readFile(data, file, docs, result.report);
            if (docs.size() == before && files.size() == 1) {
                result.error = u"%1: "_s.arg(file)
                    + QCoreApplication::translate(
                        "Importer", "not a Gatus configuration: expected keys such as \"endpoints:\" or \"alerting:\"");
                return result;
            }
        }
    } catch (const YAML::DeepRecursion &e) {
        result.error = Source { current }.at(e.mark) + u": "_s
            + QCoreApplication::translate("Importer", "invalid YAML: nested deeper than %1 levels").arg(e.depth());
        return result;
    } catch (const YAML::Exception &e) {
        result.error = Source { current }.at(e.mark) + u": "_s
            + QCoreApplication::translate("Importer", "invalid YAML: %1").arg(QString::fromStdString(e.msg));
        return result;
    }
    const QSet<QString> namesBefore = usedNames;
    GatusAlerting alerting(result);
    GatusEndpoints endpoints(result, alerting, usedNames, nonHttp);
    try {
        // Providers first: an endpoint of one file may alert to a provider of another.
        for (const Document &doc : std::as_const(docs)) {
            if (const YAML::Node a = field(doc.root, "alerting"); a.IsDefined()) {
                alerting.readAlerting(a, doc.source);
            }
        }
        for (const Document &doc : std::as_const(docs)) {
            readTopLevel(doc, endpoints, result);
        }
        alerting.writeRoutes(result.endpoints);
    } catch (const YAML::Exception &e) {
        usedNames = namesBefore;
        ImportResult failed;
        failed.error = Source { current }.at(e.mark) + u": "_s
            + QCoreApplication::translate("Importer", "unexpected YAML structure: %1")
                  .arg(QString::fromStdString(e.msg));
        return failed;
    }
    if (result.title.isEmpty() && !files.isEmpty()) {
        result.title = QFileInfo(files.first().second).completeBaseName();
    }
    return result;
}

ImportResult GatusImporter::importPaths(const QStringList &paths, QSet<QString> &usedNames)
{
    QStringList files;
    for (const QString &path : paths) {
        if (!QFileInfo(path).isDir()) {
            files << path;
            continue;
        }
        QStringList inDir;
        QDirIterator it(path, { u"*.yaml"_s, u"*.yml"_s }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext() && inDir.size() <= MaxFiles) {
            inDir << it.next();
        }
        std::sort(inDir.begin(), inDir.end());
        if (inDir.isEmpty()) {
            ImportResult result;
            result.error = u"%1: "_s.arg(path)
                + QCoreApplication::translate("Importer", "the directory holds no .yaml or .yml file");
            return result;
        }
        files += inDir;
    }
    if (files.size() > MaxFiles) {
        ImportResult result;
        result.error = QCoreApplication::translate("Importer", "more than %1 files").arg(MaxFiles);
        return result;
    }
    QList<QPair<QByteArray, QString>> data;
    for (const QString &file : std::as_const(files)) {
        QString error;
        const std::optional<QByteArray> bytes = ImportIds::readSource(file, &error);
        if (!bytes) {
            ImportResult result;
            result.error = error;
            return result;
        }
        data.append({ *bytes, file });
    }
    return importData(data, usedNames);
}
