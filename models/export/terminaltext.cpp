// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/terminaltext.h"

#include <QList>

namespace {
// East Asian Wide and Fullwidth ranges (Unicode 15, the blocks a Korean/CJK UI actually prints).
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
        || (c >= 0x20000 && c <= 0x3FFFD);
}
} // namespace

namespace TerminalText {

int width(const QString &text)
{
    int cells = 0;
    for (char32_t c : text.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing || c == 0x200B) {
            continue;
        }
        cells += isWide(c) ? 2 : 1;
    }
    return cells;
}

QString padRight(const QString &text, int cells)
{
    return text + QString(std::max(0, cells - width(text)), QLatin1Char(' '));
}

QString padLeft(const QString &text, int cells)
{
    return QString(std::max(0, cells - width(text)), QLatin1Char(' ')) + text;
}

} // namespace TerminalText
