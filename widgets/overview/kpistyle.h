// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpi/kpievaluator.h"

#include <QColor>
#include <QString>

// How a KPI state looks and reads; the name is always shown next to the colour.
namespace KpiStyle {

QColor color(KpiState state);
QString name(KpiState state); // translated: "Normal", "Warning", ...

} // namespace KpiStyle
