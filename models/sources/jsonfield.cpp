// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/jsonfield.h"

#include "probe/jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

JsonField::Figure JsonField::extract(const QByteArray &body, const QString &path)
{
    const QString text
        = path.startsWith(QLatin1Char('.')) || path.startsWith(QLatin1Char('[')) ? path : QLatin1Char('.') + path;
    QString error;
    qsizetype offset = 0;
    const std::optional<JsonPath> parsed = JsonPath::parse(text, &error, &offset);
    if (!parsed) {
        return { std::nullopt, tr("path %1: %2 at offset %3").arg(path, error).arg(offset) };
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return { std::nullopt,
            tr("the response is not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset) };
    }
    const QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    const JsonPath::Lookup found = parsed->resolve(root);
    if (found.status != JsonPath::Lookup::Status::Found) {
        return { std::nullopt, tr("%1: %2").arg(path, found.reason) };
    }
    if (found.value.isDouble()) {
        return { found.value.toDouble(), {} };
    }
    if (found.value.isString()) {
        bool ok = false;
        const double value = found.value.toString().toDouble(&ok);
        if (ok) {
            return { value, {} };
        }
    }
    return { std::nullopt, tr("%1 is %2, not a number").arg(path, JsonPath::valueText(found.value).left(80)) };
}
