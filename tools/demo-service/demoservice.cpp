// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoservice.h"

#include "demostate.h"
#include "metricsformat.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            return header.second;
        }
    }
    return {};
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

constexpr int trickleStepMs = 50;

} // namespace

DemoService::DemoService(DemoState *state, const QByteArray &adminToken, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_admin(state, adminToken)
{
    addAppRoute(Route::Health, u"/health"_s);
    addAppRoute(Route::Health, u"/api/health"_s); // seed 003's paths, so its runbooks work unchanged
    addAppRoute(Route::Livez, u"/livez"_s);
    addAppRoute(Route::Livez, u"/api/healthz"_s);
    addAppRoute(Route::Readyz, u"/readyz"_s);
    addAppRoute(Route::Readyz, u"/api/readyz"_s);
    addAppRoute(Route::Metrics, u"/metrics"_s);
    addAdminRoute(u"/admin/deployments"_s);
    addAdminRoute(u"/admin/rollback"_s);
    addAdminRoute(u"/admin/deploy"_s);
    addAdminRoute(u"/admin/cache/clear"_s);
    addAdminRoute(u"/admin/cache-stats"_s);
    addAdminRoute(u"/api/cache/clear"_s);
    addAdminRoute(u"/api/cache/stats"_s);
    addAdminRoute(u"/admin/faults"_s);
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        send(makePending(std::move(responder)),
            HttpReply::error(
                404, u"no route %1 %2"_s.arg(QLatin1String(methodName(request.method())), request.url().path())),
            0);
    });
}

quint16 DemoService::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

DemoService::Pending DemoService::makePending(QHttpServerResponder &&responder)
{
    Pending pending;
    pending.responder = std::make_shared<QHttpServerResponder>(std::move(responder));
    pending.socket = pending.responder->socket();
    return pending;
}

void DemoService::addAppRoute(Route route, const QString &path)
{
    m_server.route(path, [this, route, path](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        serveApp(route, path, request, std::move(responder));
    });
}

void DemoService::addAdminRoute(const QString &path)
{
    m_server.route(path, [this, path](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const HttpReply reply = m_admin.handle(methodName(request.method()), path,
            headerValue(request, QByteArrayLiteral("authorization")), request.body());
        m_state->record(path, reply.status, 0.5);
        send(makePending(std::move(responder)), reply, 0);
    });
}

void DemoService::serveApp(
    Route route, const QString &path, const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const Pending pending = makePending(std::move(responder));
    if (request.method() != QHttpServerRequest::Method::Get) {
        HttpReply reply = HttpReply::error(405, u"method not allowed; use GET"_s);
        reply.headers.append({ QByteArrayLiteral("Allow"), QByteArrayLiteral("GET") });
        send(pending, reply, 0);
        return;
    }
    const Faults faults = m_state->faults();
    const int delayMs = faults.latencyMs + (route == Route::Metrics ? 0 : m_state->healthDelayMs());
    QElapsedTimer elapsed;
    elapsed.start();
    // Precise timers never fire early, so an injected latency of N ms really adds at least N ms.
    QTimer::singleShot(delayMs, Qt::PreciseTimer, this, [this, route, path, pending, faults, elapsed] {
        if (!pending.socket) {
            return;
        }
        const HttpReply reply = build(route, faults);
        m_state->record(path, reply.status, double(elapsed.nsecsElapsed()) / 1e6);
        send(pending, reply, faults.slowBodyMs);
    });
}

HttpReply DemoService::build(Route route, const Faults &faults)
{
    if (faults.down && route != Route::Health && route != Route::Readyz) {
        return HttpReply::error(503, u"service unavailable (fault: down)"_s);
    }
    // /metrics is spared so that an injected error rate shows up in the scraped counters instead of hiding them.
    if (!faults.down && route != Route::Metrics && m_state->injectedFailure()) {
        return HttpReply::error(500, u"internal server error (fault: errorRate)"_s);
    }
    switch (route) {
    case Route::Health:
        return health(faults);
    case Route::Readyz:
        return readyz(faults.down);
    case Route::Livez:
        return HttpReply::json(200, { { u"status"_s, u"ok"_s }, { u"timestamp"_s, now() } });
    case Route::Metrics:
        break;
    }
    HttpReply reply;
    reply.contentType = QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
    reply.body = renderMetrics(*m_state);
    return reply;
}

HttpReply DemoService::health(const Faults &faults)
{
    const double errorRate = m_state->recentErrorRate();
    const QString status = faults.down ? u"unhealthy"_s : errorRate > 0.01 ? u"degraded"_s : u"healthy"_s;
    const QString backend = faults.down ? u"unhealthy"_s : u"healthy"_s;
    const QString healthy = u"healthy"_s;
    const double dbBaseMs = m_state->current().latencyMedianMs * 0.5;
    const QJsonObject services {
        { u"database"_s,
            QJsonObject { { u"status"_s, backend }, { u"responseTime"_s, m_state->dependencyTimeMs(dbBaseMs) } } },
        { u"redis"_s,
            QJsonObject { { u"status"_s, backend }, { u"responseTime"_s, m_state->dependencyTimeMs(3) },
                { u"keyCount"_s, m_state->cacheKeys() } } },
        { u"kakaoMaps"_s,
            QJsonObject { { u"status"_s, healthy }, { u"responseTime"_s, m_state->dependencyTimeMs(120) } } },
        { u"stripe"_s, QJsonObject { { u"status"_s, healthy }, { u"responseTime"_s, m_state->dependencyTimeMs(80) } } },
    };
    const QJsonObject performance {
        { u"avgResponseTime"_s, std::round(m_state->recentAvgLatencyMs()) },
        { u"requestCount"_s, double(m_state->totalRequests()) },
        { u"errorRate"_s, std::round(errorRate * 10000.0) / 10000.0 },
    };
    HttpReply reply = HttpReply::json(faults.down ? 503 : 200,
        { { u"status"_s, status }, { u"timestamp"_s, now() }, { u"uptime"_s, double(m_state->uptimeSeconds()) },
            { u"version"_s, m_state->current().version }, { u"services"_s, services },
            { u"performance"_s, performance } });
    // Padding goes into a JSON field so the huge body still parses.
    const QByteArray paddingField = QByteArrayLiteral(",\"padding\":\"\"}");
    const qint64 missing = faults.hugeBodyBytes - (reply.body.size() - 1 + paddingField.size());
    if (faults.hugeBodyBytes > 0 && missing > 0) {
        reply.body.chop(1);
        reply.body += ",\"padding\":\"" + QByteArray(qsizetype(missing), 'x') + "\"}";
    }
    return reply;
}

HttpReply DemoService::readyz(bool down) const
{
    const QString check = down ? u"fail"_s : u"ok"_s;
    return HttpReply::json(down ? 503 : 200,
        { { u"status"_s, down ? u"not-ready"_s : u"ready"_s },
            { u"checks"_s, QJsonObject { { u"database"_s, check }, { u"redis"_s, check } } },
            { u"timestamp"_s, now() } });
}

void DemoService::send(const Pending &pending, const HttpReply &reply, int slowMs)
{
    if (!pending.socket) {
        return;
    }
    QHttpServerResponder &responder = *pending.responder;
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), reply.contentType);
    for (const auto &header : reply.headers) {
        responder.writeHeader(header.first, header.second);
    }
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
    if (slowMs <= 0 || reply.body.isEmpty()) {
        responder.writeBody(reply.body);
        return;
    }

    // Trickle: piece 0 now, one more piece every step, the last one when slowMs have passed.
    const int steps = std::max(1, slowMs / trickleStepMs);
    const qint64 pieces = steps + 1;
    const QByteArray body = reply.body;
    auto next = std::make_shared<qint64>(0);
    const auto writePiece = [pending, body, pieces, next] {
        const qint64 index = (*next)++;
        const qint64 from = body.size() * index / pieces;
        const qint64 to = body.size() * (index + 1) / pieces;
        pending.responder->writeBody(body.constData() + from, to - from);
        return *next < pieces;
    };
    writePiece();
    auto *timer = new QTimer(this);
    timer->setTimerType(Qt::PreciseTimer);
    timer->setInterval(slowMs / steps);
    connect(timer, &QTimer::timeout, this, [timer, pending, writePiece] {
        if (!pending.socket || !writePiece()) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}
