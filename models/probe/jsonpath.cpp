// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString stepsText(const QList<JsonPath::Step> &steps, qsizetype count, qsizetype wildcardIndex)
{
    QString out;
    for (qsizetype i = 0; i < count; ++i) {
        const JsonPath::Step &s = steps.at(i);
        switch (s.kind) {
        case JsonPath::Step::Kind::Key:
            out += u'.' + s.key;
            break;
        case JsonPath::Step::Kind::Index:
            out += u'[' + QString::number(s.index) + u']';
            break;
        case JsonPath::Step::Kind::Wildcard:
            out += wildcardIndex >= 0 ? u'[' + QString::number(wildcardIndex) + u']' : u"[*]"_s;
            break;
        }
    }
    return out;
}

std::optional<JsonPath> fail(QString *error, qsizetype *errorOffset, qsizetype offset, const QString &message)
{
    if (error) {
        *error = message;
    }
    if (errorOffset) {
        *errorOffset = offset;
    }
    return std::nullopt;
}

} // namespace

std::optional<JsonPath> JsonPath::parse(QStringView text, QString *error, qsizetype *errorOffset)
{
    JsonPath path;
    qsizetype i = 0;
    while (i < text.size()) {
        if (path.m_steps.size() >= MaxSteps) {
            return fail(error, errorOffset, i, tr("the path has more than %1 steps").arg(MaxSteps));
        }
        const QChar c = text.at(i);
        if (c == u'.') {
            const qsizetype start = ++i;
            while (i < text.size() && text.at(i) != u'.' && text.at(i) != u'[') {
                if (text.at(i).isSpace()) {
                    return fail(error, errorOffset, i, tr("unexpected space in the path"));
                }
                ++i;
            }
            if (i == start) {
                return fail(error, errorOffset, start, tr("expected a key after \".\""));
            }
            path.m_steps.append({ Step::Kind::Key, text.sliced(start, i - start).toString(), 0 });
        } else if (c == u'[') {
            const qsizetype open = i++;
            const qsizetype start = i;
            while (i < text.size() && text.at(i) != u']') {
                ++i;
            }
            if (i == text.size()) {
                return fail(error, errorOffset, open, tr("expected \"]\" to close this \"[\""));
            }
            const QStringView inside = text.sliced(start, i - start);
            ++i;
            if (inside == u"*") {
                if (path.hasWildcard()) {
                    return fail(error, errorOffset, start, tr("only one [*] is allowed in a path"));
                }
                path.m_steps.append({ Step::Kind::Wildcard, {}, 0 });
                continue;
            }
            bool ok = inside.size() <= 9;
            for (const QChar d : inside) {
                ok = ok && d.unicode() >= u'0' && d.unicode() <= u'9';
            }
            if (!ok || inside.isEmpty()) {
                return fail(error, errorOffset, start, tr("expected an array index (0, 1, ...) or * inside [ ]"));
            }
            path.m_steps.append({ Step::Kind::Index, {}, inside.toLongLong() });
        } else {
            return fail(error, errorOffset, i, tr("expected \".\" or \"[\" in the path"));
        }
    }
    return path;
}

bool JsonPath::hasWildcard() const
{
    return std::any_of(m_steps.cbegin(), m_steps.cend(), [](const Step &s) { return s.kind == Step::Kind::Wildcard; });
}

QString JsonPath::toString(qsizetype wildcardIndex) const
{
    return stepsText(m_steps, m_steps.size(), wildcardIndex);
}

JsonPath::Lookup JsonPath::resolve(const QJsonValue &root, qsizetype wildcardIndex) const
{
    return walk(root, m_steps.size(), wildcardIndex);
}

JsonPath::Lookup JsonPath::resolveWildcardArray(const QJsonValue &root) const
{
    qsizetype count = 0;
    while (count < m_steps.size() && m_steps.at(count).kind != Step::Kind::Wildcard) {
        ++count;
    }
    Lookup found = walk(root, count, -1);
    if (found.status == Lookup::Status::Found && !found.value.isArray()) {
        const QString where = u"[BODY]"_s + stepsText(m_steps, count, -1);
        return { Lookup::Status::WrongType, {}, tr("%1 is %2, not an array").arg(where, typeName(found.value)) };
    }
    return found;
}

JsonPath::Lookup JsonPath::walk(const QJsonValue &root, qsizetype stepCount, qsizetype wildcardIndex) const
{
    QJsonValue value = root;
    for (qsizetype i = 0; i < stepCount; ++i) {
        const Step &step = m_steps.at(i);
        const QString where = u"[BODY]"_s + stepsText(m_steps, i, wildcardIndex);
        if (value.isNull() || value.isUndefined()) {
            return { Lookup::Status::Missing, {}, tr("%1 is null").arg(where) };
        }
        if (step.kind == Step::Kind::Key) {
            if (!value.isObject()) {
                return { Lookup::Status::WrongType, {}, tr("%1 is %2, not an object").arg(where, typeName(value)) };
            }
            const QJsonObject object = value.toObject();
            const auto it = object.constFind(step.key);
            if (it == object.constEnd()) {
                return { Lookup::Status::Missing, {}, tr("no such key \"%1\"").arg(step.key) };
            }
            value = it.value();
            continue;
        }
        if (!value.isArray()) {
            return { Lookup::Status::WrongType, {}, tr("%1 is %2, not an array").arg(where, typeName(value)) };
        }
        const QJsonArray array = value.toArray();
        const qsizetype index = step.kind == Step::Kind::Wildcard ? wildcardIndex : step.index;
        if (index < 0 || index >= array.size()) {
            return { Lookup::Status::Missing, {},
                tr("index %1 is out of range (the array has %n item(s))", nullptr, int(array.size())).arg(index) };
        }
        value = array.at(index);
    }
    return { Lookup::Status::Found, value, {} };
}

QString JsonPath::valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Whole numbers print without a fraction, as Gatus does (1 not 1.0); 2^53 is where doubles stop being exact.
        if (std::trunc(d) == d && std::abs(d) < 9007199254740992.0) {
            return QString::number(qint64(d));
        }
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"null"_s;
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString JsonPath::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return tr("null");
}
