// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/alertmanagerclient.h"

#include "sources/metricfetch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QDateTime readTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QJsonArray readArray(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        *error
            = AlertmanagerClient::tr("not an Alertmanager API v2 answer: %1")
                  .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                    : AlertmanagerClient::tr("expected a JSON array"));
        return {};
    }
    return doc.array();
}

// Alertmanager answers errors with a JSON string or an object with "message"; otherwise the raw text.
QString errorBody(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson("[" + body + "]");
    const QJsonValue v = doc.array().at(0);
    if (v.isString()) {
        return v.toString();
    }
    if (v.isObject() && v.toObject().contains(QLatin1String("message"))) {
        return v.toObject().value(QLatin1String("message")).toString();
    }
    return QString::fromUtf8(body.left(500)).trimmed();
}

} // namespace

AlertmanagerClient::AlertmanagerClient(QNetworkAccessManager *nam, const MetricServer &server, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_server(server)
{ }

QString AlertmanagerClient::url(const QString &path) const
{
    QString base = m_server.url;
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    return base + path;
}

template <typename T>
void AlertmanagerClient::request(const QString &method, const QString &path, const QByteArray &body, QObject *context,
    std::function<Result<T>(const QByteArray &)> parse, std::function<void(const Result<T> &)> done)
{
    if (!m_server.isSet() || m_held) {
        const QString error = m_held ? tr("waiting for trust: this workspace version is not trusted to send its "
                                          "secrets to Alertmanager; nothing was sent")
                                     : tr("the workspace sets no sources.alertmanager.url");
        QMetaObject::invokeMethod(
            context,
            [done, error] {
                done({ T {}, error });
            },
            Qt::QueuedConnection);
        return;
    }
    FetchRequest fetch;
    fetch.url = url(path);
    fetch.method = method;
    fetch.headers = m_server.headers;
    fetch.headers.insert(u"Accept"_s, u"application/json"_s);
    if (!body.isEmpty()) {
        fetch.headers.insert(u"Content-Type"_s, u"application/json"_s);
        fetch.body = QString::fromUtf8(body);
    }
    fetch.timeout = m_timeout;
    fetch.maxBodyBytes = 16LL * 1024 * 1024;
    MetricFetch::send(m_nam, fetch, context, [context, parse, done](const ProbeResult &result) {
        if (!result.error.isEmpty() || result.httpStatus == 0) {
            done({ T {}, result.error.isEmpty() ? tr("no answer from Alertmanager") : result.error });
            return;
        }
        if (result.httpStatus < 200 || result.httpStatus >= 300) {
            done({ T {}, tr("HTTP %1: %2").arg(result.httpStatus).arg(errorBody(result.body)) });
            return;
        }
        const QByteArray answer = result.body;
        MetricFetch::inBackground<Result<T>>(
            context, [parse, answer] { return parse(answer); }, done);
    });
}

void AlertmanagerClient::alerts(QObject *context, AlertsCallback done)
{
    request<QList<Alert>>(u"GET"_s, u"/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true"_s, {},
        context, &AlertmanagerClient::parseAlerts, std::move(done));
}

void AlertmanagerClient::silences(QObject *context, SilencesCallback done)
{
    request<QList<Silence>>(
        u"GET"_s, u"/api/v2/silences"_s, {}, context, &AlertmanagerClient::parseSilences, std::move(done));
}

void AlertmanagerClient::createSilence(const QList<SilenceMatcher> &matchers, Milliseconds duration,
    const QString &createdBy, const QString &comment, QObject *context, IdCallback done)
{
    QJsonArray list;
    for (const SilenceMatcher &m : matchers) {
        list.append(QJsonObject {
            { u"name"_s, m.name }, { u"value"_s, m.value }, { u"isRegex"_s, m.isRegex }, { u"isEqual"_s, m.isEqual } });
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject silence { { u"matchers"_s, list }, { u"startsAt"_s, now.toString(Qt::ISODateWithMs) },
        { u"endsAt"_s, now.addMSecs(duration.count()).toString(Qt::ISODateWithMs) }, { u"createdBy"_s, createdBy },
        { u"comment"_s, comment } };
    request<QString>(
        u"POST"_s, u"/api/v2/silences"_s, QJsonDocument(silence).toJson(QJsonDocument::Compact), context,
        [](const QByteArray &body) -> Result<QString> {
            const QString id = QJsonDocument::fromJson(body).object().value(QLatin1String("silenceID")).toString();
            if (id.isEmpty()) {
                return { {}, tr("Alertmanager did not return a silence id") };
            }
            return { id, {} };
        },
        std::move(done));
}

void AlertmanagerClient::expireSilence(const QString &id, QObject *context, IdCallback done)
{
    request<QString>(
        u"DELETE"_s, u"/api/v2/silence/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)), {}, context,
        [id](const QByteArray &) -> Result<QString> {
            return { id, {} };
        },
        std::move(done));
}

AlertmanagerClient::Result<QList<Alert>> AlertmanagerClient::parseAlerts(const QByteArray &body)
{
    Result<QList<Alert>> r;
    const QJsonArray list = readArray(body, &r.error);
    for (const QJsonValue &item : list) {
        const QJsonObject o = item.toObject();
        Alert a;
        a.fingerprint = o.value(QLatin1String("fingerprint")).toString();
        const QJsonObject labels = o.value(QLatin1String("labels")).toObject();
        for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
            a.labels.insert(it.key(), it.value().toString());
        }
        a.name = a.labels.value(u"alertname"_s);
        a.severity = a.labels.value(u"severity"_s);
        const QJsonObject annotations = o.value(QLatin1String("annotations")).toObject();
        a.summary = annotations.value(QLatin1String("summary")).toString();
        a.description = annotations.value(QLatin1String("description")).toString();
        a.startsAt = readTime(o.value(QLatin1String("startsAt")));
        const QJsonObject status = o.value(QLatin1String("status")).toObject();
        a.state = status.value(QLatin1String("state")).toString();
        for (const QJsonValue &s : status.value(QLatin1String("silencedBy")).toArray()) {
            a.silencedBy.append(s.toString());
        }
        r.value.append(a);
    }
    std::stable_sort(
        r.value.begin(), r.value.end(), [](const Alert &a, const Alert &b) { return a.startsAt > b.startsAt; });
    return r;
}

AlertmanagerClient::Result<QList<Silence>> AlertmanagerClient::parseSilences(const QByteArray &body)
{
    Result<QList<Silence>> r;
    const QJsonArray list = readArray(body, &r.error);
    for (const QJsonValue &item : list) {
        const QJsonObject o = item.toObject();
        Silence s;
        s.id = o.value(QLatin1String("id")).toString();
        for (const QJsonValue &m : o.value(QLatin1String("matchers")).toArray()) {
            const QJsonObject mo = m.toObject();
            s.matchers.append({ mo.value(QLatin1String("name")).toString(), mo.value(QLatin1String("value")).toString(),
                mo.value(QLatin1String("isRegex")).toBool(), mo.value(QLatin1String("isEqual")).toBool(true) });
        }
        s.startsAt = readTime(o.value(QLatin1String("startsAt")));
        s.endsAt = readTime(o.value(QLatin1String("endsAt")));
        s.createdBy = o.value(QLatin1String("createdBy")).toString();
        s.comment = o.value(QLatin1String("comment")).toString();
        s.state = o.value(QLatin1String("status")).toObject().value(QLatin1String("state")).toString();
        r.value.append(s);
    }
    return r;
}

QList<SilenceMatcher> AlertmanagerClient::matchersFor(const Alert &alert)
{
    QList<SilenceMatcher> matchers;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it) {
        matchers.append({ it.key(), it.value(), false, true });
    }
    return matchers;
}
