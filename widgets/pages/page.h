// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

// One screen of the main window. Pages re-translate themselves on QEvent::LanguageChange.
class Page : public QWidget
{
    Q_OBJECT
public:
    explicit Page(QWidget *parent = nullptr);

    // Stable name: icon :/icons/<id>.svg, screenshot file <id>-<lang>.png.
    virtual QString id() const = 0;
    // Translated name for the sidebar and the window title.
    virtual QString title() const = 0;

protected:
    void changeEvent(QEvent *event) override;
    virtual void retranslateUi() = 0;
};
