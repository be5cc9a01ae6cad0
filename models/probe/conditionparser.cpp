// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Condition::parse: "<operand> <operator> <operand>", as Gatus reads it.
#include "probe/condition.h"

using namespace Qt::StringLiterals;

namespace {

struct ParseError
{
    qsizetype offset = 0;
    QString message;
};

struct PlaceholderName
{
    QStringView name;
    Condition::Placeholder placeholder;
};

constexpr PlaceholderName placeholderNames[] = {
    { u"STATUS", Condition::Placeholder::Status },
    { u"RESPONSE_TIME", Condition::Placeholder::ResponseTime },
    { u"BODY", Condition::Placeholder::Body },
    { u"IP", Condition::Placeholder::Ip },
    { u"CONNECTED", Condition::Placeholder::Connected },
    { u"CERTIFICATE_EXPIRATION", Condition::Placeholder::CertificateExpiration },
    { u"DOMAIN_EXPIRATION", Condition::Placeholder::DomainExpiration },
    { u"DNS_RCODE", Condition::Placeholder::DnsRcode },
    { u"CONTEXT", Condition::Placeholder::Context },
};

constexpr QStringView functionNames[] = { u"len(", u"has(", u"pat(", u"any(" };

bool isSpace(QChar c)
{
    return c.isSpace();
}

// "[NAME]" with letters and underscores: a placeholder (known or not), as opposed to a literal such as "[1,2]".
qsizetype placeholderNameEnd(QStringView text, qsizetype at)
{
    if (at >= text.size() || text.at(at) != u'[') {
        return -1;
    }
    qsizetype i = at + 1;
    while (i < text.size() && (text.at(i).isLetter() || text.at(i) == u'_')) {
        ++i;
    }
    return i > at + 1 && i < text.size() && text.at(i) == u']' ? i + 1 : -1;
}

int functionAt(QStringView text, qsizetype at)
{
    for (int f = 0; f < int(std::size(functionNames)); ++f) {
        if (text.sliced(at).startsWith(functionNames[f])) {
            return f;
        }
    }
    return -1;
}

// Length of the operator at `at` (0 if none); the two-character ones first.
qsizetype operatorAt(QStringView text, qsizetype at, Condition::Operator *op)
{
    static constexpr struct
    {
        QStringView text;
        Condition::Operator op;
    } ops[] = { { u"==", Condition::Operator::Equal }, { u"!=", Condition::Operator::NotEqual },
        { u"<=", Condition::Operator::LessOrEqual }, { u">=", Condition::Operator::GreaterOrEqual },
        { u"<", Condition::Operator::Less }, { u">", Condition::Operator::Greater } };
    for (const auto &o : ops) {
        if (text.sliced(at).startsWith(o.text)) {
            *op = o.op;
            return o.text.size();
        }
    }
    return 0;
}

// End of a left operand that starts with a placeholder or a function; the operator may follow without a space.
std::optional<qsizetype> structuredEnd(QStringView text, qsizetype begin, qsizetype end, ParseError *error)
{
    if (const int f = functionAt(text, begin); f >= 0) {
        int depth = 0;
        for (qsizetype i = begin + functionNames[f].size() - 1; i < end; ++i) {
            if (text.at(i) == u'(') {
                ++depth;
            } else if (text.at(i) == u')' && --depth == 0) {
                return i + 1;
            }
        }
        *error = { begin, Condition::tr("missing \")\" to close \"%1\"").arg(functionNames[f].toString()) };
        return std::nullopt;
    }
    qsizetype i = placeholderNameEnd(text, begin);
    Condition::Operator op;
    while (i < end && !isSpace(text.at(i)) && operatorAt(text, i, &op) == 0) {
        ++i;
    }
    return i;
}

std::optional<Condition::Operand> parseOperand(QStringView text, qsizetype begin, qsizetype end, ParseError *error)
{
    Condition::Operand o;
    o.text = text.sliced(begin, end - begin).toString();
    o.column = begin + 1;
    if (const int f = functionAt(text, begin); f >= 0) {
        const QString name = functionNames[f].chopped(1).toString();
        if (text.at(end - 1) != u')') {
            *error = { begin, Condition::tr("missing \")\" to close \"%1(\"").arg(name) };
            return std::nullopt;
        }
        qsizetype innerBegin = begin + functionNames[f].size();
        qsizetype innerEnd = end - 1;
        const QStringView inner = text.sliced(innerBegin, innerEnd - innerBegin);
        if (f == 2) {
            o.kind = Condition::Operand::Kind::Pattern;
            o.values = { inner.toString() };
            return o;
        }
        if (f == 3) {
            o.kind = Condition::Operand::Kind::Any;
            for (const QStringView option : inner.split(u',')) {
                o.values.append(option.trimmed().toString());
            }
            if (inner.trimmed().isEmpty()) {
                *error = { innerBegin, Condition::tr("any() needs at least one value") };
                return std::nullopt;
            }
            return o;
        }
        while (innerBegin < innerEnd && isSpace(text.at(innerBegin))) {
            ++innerBegin;
        }
        while (innerEnd > innerBegin && isSpace(text.at(innerEnd - 1))) {
            --innerEnd;
        }
        if (placeholderNameEnd(text, innerBegin) < 0) {
            *error = { innerBegin, Condition::tr("%1() expects a placeholder such as [BODY].items").arg(name) };
            return std::nullopt;
        }
        auto inside = parseOperand(text, innerBegin, innerEnd, error);
        if (!inside) {
            return std::nullopt;
        }
        inside->kind = f == 0 ? Condition::Operand::Kind::Length : Condition::Operand::Kind::Has;
        inside->text = o.text;
        inside->column = o.column;
        return inside;
    }
    const qsizetype nameEnd = placeholderNameEnd(text, begin);
    if (nameEnd < 0 || nameEnd > end) {
        o.values = { o.text };
        return o;
    }
    const QStringView name = text.sliced(begin + 1, nameEnd - begin - 2);
    const auto known = std::find_if(std::begin(placeholderNames), std::end(placeholderNames),
        [name](const PlaceholderName &p) { return p.name.compare(name, Qt::CaseInsensitive) == 0; });
    if (known == std::end(placeholderNames)) {
        *error = { begin,
            Condition::tr("unknown placeholder \"%1\"; expected [STATUS], [RESPONSE_TIME], [BODY], [IP], "
                          "[CONNECTED], [CERTIFICATE_EXPIRATION] or [DNS_RCODE]")
                .arg(text.sliced(begin, nameEnd - begin).toString()) };
        return std::nullopt;
    }
    o.kind = Condition::Operand::Kind::Placeholder;
    o.placeholder = known->placeholder;
    const QStringView rest = text.sliced(nameEnd, end - nameEnd);
    if (o.placeholder != Condition::Placeholder::Body) {
        if (!rest.isEmpty()) {
            *error = { nameEnd, Condition::tr("only [BODY] can be followed by a path") };
            return std::nullopt;
        }
        return o;
    }
    QString pathError;
    qsizetype pathOffset = 0;
    auto path = JsonPath::parse(rest, &pathError, &pathOffset);
    if (!path) {
        *error = { nameEnd + pathOffset, pathError };
        return std::nullopt;
    }
    o.path = *path;
    return o;
}

bool isFunctionOperand(const Condition::Operand &o)
{
    return o.kind == Condition::Operand::Kind::Pattern || o.kind == Condition::Operand::Kind::Any;
}

bool hasWildcard(const Condition::Operand &o)
{
    return o.kind != Condition::Operand::Kind::Literal && !isFunctionOperand(o) && o.path.hasWildcard();
}

} // namespace

std::optional<Condition> Condition::parse(const QString &text, QString *error, qsizetype *errorColumn)
{
    const auto fail = [&](const ParseError &e) -> std::optional<Condition> {
        if (error) {
            *error = tr("column %1: %2").arg(e.offset + 1).arg(e.message);
        }
        if (errorColumn) {
            *errorColumn = e.offset + 1;
        }
        return std::nullopt;
    };
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isSpace(text.at(begin))) {
        ++begin;
    }
    while (end > begin && isSpace(text.at(end - 1))) {
        --end;
    }
    if (begin == end) {
        return fail({ 0, tr("the condition is empty; expected a comparison such as \"[STATUS] == 200\"") });
    }

    Condition c;
    c.m_text = text.sliced(begin, end - begin);
    qsizetype leftEnd = -1;
    qsizetype opBegin = -1;
    qsizetype opLength = 0;
    if (functionAt(text, begin) >= 0 || placeholderNameEnd(text, begin) >= 0) {
        ParseError e;
        const auto structured = structuredEnd(text, begin, end, &e);
        if (!structured) {
            return fail(e);
        }
        leftEnd = *structured;
        opBegin = leftEnd;
        while (opBegin < end && isSpace(text.at(opBegin))) {
            ++opBegin;
        }
        opLength = operatorAt(text, opBegin, &c.m_op);
        if (opLength == 0) {
            return fail({ opBegin,
                tr("expected an operator (==, !=, <, <=, >, >=) after \"%1\"")
                    .arg(text.sliced(begin, leftEnd - begin)) });
        }
    } else {
        // A literal on the left: the leftmost operator with white space on both sides, as Gatus splits on " == ".
        for (qsizetype i = begin + 1; i < end && opLength == 0; ++i) {
            if (isSpace(text.at(i - 1))) {
                const qsizetype n = operatorAt(text, i, &c.m_op);
                if (n > 0 && i + n < end && isSpace(text.at(i + n))) {
                    opBegin = i;
                    opLength = n;
                }
            }
        }
        if (opLength == 0) {
            return fail({ begin,
                tr("expected a comparison such as \"[STATUS] == 200\" (==, !=, <, <=, >, >= with a space on each "
                   "side)") });
        }
        leftEnd = opBegin;
        while (leftEnd > begin && isSpace(text.at(leftEnd - 1))) {
            --leftEnd;
        }
    }
    qsizetype rightBegin = opBegin + opLength;
    while (rightBegin < end && isSpace(text.at(rightBegin))) {
        ++rightBegin;
    }
    if (rightBegin == end) {
        return fail({ rightBegin, tr("expected a value after \"%1\"").arg(operatorText(c.m_op)) });
    }

    ParseError e;
    auto left = parseOperand(text, begin, leftEnd, &e);
    if (!left) {
        return fail(e);
    }
    auto right = parseOperand(text, rightBegin, end, &e);
    if (!right) {
        return fail(e);
    }
    if (isFunctionOperand(*left) && isFunctionOperand(*right)) {
        return fail({ right->column - 1, tr("pat() and any() cannot be compared with each other") });
    }
    const bool equality = c.m_op == Operator::Equal || c.m_op == Operator::NotEqual;
    for (const Operand *o : { &*left, &*right }) {
        if (isFunctionOperand(*o) && !equality) {
            const QString name = o->kind == Operand::Kind::Pattern ? u"pat()"_s : u"any()"_s;
            return fail({ o->column - 1, tr("%1 can only be used with == or !=").arg(name) });
        }
    }
    if (hasWildcard(*left) && hasWildcard(*right)) {
        return fail({ right->column - 1, tr("only one side of a condition can use [*]") });
    }
    c.m_wildcardSide = hasWildcard(*left) ? 0 : hasWildcard(*right) ? 1 : -1;
    c.m_left = std::move(*left);
    c.m_right = std::move(*right);
    return c;
}

QString Condition::operatorText(Operator op)
{
    switch (op) {
    case Operator::Equal:
        return u"=="_s;
    case Operator::NotEqual:
        return u"!="_s;
    case Operator::Less:
        return u"<"_s;
    case Operator::LessOrEqual:
        return u"<="_s;
    case Operator::Greater:
        return u">"_s;
    case Operator::GreaterOrEqual:
        return u">="_s;
    }
    return {};
}

bool Condition::readsBody() const
{
    const auto body = [](const Operand &o) {
        return !isFunctionOperand(o) && o.kind != Operand::Kind::Literal && o.placeholder == Placeholder::Body;
    };
    return body(m_left) || body(m_right);
}
