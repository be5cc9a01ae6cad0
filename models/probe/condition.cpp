// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Condition::evaluate; parsing lives in conditionparser.cpp.
#include "probe/condition.h"

#include "workspace/duration.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using Verdict = ConditionResult::Verdict;

namespace {

constexpr qsizetype MaxShown = 80; // a raw body can be 1 MiB: show its start only
constexpr qsizetype MaxFailuresShown = 5;

struct Value
{
    enum class State { Ok, Missing, Broken };
    State state = State::Ok;
    QString text; // what is compared
    QString shown; // what the user sees, if different (durations)
    QString reason; // Missing / Broken: why, naming the path
};

// Glob with * and ? (and \ to escape), as Gatus's pat(); iterative, so a long body cannot blow the stack.
bool globMatch(QStringView pattern, QStringView text)
{
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype starP = -1;
    qsizetype starT = 0;
    while (t < text.size()) {
        if (p < pattern.size()) {
            const QChar c = pattern.at(p);
            if (c == u'*') {
                starP = ++p;
                starT = t;
                continue;
            }
            if (c == u'?') {
                ++p;
                ++t;
                continue;
            }
            if (c == u'\\' && p + 1 < pattern.size()) {
                if (pattern.at(p + 1) == text.at(t)) {
                    p += 2;
                    ++t;
                    continue;
                }
            } else if (c == text.at(t)) {
                ++p;
                ++t;
                continue;
            }
        }
        if (starP < 0) {
            return false;
        }
        p = starP;
        t = ++starT;
    }
    while (p < pattern.size() && pattern.at(p) == u'*') {
        ++p;
    }
    return p == pattern.size();
}

std::optional<qint64> integer(QStringView s)
{
    const QStringView digits = s.startsWith(u'-') || s.startsWith(u'+') ? s.sliced(1) : s;
    if (digits.isEmpty() || digits.size() > 18) {
        return std::nullopt;
    }
    for (const QChar c : digits) {
        if (c.unicode() < u'0' || c.unicode() > u'9') {
            return std::nullopt;
        }
    }
    return s.toLongLong();
}

std::optional<double> decimal(const QString &s)
{
    static const QRegularExpression pattern(u"^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$"_s);
    bool ok = false;
    const double d = pattern.match(s).hasMatch() ? s.toDouble(&ok) : 0;
    return ok ? std::optional<double>(d) : std::nullopt;
}

// A decimal number (no inf, nan or hex), or a duration such as 48h or 1h30m in milliseconds, as Gatus reads them.
std::optional<double> number(const QString &s)
{
    if (const auto d = decimal(s)) {
        return d;
    }
    if (!s.isEmpty() && s.back().isLetter()) {
        if (const auto ms = Duration::parse(s)) {
            return double(ms->count());
        }
    }
    return std::nullopt;
}

// Numbers compare as numbers ("1" == 1.0, "007" == 7), everything else as text.
bool valuesEqual(const QString &a, const QString &b)
{
    if (const auto x = integer(a), y = integer(b); x && y) {
        return *x == *y;
    }
    if (const auto x = decimal(a), y = decimal(b); x && y) {
        return *x == *y;
    }
    return a == b;
}

QString signedDuration(qint64 ms)
{
    const qint64 seconds = ms / 1000 * 1000;
    if (seconds == 0) {
        return QString::number(ms) + u"ms"_s;
    }
    return (ms < 0 ? u"-"_s : QString()) + Duration::format(Milliseconds(std::abs(seconds)));
}

QString clip(QString s)
{
    if (s.contains(u'\n') || s.contains(u'\r') || s.contains(u'\t')) {
        s = s.simplified();
    }
    if (s.size() > MaxShown) {
        s = s.left(MaxShown) + QChar(0x2026);
    }
    return s;
}

qsizetype codePoints(const QString &s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        n += !(s.at(i).isLowSurrogate() && i > 0 && s.at(i - 1).isHighSurrogate());
    }
    return n;
}

QString placeholderName(const Condition::Operand &o, qsizetype wildcardIndex)
{
    static const QString names[] = { u"[STATUS]"_s, u"[RESPONSE_TIME]"_s, u"[BODY]"_s, u"[IP]"_s, u"[CONNECTED]"_s,
        u"[CERTIFICATE_EXPIRATION]"_s, u"[DOMAIN_EXPIRATION]"_s, u"[DNS_RCODE]"_s, u"[CONTEXT]"_s };
    const QString name = names[int(o.placeholder)] + o.path.toString(wildcardIndex);
    switch (o.kind) {
    case Condition::Operand::Kind::Length:
        return u"len("_s + name + u')';
    case Condition::Operand::Kind::Has:
        return u"has("_s + name + u')';
    default:
        return name;
    }
}

Value ok(const QString &text, const QString &shown = {})
{
    return { Value::State::Ok, text, shown.isEmpty() ? text : shown, {} };
}

Value fromText(const Condition::Operand &o, const QString &text)
{
    if (o.kind == Condition::Operand::Kind::Has) {
        return ok(text.isEmpty() ? u"false"_s : u"true"_s);
    }
    if (o.kind == Condition::Operand::Kind::Length) {
        return ok(QString::number(codePoints(text)));
    }
    return ok(text);
}

Value resolveBody(const Condition::Operand &o, ConditionContext &ctx, qsizetype wildcardIndex)
{
    const QString name = u"[BODY]"_s + o.path.toString(wildcardIndex);
    const bool has = o.kind == Condition::Operand::Kind::Has;
    if (o.path.isEmpty()) {
        const QString raw = QString::fromUtf8(ctx.input().body).trimmed();
        // Like Gatus, len([BODY]) counts the elements of a JSON array body, and characters otherwise.
        if (o.kind == Condition::Operand::Kind::Length && raw.startsWith(u'[') && raw.endsWith(u']')) {
            if (const QJsonValue *json = ctx.json(nullptr); json && json->isArray()) {
                return ok(QString::number(json->toArray().size()));
            }
        }
        return fromText(o, raw);
    }
    QString error;
    const QJsonValue *json = ctx.json(&error);
    if (!json) {
        return { Value::State::Broken, {}, {}, name + u": "_s + error };
    }
    const JsonPath::Lookup found = o.path.resolve(*json, wildcardIndex);
    if (has) {
        return ok(found.status == JsonPath::Lookup::Status::Found && !found.value.isNull() ? u"true"_s : u"false"_s);
    }
    if (found.status != JsonPath::Lookup::Status::Found || found.value.isNull()) {
        const QString reason
            = found.status == JsonPath::Lookup::Status::Found ? JsonPath::tr("the value is null") : found.reason;
        const auto state
            = found.status == JsonPath::Lookup::Status::WrongType ? Value::State::Broken : Value::State::Missing;
        const QString shown = found.status == JsonPath::Lookup::Status::Found ? u"null"_s : QString();
        return { state, {}, shown, name + u": "_s + reason };
    }
    if (o.kind == Condition::Operand::Kind::Length) {
        if (found.value.isArray()) {
            return ok(QString::number(found.value.toArray().size()));
        }
        if (found.value.isObject()) {
            return ok(QString::number(found.value.toObject().size()));
        }
    }
    return fromText(o, JsonPath::valueText(found.value));
}

Value resolve(const Condition::Operand &o, ConditionContext &ctx, qsizetype wildcardIndex)
{
    using P = Condition::Placeholder;
    if (o.kind == Condition::Operand::Kind::Literal) {
        return ok(o.values.value(0));
    }
    const ConditionInput &in = ctx.input();
    switch (o.placeholder) {
    case P::Status:
        return fromText(o, QString::number(in.status));
    case P::ResponseTime:
        return fromText(o, QString::number(qint64(in.responseTimeMs))); // whole ms, like Gatus
    case P::Ip:
        return fromText(o, in.ip);
    case P::Connected:
        return fromText(o, in.connected ? u"true"_s : u"false"_s);
    case P::Body:
        return resolveBody(o, ctx, wildcardIndex);
    case P::CertificateExpiration: {
        if (o.kind == Condition::Operand::Kind::Has) {
            return ok(in.certificateExpiry ? u"true"_s : u"false"_s);
        }
        if (!in.certificateExpiry) {
            return { Value::State::Broken, {}, {},
                Condition::tr("[CERTIFICATE_EXPIRATION]: the response has no TLS certificate") };
        }
        const QDateTime now = in.now.isValid() ? in.now : QDateTime::currentDateTimeUtc();
        const qint64 ms = now.msecsTo(*in.certificateExpiry);
        if (o.kind == Condition::Operand::Kind::Length) {
            return fromText(o, QString::number(ms));
        }
        return ok(QString::number(ms), signedDuration(ms));
    }
    case P::DnsRcode:
        if (in.dnsRcode.isEmpty()) {
            return { Value::State::Broken, {}, {}, Condition::tr("[DNS_RCODE]: no DNS answer") };
        }
        return fromText(o, in.dnsRcode);
    case P::DomainExpiration:
    case P::Context:
        break;
    }
    return { Value::State::Broken, {}, {},
        Condition::tr("%1 is not supported by OpsDeck").arg(placeholderName(o, -1)) };
}

QString side(const Condition::Operand &o, const Value &v, qsizetype wildcardIndex)
{
    if (o.kind == Condition::Operand::Kind::Literal || o.kind == Condition::Operand::Kind::Pattern
        || o.kind == Condition::Operand::Kind::Any) {
        return o.text;
    }
    const QString name = placeholderName(o, wildcardIndex);
    switch (v.state) {
    case Value::State::Ok:
        return name + u" ("_s + clip(v.shown) + u')';
    case Value::State::Missing:
        return name + u" ("_s + (v.shown.isEmpty() ? Condition::tr("missing") : v.shown) + u')';
    case Value::State::Broken:
        break;
    }
    return name + u" ("_s + Condition::tr("invalid") + u')';
}

bool isFunction(const Condition::Operand &o)
{
    return o.kind == Condition::Operand::Kind::Pattern || o.kind == Condition::Operand::Kind::Any;
}

} // namespace

ConditionResult Condition::evaluate(const ConditionInput &input) const
{
    ConditionContext context(input);
    return evaluate(context);
}

ConditionResult Condition::evaluate(ConditionContext &context) const
{
    const Outcome outcome = m_wildcardSide >= 0 ? evaluateWildcard(context) : evaluateOnce(context, -1);
    ConditionResult result;
    result.condition = m_text;
    result.verdict = outcome.verdict;
    result.actual = outcome.actual;
    result.error = outcome.error;
    return result;
}

Condition::Outcome Condition::evaluateOnce(ConditionContext &context, qsizetype wildcardIndex) const
{
    const bool equality = m_op == Operator::Equal || m_op == Operator::NotEqual;
    const Value left = isFunction(m_left) ? Value() : resolve(m_left, context, wildcardIndex);
    const Value right = isFunction(m_right) ? Value() : resolve(m_right, context, wildcardIndex);
    Outcome out;
    out.actual
        = side(m_left, left, wildcardIndex) + u' ' + operatorText(m_op) + u' ' + side(m_right, right, wildcardIndex);
    for (const Value *v : { &left, &right }) {
        if (v->state == Value::State::Broken) {
            out.error = v->reason;
            return out;
        }
        if (v->state == Value::State::Missing) {
            // Gatus compares a missing path as "(INVALID)": never equal, and for < > meaningless, so an Error.
            out.error = v->reason;
            out.verdict = !equality ? Verdict::Error : m_op == Operator::Equal ? Verdict::Fail : Verdict::Pass;
            return out;
        }
    }
    bool holds = false;
    if (isFunction(m_left) || isFunction(m_right)) {
        const Operand &function = isFunction(m_left) ? m_left : m_right;
        const QString &value = isFunction(m_left) ? right.text : left.text;
        if (function.kind == Operand::Kind::Pattern) {
            holds = globMatch(function.values.value(0), value);
        } else {
            holds = std::any_of(function.values.cbegin(), function.values.cend(),
                [&value](const QString &option) { return valuesEqual(option, value); });
        }
        holds = holds == (m_op == Operator::Equal);
    } else if (equality) {
        holds = valuesEqual(left.text, right.text) == (m_op == Operator::Equal);
    } else {
        const auto a = number(left.text);
        const auto b = number(right.text);
        if (!a || !b) {
            const Operand &bad = a ? m_right : m_left;
            const QString &text = a ? right.text : left.text;
            out.error = bad.kind == Operand::Kind::Literal
                ? tr("\"%1\" is not a number or a duration, so it cannot be compared with %2")
                      .arg(clip(text), operatorText(m_op))
                : tr("%1 is not a number (\"%2\"), so it cannot be compared with %3")
                      .arg(placeholderName(bad, wildcardIndex), clip(text), operatorText(m_op));
            return out;
        }
        switch (m_op) {
        case Operator::Less:
            holds = *a < *b;
            break;
        case Operator::LessOrEqual:
            holds = *a <= *b;
            break;
        case Operator::Greater:
            holds = *a > *b;
            break;
        default:
            holds = *a >= *b;
            break;
        }
    }
    out.verdict = holds ? Verdict::Pass : Verdict::Fail;
    return out;
}

// [BODY].items[*].status == ok: every element must hold; an empty or missing array fails, as in Gatus.
Condition::Outcome Condition::evaluateWildcard(ConditionContext &context) const
{
    const Operand &operand = m_wildcardSide == 0 ? m_left : m_right;
    Outcome out;
    QString error;
    const QJsonValue *json = context.json(&error);
    const JsonPath::Lookup array = json ? operand.path.resolveWildcardArray(*json) : JsonPath::Lookup();
    if (!json || array.status != JsonPath::Lookup::Status::Found) {
        out.actual = m_text + u" ("_s + tr("no elements") + u')';
        out.error = json ? array.reason : error;
        out.error = u"[BODY]"_s + operand.path.toString() + u": "_s + out.error;
        out.verdict = json && array.status == JsonPath::Lookup::Status::Missing ? Verdict::Fail : Verdict::Error;
        return out;
    }
    const qsizetype count = array.value.toArray().size();
    if (count == 0) {
        out.actual = m_text + u" ("_s + tr("no elements") + u')';
        out.error = tr("the array is empty");
        out.verdict = Verdict::Fail;
        return out;
    }
    QStringList failures;
    qsizetype failed = 0;
    bool anyFail = false;
    for (qsizetype i = 0; i < count; ++i) {
        const Outcome one = evaluateOnce(context, i);
        if (one.verdict == Verdict::Pass) {
            continue;
        }
        anyFail = anyFail || one.verdict == Verdict::Fail;
        if (++failed <= MaxFailuresShown) {
            failures.append(one.actual);
        }
        if (out.error.isEmpty()) {
            out.error = one.error;
        }
    }
    if (failed == 0) {
        out.verdict = Verdict::Pass;
        out.actual = m_text + u" ("_s + tr("%n element(s)", nullptr, int(count)) + u')';
        return out;
    }
    out.verdict = anyFail ? Verdict::Fail : Verdict::Error;
    out.actual = failures.join(u"; "_s);
    if (failed > MaxFailuresShown) {
        out.actual += u"; "_s + tr("and %n more", nullptr, int(failed - MaxFailuresShown));
    }
    return out;
}
