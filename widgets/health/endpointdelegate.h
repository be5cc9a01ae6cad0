// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// Draws EndpointModel rows: the state column with its shape and colour next to the state's name, group rows bold.
class EndpointDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EndpointDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
