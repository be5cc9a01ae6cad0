// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuspalette.h"

#include <algorithm>
#include <cmath>

namespace StatusPalette {

namespace {
double luminance(const QColor &color)
{
    const auto channel
        = [](float c) { return c <= 0.03928f ? double(c) / 12.92 : std::pow((double(c) + 0.055) / 1.055, 2.4); };
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}
} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor color(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Good:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x2e, 0x7d, 0x32);
    case Tone::Caution:
        return dark ? QColor(0xd2, 0x99, 0x22) : QColor(0xb2, 0x6a, 0x00);
    case Tone::Bad:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
    case Tone::Muted:
        return dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x75, 0x75, 0x75);
    case Tone::Normal:
        break;
    }
    return {};
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace StatusPalette
