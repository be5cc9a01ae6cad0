// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpireader.h"

#include "kpi/kpimodel.h"
#include "sources/jsonfield.h"
#include "sources/metricmath.h"
#include "sources/metricsscraper.h"
#include "sources/prometheusclient.h"
#include "workspace/duration.h"

#include <QPointer>

KpiReader::KpiReader(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_prometheus(new PrometheusClient(nam, {}, this))
    , m_scraper(new MetricsScraper(nam, this))
{ }

KpiReader::~KpiReader() = default;

void KpiReader::setWorkspace(const Workspace &workspace)
{
    m_prometheus->setServer(workspace.sources.prometheus);
    Milliseconds keep { 0 };
    for (const Kpi &kpi : workspace.kpis) {
        if (kpi.source.kind == KpiSource::Kind::Metrics) {
            keep = std::max(keep, kpi.source.window);
        }
    }
    m_scraper->setKeep(keep + Milliseconds(60000));
}

void KpiReader::addProbeResult(const ProbeResult &result)
{
    QList<ProbeRecord> &records = m_records[result.endpoint];
    records.append({ result.startedAt.toMSecsSinceEpoch(), result.state, result.totalMs });
    if (records.size() > maxRecordsPerEndpoint) {
        records.remove(0, records.size() - maxRecordsPerEndpoint);
    }
    if (result.error.isEmpty()) {
        m_lastBody.insert(result.endpoint, result.body);
        m_lastError.remove(result.endpoint);
    } else {
        m_lastError.insert(result.endpoint, result.error);
    }
}

void KpiReader::addProbeRecords(const QString &endpoint, const QList<ProbeRecord> &records)
{
    QList<ProbeRecord> &held = m_records[endpoint];
    const qint64 firstHeld = held.isEmpty() ? std::numeric_limits<qint64>::max() : held.constFirst().atMs;
    QList<ProbeRecord> merged;
    for (const ProbeRecord &r : records) {
        if (r.atMs < firstHeld) {
            merged.append(r);
        }
    }
    merged.append(held);
    if (merged.size() > maxRecordsPerEndpoint) {
        merged.remove(0, merged.size() - maxRecordsPerEndpoint);
    }
    held = merged;
}

QString KpiReader::sourceText(const KpiSource &s)
{
    switch (s.kind) {
    case KpiSource::Kind::Prometheus:
        return s.query;
    case KpiSource::Kind::Metrics: {
        const QString selector = MetricMath::selectorText(s.metric, s.labels);
        if (s.aggregate == u"rate") {
            return tr("rate(%1[%2]) from %3").arg(selector, Duration::format(s.window), s.url);
        }
        if (s.aggregate == u"quantile") {
            return tr("histogram_quantile(%1, %2[%3]) from %4")
                .arg(s.quantile)
                .arg(selector, Duration::format(s.window), s.url);
        }
        return tr("%1 from %2").arg(selector, s.url);
    }
    case KpiSource::Kind::Json:
        return tr("%1 of endpoint %2's last response").arg(s.path, s.endpoint);
    case KpiSource::Kind::Probe:
        return tr("%1 of endpoint %2 over %3").arg(s.figure, s.endpoint, Duration::format(s.window));
    case KpiSource::Kind::ErrorBudget:
        return tr("error budget of endpoint %1: %2 % over %3")
            .arg(s.endpoint)
            .arg(s.objective)
            .arg(Duration::format(s.window));
    case KpiSource::Kind::None:
        break;
    }
    return {};
}

void KpiReader::read(const Kpi &kpi, QObject *context, Callback done)
{
    if (m_held.contains(kpi.id)) {
        KpiFigure figure;
        figure.at = QDateTime::currentDateTimeUtc();
        figure.error = KpiModel::waitingForTrustText();
        QMetaObject::invokeMethod(
            this,
            [figure, guard = QPointer<QObject>(context), done = std::move(done)] {
                if (guard) {
                    done(figure);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    switch (kpi.source.kind) {
    case KpiSource::Kind::Prometheus:
        readPrometheus(kpi, context, std::move(done));
        return;
    case KpiSource::Kind::Metrics:
        readMetrics(kpi, context, std::move(done));
        return;
    default:
        break;
    }
    QMetaObject::invokeMethod(
        this,
        [figure = readLocal(kpi), guard = QPointer<QObject>(context), done = std::move(done)] {
            if (guard) {
                done(figure);
            }
        },
        Qt::QueuedConnection);
}

void KpiReader::readPrometheus(const Kpi &kpi, QObject *context, Callback done)
{
    if (!m_prometheus->server().isSet()) {
        KpiFigure figure;
        figure.at = QDateTime::currentDateTimeUtc();
        figure.error = tr("the workspace sets no sources.prometheus.url");
        QMetaObject::invokeMethod(
            this,
            [figure, guard = QPointer<QObject>(context), done = std::move(done)] {
                if (guard) {
                    done(figure);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    m_prometheus->instant(kpi.source.query, context, [done = std::move(done)](const PromResponse &r) {
        KpiFigure figure;
        figure.at = QDateTime::currentDateTimeUtc();
        if (!r.ok()) {
            figure.error = r.errorText();
        } else if (r.series.isEmpty()) {
            figure.error = tr("the query returned no data");
        } else if (r.series.size() > 1) {
            figure.error = tr("the query returned %1 series; a tile shows one (aggregate it, e.g. with sum())")
                               .arg(r.series.size());
        } else {
            figure.value = r.series.constFirst().points.constLast().y();
        }
        done(figure);
    });
}

void KpiReader::readMetrics(const Kpi &kpi, QObject *context, Callback done)
{
    const KpiSource source = kpi.source;
    // A rate whose newest scrape has no baseline yet needs a newer scrape, whenever it asks again: handed that same
    // scrape (it is within the reuse age when the retry comes soon) it could only say "wait" once more.
    auto reuse = MetricsScraper::Reuse::Allowed;
    if (source.aggregate == u"rate") {
        const QList<MetricsScraper::Scrape> kept = m_scraper->history(source.url);
        if (!kept.isEmpty() && !m_scraper->baseline(source.url, kept.constLast(), source.window)) {
            reuse = MetricsScraper::Reuse::Never;
        }
    }
    QPointer<KpiReader> self(this);
    m_scraper->scrape(
        source.url, context,
        [self, source, done = std::move(done)](const MetricsScraper::Scrape &latest, const QString &error) {
            KpiFigure figure;
            figure.at = latest.at.isValid() ? latest.at : QDateTime::currentDateTimeUtc();
            if (!error.isEmpty() || !self) {
                figure.error = error;
                done(figure);
                return;
            }
            const std::optional<MetricsScraper::Scrape> base
                = self->m_scraper->baseline(source.url, latest, source.window);
            MetricMath::Figure f;
            if (source.aggregate == u"rate") {
                if (!base) {
                    figure.retrySoon = true;
                    f.error = tr("waiting for a second scrape to compute a rate");
                } else {
                    f = MetricMath::rate(*base->metrics, *latest.metrics, double(base->at.msecsTo(latest.at)) / 1000.0,
                        source.metric, source.labels);
                }
            } else if (source.aggregate == u"quantile") {
                // Before a second scrape: the quantile over everything the service has counted so far.
                f = MetricMath::quantile(base ? base->metrics.get() : nullptr, *latest.metrics, source.quantile,
                    source.metric, source.labels);
            } else {
                f = MetricMath::gauge(*latest.metrics, source.metric, source.labels);
            }
            figure.value = f.value;
            figure.error = f.error;
            done(figure);
        },
        reuse);
}

KpiFigure KpiReader::readLocal(const Kpi &kpi) const
{
    const KpiSource &s = kpi.source;
    KpiFigure figure;
    figure.at = QDateTime::currentDateTimeUtc();
    const qint64 now = figure.at.toMSecsSinceEpoch();
    const QList<ProbeRecord> records = m_records.value(s.endpoint);
    switch (s.kind) {
    case KpiSource::Kind::Json: {
        if (!m_lastBody.contains(s.endpoint)) {
            figure.error = m_lastError.contains(s.endpoint)
                ? tr("endpoint %1 has no response: %2").arg(s.endpoint, m_lastError.value(s.endpoint))
                : tr("endpoint %1 has not been checked yet").arg(s.endpoint);
            break;
        }
        const JsonField::Figure f = JsonField::extract(m_lastBody.value(s.endpoint), s.path);
        figure.value = f.value;
        figure.error = f.error;
        break;
    }
    case KpiSource::Kind::Probe: {
        const ProbeFigures::Figure f = ProbeFigures::compute(s.figure, records, now, s.window);
        figure.value = f.value;
        figure.error = f.error;
        break;
    }
    case KpiSource::Kind::ErrorBudget:
        if (records.isEmpty()) {
            figure.error = tr("endpoint %1 has not been checked yet").arg(s.endpoint);
        } else {
            const ErrorBudget b = ProbeFigures::errorBudget(records, now, s.objective, s.window);
            figure.value = b.remainingPercent;
            figure.burnRate = b.burnRate;
            figure.budgetLeftMs = b.allowedMs - b.spentMs;
        }
        break;
    default:
        figure.error = tr("the KPI has no source");
        break;
    }
    return figure;
}
