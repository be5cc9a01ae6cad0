// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/endpointdelegate.h"

#include "health/statestyle.h"
#include "probe/endpointmodel.h"

EndpointDelegate::EndpointDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void EndpointDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool group = index.data(EndpointModel::IsGroupRole).toBool();
    if (group) {
        option->font.setBold(true);
    }
    if (index.column() == EndpointModel::StateColumn) {
        const int state = index.data(EndpointModel::StateRole).toInt();
        if (!group || state >= 0) {
            option->icon = StateStyle::icon(state);
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->decorationSize = QSize(16, 16);
        }
    }
}
