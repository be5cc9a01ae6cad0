// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/prometheusrulesimporter.h"

#include "import/promqlcomparison.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MaxSourceSize = 32 * 1024 * 1024;

QString origin(const QString &file, const YAML::Mark &mark)
{
    if (mark.is_null()) {
        return file;
    }
    return u"%1:%2:%3"_s.arg(file).arg(mark.line + 1).arg(mark.column + 1);
}

QString scalar(const YAML::Node &map, const char *key)
{
    const YAML::Node v = map[key];
    return v && v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
}

struct Tile
{
    qsizetype kpi; // index into result.kpis
    QString warnFrom; // alert names that set each line
    QString critFrom;
};

class RulesReader
{
public:
    RulesReader(const QString &file, ImportResult &result, QSet<QString> &usedIds)
        : m_file(file)
        , m_result(result)
        , m_usedIds(usedIds)
    { }

    void readGroups(const YAML::Node &groups)
    {
        if (!groups.IsSequence()) {
            m_result.error = origin(m_file, groups.Mark()) + u": "_s
                + QCoreApplication::translate("Importer", "groups: expected a list of rule groups");
            return;
        }
        for (const YAML::Node &group : groups) {
            if (!group.IsMap() || !group["rules"] || !group["rules"].IsSequence()) {
                m_result.report.skip(QCoreApplication::translate("Importer", "rule group"),
                    origin(m_file, group.Mark()),
                    QCoreApplication::translate("Importer", "expected a mapping with name and a list of rules"));
                continue;
            }
            ++m_result.report.groups;
            const QString name = scalar(group, "name");
            for (const YAML::Node &rule : group["rules"]) {
                readRule(rule, name);
            }
        }
    }

private:
    void readRule(const YAML::Node &rule, const QString &group)
    {
        const QString at = origin(m_file, rule.Mark());
        if (!rule.IsMap()) {
            m_result.report.skip(QCoreApplication::translate("Importer", "rule"), at,
                QCoreApplication::translate("Importer", "expected a mapping"));
            return;
        }
        const QString record = scalar(rule, "record");
        const QString alert = scalar(rule, "alert");
        const QString expr = scalar(rule, "expr").trimmed();
        if (!record.isEmpty()) {
            m_result.report.skip(record, at,
                QCoreApplication::translate("Importer",
                    "recording rule: not a tile; queries that use the recorded series refer to it by name"));
            return;
        }
        if (alert.isEmpty() || expr.isEmpty()) {
            m_result.report.skip(QCoreApplication::translate("Importer", "rule"), at,
                QCoreApplication::translate("Importer", "neither an alerting rule (alert, expr) nor a recording rule"));
            return;
        }
        QString reason;
        const std::optional<PromqlComparison> comparison = PromqlComparison::split(expr, &reason);
        if (!comparison) {
            m_result.report.skip(alert, at, reason);
            return;
        }
        const QString severity = scalar(rule["labels"], "severity").toLower();
        const bool critical = severity == u"critical" || severity == u"page" || severity == u"error";
        if (!critical && severity != u"warning") {
            m_result.report.skip(alert, at,
                severity.isEmpty()
                    ? QCoreApplication::translate(
                        "Importer", "no severity label: neither a warning nor a critical line")
                    : QCoreApplication::translate("Importer", "severity \"%1\" is neither warning nor critical")
                          .arg(severity));
            return;
        }

        QStringList lost;
        QString query = comparison->query;
        double line = comparison->constant;
        bool below = comparison->op.startsWith(u'<');
        if (comparison->op == u"==" || comparison->op == u"!=") {
            // A tile has no equality line: it shows 1 while the rule's condition holds.
            query = u"(%1) %2 bool %3"_s.arg(query, comparison->op, QString::number(line, 'g', 17));
            line = 0;
            below = false;
            lost << QCoreApplication::translate("Importer", "the tile shows 1 while \"%1\" holds, 0 otherwise")
                        .arg(comparison->op);
        } else if (comparison->op.size() == 2) {
            lost << QCoreApplication::translate(
                "Importer", "\"%1\" becomes \"%2\": a value of exactly %3 does not count")
                        .arg(comparison->op, comparison->op.left(1))
                        .arg(line);
        }
        const QString hold = scalar(rule, "for");
        if (!hold.isEmpty() && hold != u"0" && hold != u"0s" && hold != u"0m") {
            lost << QCoreApplication::translate("Importer", "for: %1 (KPIs have no hold time)").arg(hold);
        }

        const QString key
            = QString(query).replace(QRegularExpression(u"\\s+"_s), u" "_s) + (below ? u"|below"_s : u"|above"_s);
        auto it = m_tiles.find(key);
        if (it == m_tiles.end()) {
            ImportedKpi kpi;
            kpi.id = ImportIds::unique(alert, m_usedIds);
            kpi.title = alert;
            kpi.group = group;
            kpi.query = query;
            kpi.below = below;
            kpi.origin = at;
            kpi.description = description(rule);
            m_result.kpis.append(kpi);
            it = m_tiles.insert(key, Tile { m_result.kpis.size() - 1, {}, {} });
        }
        ImportedKpi &kpi = m_result.kpis[it->kpi];
        QString &from = critical ? it->critFrom : it->warnFrom;
        if (!from.isEmpty()) {
            m_result.report.skip(alert, at,
                QCoreApplication::translate("Importer", "tile \"%1\" already has a %2 line from %3 on the same query")
                    .arg(kpi.id, critical ? u"crit"_s : u"warn"_s, from));
            return;
        }
        from = alert;
        (critical ? kpi.crit : kpi.warn) = line;
        m_result.report.created.append({ alert, at, kpi.id, lost.join(u"; "_s), {} });
    }

    QString description(const YAML::Node &rule)
    {
        const YAML::Node annotations = rule["annotations"];
        if (!annotations || !annotations.IsMap()) {
            return {};
        }
        QStringList parts;
        for (const char *key : { "summary", "description", "message" }) {
            const QString text = scalar(annotations, key).trimmed();
            if (!text.isEmpty()) {
                parts << text;
            }
        }
        const QString runbook = scalar(annotations, "runbook_url").trimmed();
        if (!runbook.isEmpty()) {
            parts << QCoreApplication::translate("Importer", "Runbook: %1").arg(runbook);
            m_result.report.note(QCoreApplication::translate(
                "Importer", "KPIs have no runbook link: runbook_url is appended to the description"));
        }
        return parts.join(u"\n\n"_s);
    }

    QString m_file;
    ImportResult &m_result;
    QSet<QString> &m_usedIds;
    QHash<QString, Tile> m_tiles;
};

} // namespace

namespace ImportIds {

QString unique(const QString &name, QSet<QString> &used)
{
    QString id;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            // A word starts at an upper-case letter after a lower-case one or a digit, or at the last capital of
            // an acronym followed by lower case ("RAIDDegraded" -> raid-degraded).
            const QChar previous = i > 0 ? name.at(i - 1) : QChar();
            const QChar next = i + 1 < name.size() ? name.at(i + 1) : QChar();
            if (c.isUpper() && !id.isEmpty() && !id.endsWith(u'-')
                && (previous.isLower() || previous.isDigit() || (previous.isUpper() && next.isLower()))) {
                id += u'-';
            }
            id += c.toLower();
        } else if (!id.isEmpty() && !id.endsWith(u'-')) {
            id += u'-';
        }
    }
    while (id.endsWith(u'-')) {
        id.chop(1);
    }
    if (id.size() > 60) {
        id.truncate(60);
    }
    if (id.isEmpty()) {
        id = u"kpi"_s;
    }
    QString candidate = id;
    for (int n = 2; used.contains(candidate); ++n) {
        candidate = u"%1-%2"_s.arg(id).arg(n);
    }
    used.insert(candidate);
    return candidate;
}

std::optional<QByteArray> readSource(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxSourceSize) {
        *error = u"%1: "_s.arg(path) + QCoreApplication::translate("Importer", "the file is larger than 32 MiB");
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace ImportIds

ImportResult PrometheusRulesImporter::importFile(const QString &path, QSet<QString> &usedIds)
{
    QString error;
    const std::optional<QByteArray> data = ImportIds::readSource(path, &error);
    if (!data) {
        ImportResult result;
        result.error = error;
        return result;
    }
    return importData(*data, path, usedIds);
}

ImportResult PrometheusRulesImporter::importData(
    const QByteArray &data, const QString &fileName, QSet<QString> &usedIds)
{
    ImportResult result;
    result.title = fileName.section(u'/', -1).section(u'.', 0, 0);
    QStringDecoder utf8(QStringDecoder::Utf8);
    (void)QString(utf8.decode(data));
    if (utf8.hasError()) {
        result.error = u"%1: "_s.arg(fileName) + QCoreApplication::translate("Importer", "the file is not UTF-8 text");
        return result;
    }
    const QSet<QString> idsBefore = usedIds;
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(data.toStdString());
        RulesReader reader(fileName, result, usedIds);
        bool found = false;
        for (const YAML::Node &doc : documents) {
            if (!doc.IsMap()) {
                continue;
            }
            // Node::operator= would assign to the node, not rebind the handle: pick with reset().
            YAML::Node groups;
            if (doc["groups"]) {
                groups.reset(doc["groups"]);
            } else if (doc["spec"] && doc["spec"].IsMap() && doc["spec"]["groups"]) {
                groups.reset(doc["spec"]["groups"]);
            } else {
                continue;
            }
            found = true;
            reader.readGroups(groups);
            if (result.failed()) {
                break;
            }
        }
        if (!found && !result.failed()) {
            result.error = u"%1: "_s.arg(fileName)
                + QCoreApplication::translate("Importer",
                    "not a Prometheus rule file: expected \"groups:\" or a PrometheusRule with \"spec.groups\"");
        }
    } catch (const YAML::DeepRecursion &e) {
        result.error = origin(fileName, e.mark) + u": "_s
            + QCoreApplication::translate("Importer", "invalid YAML: nested deeper than %1 levels").arg(e.depth());
    } catch (const YAML::Exception &e) {
        result.error = origin(fileName, e.mark) + u": "_s
            + QCoreApplication::translate("Importer", "invalid YAML: %1").arg(QString::fromStdString(e.msg));
    }
    if (result.failed()) {
        usedIds = idsBefore;
        result.kpis.clear();
        result.report = {};
    }
    return result;
}
