// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/slaclock.h"
#include "statuspalette.h"

#include <QStyledItemDelegate>

// How a cell shows what it means: a tone for its text and its weight.
struct StatusLook
{
    StatusPalette::Tone tone = StatusPalette::Tone::Normal;
    bool bold = false;
    bool struckOut = false;
};

// Draws a view's cells in the look of what the model says they mean (overdue, superseded, breached), with the
// colours of the palette the view is drawn with, so they follow the theme. The rules for OpsDeck's models are here,
// so that how a meaning looks is decided in one file; the models only expose roles.
class StatusLookDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using Rule = StatusLook (*)(const QModelIndex &index);

    explicit StatusLookDelegate(Rule rule, QObject *parent = nullptr);

    StatusLook look(const QModelIndex &index) const { return m_rule(index); }

    // ChecklistItemModel: overdue items red, their text bold.
    static StatusLook checklistItem(const QModelIndex &index);
    // ChecklistInstanceModel: the status of overdue and missed periods red.
    static StatusLook checklistInstance(const QModelIndex &index);
    // TimelineModel: superseded entries grey and struck out.
    static StatusLook timelineEntry(const QModelIndex &index);
    // IncidentListModel: SLA clocks green / amber / red, breached ones bold; open incidents' titles bold.
    static StatusLook incident(const QModelIndex &index);
    // An SLA clock: met or running on time green, near its target amber, breached red and bold.
    static StatusLook sla(SlaFigure::State state);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    Rule m_rule;
};
