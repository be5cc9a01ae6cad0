// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidents/newincidentdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

NewIncidentDialog::NewIncidentDialog(const QList<SeverityLevel> &severities, const QString &language, QWidget *parent)
    : QDialog(parent)
    , m_title(new QLineEdit(this))
    , m_severity(new QComboBox(this))
{
    setWindowTitle(tr("New incident"));
    m_title->setObjectName(u"titleEdit"_s);
    for (const SeverityLevel &level : severities) {
        m_severity->addItem(severityLabel(level, language), level.id);
    }
    // The least severe level by default: raising it is a decision, lowering it an afterthought.
    m_severity->setCurrentIndex(m_severity->count() - 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open incident"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_title, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Severity"), m_severity);
    form->addRow(buttons);
}

QString NewIncidentDialog::severityLabel(const SeverityLevel &level, const QString &language)
{
    const QString title = level.title.text(language);
    if (title.isEmpty()) {
        return level.id;
    }
    return title.startsWith(level.id) ? title : level.id + u" — "_s + title;
}

QString NewIncidentDialog::incidentTitle() const
{
    return m_title->text().trimmed();
}

QString NewIncidentDialog::severity() const
{
    return m_severity->currentData().toString();
}
