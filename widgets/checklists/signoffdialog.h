// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

// Asks for the sign-off comment; shows who signs. The rules are checked by ChecklistStore, not here.
class SignOffDialog final : public QDialog
{
    Q_OBJECT
public:
    SignOffDialog(const QString &checklistTitle, const QString &signer, QWidget *parent = nullptr);

    QString comment() const;

private:
    QPlainTextEdit *m_comment;
};
