// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/metricsscraper.h"

#include "sources/metricfetch.h"

using namespace Qt::StringLiterals;

MetricsScraper::MetricsScraper(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{ }

void MetricsScraper::scrape(const QString &url, QObject *context, Callback done, Reuse reuse)
{
    const QList<Scrape> &kept = m_history[url];
    if (reuse == Reuse::Allowed && !kept.isEmpty()
        && kept.constLast().at.msecsTo(QDateTime::currentDateTimeUtc()) < m_reuseAgeMs) {
        const Scrape latest = kept.constLast();
        QMetaObject::invokeMethod(
            this,
            [guard = QPointer<QObject>(context), done = std::move(done), latest] {
                if (guard) {
                    done(latest, {});
                }
            },
            Qt::QueuedConnection);
        return;
    }
    auto it = m_inFlight.find(url);
    if (it != m_inFlight.end()) {
        it->append({ context, std::move(done) });
        return;
    }
    m_inFlight.insert(url, { { context, std::move(done) } });
    FetchRequest request;
    request.url = url;
    request.headers.insert(u"Accept"_s, u"text/plain;version=0.0.4"_s);
    request.timeout = m_timeout;
    request.maxBodyBytes = m_maxBodyBytes;
    ++m_requestsSent;
    MetricFetch::send(m_nam, request, this, [this, url](const ProbeResult &result) {
        Scrape scrape;
        scrape.at = result.startedAt;
        if (!result.error.isEmpty()) {
            finish(url, scrape, result.error);
            return;
        }
        if (result.httpStatus != 200) {
            finish(url, scrape, tr("%1 answered HTTP %2").arg(url).arg(result.httpStatus));
            return;
        }
        const QByteArray body = result.body;
        MetricFetch::inBackground<std::shared_ptr<const Exposition>>(
            this, [body] { return std::make_shared<const Exposition>(ExpositionParser::parse(body)); },
            [this, url, scrape](const std::shared_ptr<const Exposition> &metrics) mutable {
                scrape.metrics = metrics;
                finish(url, scrape,
                    metrics->ok()
                        ? QString()
                        : tr("%1 is not in the Prometheus text format: %2").arg(url, metrics->errors.constFirst()));
            });
    });
}

void MetricsScraper::finish(const QString &url, const Scrape &scrape, const QString &error)
{
    if (error.isEmpty()) {
        QList<Scrape> &kept = m_history[url];
        kept.append(scrape);
        const QDateTime cutoff = scrape.at.addMSecs(-m_keep.count());
        while (kept.size() > 2 && kept.constFirst().at < cutoff) {
            kept.removeFirst();
        }
    }
    const QList<Waiter> waiters = m_inFlight.take(url);
    for (const Waiter &w : waiters) {
        if (w.context) {
            w.done(scrape, error);
        }
    }
}

std::optional<MetricsScraper::Scrape> MetricsScraper::baseline(
    const QString &url, const Scrape &latest, Milliseconds window) const
{
    const QList<Scrape> kept = m_history.value(url);
    const QDateTime from = latest.at.addMSecs(-window.count());
    for (const Scrape &s : kept) {
        if (s.at >= from && s.at.msecsTo(latest.at) >= 500) {
            return s;
        }
    }
    return std::nullopt;
}
