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
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QStyleOptionViewItem>
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

    m_trustBanner = new QFrame(this);
    m_trustBanner->setObjectName(u"trustBanner"_s);
    m_trustBanner->setFrameShape(QFrame::StyledPanel);
    auto *trustRow = new QHBoxLayout(m_trustBanner);
    m_trustText = new QLabel(m_trustBanner);
    m_trustText->setWordWrap(true);
    trustRow->addWidget(m_trustText, 1);
    m_trustButton = new QPushButton(m_trustBanner);
    m_trustButton->setObjectName(u"trustButton"_s);
    connect(m_trustButton, &QPushButton::clicked, this, &HealthPage::trustRequested);
    trustRow->addWidget(m_trustButton);
    m_trustBanner->hide();
    layout->addWidget(m_trustBanner);

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
    // Not ResizeToContents: that measures up to a thousand rows per column again for every dataChanged(). The
    // columns get the width of the widest text they can show instead (sizeColumns()).
    m_view->header()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->viewport()->installEventFilter(this);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HealthPage::showSelected);
    // Groups stay open: new and re-filtered rows must be visible without a click. The tree has two levels, so
    // opening every group is expandAll() without its walk over thousands of endpoint rows.
    connect(m_filter, &QAbstractItemModel::modelReset, this, &HealthPage::expandGroups);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &HealthPage::expandGroups);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &HealthPage::expandGroups);

    m_detail = new EndpointDetailView(splitter);
    m_detail->setObjectName(u"endpointDetail"_s);
    connect(m_detail, &EndpointDetailView::checkNowRequested, this, &HealthPage::checkNowRequested);
    connect(m_detail, &EndpointDetailView::openIncidentRequested, this, &HealthPage::openIncidentRequested);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    // Half each: at 1280 px the Korean headers (지속 시간 is twice as wide as "Since") keep every column.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 5000, 5000 }); // scaled to the width it gets
    layout->addWidget(splitter, 1);
}

void HealthPage::setTrustWaiting(bool waiting, int endpoints, int kpis)
{
    m_trustEndpoints = endpoints;
    m_trustKpis = kpis;
    m_trustBanner->setVisible(waiting);
    retranslateUi();
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
    expandGroups();
    showSelected();
    updateSummary();
    sizeColumns();
}

void HealthPage::expandGroups()
{
    for (int row = 0, rows = m_filter->rowCount(); row < rows; ++row) {
        m_view->expand(m_filter->index(row, 0));
    }
}

bool HealthPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::Resize) {
            fitColumns();
        } else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
            sizeColumns();
        }
    }
    return Page::eventFilter(watched, event);
}

// The widest text a column can show, as the delegate lays it out (group rows are bold): every state, latencies
// up to 99,999 ms, 100.0 %, the longest durations. Measured once, not over thousands of rows, so the columns also
// keep their width as results come in.
int HealthPage::contentWidth(int column) const
{
    QStringList texts;
    switch (column) {
    case EndpointModel::StateColumn:
        for (EndpointState state : FilterStates) {
            texts << EndpointModel::stateText(state);
        }
        texts << EndpointModel::noResultText() << EndpointModel::impactedText();
        break;
    case EndpointModel::LatencyColumn:
        texts << EndpointModel::latencyText(99999);
        break;
    case EndpointModel::UptimeColumn:
        texts << EndpointModel::uptimeText(1.0);
        break;
    case EndpointModel::SinceColumn:
        for (qint64 seconds : { 59, 59 * 60, 47 * 3600, 999 * 86400 }) {
            texts << EndpointModel::durationText(seconds);
        }
        break;
    default:
        return 0;
    }
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.features = QStyleOptionViewItem::HasDisplay;
    if (column == EndpointModel::StateColumn) {
        option.features |= QStyleOptionViewItem::HasDecoration;
        option.icon = StateStyle::icon(int(EndpointState::Ok));
        option.decorationSize = QSize(16, 16);
    }
    int widest = 0;
    for (const bool bold : { false, true }) {
        option.font = m_view->font();
        option.font.setBold(bold);
        option.fontMetrics = QFontMetrics(option.font);
        for (const QString &text : std::as_const(texts)) {
            option.text = text;
            widest
                = qMax(widest, m_view->style()->sizeFromContents(QStyle::CT_ItemViewItem, &option, {}, m_view).width());
        }
    }
    return widest;
}

void HealthPage::sizeColumns()
{
    QHeaderView *header = m_view->header();
    if (header->count() < EndpointModel::ColumnCount) {
        return;
    }
    m_columnWidths.fill(0, EndpointModel::ColumnCount);
    for (int column = EndpointModel::StateColumn; column < EndpointModel::ColumnCount; ++column) {
        // A hidden section's size hint is 0: a column hidden on a narrow list came back later as wide as its values
        // only, and cut its header (지속 시간). fitColumns() hides again what does not fit.
        m_view->setColumnHidden(column, false);
        m_columnWidths[column] = qMax(contentWidth(column), header->sectionSizeHint(column));
        header->resizeSection(column, m_columnWidths.at(column));
    }
    fitColumns();
}

// On a narrow list the endpoint names matter more than "since" and uptime (both stay in the detail pane).
void HealthPage::fitColumns()
{
    if (m_columnWidths.size() < EndpointModel::ColumnCount) {
        return;
    }
    int used = 150 + 2 * m_view->indentation() + m_columnWidths.at(EndpointModel::StateColumn)
        + m_columnWidths.at(EndpointModel::LatencyColumn);
    for (int column : { EndpointModel::UptimeColumn, EndpointModel::SinceColumn }) {
        used += m_columnWidths.at(column);
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
        const QModelIndex index = m_model->indexOf(shown);
        if (index.parent() == topLeft.parent() && index.row() >= topLeft.row() && index.row() <= bottomRight.row()) {
            showSelected();
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
    QStringList parts;
    for (EndpointState state : FilterStates) {
        if (const int n = m_model->stateCount(int(state))) {
            parts << tr("%1 %2").arg(n).arg(EndpointModel::stateText(state));
        }
    }
    if (const int waiting = m_model->stateCount(-1)) {
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
    m_trustText->setText(
        tr("Waiting for trust: this version of the workspace sends secrets, and nothing that carries "
           "one is sent until you trust it (%1, %2 wait).")
            .arg(tr("%n endpoint(s)", nullptr, m_trustEndpoints), tr("%n KPI(s)", nullptr, m_trustKpis)));
    m_trustButton->setText(tr("Trust…"));
    m_trustButton->setToolTip(tr("Show what goes where and decide"));
    if (m_model) {
        m_model->setLanguage(LanguageManager::uiLanguage());
    }
    updateSummary();
    showSelected();
    sizeColumns();
}
