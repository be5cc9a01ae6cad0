// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/comingpage.h"

#include "themedicon.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ComingPage::ComingPage(QWidget *parent)
    : Page(parent)
    , m_icon(new QLabel(this))
    , m_heading(new QLabel(this))
    , m_status(new QLabel(this))
    , m_description(new QLabel(this))
{
    m_icon->setAlignment(Qt::AlignCenter);
    m_heading->setObjectName(u"pageHeading"_s);
    m_heading->setAlignment(Qt::AlignCenter);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_status->setObjectName(u"comingStatus"_s);
    m_status->setAlignment(Qt::AlignCenter);
    QFont statusFont = m_status->font();
    statusFont.setBold(true);
    m_status->setFont(statusFont);
    m_description->setObjectName(u"comingDescription"_s);
    m_description->setAlignment(Qt::AlignCenter);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);

    // A centred column of limited width: word-wrapped labels then get their full height (heightForWidth).
    auto *column = new QWidget(this);
    column->setMaximumWidth(600);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(m_icon);
    columnLayout->addWidget(m_heading);
    columnLayout->addWidget(m_status);
    columnLayout->addWidget(m_description);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 3);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

void ComingPage::setUp()
{
    m_icon->setPixmap(themedIcon(id(), palette().color(QPalette::PlaceholderText), {}).pixmap(64, 64));
    retranslateUi();
}

void ComingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_icon->setPixmap(themedIcon(id(), palette().color(QPalette::PlaceholderText), {}).pixmap(64, 64));
    }
    Page::changeEvent(event);
}

void ComingPage::retranslateUi()
{
    m_heading->setText(title());
    m_status->setText(tr("Coming in a later version"));
    m_description->setText(description());
}
