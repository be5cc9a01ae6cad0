// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbookspage.h"

RunbooksPage::RunbooksPage(QWidget *parent)
    : ComingPage(parent)
{
    setUp();
}

QString RunbooksPage::title() const
{
    return tr("Runbooks");
}

QString RunbooksPage::description() const
{
    return tr("Each runbook's ordered steps, run with confirmation, a live step log with the requests and responses, "
              "and the audit history.");
}
