// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpitile.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

QString KpiTile::formatValue(const Kpi &kpi, double value)
{
    if (std::isnan(value)) {
        return tr("NaN");
    }
    if (std::isinf(value)) {
        return value > 0 ? u"∞"_s : u"−∞"_s;
    }
    return QLocale().toString(value, 'f', kpi.decimals);
}

QString KpiTile::valueText() const
{
    return value ? formatValue(kpi, *value) : u"—"_s;
}

QString KpiTile::valueWithUnit() const
{
    return value && !kpi.unit.isEmpty() ? valueText() + u' ' + kpi.unit : valueText();
}

std::optional<double> KpiTile::trend() const
{
    if (history.size() < 2) {
        return std::nullopt;
    }
    const double latest = history.constLast().x();
    const double from = latest - double(trendIntervals * kpi.interval.count());
    for (const QPointF &p : history) {
        if (p.x() >= from) {
            if (p.x() == latest) {
                return std::nullopt;
            }
            return history.constLast().y() - p.y();
        }
    }
    return std::nullopt;
}
