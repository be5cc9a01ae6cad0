// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class HighlighterProbe;
class QLabel;

// Help > About: the versions of OpsDeck, Qt and KDE's syntax highlighter (asked for asynchronously).
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    enum class HighlighterState { Checking, Found, NotFound };
    HighlighterState highlighterState() const { return m_state; }
    QString highlighterText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    HighlighterProbe *m_probe;
    QLabel *m_heading;
    QLabel *m_tagline;
    QLabel *m_versions;
    HighlighterState m_state = HighlighterState::Checking;
    QString m_highlighterProgram;
    QString m_highlighterVersion;
};
