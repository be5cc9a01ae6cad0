// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/importcommand.h"

#include "import/gatusimporter.h"
#include "import/grafanaimporter.h"
#include "import/prometheusrulesimporter.h"
#include "import/uptimekumaimporter.h"
#include "import/workspacemerger.h"
#include "import/workspacewriter.h"
#include "workspace/workspaceloader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

constexpr int Nothing = 1;
constexpr int Failure = 2;

} // namespace

bool ImportOptions::kindFromString(const QString &text, Kind *kind)
{
    if (text == u"prometheus-rules") {
        *kind = Kind::PrometheusRules;
        return true;
    }
    if (text == u"grafana") {
        *kind = Kind::Grafana;
        return true;
    }
    if (text == u"gatus") {
        *kind = Kind::Gatus;
        return true;
    }
    if (text == u"uptime-kuma") {
        *kind = Kind::UptimeKuma;
        return true;
    }
    return false;
}

int runImportCommand(const ImportOptions &options, QTextStream &out, QTextStream &err)
{
    if (options.files.isEmpty()) {
        err << QCoreApplication::translate("ImportCommand",
            "usage: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma FILE... [-o WORKSPACE.yaml] "
            "[--merge EXISTING.yaml] [--var NAME=VALUE] [--json] [--force]")
            << Qt::endl;
        return Failure;
    }
    if (!options.output.isEmpty() && !options.force && QFileInfo::exists(options.output)) {
        err << QCoreApplication::translate("ImportCommand", "%1 exists; give --force to overwrite it")
                   .arg(options.output)
            << Qt::endl;
        return Failure;
    }

    QSet<QString> ids;
    ImportResult all;
    const bool checks = options.kind == ImportOptions::Kind::Gatus || options.kind == ImportOptions::Kind::UptimeKuma;
    if (options.kind == ImportOptions::Kind::UptimeKuma && options.files.size() != 1) {
        err << QCoreApplication::translate("ImportCommand", "uptime-kuma: give one kuma.db") << Qt::endl;
        return Failure;
    }
    if (checks) {
        // One configuration, however many files it is split over.
        all = options.kind == ImportOptions::Kind::Gatus ? GatusImporter::importPaths(options.files, ids)
                                                         : UptimeKumaImporter::importFile(options.files.first(), ids);
        if (all.failed()) {
            err << all.error << Qt::endl << QCoreApplication::translate("ImportCommand", "nothing written") << Qt::endl;
            return Failure;
        }
    }
    for (const QString &file : checks ? QStringList() : options.files) {
        const ImportResult one = options.kind == ImportOptions::Kind::Grafana
            ? GrafanaImporter::importFile(file, options.variables, ids)
            : PrometheusRulesImporter::importFile(file, ids);
        if (one.failed()) {
            err << one.error << Qt::endl << QCoreApplication::translate("ImportCommand", "nothing written") << Qt::endl;
            return Failure;
        }
        if (all.title.isEmpty()) {
            all.title = one.title;
        }
        all.kpis += one.kpis;
        all.report.append(one.report);
    }

    QString text;
    if (!all.isEmpty() && !options.merge.isEmpty()) {
        QString error;
        const std::optional<QByteArray> existing = ImportIds::readSource(options.merge, &error);
        const WorkspaceMerger::Outcome merged = existing
            ? WorkspaceMerger::merge(*existing, options.merge, all, options.files)
            : WorkspaceMerger::Outcome { {}, error };
        if (!merged.error.isEmpty()) {
            err << merged.error << Qt::endl
                << QCoreApplication::translate("ImportCommand", "nothing written") << Qt::endl;
            return Failure;
        }
        text = merged.text;
    }
    if (options.json) {
        err << QJsonDocument(all.report.toJson()).toJson(QJsonDocument::Indented);
    } else {
        err << all.report.toText();
    }
    err.flush();
    if (all.isEmpty()) {
        err << (checks ? QCoreApplication::translate(
                    "ImportCommand", "nothing to import: no endpoint, provider or maintenance window; nothing written")
                       : QCoreApplication::translate("ImportCommand",
                           "nothing to import: no rule or panel could become a KPI tile; nothing written"))
            << Qt::endl;
        return Nothing;
    }
    if (text.isEmpty()) {
        text = checks ? WorkspaceWriter::writeChecks(all, options.files)
                      : WorkspaceWriter::write(all.title, all.kpis, options.files);
    }
    const QByteArray data = text.toUtf8();
    const QString name = options.output.isEmpty() ? u"imported.yaml"_s : options.output;
    const LoadResult check = WorkspaceLoader::loadData(data, name);
    if (!check.ok()) {
        // The writer's own mistake; better no file than one that does not open.
        for (const Diagnostic &d : check.errors()) {
            err << d.toString() << Qt::endl;
        }
        err << QCoreApplication::translate(
            "ImportCommand", "the generated workspace does not validate; nothing written")
            << Qt::endl;
        return Failure;
    }

    if (options.output.isEmpty()) {
        out << text;
        out.flush();
        return 0;
    }
    QSaveFile file(options.output);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        err << QCoreApplication::translate("ImportCommand", "cannot write %1: %2")
                   .arg(options.output, file.errorString())
            << Qt::endl;
        return Failure;
    }
    if (checks) {
        err << QCoreApplication::translate("ImportCommand", "wrote %1 (%2 endpoints)")
                   .arg(options.output)
                   .arg(all.endpoints.size())
            << Qt::endl;
    } else {
        err << QCoreApplication::translate("ImportCommand", "wrote %1 (%2 KPIs)")
                   .arg(options.output)
                   .arg(all.kpis.size())
            << Qt::endl;
    }
    return 0;
}
