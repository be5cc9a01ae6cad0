// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/healthpage.h"

#include "health/endpointdelegate.h"
#include "health/endpointdetailview.h"
#include "health/statestyle.h"
#include "probe/endpointfiltermodel.h"
#include "probe/endpointmodel.h"
#include "ui/languagemanager.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// Most severe first, as an on-call engineer scans them.
constexpr EndpointState FilterStates[] = { EndpointState::Critical, EndpointState::Unknown, EndpointState::Warning,
    EndpointState::Pending, EndpointState::Maintenance, EndpointState::Ok };
} // namespace

HealthPage::HealthPage(QWidget *parent)
    : Page(parent)
    , m_filter(new EndpointFilterModel(this))
{
    createLayout();
    m_tick = new QTimer(this);
    m_tick->setInterval(10000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_view->viewport()->update(); // "since" texts are computed when painted
        m_detail->refreshTimes();
    });
    m_tick->start();
    retranslateUi();
}

HealthPage::~HealthPage()
{
    // The model outlives the page; nothing it emits may reach a half-destroyed page or view.
    m_tick->stop();
    m_view->viewport()->removeEventFilter(this);
    if (m_model) {
        m_model->disconnect(this);
    }
    m_view->setModel(nullptr);
}

QString HealthPage::title() const
{
    return tr("Health");
}

void HealthPage::createLayout()
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"healthSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(140);
    connect(m_search, &QLineEdit::textChanged, m_filter, &EndpointFilterModel::setText);
    bar->addWidget(m_search, 1);
    m_stateLabel = new QLabel(this);
    bar->addSpacing(8);
    bar->addWidget(m_stateLabel);
    for (EndpointState state : FilterStates) {
        auto *button = new QToolButton(this);
        button->setObjectName(u"filter"_s + endpointStateName(state));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setIcon(StateStyle::icon(int(state)));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        connect(button, &QToolButton::toggled, this, &HealthPage::applyStateFilter);
        m_stateButtons.insert(state, button);
        bar->addWidget(button);
    }
    layout->addLayout(bar);

    auto *summaryRow = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"healthSummary"_s);
    m_summary->setWordWrap(true);
    summaryRow->addWidget(m_summary, 1);
    m_checkAll = new QPushButton(this);
    m_checkAll->setObjectName(u"checkAllButton"_s);
    connect(m_checkAll, &QPushButton::clicked, this, &HealthPage::checkAllRequested);
    summaryRow->addWidget(m_checkAll);
    layout->addLayout(summaryRow);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_view = new QTreeView(splitter);
    m_view->setObjectName(u"endpointView"_s);
    m_view->setModel(m_filter);
    m_view->setItemDelegate(new EndpointDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // file order until the user sorts
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->viewport()->installEventFilter(this);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HealthPage::showSelected);
    // Groups stay open: new and re-filtered rows must be visible without a click.
    connect(m_filter, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_filter, &QAbstractItemModel::layoutChanged, m_view, &QTreeView::expandAll);
    connect(m_filter, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::expandAll);

    m_detail = new EndpointDetailView(splitter);
    m_detail->setObjectName(u"endpointDetail"_s);
    connect(m_detail, &EndpointDetailView::checkNowRequested, this, &HealthPage::checkNowRequested);
    connect(m_detail, &EndpointDetailView::openIncidentRequested, this, &HealthPage::openIncidentRequested);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({ 4000, 5000 }); // scaled to the width it gets
    layout->addWidget(splitter, 1);
}

void HealthPage::setModel(EndpointModel *model)
{
    if (m_model) {
        m_model->disconnect(this);
    }
    m_model = model;
    m_filter->setSourceModel(model);
    if (model) {
        model->setLanguage(LanguageManager::uiLanguage());
        connect(model, &QAbstractItemModel::dataChanged, this, &HealthPage::sourceDataChanged);
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            showSelected();
            updateSummary();
        });
    }
    if (m_view->header()->count() > EndpointModel::NameColumn) {
        m_view->header()->setSectionResizeMode(EndpointModel::NameColumn, QHeaderView::Stretch);
    }
    m_view->expandAll();
    showSelected();
    updateSummary();
    fitColumns();
}

bool HealthPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        fitColumns();
    }
    return Page::eventFilter(watched, event);
}

// On a narrow list the endpoint names matter more than "since" and uptime (both stay in the detail pane).
void HealthPage::fitColumns()
{
    if (m_view->header()->count() < EndpointModel::ColumnCount) {
        return;
    }
    const auto widthOf = [this](int column) {
        const QAbstractItemView *view = m_view; // sizeHintForColumn() is public there
        return qMax(view->sizeHintForColumn(column), m_view->header()->sectionSizeHint(column));
    };
    int used
        = 150 + 2 * m_view->indentation() + widthOf(EndpointModel::StateColumn) + widthOf(EndpointModel::LatencyColumn);
    for (int column : { EndpointModel::UptimeColumn, EndpointModel::SinceColumn }) {
        used += widthOf(column);
        m_view->setColumnHidden(column, used > m_view->viewport()->width());
    }
}

void HealthPage::setHighlighter(SyntaxHighlighterService *service)
{
    m_detail->setHighlighter(service);
}

QString HealthPage::selectedEndpoint() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.data(EndpointModel::IsGroupRole).toBool()) {
        return {};
    }
    return current.data(EndpointModel::NameRole).toString();
}

bool HealthPage::selectEndpoint(const QString &name)
{
    if (!m_model) {
        return false;
    }
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOf(name));
    if (!index.isValid()) {
        return false;
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void HealthPage::applyStateFilter()
{
    QList<EndpointState> states;
    for (auto it = m_stateButtons.cbegin(); it != m_stateButtons.cend(); ++it) {
        if (it.value()->isChecked()) {
            states << it.key();
        }
    }
    m_filter->setStates(states);
}

void HealthPage::showSelected()
{
    const QString name = selectedEndpoint();
    const EndpointStatus *status = m_model && !name.isEmpty() ? m_model->status(name) : nullptr;
    m_detail->setStatus(status, m_model ? m_model->historyCapacity() : 0, LanguageManager::uiLanguage());
}

void HealthPage::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const QString shown = m_detail->endpointName();
    if (!shown.isEmpty() && topLeft.parent().isValid()) {
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
            if (m_model->index(row, 0, topLeft.parent()).data(EndpointModel::NameRole).toString() == shown) {
                showSelected();
                break;
            }
        }
    }
    if (!topLeft.parent().isValid()) {
        updateSummary(); // a group's worst state changed
    }
}

void HealthPage::updateSummary()
{
    if (!m_model || m_model->endpointCount() == 0) {
        m_summary->setText(tr("No endpoints: add some under `endpoints` in the workspace file."));
        return;
    }
    QMap<int, int> counts;
    for (int g = 0; g < m_model->rowCount(); ++g) {
        const QModelIndex group = m_model->index(g, 0);
        for (int r = 0; r < m_model->rowCount(group); ++r) {
            ++counts[m_model->index(r, 0, group).data(EndpointModel::StateRole).toInt()];
        }
    }
    QStringList parts;
    for (EndpointState state : FilterStates) {
        if (const int n = counts.value(int(state))) {
            parts << tr("%1 %2").arg(n).arg(EndpointModel::stateText(state));
        }
    }
    if (const int waiting = counts.value(-1)) {
        parts << tr("%1 not checked yet").arg(waiting);
    }
    m_summary->setText(tr("Endpoints: %1 (%2)").arg(m_model->endpointCount()).arg(parts.join(tr(", "))));
}

void HealthPage::retranslateUi()
{
    m_search->setPlaceholderText(tr("Filter by name, group or URL"));
    m_stateLabel->setText(tr("Show:"));
    for (auto it = m_stateButtons.cbegin(); it != m_stateButtons.cend(); ++it) {
        it.value()->setText(EndpointModel::stateText(it.key()));
        it.value()->setToolTip(tr("Show only endpoints in these states (none checked: all)"));
    }
    m_checkAll->setText(tr("Check all"));
    m_checkAll->setToolTip(tr("Probe every endpoint again right away"));
    if (m_model) {
        m_model->setLanguage(LanguageManager::uiLanguage());
    }
    updateSummary();
    showSelected();
}
