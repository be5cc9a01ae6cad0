// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpi/probefigures.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class MetricsScraper;
class PrometheusClient;
class QNetworkAccessManager;

// One reading of a KPI's source.
struct KpiFigure
{
    std::optional<double> value;
    QString error; // why there is no value
    std::optional<double> burnRate; // error budgets
    std::optional<double> budgetLeftMs; // error budgets: allowance minus time spent down; negative when overspent
    QDateTime at;
    bool retrySoon = false; // a rate waits for its second scrape
};

// Reads any KPI source once, asynchronously: Prometheus, a service's /metrics, a JSON field of an endpoint's last
// response, probe figures and the error budget. Probe results are fed in by whoever runs the checks.
class KpiReader final : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype maxRecordsPerEndpoint = 100000;
    using Callback = std::function<void(const KpiFigure &)>;

    explicit KpiReader(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~KpiReader() override;

    void setWorkspace(const Workspace &workspace);
    void addProbeResult(const ProbeResult &result);
    // Earlier results (e.g. from the database), oldest first, placed before the ones already held.
    void addProbeRecords(const QString &endpoint, const QList<ProbeRecord> &records);
    QList<ProbeRecord> probeRecords(const QString &endpoint) const { return m_records.value(endpoint); }

    // `done` runs on this object's thread, never from inside read(), and not after `context` is gone.
    void read(const Kpi &kpi, QObject *context, Callback done);
    // KPIs that are not read (their reading would send a secret of a workspace not trusted yet): read() answers
    // "waiting for trust" without sending anything.
    void setHeld(const QSet<QString> &kpis) { m_held = kpis; }

    // What a tooltip shows as the source: the PromQL, the metric selector and URL, the JSON path, ...
    static QString sourceText(const KpiSource &source);

    PrometheusClient *prometheus() const { return m_prometheus; }
    MetricsScraper *scraper() const { return m_scraper; }

private:
    void readPrometheus(const Kpi &kpi, QObject *context, Callback done);
    void readMetrics(const Kpi &kpi, QObject *context, Callback done);
    KpiFigure readLocal(const Kpi &kpi) const;

    QNetworkAccessManager *m_nam;
    PrometheusClient *m_prometheus;
    MetricsScraper *m_scraper;
    QHash<QString, QList<ProbeRecord>> m_records;
    QHash<QString, QByteArray> m_lastBody;
    QHash<QString, QString> m_lastError;
    QSet<QString> m_held;
};
