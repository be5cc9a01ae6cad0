// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/prometheusclient.h"

#include "sources/metricfetch.h"

#include <QPointer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString formTime(const QDateTime &t)
{
    return QString::number(double(t.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

QString encode(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

PrometheusClient::PrometheusClient(QNetworkAccessManager *nam, const MetricServer &server, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_server(server)
{ }

Milliseconds PrometheusClient::rangeStep(Milliseconds range, int plotWidthPx, Milliseconds scrapeInterval)
{
    const qint64 perPixel = plotWidthPx > 0 ? (range.count() + plotWidthPx - 1) / plotWidthPx : range.count();
    const qint64 step = std::max({ perPixel, qint64(scrapeInterval.count()), qint64(1000) });
    return Milliseconds((step + 999) / 1000 * 1000);
}

void PrometheusClient::instant(const QString &query, QObject *context, Callback done, const QDateTime &at)
{
    QString form = QLatin1String("query=") + encode(query);
    if (at.isValid()) {
        form += QLatin1String("&time=") + formTime(at);
    }
    submit(u"/api/v1/query"_s, form, context, std::move(done));
}

void PrometheusClient::range(const QString &query, const QDateTime &start, const QDateTime &end, Milliseconds step,
    QObject *context, Callback done)
{
    const QString form = QLatin1String("query=") + encode(query) + QLatin1String("&start=") + formTime(start)
        + QLatin1String("&end=") + formTime(end) + QLatin1String("&step=")
        + QString::number(double(step.count()) / 1000.0, 'f', 3);
    submit(u"/api/v1/query_range"_s, form, context, std::move(done));
}

void PrometheusClient::submit(const QString &path, const QString &form, QObject *context, Callback done)
{
    if (m_held) {
        QMetaObject::invokeMethod(
            this,
            [guard = QPointer<QObject>(context), done = std::move(done)] {
                PromResponse held;
                held.error = tr("waiting for trust: this workspace version is not trusted to send its secrets to "
                                "Prometheus; nothing was sent");
                if (guard) {
                    done(held);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    const QString key = path + QLatin1Char('?') + form;
    auto it = m_inFlight.find(key);
    if (it != m_inFlight.end()) {
        it->append({ context, std::move(done) });
        return;
    }
    m_inFlight.insert(key, { { context, std::move(done) } });
    FetchRequest request;
    QString base = m_server.url;
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    request.url = base + path;
    request.method = u"POST"_s;
    request.headers = m_server.headers;
    request.headers.insert(u"Content-Type"_s, u"application/x-www-form-urlencoded"_s);
    request.body = form;
    request.timeout = m_timeout;
    request.maxBodyBytes = m_maxBodyBytes;
    ++m_requestsSent;
    MetricFetch::send(m_nam, request, this, [this, key](const ProbeResult &result) {
        const auto deliver = [this, key](const PromResponse &response) {
            const QList<Waiter> waiters = m_inFlight.take(key);
            for (const Waiter &w : waiters) {
                if (w.context) {
                    w.done(response);
                }
            }
        };
        if (!result.error.isEmpty() || result.httpStatus == 0) {
            PromResponse failed;
            failed.error = result.error.isEmpty() ? tr("no answer from Prometheus") : result.error;
            deliver(failed);
            return;
        }
        const QByteArray body = result.body;
        const int status = result.httpStatus;
        MetricFetch::inBackground<PromResponse>(
            this, [body, status] { return PromResponseParser::parse(body, status); }, deliver);
    });
}
