// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/silencedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

using namespace std::chrono_literals;

SilenceDialog::SilenceDialog(const Alert &alert, QWidget *parent)
    : QDialog(parent)
    , m_alert(alert)
    , m_heading(new QLabel(this))
    , m_matchers(new QLabel(this))
    , m_durationLabel(new QLabel(this))
    , m_commentLabel(new QLabel(this))
    , m_duration(new QComboBox(this))
    , m_comment(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_matchers->setTextFormat(Qt::PlainText);
    m_matchers->setWordWrap(true);
    m_matchers->setForegroundRole(QPalette::PlaceholderText);
    m_matchers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_duration->setObjectName(u"silenceDuration"_s);
    m_comment->setObjectName(u"silenceComment"_s);
    m_comment->setMaxLength(1000);
    for (const Milliseconds d : durations()) {
        m_duration->addItem(QString(), qint64(d.count()));
    }
    setDuration(1h);

    auto *form = new QFormLayout;
    form->addRow(m_durationLabel, m_duration);
    form->addRow(m_commentLabel, m_comment);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_matchers);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(460); // room for the matchers of a typical alert on a few lines
    // Alertmanager refuses a silence without a comment.
    connect(m_comment, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    retranslateUi();
    m_comment->setText(tr("Silenced from the OpsDeck console"));
    m_comment->selectAll();
    m_comment->setFocus();
}

QList<Milliseconds> SilenceDialog::durations()
{
    return { 30min, 1h, 2h, 4h, 8h, 24h, 7 * 24h };
}

QString SilenceDialog::durationText(Milliseconds duration)
{
    if (duration == 30min) {
        return tr("30 minutes");
    }
    if (duration == 1h) {
        return tr("1 hour");
    }
    if (duration == 24h) {
        return tr("1 day");
    }
    if (duration == 7 * 24h) {
        return tr("1 week");
    }
    return tr("%1 hours").arg(std::chrono::duration_cast<std::chrono::hours>(duration).count());
}

Milliseconds SilenceDialog::duration() const
{
    return Milliseconds(m_duration->currentData().toLongLong());
}

void SilenceDialog::setDuration(Milliseconds duration)
{
    const int index = m_duration->findData(qint64(duration.count()));
    if (index >= 0) {
        m_duration->setCurrentIndex(index);
    }
}

QString SilenceDialog::comment() const
{
    return m_comment->text().trimmed();
}

void SilenceDialog::retranslateUi()
{
    setWindowTitle(tr("Silence alert"));
    m_heading->setText(m_alert.summary.isEmpty() ? tr("Silence %1").arg(m_alert.name)
                                                 : tr("Silence %1: %2").arg(m_alert.name, m_alert.summary));
    QStringList matchers;
    for (const SilenceMatcher &m : AlertmanagerClient::matchersFor(m_alert)) {
        matchers.append(m.name + QLatin1Char('=') + m.value);
    }
    m_matchers->setText(tr("Matches: %1").arg(matchers.join(u", "_s)));
    m_durationLabel->setText(tr("Duration:"));
    m_commentLabel->setText(tr("Comment:"));
    for (int i = 0; i < m_duration->count(); ++i) {
        m_duration->setItemText(i, durationText(Milliseconds(m_duration->itemData(i).toLongLong())));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Silence"));
}

void SilenceDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}
