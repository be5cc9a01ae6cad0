// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidentspage.h"

IncidentsPage::IncidentsPage(QWidget *parent)
    : ComingPage(parent)
{
    setUp();
}

QString IncidentsPage::title() const
{
    return tr("Incidents");
}

QString IncidentsPage::description() const
{
    return tr("Open incidents first, with severity, status, commander, impact, SLA timers, an append-only timeline and "
              "post-mortem fields.");
}
