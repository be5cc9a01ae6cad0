// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/page.h"

class QLabel;

// A page whose content arrives in a later version: says so, and what it will show. No sample data.
class ComingPage : public Page
{
    Q_OBJECT
public:
    explicit ComingPage(QWidget *parent = nullptr);

    // Translated: what the finished page will show.
    virtual QString description() const = 0;

protected:
    void changeEvent(QEvent *event) override;
    void retranslateUi() override;
    // Subclasses call this at the end of their constructor (virtual calls do not dispatch from the base one).
    void setUp();

private:
    QLabel *m_icon = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_description = nullptr;
};
