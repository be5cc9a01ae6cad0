// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comingpage.h"

// The Health screen; a "coming" shell until its issue lands.
class HealthPage final : public ComingPage
{
    Q_OBJECT
public:
    explicit HealthPage(QWidget *parent = nullptr);

    QString id() const override { return QStringLiteral("health"); }
    QString title() const override;
    QString description() const override;
};
