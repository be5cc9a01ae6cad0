// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewpage.h"

#include "diagnosticsbanner.h"
#include "languagemanager.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {
QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}
} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : Page(parent)
    , m_banner(new DiagnosticsBanner(this))
    , m_stack(new QStackedWidget(this))
{
    auto *empty = new QWidget(m_stack);
    m_emptyHeading = new QLabel(empty);
    m_emptyHeading->setFont(scaled(font(), 1.4, true));
    m_emptyHeading->setAlignment(Qt::AlignCenter);
    m_emptyText = new QLabel(empty);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_emptyHeading);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addStretch();

    auto *content = new QWidget(m_stack);
    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("workspaceTitle"));
    m_title->setFont(scaled(font(), 1.8, true));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_description = new QLabel(content);
    m_description->setObjectName(QStringLiteral("workspaceDescription"));
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_environment = new QLabel(content);
    m_environment->setObjectName(QStringLiteral("workspaceEnvironment"));
    m_environment->setTextFormat(Qt::PlainText);
    m_definesHeading = new QLabel(content);
    m_definesHeading->setFont(scaled(font(), 1.1, true));

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    m_endpoints = addCount(grid, 0, QStringLiteral("endpointCount"));
    m_kpis = addCount(grid, 1, QStringLiteral("kpiCount"));
    m_checklists = addCount(grid, 2, QStringLiteral("checklistCount"));
    m_runbooks = addCount(grid, 3, QStringLiteral("runbookCount"));

    m_comingNote = new QLabel(content);
    m_comingNote->setObjectName(QStringLiteral("overviewComing"));
    m_comingNote->setWordWrap(true);
    m_comingNote->setForegroundRole(QPalette::PlaceholderText);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(10);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_description);
    contentLayout->addWidget(m_environment);
    contentLayout->addSpacing(16);
    contentLayout->addWidget(m_definesHeading);
    contentLayout->addLayout(grid);
    contentLayout->addSpacing(16);
    contentLayout->addWidget(m_comingNote);
    contentLayout->addStretch();

    m_stack->addWidget(empty);
    m_stack->addWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(16);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    retranslateUi();
}

OverviewPage::Count OverviewPage::addCount(QGridLayout *grid, int column, const QString &name)
{
    auto *card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setAutoFillBackground(true);
    card->setBackgroundRole(QPalette::Base);
    Count count;
    count.value = new QLabel(card);
    count.value->setObjectName(name);
    count.value->setFont(scaled(font(), 2.2, true));
    count.caption = new QLabel(card);
    count.caption->setWordWrap(true);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(count.value);
    layout->addWidget(count.caption);
    grid->addWidget(card, 0, column);
    grid->setColumnStretch(column, 1);
    return count;
}

QString OverviewPage::title() const
{
    return tr("Overview");
}

void OverviewPage::setWorkspace(const Workspace &workspace)
{
    m_summary.title = workspace.info.title;
    m_summary.description = workspace.info.description;
    m_summary.id = workspace.info.id;
    m_summary.environment = workspace.info.environment;
    m_summary.endpoints = workspace.endpoints.size();
    m_summary.kpis = workspace.kpis.size();
    m_summary.checklists = workspace.checklists.size();
    m_summary.runbooks = workspace.runbooks.size();
    m_loaded = true;
    m_banner->clear();
    updateContent();
}

void OverviewPage::showLoadFailure(const QString &path, const QStringList &diagnostics)
{
    m_banner->showFailure(path, diagnostics, m_loaded);
}

void OverviewPage::retranslateUi()
{
    m_emptyHeading->setText(tr("No workspace is open"));
    m_emptyText->setText(tr("Open a workspace file with File > Open Workspace, or start OpsDeck with --demo."));
    m_definesHeading->setText(tr("This workspace defines"));
    m_endpoints.caption->setText(tr("Endpoints"));
    m_kpis.caption->setText(tr("KPIs"));
    m_checklists.caption->setText(tr("Checklists"));
    m_runbooks.caption->setText(tr("Runbooks"));
    m_comingNote->setText(tr("Live KPI tiles, firing alerts and the endpoint health summary will appear here "
                             "in a later version."));
    updateContent();
}

void OverviewPage::updateContent()
{
    m_stack->setCurrentIndex(m_loaded ? 1 : 0);
    if (!m_loaded) {
        return;
    }
    const QString language = LanguageManager::uiLanguage();
    const QString title = m_summary.title.text(language);
    m_title->setText(title.isEmpty() ? m_summary.id : title);
    const QString description = m_summary.description.text(language);
    m_description->setText(description);
    m_description->setVisible(!description.isEmpty());
    m_environment->setText(tr("Environment: %1").arg(m_summary.environment));
    const QLocale locale;
    m_endpoints.value->setText(locale.toString(m_summary.endpoints));
    m_kpis.value->setText(locale.toString(m_summary.kpis));
    m_checklists.value->setText(locale.toString(m_summary.checklists));
    m_runbooks.value->setText(locale.toString(m_summary.runbooks));
}
