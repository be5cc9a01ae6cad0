// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/promqlcomparison.h"

#include <QCoreApplication>
#include <QList>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

struct TopLevel
{
    struct Op
    {
        qsizetype pos;
        qsizetype length;
    };
    QList<Op> comparisons;
    QString setOperator; // and / or / unless, as written
    bool balanced = true;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u':' || c == u'.';
}

// Index of the bracket closing the one at `open`, or -1.
qsizetype closingBracket(const QString &s, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'"' || c == u'\'' || c == u'`') {
            const QChar quote = c;
            for (++i; i < s.size() && s.at(i) != quote; ++i) {
                if (s.at(i) == u'\\' && quote != u'`') {
                    ++i;
                }
            }
        } else if (c == u'#') {
            while (i < s.size() && s.at(i) != u'\n') {
                ++i;
            }
        } else if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}') {
            if (--depth == 0) {
                return i;
            }
        }
    }
    return -1;
}

// `s` without its `# ...` comments (a # inside a string stays).
QString withoutComments(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'"' || c == u'\'' || c == u'`') {
            const qsizetype start = i;
            for (++i; i < s.size() && s.at(i) != c; ++i) {
                if (s.at(i) == u'\\' && c != u'`') {
                    ++i;
                }
            }
            out += QStringView(s).mid(start, i - start + 1);
        } else if (c == u'#') {
            while (i + 1 < s.size() && s.at(i + 1) != u'\n') {
                ++i;
            }
        } else {
            out += c;
        }
    }
    return out;
}

QString unwrapParentheses(QString s)
{
    s = s.trimmed();
    while (s.startsWith(u'(') && closingBracket(s, 0) == s.size() - 1) {
        s = s.mid(1, s.size() - 2).trimmed();
    }
    return s;
}

TopLevel scan(const QString &s)
{
    TopLevel t;
    int depth = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'"' || c == u'\'' || c == u'`') {
            const QChar quote = c;
            for (++i; i < s.size() && s.at(i) != quote; ++i) {
                if (s.at(i) == u'\\' && quote != u'`') {
                    ++i;
                }
            }
        } else if (c == u'#') {
            while (i < s.size() && s.at(i) != u'\n') {
                ++i;
            }
        } else if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}') {
            if (--depth < 0) {
                t.balanced = false;
                return t;
            }
        } else if (depth == 0) {
            if (isWordChar(c)) {
                qsizetype end = i;
                while (end < s.size() && isWordChar(s.at(end))) {
                    ++end;
                }
                const QString word = s.mid(i, end - i);
                const QString lower = word.toLower();
                if (t.setOperator.isEmpty() && (lower == u"and" || lower == u"or" || lower == u"unless")) {
                    t.setOperator = word;
                }
                i = end - 1;
            } else if (c == u'=' || c == u'!' || c == u'<' || c == u'>') {
                const bool two = i + 1 < s.size() && s.at(i + 1) == u'=';
                if ((c == u'=' || c == u'!') && !two) {
                    continue; // =~ / !~ belong inside selectors
                }
                t.comparisons.append({ i, two ? 2 : 1 });
                i += two ? 1 : 0;
            }
        }
    }
    t.balanced = depth == 0;
    return t;
}

// Drops `on(...)`, `ignoring(...)`, `group_left(...)` and `group_right(...)` at the start of the right-hand side.
QString stripMatching(QString rhs)
{
    for (bool again = true; again;) {
        again = false;
        rhs = rhs.trimmed();
        for (const QString &keyword : { u"on"_s, u"ignoring"_s, u"group_left"_s, u"group_right"_s }) {
            if (!rhs.startsWith(keyword, Qt::CaseInsensitive)) {
                continue;
            }
            QString rest = rhs.mid(keyword.size());
            if (!rest.isEmpty() && isWordChar(rest.front())) {
                continue; // a metric called e.g. "online"
            }
            rest = rest.trimmed();
            if (rest.startsWith(u'(')) {
                const qsizetype close = closingBracket(rest, 0);
                if (close < 0) {
                    return rhs;
                }
                rest = rest.mid(close + 1);
            }
            rhs = rest;
            again = true;
            break;
        }
    }
    return rhs;
}

QString flipped(const QString &op)
{
    if (op.startsWith(u'<')) {
        return u'>' + op.mid(1);
    }
    if (op.startsWith(u'>')) {
        return u'<' + op.mid(1);
    }
    return op;
}

} // namespace

std::optional<double> PromqlComparison::constantValue(const QString &text)
{
    const QString s = unwrapParentheses(text);
    if (s.isEmpty() || s.contains(u' ')) {
        return std::nullopt;
    }
    const QChar first = s.front();
    if (!(first.isDigit() || first == u'.' || first == u'-' || first == u'+')) {
        return std::nullopt;
    }
    bool ok = false;
    const double value = s.toDouble(&ok);
    if (!ok && !s.contains(u'e', Qt::CaseInsensitive)) {
        return std::nullopt;
    }
    if (!ok) {
        // 1e999: a number, but not a finite one; the caller reports it.
        return std::numeric_limits<double>::infinity();
    }
    return value;
}

std::optional<PromqlComparison> PromqlComparison::split(const QString &expr, QString *reason)
{
    const QString s = unwrapParentheses(withoutComments(expr));
    const TopLevel top = scan(s);
    if (!top.balanced) {
        *reason = QCoreApplication::translate("Importer", "unbalanced brackets in the expression");
        return std::nullopt;
    }
    if (!top.setOperator.isEmpty()) {
        *reason = QCoreApplication::translate(
            "Importer", "combines conditions with \"%1\"; a tile shows one query against one threshold")
                      .arg(top.setOperator);
        return std::nullopt;
    }
    if (top.comparisons.isEmpty()) {
        *reason = QCoreApplication::translate(
            "Importer", "no comparison with a constant (the alert fires whenever the query returns a series)");
        return std::nullopt;
    }
    if (top.comparisons.size() > 1) {
        *reason = QCoreApplication::translate(
            "Importer", "more than one comparison at the top level (a range such as 3 <= q < 20)");
        return std::nullopt;
    }
    const auto [pos, length] = top.comparisons.front();
    const QString op = s.mid(pos, length);
    const QString lhs = s.left(pos).trimmed();
    QString rhs = s.mid(pos + length).trimmed();
    if (rhs.startsWith(u"bool", Qt::CaseInsensitive) && (rhs.size() == 4 || !isWordChar(rhs.at(4)))) {
        *reason = QCoreApplication::translate(
            "Importer", "the bool modifier makes the rule return 0 or 1 for every series instead of filtering");
        return std::nullopt;
    }
    rhs = stripMatching(rhs);
    if (lhs.isEmpty() || rhs.isEmpty()) {
        *reason = QCoreApplication::translate("Importer", "the comparison \"%1\" lacks a side").arg(op);
        return std::nullopt;
    }
    const std::optional<double> left = constantValue(lhs);
    const std::optional<double> right = constantValue(rhs);
    if (left && right) {
        *reason = QCoreApplication::translate("Importer", "compares two constants");
        return std::nullopt;
    }
    if (!left && !right) {
        *reason = QCoreApplication::translate("Importer", "compares two queries; a tile needs a constant threshold");
        return std::nullopt;
    }
    PromqlComparison c;
    c.query = right ? lhs : rhs;
    c.op = right ? op : flipped(op);
    c.constant = right ? *right : *left;
    if (!std::isfinite(c.constant)) {
        *reason
            = QCoreApplication::translate("Importer", "the threshold %1 is not a finite number").arg(right ? rhs : lhs);
        return std::nullopt;
    }
    return c;
}
