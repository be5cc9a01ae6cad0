// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDialog>

class QComboBox;
class QDateEdit;

// Asks for the days (and the format) of a checklist history export.
class ExportRangeDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ExportRangeDialog(QDate today, QWidget *parent = nullptr);

    QDate from() const;
    QDate to() const;
    bool pdf() const;

private:
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_format;
};
