// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklists/exportrangedialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

ExportRangeDialog::ExportRangeDialog(QDate today, QWidget *parent)
    : QDialog(parent)
    , m_from(new QDateEdit(today.addDays(-6), this))
    , m_to(new QDateEdit(today, this))
    , m_format(new QComboBox(this))
{
    setWindowTitle(tr("Export signed checklists"));
    for (QDateEdit *edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    }
    m_from->setObjectName(u"fromDate"_s);
    m_to->setObjectName(u"toDate"_s);
    m_format->addItem(tr("Markdown"));
    m_format->addItem(tr("PDF"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A range that ends before it starts cannot be exported.
    const auto check = [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(from() <= to()); };
    connect(m_from, &QDateEdit::dateChanged, this, check);
    connect(m_to, &QDateEdit::dateChanged, this, check);

    auto *grid = new QGridLayout(this);
    grid->addWidget(new QLabel(tr("From:"), this), 0, 0);
    grid->addWidget(m_from, 0, 1);
    grid->addWidget(new QLabel(tr("To:"), this), 1, 0);
    grid->addWidget(m_to, 1, 1);
    grid->addWidget(new QLabel(tr("Format:"), this), 2, 0);
    grid->addWidget(m_format, 2, 1);
    grid->addWidget(buttons, 3, 0, 1, 2);
}

QDate ExportRangeDialog::from() const
{
    return m_from->date();
}

QDate ExportRangeDialog::to() const
{
    return m_to->date();
}

bool ExportRangeDialog::pdf() const
{
    return m_format->currentIndex() == 1;
}
