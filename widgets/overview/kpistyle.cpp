// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/kpistyle.h"

#include <QCoreApplication>

namespace KpiStyle {

QColor color(KpiState state)
{
    switch (state) {
    case KpiState::Normal:
        return QColor(0x27, 0xae, 0x60);
    case KpiState::Warning:
        return QColor(0xf1, 0xc4, 0x0f);
    case KpiState::Critical:
        return QColor(0xda, 0x44, 0x53);
    case KpiState::Stale:
        return QColor(0x95, 0xa5, 0xa6);
    case KpiState::Unknown:
        break;
    }
    return QColor(0x8e, 0x44, 0xad);
}

QString name(KpiState state)
{
    switch (state) {
    case KpiState::Normal:
        return QCoreApplication::translate("KpiStyle", "Normal");
    case KpiState::Warning:
        return QCoreApplication::translate("KpiStyle", "Warning");
    case KpiState::Critical:
        return QCoreApplication::translate("KpiStyle", "Critical");
    case KpiState::Stale:
        return QCoreApplication::translate("KpiStyle", "Stale");
    case KpiState::Unknown:
        break;
    }
    return QCoreApplication::translate("KpiStyle", "Unknown");
}

} // namespace KpiStyle
