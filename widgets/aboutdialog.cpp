// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include "highlight/highlighterprobe.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_probe(new HighlighterProbe(this))
    , m_heading(new QLabel(this))
    , m_tagline(new QLabel(this))
    , m_versions(new QLabel(this))
{
    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(u":/icons/opsdeck.svg"_s).pixmap(64, 64));
    logo->setAlignment(Qt::AlignTop);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_tagline->setWordWrap(true);
    m_versions->setObjectName(u"aboutVersions"_s);
    m_versions->setTextFormat(Qt::RichText);
    m_versions->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(m_heading);
    text->addWidget(m_tagline);
    text->addSpacing(8);
    text->addWidget(m_versions);
    text->addStretch();
    auto *row = new QHBoxLayout;
    row->setSpacing(16);
    row->addWidget(logo);
    row->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    connect(m_probe, &HighlighterProbe::finished, this, [this](const QString &program, const QString &version) {
        m_state = version.isEmpty() ? HighlighterState::NotFound : HighlighterState::Found;
        m_highlighterProgram = program;
        m_highlighterVersion = version;
        retranslateUi();
    });
    m_probe->start();
    retranslateUi();
}

QString AboutDialog::highlighterText() const
{
    switch (m_state) {
    case HighlighterState::Checking:
        return tr("checking…");
    case HighlighterState::NotFound:
        return tr("not found (install kate-syntax-highlighter)");
    case HighlighterState::Found:
        break;
    }
    return tr("%1 (%2)").arg(m_highlighterVersion, m_highlighterProgram);
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void AboutDialog::retranslateUi()
{
    setWindowTitle(tr("About OpsDeck"));
    m_heading->setText(tr("OpsDeck"));
    m_tagline->setText(tr("An operations console for on-call engineers: KPIs, health checks, checklists, "
                          "incidents and runbooks."));
    const QString row = u"<tr><td style=\"padding-right: 12px\">%1</td><td>%2</td></tr>"_s;
    m_versions->setText(u"<table>"_s + row.arg(tr("OpsDeck").toHtmlEscaped(), QStringLiteral(OPSDECK_VERSION))
        + row.arg(tr("Qt").toHtmlEscaped(), QString::fromLatin1(qVersion()))
        + row.arg(tr("KDE syntax highlighter").toHtmlEscaped(), highlighterText().toHtmlEscaped()) + u"</table>"_s);
}
