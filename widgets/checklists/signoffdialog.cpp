// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklists/signoffdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SignOffDialog::SignOffDialog(const QString &checklistTitle, const QString &signer, QWidget *parent)
    : QDialog(parent)
    , m_comment(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Sign off %1").arg(checklistTitle));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Signing as %1. A signed checklist can no longer change.").arg(signer), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(new QLabel(tr("Comment:"), this));
    m_comment->setObjectName(u"signComment"_s);
    layout->addWidget(m_comment);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign off"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString SignOffDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}
