// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuslookdelegate.h"

#include "checklist/checklistinstancemodel.h"
#include "checklist/checklistitemmodel.h"
#include "checklist/schedulecalculator.h"
#include "incident/incidentlistmodel.h"
#include "incident/timelinemodel.h"

using Tone = StatusPalette::Tone;

StatusLookDelegate::StatusLookDelegate(Rule rule, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_rule(rule)
{ }

void StatusLookDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const StatusLook l = look(index);
    if (const QColor color = StatusPalette::color(l.tone, option->palette); color.isValid()) {
        option->palette.setColor(QPalette::Text, color);
    }
    if (l.bold || l.struckOut) {
        if (l.bold) {
            option->font.setBold(true);
        }
        if (l.struckOut) {
            option->font.setStrikeOut(true);
        }
        option->fontMetrics = QFontMetrics(option->font);
    }
}

StatusLook StatusLookDelegate::checklistItem(const QModelIndex &index)
{
    if (!index.data(ChecklistItemModel::OverdueRole).toBool()) {
        return {};
    }
    return { Tone::Bad, index.column() == ChecklistItemModel::ItemColumn, false };
}

StatusLook StatusLookDelegate::checklistInstance(const QModelIndex &index)
{
    const auto status = PeriodStatus(index.data(ChecklistInstanceModel::StatusRole).toInt());
    const bool late = status == PeriodStatus::Overdue || status == PeriodStatus::Missed;
    return { late && index.column() == ChecklistInstanceModel::StatusColumn ? Tone::Bad : Tone::Normal, false, false };
}

StatusLook StatusLookDelegate::timelineEntry(const QModelIndex &index)
{
    if (!index.data(TimelineModel::SupersededRole).toBool()) {
        return {};
    }
    return { Tone::Muted, false, true };
}

StatusLook StatusLookDelegate::sla(SlaFigure::State state)
{
    switch (state) {
    case SlaFigure::State::Ok:
        return { Tone::Good, false, false };
    case SlaFigure::State::Near:
        return { Tone::Caution, false, false };
    case SlaFigure::State::Breached:
        return { Tone::Bad, true, false };
    case SlaFigure::State::None:
        break;
    }
    return {};
}

StatusLook StatusLookDelegate::incident(const QModelIndex &index)
{
    if (const QVariant state = index.data(IncidentListModel::SlaStateRole); state.isValid()) {
        return sla(SlaFigure::State(state.toInt()));
    }
    const bool openTitle
        = index.column() == IncidentListModel::TitleColumn && index.data(IncidentListModel::OpenRole).toBool();
    return { Tone::Normal, openTitle, false };
}
