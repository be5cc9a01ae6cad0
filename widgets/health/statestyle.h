// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"

#include <QColor>
#include <QIcon>

class QPainter;

// How an endpoint state looks: a colour and, so that it is never told by colour alone, a shape with a mark
// (OK a circle with a tick, WARNING a triangle with "!", CRITICAL a square with a cross, UNKNOWN a circle with "?",
// PENDING a ring, MAINTENANCE a square with pause bars).
namespace StateStyle {

QColor color(EndpointState state);
QColor noResultColor();
// Paints the state's shape into `rect`; `state` < 0 paints an empty ring ("no result yet").
void paint(QPainter *painter, const QRectF &rect, int state);
QIcon icon(int state); // cached per state, rendered at 16 and 32 px

} // namespace StateStyle
