// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/alertmanagerclient.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Asks for how long to silence an alert and why (Alertmanager requires a comment). Shows the matchers the silence
// will have; creating it is the caller's business.
class SilenceDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SilenceDialog(const Alert &alert, QWidget *parent = nullptr);

    static QList<Milliseconds> durations();
    const Alert &alert() const { return m_alert; }
    Milliseconds duration() const;
    void setDuration(Milliseconds duration);
    QString comment() const;

    QComboBox *durationBox() const { return m_duration; }
    QLineEdit *commentEdit() const { return m_comment; }
    QDialogButtonBox *buttons() const { return m_buttons; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    static QString durationText(Milliseconds duration);

    Alert m_alert;
    QLabel *m_heading;
    QLabel *m_matchers;
    QLabel *m_durationLabel;
    QLabel *m_commentLabel;
    QComboBox *m_duration;
    QLineEdit *m_comment;
    QDialogButtonBox *m_buttons;
};
