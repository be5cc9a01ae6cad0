// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comingpage.h"

// The Incidents screen; a "coming" shell until its issue lands.
class IncidentsPage final : public ComingPage
{
    Q_OBJECT
public:
    explicit IncidentsPage(QWidget *parent = nullptr);

    QString id() const override { return QStringLiteral("incidents"); }
    QString title() const override;
    QString description() const override;
};
