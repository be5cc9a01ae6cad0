// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Column alignment for terminal tables: Hangul, CJK and full-width forms take two cells, combining marks none.
namespace TerminalText {
int width(const QString &text);
QString padRight(const QString &text, int cells);
QString padLeft(const QString &text, int cells);
} // namespace TerminalText
