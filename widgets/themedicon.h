// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>

// The embedded line icon :/icons/<name>.svg drawn in `color` (its strokes use currentColor, which QtSvg lacks),
// so icons follow the light and dark palettes. A valid `selectedColor` adds the QIcon::Selected mode.
QIcon themedIcon(const QString &name, const QColor &color, const QColor &selectedColor);
