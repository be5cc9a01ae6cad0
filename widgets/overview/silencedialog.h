// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/alertmanagerclient.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

// Asks how long to silence one alert and why. The matchers are the alert's own labels (it silences exactly this
// alert); Alertmanager requires a comment, so OK waits for one.
class SilenceDialog final : public QDialog
{
    Q_OBJECT

public:
    SilenceDialog(const Alert &alert, const QString &createdBy, QWidget *parent = nullptr);

    Milliseconds duration() const;
    QString comment() const;
    QComboBox *durationBox() const { return m_duration; }
    QLineEdit *commentEdit() const { return m_comment; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    static QString matcherText(const QList<SilenceMatcher> &matchers);

private:
    QComboBox *m_duration;
    QLineEdit *m_comment;
    QDialogButtonBox *m_buttons;
};
