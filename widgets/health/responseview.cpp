// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/responseview.h"

#include "highlight/highlighthtml.h"
#include "highlight/syntaxhighlighterservice.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ResponseView::ResponseView(QWidget *parent)
    : QWidget(parent)
    , m_text(new QTextBrowser(this))
    , m_hint(new QLabel(this))
{
    m_text->setObjectName(u"responseText"_s);
    m_text->setOpenLinks(false);
    m_text->setLineWrapMode(QTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hint->setObjectName(u"responseHint"_s);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_hint);
}

void ResponseView::setHighlighter(SyntaxHighlighterService *service)
{
    if (m_service) {
        m_service->disconnect(this);
    }
    m_service = service;
    if (service) {
        connect(service, &SyntaxHighlighterService::highlighted, this, [this](quint64 id, const QString &html) {
            if (id != m_pending) {
                return; // superseded
            }
            m_pending = 0;
            m_highlighted = true;
            m_text->setHtml(html);
            showHint(m_truncated ? tr("The body was cut off at the size limit.") : QString());
            Q_EMIT highlightingDone();
        });
        connect(service, &SyntaxHighlighterService::failed, this, [this](quint64 id, const QString &error) {
            if (id != m_pending) {
                return;
            }
            m_pending = 0;
            m_error = error;
            retranslateUi();
            Q_EMIT highlightingDone();
        });
    }
    requestHighlight();
}

void ResponseView::setBody(const QByteArray &body, const QString &contentType, bool truncated)
{
    bool json = false;
    QString text = HighlightHtml::prettyJson(body, &json);
    QString syntax = json ? u"JSON"_s : HighlightHtml::syntaxForContentType(contentType);
    if (syntax == QLatin1String("JSON") && !json) {
        syntax.clear(); // malformed JSON (often cut off): highlighting would only mark the error
    }
    if (text == m_body && syntax == m_syntax && truncated == m_truncated) {
        return; // same response again: keep what is shown, no flicker
    }
    m_body = text;
    m_syntax = syntax;
    m_truncated = truncated;
    requestHighlight();
}

void ResponseView::clear()
{
    setBody({}, {}, false);
}

QString ResponseView::plainText() const
{
    return m_text->toPlainText();
}

QString ResponseView::hint() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

QString ResponseView::theme() const
{
    return palette().color(QPalette::Base).lightness() < 128 ? u"Breeze Dark"_s : u"Breeze Light"_s;
}

void ResponseView::requestHighlight()
{
    if (m_service && m_pending) {
        m_service->cancel(m_pending);
    }
    m_pending = 0;
    m_highlighted = false;
    m_error.clear();
    m_theme = theme();
    if (m_body.isEmpty()) {
        m_text->clear();
    } else {
        m_text->setHtml(HighlightHtml::plain(m_body));
    }
    if (m_service && !m_body.isEmpty() && !m_syntax.isEmpty()) {
        m_pending = m_service->request(m_body, m_syntax, theme());
    }
    retranslateUi();
}

void ResponseView::showHint(const QString &text)
{
    m_hint->setText(text);
    m_hint->setHidden(text.isEmpty());
}

void ResponseView::retranslateUi()
{
    if (m_highlighted || m_pending) {
        showHint(m_truncated ? tr("The body was cut off at the size limit.") : QString());
        return;
    }
    QStringList lines;
    if (m_body.isEmpty()) {
        m_text->setPlaceholderText(tr("No response body."));
    } else if (m_service && !m_service->isAvailable()) {
        lines << SyntaxHighlighterService::unavailableHint();
    } else if (!m_error.isEmpty()) {
        lines << tr("Shown without highlighting: %1").arg(m_error);
    }
    if (m_truncated) {
        lines << tr("The body was cut off at the size limit.");
    }
    showHint(lines.join(QLatin1Char(' ')));
}

void ResponseView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_body.isEmpty() && theme() != m_theme) {
        requestHighlight(); // the theme follows the palette
    }
}
