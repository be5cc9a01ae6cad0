// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklistspage.h"

ChecklistsPage::ChecklistsPage(QWidget *parent)
    : ComingPage(parent)
{
    setUp();
}

QString ChecklistsPage::title() const
{
    return tr("Checklists");
}

QString ChecklistsPage::description() const
{
    return tr("Today's, this week's and this month's checklists: tick items, add notes and evidence, see what is "
              "overdue and sign off.");
}
