// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/chartspage.h"

#include "charts/kpichartview.h"
#include "kpi/kpichartdata.h"
#include "kpi/kpimodel.h"
#include "workspace/duration.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

using namespace std::chrono_literals;

ChartsPage::ChartsPage(QWidget *parent)
    : Page(parent)
    , m_list(new QListView(this))
    , m_heading(new QLabel(this))
    , m_status(new QLabel(this))
    , m_rangeButtons(new QButtonGroup(this))
    , m_chart(new KpiChartView(this))
{
    m_list->setObjectName(u"chartKpiList"_s);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMaximumWidth(320);
    m_heading->setObjectName(u"chartHeading"_s);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_status->setObjectName(u"chartStatus"_s);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_chart->setObjectName(u"chartView"_s);

    auto *rangeRow = new QHBoxLayout;
    const QList<Milliseconds> all = ranges();
    for (int i = 0; i < all.size(); ++i) {
        auto *button = new QPushButton(Duration::format(all[i]), this);
        button->setCheckable(true);
        button->setChecked(all[i] == m_range);
        m_rangeButtons->addButton(button, i);
        rangeRow->addWidget(button);
    }
    rangeRow->addStretch();
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) { setRange(ranges().at(id)); });
    // Prometheus charts follow the clock while the page is shown.
    auto *follow = new QTimer(this);
    follow->start(15000);
    connect(follow, &QTimer::timeout, this, [this] {
        if (isVisible()) {
            reload();
        }
    });

    auto *right = new QVBoxLayout;
    right->addWidget(m_heading);
    right->addLayout(rangeRow);
    right->addWidget(m_status);
    right->addWidget(m_chart, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(m_list);
    layout->addLayout(right, 1);
    retranslateUi();
}

QList<Milliseconds> ChartsPage::ranges()
{
    return { 15min, 1h, 6h, 24h, 7 * 24h, 30 * 24h };
}

QString ChartsPage::title() const
{
    return tr("Charts");
}

void ChartsPage::setSources(KpiModel *model, KpiChartData *chartData)
{
    m_model = model;
    m_data = chartData;
    m_list->setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model && m_model->rowOf(m_current) >= 0) {
            m_list->setCurrentIndex(m_model->index(m_model->rowOf(m_current)));
        }
        retranslateUi();
    });
    // The current KPI's new readings: its title may have changed language, and a chart of tile history grows.
    connect(model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            const int row = m_model ? m_model->rowOf(m_current) : -1;
            if (row < topLeft.row() || row > bottomRight.row()) {
                return;
            }
            retranslateUi();
            const KpiTile *tile = m_model->tile(m_current);
            if (isVisible() && tile && tile->kpi.source.kind != KpiSource::Kind::Prometheus) {
                reload();
            }
        });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &index) { showKpi(index.data(KpiModel::IdRole).toString()); });
    connect(chartData, &KpiChartData::loaded, this,
        [this](const QString &id, const QList<ChartSeries> &series, const QDateTime &from, const QDateTime &to) {
            if (id != m_current) {
                return;
            }
            qsizetype points = 0;
            for (const ChartSeries &s : series) {
                points += s.buffer->size();
            }
            m_status->setText(points == 0 ? tr("No data in this range yet.") : QString());
            m_status->setVisible(points == 0);
            m_chart->setData(series, from, to);
        });
    connect(chartData, &KpiChartData::failed, this, [this](const QString &id, const QString &error) {
        if (id == m_current) {
            m_status->setText(tr("The chart could not be loaded: %1").arg(error));
            m_status->setVisible(true);
        }
    });
}

void ChartsPage::setWorkspace(const Workspace &workspace)
{
    m_kpis = workspace.kpis;
    if (!showKpi(m_current) && !m_kpis.isEmpty()) {
        showKpi(m_kpis.constFirst().id);
    }
}

bool ChartsPage::showKpi(const QString &kpiId)
{
    const auto it = std::find_if(m_kpis.cbegin(), m_kpis.cend(), [&kpiId](const Kpi &k) { return k.id == kpiId; });
    if (it == m_kpis.cend()) {
        return false;
    }
    m_current = kpiId;
    m_chart->setKpi(*it);
    if (m_model) {
        const int row = m_model->rowOf(kpiId);
        if (row >= 0 && m_list->currentIndex().row() != row) {
            m_list->setCurrentIndex(m_model->index(row));
        }
    }
    retranslateUi();
    reload();
    return true;
}

void ChartsPage::setRange(Milliseconds range)
{
    m_range = range;
    const int index = int(ranges().indexOf(range));
    if (index >= 0 && m_rangeButtons->button(index)) {
        m_rangeButtons->button(index)->setChecked(true);
    }
    reload();
}

void ChartsPage::reload()
{
    const auto it = std::find_if(m_kpis.cbegin(), m_kpis.cend(), [this](const Kpi &k) { return k.id == m_current; });
    if (it != m_kpis.cend() && m_data) {
        m_data->load(*it, m_range, m_chart->plotWidth());
    }
}

void ChartsPage::retranslateUi()
{
    const QModelIndex index = m_model ? m_model->index(std::max(0, m_model->rowOf(m_current))) : QModelIndex();
    m_heading->setText(m_current.isEmpty() || !index.isValid() ? tr("No KPI selected") : index.data().toString());
    m_chart->setToolTip(tr("Drag to zoom into a time span; +/- zoom, arrow keys pan, 0 resets."));
}

void ChartsPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    reload(); // what was read while the page was hidden
}
