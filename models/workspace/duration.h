// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QString>
#include <QStringView>

#include <optional>

// Durations as written in workspace files: 500ms, 30s, 5m, 48h, 7d and sums such as 1h30m; "0" is zero.
class Duration final
{
public:
    // On failure returns nothing and, if `error` is given, sets it to a message naming what was expected.
    static std::optional<Milliseconds> parse(QStringView text, QString *error = nullptr);
    // The shortest form that parse() reads back, e.g. 5400000 ms -> "1h30m".
    static QString format(Milliseconds value);
};
