// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// kpis[]: display settings, thresholds and the one source a KPI's value comes from.
#include "workspace/sections.h"
#include "workspace/yamlreader.h"

using namespace Qt::StringLiterals;

using namespace std::chrono_literals;

namespace {

const char *const SourceKinds[] = { "prometheus", "metrics", "json", "probe", "error-budget" };

void readEndpointRef(YamlReader &r, const YamlValue &map, QString &out)
{
    const YamlValue v = r.get(map, "endpoint", YamlReader::Required);
    if (const auto name = r.string(v, YamlReader::Required)) {
        out = *name;
        r.reference(PendingReference::Target::Endpoint, v, out);
    }
}

void readSourceBody(YamlReader &r, const YamlValue &v, KpiSource &s)
{
    switch (s.kind) {
    case KpiSource::Kind::Prometheus:
        if (auto query = r.string(v, YamlReader::Required)) {
            s.query = *query;
        }
        break;
    case KpiSource::Kind::Metrics:
        if (r.expectMap(v, { "url", "metric", "labels", "aggregate", "quantile", "window" })) {
            if (r.readTemplate(v, "url", s.url, YamlReader::Required)) {
                r.checkHttpUrl(r.get(v, "url"), s.url);
            }
            r.readString(v, "metric", s.metric, YamlReader::Required);
            if (const YamlValue labels = r.get(v, "labels")) {
                s.labels = r.stringMap(labels).value_or(QMap<QString, QString>());
            }
            s.aggregate = u"gauge"_s;
            r.readChoice(v, "aggregate", s.aggregate, { u"gauge"_s, u"rate"_s, u"quantile"_s });
            std::optional<double> quantile;
            if (r.readNumber(v, "quantile", quantile)) {
                if (*quantile <= 0 || *quantile >= 1) {
                    r.error(r.get(v, "quantile"),
                        QCoreApplication::translate("WorkspaceLoader", "expected a quantile between 0 and 1, got %1")
                            .arg(*quantile));
                }
                s.quantile = *quantile;
            } else if (s.aggregate == u"quantile" && !r.has(v, "quantile")) {
                r.error(v,
                    QCoreApplication::translate("WorkspaceLoader", "missing required key \"%1\"").arg(u"quantile"_s));
            }
            s.window = 5min;
            r.readDuration(v, "window", s.window, true);
        }
        break;
    case KpiSource::Kind::Json:
        if (r.expectMap(v, { "endpoint", "path" })) {
            readEndpointRef(r, v, s.endpoint);
            r.readString(v, "path", s.path, YamlReader::Required);
        }
        break;
    case KpiSource::Kind::Probe:
        if (r.expectMap(v, { "endpoint", "figure", "window" })) {
            readEndpointRef(r, v, s.endpoint);
            if (r.get(v, "figure", YamlReader::Required)) {
                r.readChoice(
                    v, "figure", s.figure, { u"uptime"_s, u"latency-p50"_s, u"latency-p95"_s, u"failure-rate"_s });
            }
            s.window = 24h;
            r.readDuration(v, "window", s.window, true);
        }
        break;
    case KpiSource::Kind::ErrorBudget:
        if (r.expectMap(v, { "endpoint", "objective", "period" })) {
            readEndpointRef(r, v, s.endpoint);
            std::optional<double> objective;
            const YamlValue at = r.get(v, "objective", YamlReader::Required);
            if (at && r.readNumber(v, "objective", objective)) {
                if (*objective <= 0 || *objective >= 100) {
                    r.error(at,
                        QCoreApplication::translate(
                            "WorkspaceLoader", "expected an objective in percent between 0 and 100 like 99.9, got %1")
                            .arg(*objective));
                }
                s.objective = *objective;
            }
            s.window = 24h * 30;
            r.readDuration(v, "period", s.window, true);
        }
        break;
    case KpiSource::Kind::None:
        break;
    }
}

KpiSource readSource(YamlReader &r, const YamlValue &v)
{
    KpiSource s;
    s.pos = YamlReader::pos(v);
    if (!r.expectMap(v, { "prometheus", "metrics", "json", "probe", "error-budget" })) {
        return s;
    }
    QString first;
    for (int i = 0; i < 5; ++i) {
        const YamlValue body = r.get(v, SourceKinds[i]);
        if (!body) {
            continue;
        }
        if (!first.isEmpty()) {
            r.error(body,
                QCoreApplication::translate("WorkspaceLoader", "a KPI has one source, got both \"%1\" and \"%2\"")
                    .arg(first, QLatin1String(SourceKinds[i])));
            continue;
        }
        first = QLatin1String(SourceKinds[i]);
        s.kind = static_cast<KpiSource::Kind>(i + 1);
        readSourceBody(r, body, s);
    }
    if (first.isEmpty()) {
        r.error(v,
            QCoreApplication::translate(
                "WorkspaceLoader", "expected a source: one of prometheus, metrics, json, probe, error-budget"));
    }
    return s;
}

void readThresholds(YamlReader &r, const YamlValue &v, Thresholds &t)
{
    if (!r.expectMap(v, { "warn", "crit", "direction" })) {
        return;
    }
    r.readNumber(v, "warn", t.warn);
    r.readNumber(v, "crit", t.crit);
    QString direction;
    if (r.readChoice(v, "direction", direction, { u"above"_s, u"below"_s })) {
        t.direction = direction == u"below" ? Thresholds::Direction::Below : Thresholds::Direction::Above;
    }
    if (t.warn && t.crit) {
        const bool above = t.direction == Thresholds::Direction::Above;
        if (above ? *t.warn > *t.crit : *t.warn < *t.crit) {
            const QString message = above
                ? QCoreApplication::translate(
                    "WorkspaceLoader", "warn (%1) is above crit (%2): with direction above, higher values are worse")
                : QCoreApplication::translate(
                    "WorkspaceLoader", "warn (%1) is below crit (%2): with direction below, lower values are worse");
            r.warning(r.get(v, "warn"), message.arg(*t.warn).arg(*t.crit));
        }
    }
}

Kpi readKpi(YamlReader &r, const YamlValue &v, QHash<QString, int> &ids)
{
    Kpi k;
    k.pos = YamlReader::pos(v);
    if (!r.expectMap(v,
            { "id", "title", "description", "unit", "decimals", "target", "thresholds", "source", "interval", "tier",
                "war-room", "chart" })) {
        return k;
    }
    r.readId(v, "id", k.id, ids,
        QCoreApplication::translate("WorkspaceLoader", "duplicate KPI id \"%1\" (first defined on line %2)"));
    r.readText(v, "title", k.title, YamlReader::Required);
    r.readText(v, "description", k.description);
    r.readString(v, "unit", k.unit);
    r.readInt(v, "decimals", k.decimals, 0, 6);
    r.readNumber(v, "target", k.target);
    if (const YamlValue thresholds = r.get(v, "thresholds")) {
        readThresholds(r, thresholds, k.thresholds);
    }
    if (const YamlValue source = r.get(v, "source", YamlReader::Required)) {
        k.source = readSource(r, source);
    }
    r.readDuration(v, "interval", k.interval, true);
    r.readInt(v, "tier", k.tier, 0, 3);
    r.readBool(v, "war-room", k.warRoom);
    r.readString(v, "chart", k.chart);
    return k;
}

} // namespace

namespace WorkspaceSections {

void readKpis(YamlReader &r, const YamlValue &value, QList<Kpi> &out)
{
    QHash<QString, int> ids;
    for (const YamlValue &item : r.listItems(value)) {
        out.append(readKpi(r, item, ids));
    }
}

} // namespace WorkspaceSections
