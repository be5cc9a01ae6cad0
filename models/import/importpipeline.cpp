// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importpipeline.h"

#include "import/blackboximporter.h"
#include "import/gatusimporter.h"
#include "import/grafanaimporter.h"
#include "import/prometheusrulesimporter.h"
#include "import/uptimekumaimporter.h"
#include "import/workspacemerger.h"
#include "import/workspacewriter.h"
#include "workspace/workspaceloader.h"

#include <QCoreApplication>
#include <QSet>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

using Kind = ImportRequest::Kind;

const std::array<std::pair<Kind, QStringView>, 5> &kindNames()
{
    static const std::array<std::pair<Kind, QStringView>, 5> names { {
        { Kind::PrometheusRules, u"prometheus-rules" },
        { Kind::Grafana, u"grafana" },
        { Kind::Gatus, u"gatus" },
        { Kind::UptimeKuma, u"uptime-kuma" },
        { Kind::Blackbox, u"blackbox" },
    } };
    return names;
}

QString nothingWritten()
{
    return QCoreApplication::translate("ImportCommand", "nothing written");
}

ImportOutcome failed(ImportResult result, const QStringList &errors)
{
    ImportOutcome outcome;
    outcome.result = std::move(result);
    outcome.errors = errors;
    outcome.errors << nothingWritten();
    return outcome;
}

} // namespace

bool ImportRequest::kindFromString(const QString &text, Kind *kind)
{
    for (const auto &[k, name] : kindNames()) {
        if (text == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString ImportRequest::kindToString(Kind kind)
{
    for (const auto &[k, name] : kindNames()) {
        if (k == kind) {
            return name.toString();
        }
    }
    return {};
}

ImportOutcome ImportPipeline::run(const ImportRequest &request)
{
    QSet<QString> ids;
    ImportResult all;
    if (request.files.isEmpty()) {
        return failed(all, { QCoreApplication::translate("ImportCommand", "no file to import") });
    }
    if (request.kind == Kind::UptimeKuma && request.files.size() != 1) {
        return failed(all, { QCoreApplication::translate("ImportCommand", "uptime-kuma: give one kuma.db") });
    }
    if (request.kind == Kind::Gatus) {
        // One configuration, however many files it is split over.
        all = GatusImporter::importPaths(request.files, ids);
    } else if (request.kind == Kind::UptimeKuma) {
        all = UptimeKumaImporter::importFile(request.files.first(), ids);
    } else if (request.kind == Kind::Blackbox) {
        all = BlackboxImporter::importPaths(request.files, ids);
    }
    if (all.failed()) {
        return failed(all, { all.error });
    }
    for (const QString &file : request.checks() ? QStringList() : request.files) {
        const ImportResult one = request.kind == Kind::Grafana
            ? GrafanaImporter::importFile(file, request.variables, ids)
            : PrometheusRulesImporter::importFile(file, ids);
        if (one.failed()) {
            return failed(all, { one.error });
        }
        if (all.title.isEmpty()) {
            all.title = one.title;
        }
        all.kpis += one.kpis;
        all.report.append(one.report);
    }

    ImportOutcome outcome;
    outcome.status = ImportOutcome::Status::Nothing;
    if (all.isEmpty()) {
        outcome.result = std::move(all);
        return outcome;
    }
    QString text;
    if (!request.merge.isEmpty()) {
        QString error;
        const std::optional<QByteArray> existing = ImportIds::readSource(request.merge, &error);
        const WorkspaceMerger::Outcome merged = existing
            ? WorkspaceMerger::merge(*existing, request.merge, all, request.files)
            : WorkspaceMerger::Outcome { {}, error };
        if (!merged.error.isEmpty()) {
            return failed(all, { merged.error });
        }
        text = merged.text;
    } else {
        text = request.checks() ? WorkspaceWriter::writeChecks(all, request.files)
                                : WorkspaceWriter::write(all.title, all.kpis, request.files);
    }
    const LoadResult check = WorkspaceLoader::loadData(text.toUtf8(), u"imported.yaml"_s);
    if (!check.ok()) {
        // The writer's own mistake; better no file than one that does not open.
        QStringList errors;
        for (const Diagnostic &d : check.errors()) {
            errors << d.toString();
        }
        errors << QCoreApplication::translate("ImportCommand", "the generated workspace does not validate");
        return failed(all, errors);
    }
    outcome.status = ImportOutcome::Status::Ok;
    outcome.result = std::move(all);
    outcome.text = text;
    return outcome;
}
