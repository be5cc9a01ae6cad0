// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

// The colours of what text means (on time, near a limit, overdue or breached, no longer current), in one place
// for every view. Models say what a cell means; a widget asks here for its colour in the palette it is drawn
// with, so the colours follow the light and dark themes and keep at least 3:1 against Base, AlternateBase and
// Window (the light theme's are the colours OpsDeck always had; the dark theme's are lighter).
namespace StatusPalette {

enum class Tone {
    Normal, // the palette's own text colour
    Good, // within target: an SLA met or running on time
    Caution, // close to a limit: an SLA clock near its target
    Bad, // past a limit: overdue, missed, breached
    Muted, // no longer current: a superseded timeline entry
};

// Whether `palette` is a dark one: its window darker than its window text.
bool isDark(const QPalette &palette);
// The text colour for `tone` on `palette`; invalid for Normal (keep the palette's own).
QColor color(Tone tone, const QPalette &palette);
// The WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white).
double contrast(const QColor &a, const QColor &b);

} // namespace StatusPalette
