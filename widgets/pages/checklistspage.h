// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comingpage.h"

// The Checklists screen; a "coming" shell until its issue lands.
class ChecklistsPage final : public ComingPage
{
    Q_OBJECT
public:
    explicit ChecklistsPage(QWidget *parent = nullptr);

    QString id() const override { return QStringLiteral("checklists"); }
    QString title() const override;
    QString description() const override;
};
