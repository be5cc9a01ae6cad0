// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspage.h"

ChartsPage::ChartsPage(QWidget *parent)
    : ComingPage(parent)
{
    setUp();
}

QString ChartsPage::title() const
{
    return tr("Charts");
}

QString ChartsPage::description() const
{
    return tr("Time-series panels for response time (p50 and p95), error rate and request volume over 15 minutes to 30 "
              "days, with pan, zoom and threshold bands.");
}
