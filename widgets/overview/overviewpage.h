// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/page.h"
#include "sources/alertmanagerclient.h"
#include "workspace/workspace.h"

#include <QPointer>

using namespace Qt::StringLiterals;

class AlertModel;
class AlertStrip;
class DiagnosticsBanner;
class EndpointSummary;
class KpiGridView;
class KpiModel;
class QAbstractItemModel;
class QLabel;
class QStackedWidget;

// The Overview (KPI board): the workspace's title, the endpoint summary, Alertmanager's firing alerts and a
// responsive grid of KPI tiles; the diagnostics of the last failed reload above it all. Shows models it is
// given; holds no readings itself.
class OverviewPage final : public Page
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    QString id() const override { return u"overview"_s; }
    QString title() const override;

    void setWorkspace(const Workspace &workspace);
    // Keeps showing the last good workspace (if any) under a banner listing `diagnostics`.
    void showLoadFailure(const QString &path, const QStringList &diagnostics);
    bool hasWorkspace() const { return m_loaded; }

    void setKpiModel(KpiModel *model);
    void setAlertModel(AlertModel *model);
    void setEndpointModel(QAbstractItemModel *model);

    KpiGridView *grid() const { return m_grid; }
    AlertStrip *alertStrip() const { return m_alerts; }
    EndpointSummary *endpointSummary() const { return m_endpoints; }

Q_SIGNALS:
    // A tile was clicked: open its chart.
    void kpiActivated(const QString &kpiId);
    // The user chose to silence `alert` for `duration` with `comment` (in the silence dialog).
    void silenceRequested(const Alert &alert, Milliseconds duration, const QString &comment);
    // The user asked to expire the silences of the alert in this row of the alert model.
    void expireRequested(int alertRow);
    // "Open incident…" from a critical tile's context menu.
    void incidentRequested(const QString &kpiId);

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
    QLabel *addCount(class QHBoxLayout *row, const QString &name);
    void updateContent();
    void askSilence(int alertRow);

    DiagnosticsBanner *m_banner;
    QStackedWidget *m_stack;
    QLabel *m_emptyHeading = nullptr;
    QLabel *m_emptyText = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_environment = nullptr;
    QLabel *m_definesHeading = nullptr;
    QLabel *m_endpointCount = nullptr;
    QLabel *m_kpiCount = nullptr;
    QLabel *m_checklistCount = nullptr;
    QLabel *m_runbookCount = nullptr;
    QLabel *m_noKpis = nullptr;
    EndpointSummary *m_endpoints = nullptr;
    AlertStrip *m_alerts = nullptr;
    KpiGridView *m_grid = nullptr;
    QPointer<KpiModel> m_kpiModel;
    QPointer<AlertModel> m_alertModel;
    Summary m_summary;
    bool m_loaded = false;
};
