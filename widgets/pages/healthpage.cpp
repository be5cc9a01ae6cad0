// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthpage.h"

HealthPage::HealthPage(QWidget *parent)
    : ComingPage(parent)
{
    setUp();
}

QString HealthPage::title() const
{
    return tr("Health");
}

QString HealthPage::description() const
{
    return tr("Every endpoint with its state and last latency, which condition failed and with what value, its check "
              "history and the raw response, highlighted.");
}
