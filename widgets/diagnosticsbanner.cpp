// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticsbanner.h"

#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DiagnosticsBanner::DiagnosticsBanner(QWidget *parent)
    : QFrame(parent)
    , m_headline(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_list(new QPlainTextEdit(this))
{
    setObjectName(u"diagnosticsBanner"_s);
    // Amber that reads on both the light and the dark palette.
    setStyleSheet(QStringLiteral("QFrame#diagnosticsBanner { background: rgba(210, 153, 34, 40);"
                                 " border: 1px solid rgb(210, 153, 34); border-radius: 6px; }"));
    m_headline->setObjectName(u"diagnosticsHeadline"_s);
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_list->setObjectName(u"diagnosticsList"_s);
    m_list->setReadOnly(true);
    m_list->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setMaximumHeight(m_list->fontMetrics().lineSpacing() * 8 + 12);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addWidget(m_headline);
    layout->addWidget(m_hint);
    layout->addWidget(m_list);
    hide();
}

void DiagnosticsBanner::showFailure(const QString &path, const QStringList &diagnostics, bool keepingLastGood)
{
    m_path = path;
    m_diagnostics = diagnostics;
    m_keepingLastGood = keepingLastGood;
    m_list->setPlainText(diagnostics.join(QLatin1Char('\n')));
    m_list->setVisible(!diagnostics.isEmpty());
    retranslateUi();
    show();
}

void DiagnosticsBanner::clear()
{
    m_path.clear();
    m_diagnostics.clear();
    m_list->clear();
    hide();
}

void DiagnosticsBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QFrame::changeEvent(event);
}

void DiagnosticsBanner::retranslateUi()
{
    const QString file = QFileInfo(m_path).fileName();
    const int count = int(m_diagnostics.size());
    if (m_keepingLastGood) {
        m_headline->setText(
            tr("Reloading %1 failed with %n problem(s); keeping the last good workspace.", nullptr, count).arg(file));
    } else {
        m_headline->setText(tr("%1 could not be opened: %n problem(s).", nullptr, count).arg(file));
    }
    m_hint->setText(tr("Fix the file and save it; OpsDeck reloads it automatically."));
}
