// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comingpage.h"

// The Charts screen; a "coming" shell until its issue lands.
class ChartsPage final : public ComingPage
{
    Q_OBJECT
public:
    explicit ChartsPage(QWidget *parent = nullptr);

    QString id() const override { return QStringLiteral("charts"); }
    QString title() const override;
    QString description() const override;
};
