// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/page.h"
#include "workspace/workspace.h"

#include <QPointer>

using namespace Qt::StringLiterals;

class KpiChartData;
class KpiChartView;
class KpiModel;
class QButtonGroup;
class QLabel;
class QListView;

// The Charts screen: the workspace's KPIs on the left, the selected one's chart on the right over 15 minutes to
// 30 days. Prometheus KPIs are charted from query_range, the others from the stored samples and what their tiles
// have read since.
class ChartsPage final : public Page
{
    Q_OBJECT
public:
    explicit ChartsPage(QWidget *parent = nullptr);

    QString id() const override { return u"charts"_s; }
    QString title() const override;

    void setSources(KpiModel *model, KpiChartData *chartData);
    void setWorkspace(const Workspace &workspace);
    // Selects the KPI and loads its chart; false when there is no such KPI.
    bool showKpi(const QString &kpiId);
    void setRange(Milliseconds range);
    Milliseconds range() const { return m_range; }
    QString currentKpi() const { return m_current; }
    KpiChartView *chartView() const { return m_chart; }

    static QList<Milliseconds> ranges();

protected:
    void showEvent(QShowEvent *event) override;

    void retranslateUi() override;

private:
    void reload();

    QPointer<KpiModel> m_model;
    QPointer<KpiChartData> m_data;
    QList<Kpi> m_kpis;
    QString m_current;
    Milliseconds m_range { 3600000 };
    QListView *m_list;
    QLabel *m_heading;
    QLabel *m_status;
    QButtonGroup *m_rangeButtons;
    KpiChartView *m_chart;
};
