// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "condition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

const QJsonValue *ConditionContext::json(QString *error)
{
    if (!m_parsed) {
        m_parsed = true;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(m_input.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            m_jsonError = QStringLiteral("the body is not JSON: %1").arg(parseError.errorString());
        } else {
            m_json = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        }
    }
    if (!m_jsonError.isEmpty()) {
        *error = m_jsonError;
        return nullptr;
    }
    return &m_json;
}

std::optional<Condition> Condition::parse(const QString &text, QString *error)
{
    const qsizetype op = text.indexOf(QLatin1String(" == "));
    const QString left = text.left(op).trimmed();
    if (op < 0 || (left != QLatin1String("[STATUS]") && !left.startsWith(QLatin1String("[BODY]")))) {
        *error = tr("unsupported condition");
        return std::nullopt;
    }
    Condition c;
    c.m_text = text;
    c.m_left = left;
    c.m_right = text.mid(op + 4).trimmed();
    return c;
}

ConditionResult Condition::evaluate(ConditionContext &context) const
{
    ConditionResult r;
    r.condition = m_text;
    QString actual;
    if (m_left == QLatin1String("[STATUS]")) {
        actual = QString::number(context.input().status);
    } else {
        QString error;
        const QJsonValue *json = context.json(&error);
        if (!json) {
            r.verdict = ConditionResult::Verdict::Error;
            r.error = error;
            return r;
        }
        QJsonValue v = *json;
        const QStringList keys = m_left.mid(6).split(QLatin1Char('.'), Qt::SkipEmptyParts);
        for (const QString &key : keys) {
            v = v.toObject().value(key);
        }
        actual = v.isString() ? v.toString() : v.toVariant().toString();
        r.actual = m_left + QLatin1String(" = ") + actual;
    }
    if (r.actual.isEmpty()) {
        r.actual = actual;
    }
    r.verdict = actual == m_right ? ConditionResult::Verdict::Pass : ConditionResult::Verdict::Fail;
    return r;
}
