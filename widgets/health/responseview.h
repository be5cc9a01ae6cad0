// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTextBrowser;
class SyntaxHighlighterService;

// A response body, pretty-printed when it is JSON and highlighted through SyntaxHighlighterService in the theme
// that matches the palette (Breeze Dark on a dark background). Shows the text plain at once, swaps in the
// highlighted HTML when it arrives, and says in a one-line hint why it stays plain.
class ResponseView final : public QWidget
{
    Q_OBJECT
public:
    explicit ResponseView(QWidget *parent = nullptr);

    void setHighlighter(SyntaxHighlighterService *service);
    void setBody(const QByteArray &body, const QString &contentType, bool truncated);
    void clear();

    QString plainText() const; // what is shown, for tests
    bool isHighlighted() const { return m_highlighted; }
    QString hint() const;
    QString theme() const; // "Breeze Light" or "Breeze Dark"

    void retranslateUi();

Q_SIGNALS:
    void highlightingDone(); // the highlighted HTML is shown, or the hint says why not

protected:
    void changeEvent(QEvent *event) override;

private:
    void requestHighlight();
    void showHint(const QString &text);

    QTextBrowser *m_text;
    QLabel *m_hint;
    QPointer<SyntaxHighlighterService> m_service;
    QString m_body;
    QString m_syntax;
    QString m_theme; // of the last request
    bool m_truncated = false;
    bool m_highlighted = false;
    quint64 m_pending = 0;
    QString m_error; // from the service, shown in the hint
};
