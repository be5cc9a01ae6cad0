// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/importcommand.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {

constexpr int Nothing = 1;
constexpr int Failure = 2;

} // namespace

int runImportCommand(const ImportOptions &options, QTextStream &out, QTextStream &err)
{
    if (options.files.isEmpty()) {
        err << QCoreApplication::translate("ImportCommand",
            "usage: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o WORKSPACE.yaml] "
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

    ImportRequest request;
    request.kind = options.kind;
    request.files = options.files;
    request.merge = options.merge;
    request.variables = options.variables;
    const ImportOutcome outcome = ImportPipeline::run(request);
    const ImportResult &all = outcome.result;
    const bool readFailed = outcome.status == ImportOutcome::Status::Failed && all.report.created.isEmpty()
        && all.report.skipped.isEmpty();
    if (!readFailed) {
        if (options.json) {
            err << QJsonDocument(all.report.toJson()).toJson(QJsonDocument::Indented);
        } else {
            err << all.report.toText();
        }
        err.flush();
    }
    if (outcome.status == ImportOutcome::Status::Failed) {
        for (const QString &line : outcome.errors) {
            err << line << Qt::endl;
        }
        return Failure;
    }
    if (outcome.status == ImportOutcome::Status::Nothing) {
        err << (request.checks() ? QCoreApplication::translate(
                    "ImportCommand", "nothing to import: no endpoint, provider or maintenance window; nothing written")
                                 : QCoreApplication::translate("ImportCommand",
                                     "nothing to import: no rule or panel could become a KPI tile; nothing written"))
            << Qt::endl;
        return Nothing;
    }

    if (options.output.isEmpty()) {
        out << outcome.text;
        out.flush();
        return 0;
    }
    const QByteArray data = outcome.text.toUtf8();
    QSaveFile file(options.output);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        err << QCoreApplication::translate("ImportCommand", "cannot write %1: %2")
                   .arg(options.output, file.errorString())
            << Qt::endl;
        return Failure;
    }
    if (request.checks()) {
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
