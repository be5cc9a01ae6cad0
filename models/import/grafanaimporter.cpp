// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/grafanaimporter.h"

#include "import/grafanathresholds.h"
#include "import/prometheusrulesimporter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const QStringList TilePanels { u"graph"_s, u"singlestat"_s, u"timeseries"_s, u"stat"_s, u"gauge"_s, u"bargauge"_s };

QString unitOf(const QString &grafana)
{
    static const QMap<QString, QString> units { { u"percent"_s, u"%"_s }, { u"bytes"_s, u"B"_s },
        { u"decbytes"_s, u"B"_s }, { u"bits"_s, u"b"_s }, { u"s"_s, u"s"_s }, { u"ms"_s, u"ms"_s },
        { u"µs"_s, u"µs"_s }, { u"ns"_s, u"ns"_s }, { u"dtdurations"_s, u"s"_s }, { u"Bps"_s, u"B/s"_s },
        { u"binBps"_s, u"B/s"_s }, { u"bps"_s, u"b/s"_s }, { u"binbps"_s, u"b/s"_s }, { u"pps"_s, u"p/s"_s },
        { u"reqps"_s, u"req/s"_s }, { u"ops"_s, u"ops/s"_s }, { u"iops"_s, u"io/s"_s }, { u"hertz"_s, u"Hz"_s },
        { u"celsius"_s, u"°C"_s }, { u"volt"_s, u"V"_s }, { u"watt"_s, u"W"_s }, { u"short"_s, QString() },
        { u"none"_s, QString() }, { u"percentunit"_s, QString() } };
    return units.value(grafana, grafana);
}

class DashboardReader
{
public:
    DashboardReader(
        const QString &file, const QMap<QString, QString> &given, ImportResult &result, QSet<QString> &usedIds)
        : m_file(file)
        , m_result(result)
        , m_usedIds(usedIds)
    {
        m_values = given;
    }

    void read(const QJsonObject &dashboard)
    {
        m_result.title = dashboard.value(u"title"_s).toString(m_result.title);
        readVariables(dashboard.value(u"templating"_s).toObject().value(u"list"_s).toArray());
        if (dashboard.value(u"rows"_s).isArray()) {
            const QJsonArray rows = dashboard.value(u"rows"_s).toArray();
            for (qsizetype r = 0; r < rows.size(); ++r) {
                const QJsonObject row = rows.at(r).toObject();
                m_group = resolve(row.value(u"title"_s).toString());
                ++m_result.report.groups;
                readPanels(row.value(u"panels"_s).toArray(), u"/rows/%1/panels"_s.arg(r));
            }
        }
        readPanels(dashboard.value(u"panels"_s).toArray(), u"/panels"_s);
    }

private:
    void readVariables(const QJsonArray &list)
    {
        for (const QJsonValue &v : list) {
            const QJsonObject var = v.toObject();
            const QString name = var.value(u"name"_s).toString();
            if (name.isEmpty() || m_values.contains(name)) {
                continue;
            }
            if (var.value(u"type"_s).toString() == u"datasource") {
                m_values.insert(name, var.value(u"current"_s).toObject().value(u"text"_s).toString());
                continue;
            }
            QJsonValue current = var.value(u"current"_s).toObject().value(u"value"_s);
            if (current.isArray()) {
                current = current.toArray().at(0); // Undefined when empty
            }
            QString value = current.toString();
            if (value == u"$__all") {
                value = var.value(u"allValue"_s).toString(u".*"_s);
                if (value.isEmpty()) {
                    value = u".*"_s;
                }
                m_result.report.note(
                    QCoreApplication::translate("Importer", "$%1 is \"All\": resolved as %2").arg(name, value));
            }
            if (value.isEmpty()) {
                value = var.value(u"query"_s).isString() && var.value(u"type"_s).toString() == u"constant"
                    ? var.value(u"query"_s).toString()
                    : QString();
            }
            if (!value.isEmpty()) {
                m_values.insert(name, value);
            }
        }
        const QList<std::pair<QString, QString>> builtins { { u"__rate_interval"_s, u"5m"_s },
            { u"__interval"_s, u"1m"_s }, { u"__range"_s, u"1h"_s } };
        for (const auto &[name, value] : builtins) {
            if (!m_values.contains(name)) {
                m_values.insert(name, value);
                m_defaulted.insert(name, value);
            }
        }
    }

    QString resolve(const QString &text)
    {
        static const QRegularExpression ref(
            u"\\$\\{([A-Za-z_]\\w*)(?::[^}]*)?\\}|\\[\\[([A-Za-z_]\\w*)(?::[^\\]]*)?\\]\\]|\\$([A-Za-z_]\\w*)"_s);
        QString out;
        qsizetype last = 0;
        auto it = ref.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            QString name = m.captured(1);
            if (name.isEmpty()) {
                name = m.captured(2).isEmpty() ? m.captured(3) : m.captured(2);
            }
            out += QStringView(text).mid(last, m.capturedStart() - last);
            last = m.capturedEnd();
            const auto value = m_values.constFind(name);
            if (value == m_values.cend()) {
                if (!m_result.report.unresolvedVariables.contains(u'$' + name)) {
                    m_result.report.unresolvedVariables.append(u'$' + name);
                }
                out += m.captured(0);
                continue;
            }
            if (m_defaulted.contains(name)) {
                m_result.report.note(
                    QCoreApplication::translate("Importer", "$%1 resolved as %2 (give --var %1=VALUE to change it)")
                        .arg(name, m_defaulted.value(name)));
            }
            out += *value;
        }
        out += QStringView(text).mid(last);
        return out;
    }

    void readPanels(const QJsonArray &panels, const QString &pointer)
    {
        for (qsizetype i = 0; i < panels.size(); ++i) {
            const QJsonObject panel = panels.at(i).toObject();
            const QString at = u"%1#%2/%3"_s.arg(m_file, pointer).arg(i);
            if (panel.value(u"type"_s).toString() == u"row") {
                m_group = resolve(panel.value(u"title"_s).toString());
                ++m_result.report.groups;
                readPanels(panel.value(u"panels"_s).toArray(), u"%1/%2/panels"_s.arg(pointer).arg(i));
                continue;
            }
            readPanel(panel, at);
        }
    }

    static bool isPrometheus(const QJsonValue &datasource)
    {
        if (datasource.isObject()) {
            const QString type = datasource.toObject().value(u"type"_s).toString();
            return type.isEmpty() || type == u"prometheus" || type == u"datasource";
        }
        const QString name = datasource.toString().toLower();
        for (const char *other : { "loki", "influx", "graphite", "elastic", "mysql", "postgres", "cloudwatch" }) {
            if (name.contains(QLatin1String(other))) {
                return false;
            }
        }
        return true;
    }

    void readPanel(const QJsonObject &panel, const QString &at)
    {
        const QString type = panel.value(u"type"_s).toString();
        const QString title = resolve(panel.value(u"title"_s).toString()).trimmed();
        const QString name
            = title.isEmpty() ? QCoreApplication::translate("Importer", "untitled %1 panel").arg(type) : title;
        if (!TilePanels.contains(type)) {
            m_result.report.skip(name, at,
                QCoreApplication::translate("Importer", "a \"%1\" panel has no KPI tile equivalent").arg(type));
            return;
        }
        if (!isPrometheus(panel.value(u"datasource"_s))) {
            m_result.report.skip(name, at, QCoreApplication::translate("Importer", "not backed by Prometheus"));
            return;
        }
        QList<QJsonObject> targets;
        for (const QJsonValue &v : panel.value(u"targets"_s).toArray()) {
            const QJsonObject target = v.toObject();
            if (!target.value(u"hide"_s).toBool() && !target.value(u"expr"_s).toString().trimmed().isEmpty()
                && isPrometheus(target.value(u"datasource"_s))) {
                targets.append(target);
            }
        }
        if (targets.isEmpty()) {
            m_result.report.skip(name, at, QCoreApplication::translate("Importer", "no visible Prometheus query"));
            return;
        }

        const QJsonObject defaults = panel.value(u"fieldConfig"_s).toObject().value(u"defaults"_s).toObject();
        QStringList lost;
        GrafanaThresholds thresholds;
        if (type == u"singlestat") {
            thresholds = GrafanaThresholds::fromLegacy(panel.value(u"thresholds"_s), panel.value(u"colors"_s));
        } else if (type == u"graph") {
            thresholds = GrafanaThresholds::fromGraph(panel.value(u"thresholds"_s));
        } else if (type != u"timeseries"
            || defaults.value(u"custom"_s)
                    .toObject()
                    .value(u"thresholdsStyle"_s)
                    .toObject()
                    .value(u"mode"_s)
                    .toString(u"off"_s)
                != u"off") {
            QJsonValue steps = defaults.value(u"thresholds"_s);
            if (!steps.isObject()) {
                steps = panel.value(u"options"_s)
                            .toObject()
                            .value(u"fieldOptions"_s)
                            .toObject()
                            .value(u"defaults"_s)
                            .toObject()
                            .value(u"thresholds"_s);
                if (steps.isArray()) {
                    steps = QJsonObject { { u"steps"_s, steps } };
                }
            }
            thresholds = GrafanaThresholds::fromSteps(steps);
        }
        if (!thresholds.problem.isEmpty()) {
            lost << thresholds.problem;
        }

        QString unit = defaults.value(u"unit"_s).toString();
        if (unit.isEmpty()) {
            unit = panel.value(u"format"_s).toString();
        }
        if (unit.isEmpty() && type == u"graph") {
            unit = panel.value(u"yaxes"_s).toArray().at(0).toObject().value(u"format"_s).toString();
        }
        if (unit == u"percentunit") {
            lost << QCoreApplication::translate("Importer", "unit percentunit (values are ratios from 0 to 1)");
        }
        std::optional<int> decimals;
        QJsonValue decimalsValue = defaults.value(u"decimals"_s);
        if (!decimalsValue.isDouble()) {
            decimalsValue = panel.value(u"decimals"_s);
        }
        if (decimalsValue.isDouble()) {
            decimals = std::clamp(decimalsValue.toInt(), 0, 6);
            if (decimals != decimalsValue.toInt()) {
                lost << QCoreApplication::translate("Importer", "decimals %1 (KPIs show 0 to 6)")
                            .arg(decimalsValue.toInt());
            }
        }
        if (!defaults.value(u"mappings"_s).toArray().isEmpty()) {
            lost << QCoreApplication::translate("Importer", "value mappings (a tile shows the number)");
        }
        if (defaults.value(u"min"_s).isDouble() || defaults.value(u"max"_s).isDouble()) {
            lost << QCoreApplication::translate("Importer", "min/max (KPI tiles have no scale)");
        }

        QStringList ids;
        for (qsizetype t = 0; t < targets.size(); ++t) {
            const QJsonObject &target = targets.at(t);
            ImportedKpi kpi;
            kpi.title = name;
            if (targets.size() > 1) {
                QString legend = resolve(target.value(u"legendFormat"_s).toString()).trimmed();
                if (legend.isEmpty() || legend == u"__auto") {
                    legend = target.value(u"refId"_s).toString(QString::number(t + 1));
                }
                kpi.title = u"%1: %2"_s.arg(name, legend);
            }
            kpi.id = ImportIds::unique(kpi.title, m_usedIds);
            kpi.query = resolve(target.value(u"expr"_s).toString()).trimmed();
            kpi.description = resolve(panel.value(u"description"_s).toString()).trimmed();
            kpi.group = m_group;
            kpi.unit = unitOf(unit);
            kpi.decimals = decimals;
            kpi.warn = thresholds.warn;
            kpi.crit = thresholds.crit;
            kpi.below = thresholds.below;
            kpi.origin = at;
            m_result.kpis.append(kpi);
            ids << kpi.id;
        }
        m_result.report.created.append({ name, at, ids.join(u", "_s), lost.join(u"; "_s), {} });
    }

    QString m_file;
    ImportResult &m_result;
    QSet<QString> &m_usedIds;
    QMap<QString, QString> m_values;
    QMap<QString, QString> m_defaulted;
    QString m_group;
};

// "line 3, column 7" from a byte offset of a JSON parse error.
QString position(const QByteArray &data, int offset)
{
    const QByteArray before = data.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(offset - (before.lastIndexOf('\n') + 1)) + 1;
    return u"%1:%2"_s.arg(line).arg(column);
}

} // namespace

ImportResult GrafanaImporter::importFile(
    const QString &path, const QMap<QString, QString> &variables, QSet<QString> &usedIds)
{
    QString error;
    const std::optional<QByteArray> data = ImportIds::readSource(path, &error);
    if (!data) {
        ImportResult result;
        result.error = error;
        return result;
    }
    return importData(*data, path, variables, usedIds);
}

ImportResult GrafanaImporter::importData(
    const QByteArray &data, const QString &fileName, const QMap<QString, QString> &variables, QSet<QString> &usedIds)
{
    ImportResult result;
    result.title = fileName.section(u'/', -1).section(u'.', 0, 0);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = u"%1:%2: "_s.arg(fileName, position(data, parseError.offset))
            + QCoreApplication::translate("Importer", "invalid JSON: %1").arg(parseError.errorString());
        return result;
    }
    QJsonObject dashboard = document.object();
    if (dashboard.value(u"dashboard"_s).isObject()) {
        dashboard = dashboard.value(u"dashboard"_s).toObject(); // the HTTP API's export wraps it
    }
    if (!dashboard.value(u"panels"_s).isArray() && !dashboard.value(u"rows"_s).isArray()) {
        result.error = u"%1: "_s.arg(fileName)
            + QCoreApplication::translate(
                "Importer", "not a Grafana dashboard: expected an object with \"panels\" or \"rows\"");
        return result;
    }
    DashboardReader reader(fileName, variables, result, usedIds);
    reader.read(dashboard);
    return result;
}
