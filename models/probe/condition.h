// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/conditioncontext.h"
#include "probe/jsonpath.h"
#include "probe/proberesult.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// One health-check condition in Gatus's syntax, e.g. "[STATUS] == 200", "[BODY].items[0].id == 7",
// "len([BODY].items) > 0", "[IP] == pat(10.0.*)", "[STATUS] == any(200, 204)",
// "[CERTIFICATE_EXPIRATION] > 48h". Parsed once, evaluated against every response.
//
// Semantics follow Gatus, with these deliberate differences (an on-call engineer must never see a silent pass):
// - a [BODY] path that is missing (absent key, index out of range, null on the way) fails `==` and passes `!=`
//   like Gatus, but makes <, <=, >, >= an Error instead of comparing 0;
// - a body that is not JSON, a path through a string or number, a non-number with <, <=, >, >=, and
//   [DOMAIN_EXPIRATION] give an Error verdict naming the cause;
// - < <= > >= compare real numbers (Gatus truncates 0.5 to 0); == and != compare numerically when both sides are
//   decimal numbers ("1" == 1.0; Gatus does this for integers only), as text otherwise;
// - len() of an object counts its keys; arrays print as compact JSON;
// - operators without spaces ("[STATUS]==200") are accepted after a placeholder or function;
// - unknown placeholders ("[STAUTS]") are a parse error rather than literal text.
class Condition final
{
    Q_DECLARE_TR_FUNCTIONS(Condition)

public:
    enum class Operator { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual };
    enum class Placeholder {
        Status,
        ResponseTime,
        Body,
        Ip,
        Connected,
        CertificateExpiration,
        DomainExpiration,
        DnsRcode,
        Context
    };

    struct Operand
    {
        enum class Kind { Literal, Placeholder, Length, Has, Pattern, Any };
        Kind kind = Kind::Literal;
        QString text; // as written, trimmed
        qsizetype column = 0; // 1-based
        Condition::Placeholder placeholder = Condition::Placeholder::Status;
        JsonPath path; // [BODY] only
        QStringList values; // Literal and Pattern: one; Any: the options
    };

    // Cheap and free of side effects, so the loader can validate conditions. On failure `error` reads
    // "column N: what was expected" and `errorColumn` (1-based) points into `text`.
    static std::optional<Condition> parse(const QString &text, QString *error, qsizetype *errorColumn = nullptr);

    ConditionResult evaluate(const ConditionInput &input) const;
    // Shares the parsed body across all the conditions of one probe.
    ConditionResult evaluate(ConditionContext &context) const;

    const QString &text() const { return m_text; }
    Operator op() const { return m_op; }
    const Operand &left() const { return m_left; }
    const Operand &right() const { return m_right; }
    bool readsBody() const;

    static QString operatorText(Operator op);

private:
    struct Outcome
    {
        ConditionResult::Verdict verdict = ConditionResult::Verdict::Error;
        QString actual;
        QString error;
    };
    Condition() = default;
    Outcome evaluateOnce(ConditionContext &context, qsizetype wildcardIndex) const;
    Outcome evaluateWildcard(ConditionContext &context) const;

    QString m_text;
    Operator m_op = Operator::Equal;
    Operand m_left;
    Operand m_right;
    int m_wildcardSide = -1; // 0 left, 1 right: which operand's path holds [*]
};
