// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/blackboximporter.h"

#include "import/blackboxmodule.h"
#include "import/prometheusrulesimporter.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <yaml-cpp/depthguard.h>

using namespace Qt::StringLiterals;
using namespace GatusYaml;

namespace {

constexpr qsizetype MaxModules = 10000;

} // namespace

ImportResult BlackboxImporter::importData(const QByteArray &data, const QString &fileName, QSet<QString> &usedNames)
{
    ImportResult result;
    QStringDecoder utf8(QStringDecoder::Utf8);
    (void)QString(utf8.decode(data));
    if (utf8.hasError()) {
        result.error = u"%1: "_s.arg(fileName) + QCoreApplication::translate("Importer", "the file is not UTF-8 text");
        return result;
    }
    const Source source { fileName, 0, 0 };
    const QSet<QString> namesBefore = usedNames;
    try {
        const YAML::Node root = YAML::Load(data.toStdString());
        const YAML::Node modules = field(root, "modules");
        if (!modules.IsMap()) {
            result.error = u"%1: "_s.arg(fileName)
                + QCoreApplication::translate(
                    "Importer", "not a blackbox_exporter configuration: expected a \"modules:\" mapping");
            return result;
        }
        if (modules.size() > MaxModules) {
            result.error = source.at(modules.Mark()) + u": "_s
                + QCoreApplication::translate("Importer", "more than %1 modules").arg(MaxModules);
            return result;
        }
        for (const auto &[k, v] : entries(root)) {
            if (k.Scalar() != "modules") {
                result.report.skip(QString::fromStdString(k.Scalar()), source.at(k.Mark()),
                    QCoreApplication::translate("Importer", "no equivalent"), u"key"_s);
            }
        }
        BlackboxModule module(result, source, usedNames);
        for (const auto &[k, v] : entries(modules)) {
            module.read(QString::fromStdString(k.Scalar()), k, v);
        }
    } catch (const YAML::DeepRecursion &e) {
        usedNames = namesBefore;
        ImportResult failed;
        failed.error = source.at(e.mark) + u": "_s
            + QCoreApplication::translate("Importer", "invalid YAML: nested deeper than %1 levels").arg(e.depth());
        return failed;
    } catch (const YAML::Exception &e) {
        usedNames = namesBefore;
        ImportResult failed;
        failed.error = source.at(e.mark) + u": "_s
            + QCoreApplication::translate("Importer", "invalid YAML: %1").arg(QString::fromStdString(e.msg));
        return failed;
    }
    if (!result.endpoints.isEmpty()) {
        result.report.addTodo(QCoreApplication::translate("Importer",
            "the %n endpoint(s) from blackbox modules probe the placeholder host %1 and are switched off: set each "
            "one's target (host, and port for tcp:// and tls://) and remove \"enabled: false\"",
            nullptr, int(result.endpoints.size()))
                                  .arg(PlaceholderHost));
        result.report.groups = 1;
    }
    result.title = fileName.section(u'/', -1).section(u'.', 0, 0);
    return result;
}

ImportResult BlackboxImporter::importPaths(const QStringList &paths, QSet<QString> &usedNames)
{
    ImportResult all;
    for (const QString &path : paths) {
        QString error;
        const std::optional<QByteArray> data = ImportIds::readSource(path, &error);
        ImportResult one;
        if (data) {
            one = importData(*data, path, usedNames);
        } else {
            one.error = error;
        }
        if (one.failed()) {
            return one;
        }
        if (all.title.isEmpty()) {
            all.title = one.title;
        }
        all.endpoints += one.endpoints;
        for (const ImportedSecret &s : std::as_const(one.secrets)) {
            all.declareSecret(s.name, s.description);
        }
        all.report.append(one.report);
    }
    all.report.groups = all.endpoints.isEmpty() ? 0 : 1;
    return all;
}
