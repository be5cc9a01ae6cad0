// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/overviewpage.h"

#include "diagnosticsbanner.h"
#include "kpi/kpievaluator.h"
#include "kpi/kpimodel.h"
#include "overview/alertstrip.h"
#include "overview/endpointsummary.h"
#include "overview/kpigridview.h"
#include "overview/silencedialog.h"
#include "sources/alertmodel.h"
#include "ui/languagemanager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

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
    m_title->setObjectName(u"workspaceTitle"_s);
    m_title->setFont(scaled(font(), 1.6, true));
    m_title->setTextFormat(Qt::PlainText);
    m_environment = new QLabel(content);
    m_environment->setObjectName(u"workspaceEnvironment"_s);
    m_environment->setTextFormat(Qt::PlainText);
    m_environment->setForegroundRole(QPalette::PlaceholderText);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addSpacing(12);
    titleRow->addWidget(m_environment, 0, Qt::AlignBottom);
    titleRow->addStretch();
    m_description = new QLabel(content);
    m_description->setObjectName(u"workspaceDescription"_s);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);

    auto *countRow = new QHBoxLayout;
    countRow->setSpacing(6);
    m_definesHeading = new QLabel(content);
    m_definesHeading->setForegroundRole(QPalette::PlaceholderText);
    countRow->addWidget(m_definesHeading);
    m_endpointCount = addCount(countRow, u"endpointCount"_s);
    m_kpiCount = addCount(countRow, u"kpiCount"_s);
    m_checklistCount = addCount(countRow, u"checklistCount"_s);
    m_runbookCount = addCount(countRow, u"runbookCount"_s);
    countRow->addStretch();

    m_endpoints = new EndpointSummary(content);
    m_alerts = new AlertStrip(content);
    connect(m_alerts, &AlertStrip::silenceRequested, this, &OverviewPage::askSilence);
    connect(m_alerts, &AlertStrip::expireRequested, this, &OverviewPage::expireRequested);
    m_grid = new KpiGridView(content);
    m_grid->setObjectName(u"kpiGrid"_s);
    connect(m_grid, &KpiGridView::tileActivated, this, &OverviewPage::kpiActivated);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_grid, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_grid->indexAt(pos);
        if (!index.isValid()) {
            return;
        }
        const QString id = index.data(KpiModel::IdRole).toString();
        QMenu menu(this);
        menu.addAction(tr("Open chart"), this, [this, id] { Q_EMIT kpiActivated(id); });
        QAction *incident = menu.addAction(tr("Open incident…"), this, [this, id] { Q_EMIT incidentRequested(id); });
        const KpiTile *tile = m_kpiModel ? m_kpiModel->tile(id) : nullptr;
        incident->setEnabled(tile && tile->state == KpiState::Critical);
        menu.exec(m_grid->viewport()->mapToGlobal(pos));
    });
    m_noKpis = new QLabel(content);
    m_noKpis->setObjectName(u"noKpis"_s);
    m_noKpis->setWordWrap(true);
    m_noKpis->setForegroundRole(QPalette::PlaceholderText);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(8);
    contentLayout->addLayout(titleRow);
    contentLayout->addWidget(m_description);
    contentLayout->addLayout(countRow);
    contentLayout->addSpacing(6);
    contentLayout->addWidget(m_endpoints);
    contentLayout->addWidget(m_alerts);
    contentLayout->addSpacing(6);
    contentLayout->addWidget(m_noKpis);
    contentLayout->addWidget(m_grid, 1);

    m_stack->addWidget(empty);
    m_stack->addWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 12);
    layout->setSpacing(12);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    retranslateUi();
}

QLabel *OverviewPage::addCount(QHBoxLayout *row, const QString &name)
{
    auto *label = new QLabel(this);
    label->setObjectName(name);
    label->setFont(scaled(font(), 1.0, true));
    auto *caption = new QLabel(this);
    caption->setObjectName(name + QLatin1String("Caption"));
    caption->setForegroundRole(QPalette::PlaceholderText);
    row->addSpacing(8);
    row->addWidget(label);
    row->addWidget(caption);
    return label;
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
    m_alerts->setConfigured(workspace.sources.alertmanager.isSet());
    m_loaded = true;
    m_banner->clear();
    updateContent();
}

void OverviewPage::showLoadFailure(const QString &path, const QStringList &diagnostics)
{
    m_banner->showFailure(path, diagnostics, m_loaded);
}

void OverviewPage::setKpiModel(KpiModel *model)
{
    m_kpiModel = model;
    m_grid->setModel(model);
    model->setLanguage(LanguageManager::uiLanguage());
    connect(model, &QAbstractItemModel::modelReset, this, &OverviewPage::updateContent);
    updateContent();
}

void OverviewPage::setAlertModel(AlertModel *model)
{
    m_alertModel = model;
    m_alerts->setModel(model);
}

void OverviewPage::askSilence(int alertRow)
{
    if (!m_alertModel || alertRow < 0 || alertRow >= m_alertModel->alerts().size()) {
        return;
    }
    // The dialog keeps its own copy of the alert: the model may change under it with the next poll.
    auto *dialog = new SilenceDialog(m_alertModel->alerts().at(alertRow), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { Q_EMIT silenceRequested(dialog->alert(), dialog->duration(), dialog->comment()); });
    dialog->open();
}

void OverviewPage::setEndpointModel(QAbstractItemModel *model)
{
    m_endpoints->setModel(model);
}

void OverviewPage::retranslateUi()
{
    m_emptyHeading->setText(tr("No workspace is open"));
    m_emptyText->setText(tr("Open a workspace file with File > Open Workspace, or start OpsDeck with --demo."));
    m_definesHeading->setText(tr("Defines:"));
    findChild<QLabel *>(u"endpointCountCaption"_s)->setText(tr("endpoints"));
    findChild<QLabel *>(u"kpiCountCaption"_s)->setText(tr("KPIs"));
    findChild<QLabel *>(u"checklistCountCaption"_s)->setText(tr("checklists"));
    findChild<QLabel *>(u"runbookCountCaption"_s)->setText(tr("runbooks"));
    if (m_kpiModel) {
        m_kpiModel->setLanguage(LanguageManager::uiLanguage());
    }
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
    m_endpointCount->setText(locale.toString(m_summary.endpoints));
    m_kpiCount->setText(locale.toString(m_summary.kpis));
    m_checklistCount->setText(locale.toString(m_summary.checklists));
    m_runbookCount->setText(locale.toString(m_summary.runbooks));
    const bool tiles = m_kpiModel && m_kpiModel->rowCount() > 0;
    m_noKpis->setText(m_summary.kpis == 0 ? tr("This workspace defines no KPIs. Add a kpis: section to see tiles here.")
                                          : tr("KPI tiles appear here once the workspace's KPIs are being read."));
    m_noKpis->setVisible(!tiles);
    m_grid->setVisible(tiles);
}
