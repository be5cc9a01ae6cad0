// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/agentmetrics.h"

#include "kpi/kpimodel.h"
#include "kpi/kpitile.h"
#include "probe/endpointmodel.h"
#include "session/session.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// One metric family: its HELP and TYPE, then its samples; a family without samples is left out.
class Family
{
public:
    Family(QByteArray *out, const char *name, const char *type, const char *help)
        : m_out(out)
        , m_name(name)
        , m_type(type)
        , m_help(help)
    { }
    void add(const QList<QPair<QString, QString>> &labels, double value)
    {
        if (!m_started) {
            *m_out += "# HELP " + m_name + ' ' + m_help + "\n# TYPE " + m_name + ' ' + m_type + '\n';
            m_started = true;
        }
        *m_out += m_name;
        QStringList parts;
        for (const auto &[name, text] : labels) {
            parts << name + u"=\"" + AgentMetrics::escapeLabel(text) + u'"';
        }
        if (!parts.isEmpty()) {
            *m_out += '{' + parts.join(u',').toUtf8() + '}';
        }
        *m_out += ' ' + AgentMetrics::formatValue(value) + '\n';
    }

private:
    QByteArray *m_out;
    QByteArray m_name;
    QByteArray m_type;
    QByteArray m_help;
    bool m_started = false;
};

double seconds(double ms)
{
    return ms < 0 ? 0 : ms / 1000.0;
}

constexpr EndpointState endpointStates[] = { EndpointState::Ok, EndpointState::Maintenance, EndpointState::Pending,
    EndpointState::Warning, EndpointState::Unknown, EndpointState::Critical };
constexpr KpiState kpiStates[]
    = { KpiState::Normal, KpiState::Warning, KpiState::Critical, KpiState::Stale, KpiState::Unknown };

} // namespace

QString AgentMetrics::escapeLabel(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\') {
            escaped += u"\\\\"_s;
        } else if (c == u'"') {
            escaped += u"\\\""_s;
        } else if (c == u'\n') {
            escaped += u"\\n"_s;
        } else {
            escaped += c;
        }
    }
    return escaped;
}

QByteArray AgentMetrics::formatValue(double value)
{
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "+Inf" : "-Inf";
    }
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}

QList<QPair<QString, double>> AgentMetrics::phases(const ProbeResult &r)
{
    const double connectEnd = r.connectMs >= 0 ? r.connectMs : r.dnsMs;
    const double tlsEnd = r.tlsMs >= 0 ? r.tlsMs : connectEnd;
    const auto span = [](double from, double to) { return to >= 0 ? seconds(to - qMax(from, 0.0)) : 0.0; };
    return { { u"resolve"_s, seconds(r.dnsMs) }, { u"connect"_s, r.connectMs >= 0 ? span(r.dnsMs, r.connectMs) : 0 },
        { u"tls"_s, r.tlsMs >= 0 ? span(connectEnd, r.tlsMs) : 0 },
        { u"processing"_s, r.firstByteMs >= 0 ? span(tlsEnd, r.firstByteMs) : 0 },
        { u"transfer"_s, r.totalMs >= 0 && r.firstByteMs >= 0 ? span(r.firstByteMs, r.totalMs) : 0 } };
}

bool AgentMetrics::success(const ProbeResult &result)
{
    if (!result.error.isEmpty() || !result.connected) {
        return false;
    }
    for (const ConditionResult &condition : result.conditions) {
        if (!condition.warning && condition.verdict != ConditionResult::Verdict::Pass) {
            return false;
        }
    }
    return true;
}

QByteArray AgentMetrics::render(const Session &session, const Agent &agent)
{
    QByteArray out;
    QList<QPair<QString, QString>> base { { u"workspace"_s, agent.workspace } };
    if (!agent.location.isEmpty()) {
        base.append({ u"location"_s, agent.location });
    }
    Family success(&out, "probe_success", "gauge", "Whether the last probe succeeded (1) or not (0).");
    Family duration(&out, "probe_duration_seconds", "gauge", "How long the last probe took, in seconds.");
    Family phase(&out, "probe_http_duration_seconds", "gauge", "Duration of the last probe by phase, in seconds.");
    Family status(&out, "probe_http_status_code", "gauge", "HTTP status code of the last answer, 0 without one.");
    Family expiry(&out, "probe_ssl_earliest_cert_expiry", "gauge",
        "Expiry of the server certificate, in seconds since the Unix epoch.");
    Family state(&out, "opsdeck_endpoint_state", "gauge", "The endpoint's state in OpsDeck (1 for the current one).");
    Family checked(&out, "opsdeck_endpoint_last_check_timestamp_seconds", "gauge",
        "When the last probe of the endpoint started, in seconds since the Unix epoch.");
    Family impacted(&out, "opsdeck_endpoint_impacted", "gauge",
        "Whether the endpoint fails because of a CRITICAL root cause it depends on (1, named by impacted_by) or not "
        "(0).");
    const EndpointModel *endpoints = session.endpoints();
    // Each family's samples together, as the text format requires: one pass per family.
    QList<std::pair<QList<QPair<QString, QString>>, const ProbeResult *>> results;
    QList<QPair<QString, QString>> impactedBy; // per result: "impacted_by" and the root cause, or empty
    for (const Endpoint &endpoint : session.workspace().endpoints) {
        const EndpointStatus *s = endpoints->status(endpoint.name);
        if (!s) {
            continue; // disabled
        }
        auto labels = base;
        labels.append({ u"endpoint"_s, s->name });
        if (!s->group.isEmpty()) {
            labels.append({ u"group"_s, s->group });
        }
        results.append({ labels, s->last ? &*s->last : nullptr });
        impactedBy.append({ u"impacted_by"_s, s->isImpacted() ? s->impactedBy : QString() });
    }
    for (const auto &[labels, r] : results) {
        if (r) {
            success.add(labels, AgentMetrics::success(*r) ? 1 : 0);
        }
    }
    for (const auto &[labels, r] : results) {
        if (r) {
            duration.add(labels, seconds(r->totalMs));
        }
    }
    for (const auto &[labels, r] : results) {
        for (const auto &[name, value] : r ? phases(*r) : QList<QPair<QString, double>>()) {
            phase.add(labels + QList<QPair<QString, QString>> { { u"phase"_s, name } }, value);
        }
    }
    for (const auto &[labels, r] : results) {
        if (r) {
            status.add(labels, r->httpStatus);
        }
    }
    for (const auto &[labels, r] : results) {
        if (r && r->certificateExpiry) {
            expiry.add(labels, double(r->certificateExpiry->toSecsSinceEpoch()));
        }
    }
    for (const auto &[labels, r] : results) {
        for (const EndpointState s : endpointStates) {
            state.add(labels + QList<QPair<QString, QString>> { { u"state"_s, endpointStateName(s).toLower() } },
                r && r->state == s ? 1 : 0);
        }
    }
    for (const auto &[labels, r] : results) {
        if (r) {
            checked.add(labels, r->startedAt.toMSecsSinceEpoch() / 1000.0);
        }
    }
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (results[i].second) {
            impacted.add(results[i].first + QList { impactedBy[i] }, impactedBy[i].second.isEmpty() ? 0 : 1);
        }
    }

    const KpiModel *kpis = session.kpis();
    Family kpiValue(&out, "opsdeck_kpi_value", "gauge", "The KPI's last good value, in its unit.");
    Family kpiState(&out, "opsdeck_kpi_state", "gauge", "The KPI's state in OpsDeck (1 for the current one).");
    QList<std::pair<QList<QPair<QString, QString>>, const KpiTile *>> tiles;
    for (int row = 0; row < kpis->rowCount(); ++row) {
        if (const KpiTile *tile = kpis->tile(row)) {
            auto labels = base;
            labels.append({ u"kpi"_s, tile->kpi.id });
            if (!tile->kpi.unit.isEmpty()) {
                labels.append({ u"unit"_s, tile->kpi.unit });
            }
            tiles.append({ labels, tile });
        }
    }
    for (const auto &[labels, tile] : tiles) {
        if (tile->value) {
            kpiValue.add(labels, *tile->value);
        }
    }
    for (const auto &[labels, tile] : tiles) {
        for (const KpiState s : kpiStates) {
            kpiState.add(
                labels + QList<QPair<QString, QString>> { { u"state"_s, KpiEvaluator::stateName(s).toLower() } },
                tile->state == s ? 1 : 0);
        }
    }

    Family loaded(&out, "opsdeck_agent_workspace_loaded", "gauge",
        "Whether the last load of the workspace file succeeded (1) or the agent runs on an earlier version (0).");
    loaded.add(base, agent.loaded ? 1 : 0);
    Family reloads(&out, "opsdeck_agent_reloads_total", "counter", "Versions of the workspace file taken.");
    reloads.add(base, double(agent.reloads));
    Family failures(
        &out, "opsdeck_agent_reload_failures_total", "counter", "Versions of the workspace file refused as invalid.");
    failures.add(base, double(agent.reloadFailures));
    Family started(&out, "opsdeck_agent_start_time_seconds", "gauge", "When the agent started, in Unix seconds.");
    started.add(base, agent.startedMs / 1000.0);
    return out;
}
