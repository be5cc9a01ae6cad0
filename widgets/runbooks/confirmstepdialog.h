// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbook/runbookrun.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Asks before a state-changing step: names the service, environment, method and URL (secrets as ${NAME}, never
// resolved here). In production the operator must type the environment's name before Run is enabled.
class ConfirmStepDialog final : public QDialog
{
    Q_OBJECT
public:
    ConfirmStepDialog(const StepConfirmation &confirmation, const QString &stepTitle, QWidget *parent = nullptr);

    QString typedEnvironment() const;
    QString summaryText() const; // what the dialog shows, for tests
    bool canRun() const;

private:
    void updateButtons();

    StepConfirmation m_confirmation;
    QLabel *m_summary;
    QLineEdit *m_typed = nullptr;
    QDialogButtonBox *m_buttons;
};
