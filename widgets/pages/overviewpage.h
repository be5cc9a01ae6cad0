// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "page.h"
#include "workspace/workspace.h"

class DiagnosticsBanner;
class QLabel;
class QStackedWidget;

// The Overview (KPI board). For now: the workspace's title, description, environment and what it defines, plus
// the diagnostics of the last failed reload. KPI tiles come in a later issue.
class OverviewPage final : public Page
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    QString id() const override { return QStringLiteral("overview"); }
    QString title() const override;

    void setWorkspace(const Workspace &workspace);
    // Keeps showing the last good workspace (if any) under a banner listing `diagnostics`.
    void showLoadFailure(const QString &path, const QStringList &diagnostics);
    bool hasWorkspace() const { return m_loaded; }

protected:
    void retranslateUi() override;

private:
    struct Summary
    {
        LocalizedText title;
        LocalizedText description;
        QString id;
        QString environment;
        qsizetype endpoints = 0;
        qsizetype kpis = 0;
        qsizetype checklists = 0;
        qsizetype runbooks = 0;
    };
    struct Count
    {
        QLabel *value = nullptr;
        QLabel *caption = nullptr;
    };
    Count addCount(class QGridLayout *grid, int column, const QString &name);
    void updateContent();

    DiagnosticsBanner *m_banner;
    QStackedWidget *m_stack;
    QLabel *m_emptyHeading = nullptr;
    QLabel *m_emptyText = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_environment = nullptr;
    QLabel *m_definesHeading = nullptr;
    QLabel *m_comingNote = nullptr;
    Count m_endpoints;
    Count m_kpis;
    Count m_checklists;
    Count m_runbooks;
    Summary m_summary;
    bool m_loaded = false;
};
