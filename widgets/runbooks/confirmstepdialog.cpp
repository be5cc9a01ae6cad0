// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbooks/confirmstepdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ConfirmStepDialog::ConfirmStepDialog(const StepConfirmation &confirmation, const QString &stepTitle, QWidget *parent)
    : QDialog(parent)
    , m_confirmation(confirmation)
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Run this step?"));
    auto *layout = new QVBoxLayout(this);
    auto *heading
        = new QLabel(tr("<b>%1</b> changes the state of a live system.").arg(stepTitle.toHtmlEscaped()), this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    auto *form = new QFormLayout;
    const auto addRow = [&](const QString &label, const QString &value) {
        auto *field = new QLabel(value, this);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setTextFormat(Qt::PlainText);
        field->setWordWrap(true);
        form->addRow(label, field);
    };
    addRow(tr("Service:"), confirmation.service);
    addRow(tr("Environment:"), confirmation.environment);
    addRow(confirmation.method == QLatin1String("command") ? tr("Command:") : tr("Method:"),
        confirmation.method == QLatin1String("command") ? confirmation.target : confirmation.method);
    if (confirmation.method != QLatin1String("command")) {
        addRow(tr("URL:"), confirmation.target);
    }
    layout->addLayout(form);
    m_summary->setObjectName(u"confirmSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setText(
        QStringList { confirmation.service, confirmation.environment, confirmation.method, confirmation.target }.join(
            QLatin1Char('\n')));
    m_summary->hide();
    if (confirmation.requiresTypedEnvironment) {
        auto *prompt = new QLabel(tr("This is <b>%1</b>. Type the environment's name to run the step:")
                                      .arg(confirmation.environment.toHtmlEscaped()),
            this);
        prompt->setWordWrap(true);
        m_typed = new QLineEdit(this);
        m_typed->setObjectName(u"typedEnvironment"_s);
        m_typed->setPlaceholderText(confirmation.environment);
        layout->addWidget(prompt);
        layout->addWidget(m_typed);
        connect(m_typed, &QLineEdit::textChanged, this, &ConfirmStepDialog::updateButtons);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Do not run"));
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canRun()) {
            m_buttons->setEnabled(false); // one request per confirmation, however fast the clicks
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
}

QString ConfirmStepDialog::typedEnvironment() const
{
    return m_typed ? m_typed->text().trimmed() : QString();
}

QString ConfirmStepDialog::summaryText() const
{
    return m_summary->text();
}

bool ConfirmStepDialog::canRun() const
{
    return !m_confirmation.requiresTypedEnvironment || typedEnvironment() == m_confirmation.environment;
}

void ConfirmStepDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canRun());
}
