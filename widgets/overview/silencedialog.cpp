// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "silencedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace std::chrono_literals;

SilenceDialog::SilenceDialog(const Alert &alert, const QString &createdBy, QWidget *parent)
    : QDialog(parent)
    , m_duration(new QComboBox(this))
    , m_comment(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Silence %1").arg(alert.name));
    const std::pair<QString, Milliseconds> choices[]
        = { { tr("15 minutes"), 15min }, { tr("30 minutes"), 30min }, { tr("1 hour"), 1h }, { tr("2 hours"), 2h },
              { tr("4 hours"), 4h }, { tr("8 hours"), 8h }, { tr("24 hours"), 24h }, { tr("3 days"), 72h } };
    for (const auto &[text, duration] : choices) {
        m_duration->addItem(text, qint64(duration.count()));
    }
    m_duration->setCurrentIndex(2);
    m_comment->setPlaceholderText(tr("Why, e.g. rollback in progress, see incident #12"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Silence"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_comment, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *matchers = new QLabel(matcherText(AlertmanagerClient::matchersFor(alert)), this);
    matchers->setObjectName(QStringLiteral("matchers"));
    matchers->setWordWrap(true);
    matchers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *grid = new QGridLayout(this);
    const auto row = [grid, this](int r, const QString &label, QWidget *field) {
        auto *name = new QLabel(label, this);
        name->setBuddy(field);
        grid->addWidget(name, r, 0, Qt::AlignTop);
        grid->addWidget(field, r, 1);
    };
    row(0, tr("Matchers"), matchers);
    row(1, tr("&Duration"), m_duration);
    row(2, tr("&Comment"), m_comment);
    row(3, tr("Created by"), new QLabel(createdBy, this));
    grid->addWidget(m_buttons, 4, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    setMinimumWidth(480);
}

Milliseconds SilenceDialog::duration() const
{
    return Milliseconds(m_duration->currentData().toLongLong());
}

QString SilenceDialog::comment() const
{
    return m_comment->text().trimmed();
}

QString SilenceDialog::matcherText(const QList<SilenceMatcher> &matchers)
{
    QStringList parts;
    for (const SilenceMatcher &m : matchers) {
        const QString op = m.isRegex ? (m.isEqual ? QStringLiteral("=~") : QStringLiteral("!~"))
                                     : (m.isEqual ? QStringLiteral("=") : QStringLiteral("!="));
        parts.append(m.name + op + QLatin1Char('"') + m.value + QLatin1Char('"'));
    }
    return parts.join(QLatin1String(", "));
}
