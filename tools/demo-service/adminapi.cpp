// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "adminapi.h"

#include "demostate.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Parses a request body that must be a JSON object; on failure returns false with a 400 reply in `*error`.
bool parseObject(const QByteArray &body, QJsonObject *object, HttpReply *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = HttpReply::error(
            400, u"body: invalid JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString()));
        return false;
    }
    if (!document.isObject()) {
        *error = HttpReply::error(400, u"body: expected a JSON object"_s);
        return false;
    }
    *object = document.object();
    return true;
}

HttpReply methodNotAllowed(const QByteArray &allowed)
{
    HttpReply reply = HttpReply::error(405, u"method not allowed; use %1"_s.arg(QLatin1String(allowed)));
    reply.headers.append({ QByteArrayLiteral("Allow"), allowed });
    return reply;
}

} // namespace

AdminApi::AdminApi(DemoState *state, const QByteArray &token)
    : m_state(state)
    , m_token(token)
{ }

bool AdminApi::tokenEquals(const QByteArray &given, const QByteArray &expected)
{
    unsigned diff = given.size() == expected.size() ? 0U : 1U;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const char other = i < given.size() ? given.at(i) : '\0';
        diff |= unsigned(uchar(expected.at(i)) ^ uchar(other));
    }
    return diff == 0;
}

HttpReply AdminApi::handle(
    const QByteArray &method, const QString &path, const QByteArray &authorization, const QByteArray &body)
{
    const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (!authorization.toLower().startsWith(scheme)) {
        HttpReply reply = HttpReply::error(401, u"missing Authorization: Bearer <token> header"_s);
        reply.headers.append({ QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"admin\"") });
        return reply;
    }
    if (!tokenEquals(authorization.mid(scheme.size()).trimmed(), m_token)) {
        return HttpReply::error(403, u"the bearer token is not valid for this service"_s);
    }

    // Seed 003's own paths for the same actions, so its runbooks run against the demo unchanged.
    const QString route = path == QLatin1String("/api/cache/clear") ? u"/admin/cache/clear"_s
        : path == QLatin1String("/api/cache/stats")                 ? u"/admin/cache-stats"_s
                                                                    : path;
    return dispatch(method, route, body);
}

HttpReply AdminApi::dispatch(const QByteArray &method, const QString &path, const QByteArray &body)
{
    if (path == QLatin1String("/admin/deployments")) {
        return method == "GET" ? deployments() : methodNotAllowed("GET");
    }
    if (path == QLatin1String("/admin/rollback")) {
        return method == "POST" ? rollback(body) : methodNotAllowed("POST");
    }
    if (path == QLatin1String("/admin/deploy")) {
        return method == "POST" ? deploy(body) : methodNotAllowed("POST");
    }
    if (path == QLatin1String("/admin/cache/clear")) {
        return method == "POST" ? clearCache() : methodNotAllowed("POST");
    }
    if (path == QLatin1String("/admin/cache-stats")) {
        return method == "GET" ? cacheStats() : methodNotAllowed("GET");
    }
    if (path == QLatin1String("/admin/faults")) {
        return method == "GET" || method == "POST" || method == "DELETE" ? faults(method, body)
                                                                         : methodNotAllowed("GET, POST, DELETE");
    }
    return HttpReply::error(404, u"no admin route %1"_s.arg(path));
}

HttpReply AdminApi::deployments() const
{
    QJsonArray list;
    for (const Deployment &deployment : m_state->deployments()) {
        list.append(QJsonObject {
            { u"version"_s, deployment.version },
            { u"description"_s, deployment.description },
            { u"current"_s, deployment.version == m_state->current().version },
            { u"deployedAt"_s, deployment.deployedAt.toString(Qt::ISODateWithMs) },
        });
    }
    return HttpReply::json(200, { { u"current"_s, m_state->current().version }, { u"deployments"_s, list } });
}

// The deployment the body's "version" names; on failure returns -1 with a 400 reply in `*error`.
int AdminApi::requestedVersion(const QJsonObject &request, HttpReply *error) const
{
    const QJsonValue version = request.value(u"version"_s);
    if (!version.isString()) {
        *error = HttpReply::error(400, u"version: expected a string such as \"v1\""_s);
        return -1;
    }
    const int index = m_state->indexOf(version.toString());
    if (index < 0) {
        QStringList known;
        for (const Deployment &deployment : m_state->deployments()) {
            known.append(deployment.version);
        }
        *error = HttpReply::error(
            400, u"version: unknown version \"%1\" (known: %2)"_s.arg(version.toString(), known.join(u", "_s)));
    }
    return index;
}

HttpReply AdminApi::rollback(const QByteArray &body)
{
    QJsonObject request;
    HttpReply error;
    if (!parseObject(body, &request, &error)) {
        return error;
    }
    const int index = requestedVersion(request, &error);
    if (index < 0) {
        return error;
    }
    const QJsonValue version = request.value(u"version"_s);
    const QString previous = m_state->current().version;
    if (previous == version.toString()) {
        return HttpReply::error(409, u"version: %1 is already deployed"_s.arg(previous));
    }
    m_state->setCurrent(index);
    return HttpReply::json(200,
        { { u"status"_s, u"rolled-back"_s }, { u"previous"_s, previous }, { u"current"_s, m_state->current().version },
            { u"deployedAt"_s, m_state->current().deployedAt.toString(Qt::ISODateWithMs) } });
}

HttpReply AdminApi::deploy(const QByteArray &body)
{
    QJsonObject request;
    HttpReply error;
    if (!parseObject(body, &request, &error)) {
        return error;
    }
    const int index = requestedVersion(request, &error);
    if (index < 0) {
        return error;
    }
    for (auto it = request.begin(); it != request.end(); ++it) {
        if (it.key() != QLatin1String("version") && it.key() != QLatin1String("errorRate")) {
            return HttpReply::error(400, u"%1: unknown field (known: version, errorRate)"_s.arg(it.key()));
        }
    }
    // The release's own error rate, unlike the errorRate fault: rolling back to another release leaves it behind.
    if (request.contains(u"errorRate"_s)) {
        const QJsonValue rate = request.value(u"errorRate"_s);
        if (!rate.isDouble() || rate.toDouble() < 0 || rate.toDouble() > 1) {
            return HttpReply::error(400, u"errorRate: expected a number from 0 to 1"_s);
        }
        m_state->setErrorRate(index, rate.toDouble());
    }
    const QString previous = m_state->current().version;
    if (previous != m_state->deployments().at(index).version) {
        m_state->setCurrent(index);
    }
    return HttpReply::json(200,
        { { u"status"_s, u"deployed"_s }, { u"previous"_s, previous }, { u"current"_s, m_state->current().version },
            { u"errorRate"_s, m_state->current().errorRate } });
}

HttpReply AdminApi::clearCache()
{
    const int cleared = m_state->clearCache();
    return HttpReply::json(200, { { u"status"_s, u"cleared"_s }, { u"keysCleared"_s, cleared } });
}

HttpReply AdminApi::cacheStats() const
{
    // Seed 004's shape: hit_rate in percent.
    const quint64 lookups = m_state->cacheHits() + m_state->cacheMisses();
    const double hitRate = lookups ? 100.0 * double(m_state->cacheHits()) / double(lookups) : 0.0;
    return HttpReply::json(200,
        { { u"hit_rate"_s, std::round(hitRate * 10.0) / 10.0 }, { u"hits"_s, double(m_state->cacheHits()) },
            { u"misses"_s, double(m_state->cacheMisses()) }, { u"keys"_s, m_state->cacheKeys() } });
}

HttpReply AdminApi::faults(const QByteArray &method, const QByteArray &body)
{
    if (method == "DELETE") {
        m_state->setFaults(Faults {});
    } else if (method == "POST") {
        QJsonObject patch;
        HttpReply error;
        if (!parseObject(body, &patch, &error)) {
            return error;
        }
        Faults faults = m_state->faults();
        if (const QString message = Faults::apply(patch, &faults); !message.isEmpty()) {
            return HttpReply::error(400, message);
        }
        m_state->setFaults(faults);
    }
    return HttpReply::json(200, m_state->faults().toJson());
}
