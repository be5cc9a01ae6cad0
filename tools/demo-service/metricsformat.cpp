// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsformat.h"

#include "demostate.h"

#include <cmath>

using namespace Qt::StringLiterals;

void MetricsWriter::family(const QByteArray &name, const QByteArray &type, const QByteArray &help)
{
    m_text += "# HELP " + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

void MetricsWriter::sample(const QByteArray &name, const Labels &labels, double value)
{
    m_text += name;
    if (!labels.isEmpty()) {
        m_text += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0) {
                m_text += ',';
            }
            m_text += labels.at(i).first + "=\"" + escapeLabelValue(labels.at(i).second) + '"';
        }
        m_text += '}';
    }
    m_text += ' ' + formatValue(value) + '\n';
}

QByteArray MetricsWriter::escapeLabelValue(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray MetricsWriter::formatValue(double value)
{
    if (std::isinf(value)) {
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    }
    if (std::isnan(value)) {
        return QByteArrayLiteral("NaN");
    }
    if (value == std::floor(value) && std::abs(value) < 1e15) {
        return QByteArray::number(qint64(value));
    }
    return QByteArray::number(value, 'g', 12);
}

QByteArray renderMetrics(const DemoState &state)
{
    MetricsWriter w;
    w.family("http_requests_total", "counter", "HTTP requests handled, by route and status code.");
    const auto &counts = state.requestCounts();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        w.sample("http_requests_total", { { "route", it.key().first }, { "status", QString::number(it.key().second) } },
            double(it.value()));
    }

    w.family("http_request_duration_seconds", "histogram", "HTTP request latency in seconds.");
    quint64 cumulative = 0;
    const auto &buckets = state.bucketCounts();
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        cumulative += buckets.at(i);
        const QString le = i < DemoState::bucketBounds.size()
            ? QString::fromLatin1(MetricsWriter::formatValue(DemoState::bucketBounds.at(i)))
            : u"+Inf"_s;
        w.sample("http_request_duration_seconds_bucket", { { "le", le } }, double(cumulative));
    }
    w.sample("http_request_duration_seconds_sum", {}, state.latencySumSeconds());
    w.sample("http_request_duration_seconds_count", {}, double(cumulative));

    w.family("cache_hits_total", "counter", "Cache lookups that found the key.");
    w.sample("cache_hits_total", {}, double(state.cacheHits()));
    w.family("cache_misses_total", "counter", "Cache lookups that missed.");
    w.sample("cache_misses_total", {}, double(state.cacheMisses()));
    w.family("cache_keys", "gauge", "Keys currently in the cache.");
    w.sample("cache_keys", {}, state.cacheKeys());

    const Gauges &g = state.gauges();
    const auto gauge = [&w](const QByteArray &name, const QByteArray &help, double value) {
        w.family(name, "gauge", help);
        w.sample(name, {}, value);
    };
    gauge("process_cpu_usage_percent", "CPU usage of the service in percent.", g.cpuPercent);
    gauge("process_memory_usage_percent", "Memory usage of the service in percent.", g.memoryPercent);
    gauge("disk_usage_percent", "Disk usage of the data volume in percent.", g.diskPercent);
    gauge("db_connections_active", "Database connections in use.", g.dbConnectionsActive);
    gauge("db_connections_max", "Database connection pool size.", g.dbConnectionsMax);
    gauge("api_quota_used_percent", "Share of the daily external API quota used, in percent.", g.apiQuotaUsedPercent);

    w.family("cdn_skin_load_success_total", "counter", "Skin assets loaded from the CDN.");
    w.sample("cdn_skin_load_success_total", {}, double(state.cdnSuccess()));
    w.family("cdn_skin_load_failure_total", "counter", "Skin assets that failed to load from the CDN.");
    w.sample("cdn_skin_load_failure_total", {}, double(state.cdnFailure()));

    w.family("deployment_info", "gauge", "The deployed version (always 1).");
    w.sample("deployment_info", { { "version", state.current().version } }, 1);
    w.family("process_uptime_seconds", "gauge", "Seconds since the service started.");
    w.sample("process_uptime_seconds", {}, double(state.uptimeSeconds()));
    return w.text();
}
