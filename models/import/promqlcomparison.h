// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

// The top-level comparison of a PromQL alert expression with a constant, read as `query OP constant` (a reversed
// `3 <= query` is turned around). Parentheses, strings, comments, the `bool` modifier and `on()` / `ignoring()` /
// `group_left()` / `group_right()` after the operator are respected.
struct PromqlComparison
{
    QString query;
    QString op; // > >= < <= == !=
    double constant = 0;

    // Splits `expr`; on failure `reason` says (translated) why the expression has no single comparison with a
    // constant: `and`/`or`/`unless`, two queries compared, a range, `bool`, no comparison at all...
    static std::optional<PromqlComparison> split(const QString &expr, QString *reason);
    // A number literal as PromQL writes it (`0.05`, `.10`, `1e3`, `-1`), maybe in parentheses; nullopt otherwise.
    static std::optional<double> constantValue(const QString &text);
};
