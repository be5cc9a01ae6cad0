// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comingpage.h"

// The Runbooks screen; a "coming" shell until its issue lands.
class RunbooksPage final : public ComingPage
{
    Q_OBJECT
public:
    explicit RunbooksPage(QWidget *parent = nullptr);

    QString id() const override { return QStringLiteral("runbooks"); }
    QString title() const override;
    QString description() const override;
};
