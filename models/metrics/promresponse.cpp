// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "promresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// A [ <unix seconds>, "<value>" ] pair.
bool readPoint(const QJsonValue &pair, QPointF *point)
{
    const QJsonArray a = pair.toArray();
    if (a.size() != 2 || !a.at(0).isDouble() || !a.at(1).isString()) {
        return false;
    }
    const std::optional<double> value = ExpositionParser::parseValue(a.at(1).toString().toLatin1());
    if (!value) {
        return false;
    }
    *point = QPointF(a.at(0).toDouble() * 1000.0, *value);
    return true;
}

MetricLabels readLabels(const QJsonObject &metric)
{
    MetricLabels labels;
    for (auto it = metric.constBegin(); it != metric.constEnd(); ++it) {
        labels.insert(it.key(), it.value().toString());
    }
    return labels;
}

} // namespace

QString PromResponse::errorText() const
{
    return errorType.isEmpty() ? error : errorType + QLatin1String(": ") + error;
}

PromResponse PromResponseParser::parse(const QByteArray &body, int httpStatus)
{
    PromResponse r;
    r.httpStatus = httpStatus;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject root = doc.object();
    if (parseError.error != QJsonParseError::NoError || !root.contains(QLatin1String("status"))) {
        r.error = httpStatus >= 300 || httpStatus < 200
            ? tr("HTTP %1 and no Prometheus API answer in the body").arg(httpStatus)
            : tr("not a Prometheus API answer: %1")
                  .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                    : tr("no \"status\" field"));
        return r;
    }
    for (const QJsonValue &w : root.value(QLatin1String("warnings")).toArray()) {
        r.warnings.append(w.toString());
    }
    if (root.value(QLatin1String("status")).toString() != QLatin1String("success")) {
        r.status = PromResponse::Status::ApiError;
        r.errorType = root.value(QLatin1String("errorType")).toString();
        r.error = root.value(QLatin1String("error")).toString();
        return r;
    }
    const QJsonObject data = root.value(QLatin1String("data")).toObject();
    r.resultType = data.value(QLatin1String("resultType")).toString();
    const QJsonValue result = data.value(QLatin1String("result"));
    const auto bad = [&r](const QString &what) {
        r.status = PromResponse::Status::TransportError;
        r.series.clear();
        r.error = tr("malformed Prometheus answer: %1").arg(what);
        return r;
    };
    r.status = PromResponse::Status::Success;
    if (r.resultType == QLatin1String("scalar")) {
        PromSeries s;
        QPointF p;
        if (!readPoint(result, &p)) {
            return bad(tr("a scalar is not [time, \"value\"]"));
        }
        s.points.append(p);
        r.series.append(s);
        return r;
    }
    if (r.resultType == QLatin1String("string")) {
        return bad(tr("a string result has no numeric value"));
    }
    if (r.resultType != QLatin1String("vector") && r.resultType != QLatin1String("matrix")) {
        return bad(tr("unknown resultType \"%1\"").arg(r.resultType));
    }
    const bool matrix = r.resultType == QLatin1String("matrix");
    const QJsonArray list = result.toArray();
    r.series.reserve(list.size());
    for (const QJsonValue &item : list) {
        const QJsonObject o = item.toObject();
        PromSeries s;
        s.labels = readLabels(o.value(QLatin1String("metric")).toObject());
        if (matrix) {
            const QJsonArray values = o.value(QLatin1String("values")).toArray();
            s.points.reserve(values.size());
            for (const QJsonValue &v : values) {
                QPointF p;
                if (!readPoint(v, &p)) {
                    return bad(tr("a point is not [time, \"value\"]"));
                }
                s.points.append(p);
            }
        } else {
            QPointF p;
            if (!readPoint(o.value(QLatin1String("value")), &p)) {
                return bad(tr("a sample is not [time, \"value\"]"));
            }
            s.points.append(p);
        }
        r.series.append(std::move(s));
    }
    return r;
}
