// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

// Asks for what an incident needs to be opened: a title and a severity. The rest is filled in the editor.
class NewIncidentDialog final : public QDialog
{
    Q_OBJECT
public:
    NewIncidentDialog(const QList<SeverityLevel> &severities, const QString &language, QWidget *parent = nullptr);

    QString incidentTitle() const;
    // "P1 — High: major feature broken", without repeating an id the title already starts with.
    static QString severityLabel(const SeverityLevel &level, const QString &language);
    QString severity() const;

private:
    QLineEdit *m_title;
    QComboBox *m_severity;
};
