// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/endpointdetailview.h"

#include "health/historystrip.h"
#include "health/responseview.h"
#include "health/statestyle.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QLabel *sectionTitle(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QTableWidget *compactTable(int columns, QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

// Tables show all their rows; the pane scrolls instead.
void fitHeight(QTableWidget *table)
{
    table->resizeRowsToContents();
    int height = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth();
    for (int row = 0; row < table->rowCount(); ++row) {
        height += table->rowHeight(row);
    }
    if (table->horizontalScrollBar()->isVisible()) {
        height += table->horizontalScrollBar()->sizeHint().height();
    }
    table->setFixedHeight(height);
}

QString ms(double value)
{
    return QCoreApplication::translate("EndpointDetailView", "%1 ms").arg(qRound(value));
}

int componentState(const QString &status)
{
    const QString s = status.toLower();
    if (s == QLatin1String("healthy") || s == QLatin1String("ok") || s == QLatin1String("up")
        || s == QLatin1String("pass")) {
        return int(EndpointState::Ok);
    }
    if (s == QLatin1String("degraded") || s == QLatin1String("warn") || s == QLatin1String("warning")) {
        return int(EndpointState::Warning);
    }
    return int(EndpointState::Critical);
}
} // namespace

EndpointDetailView::EndpointDetailView(QWidget *parent)
    : QWidget(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    createLayout();
    retranslateUi();
    setStatus(nullptr, m_historyCapacity, m_language);
}

void EndpointDetailView::createLayout()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_placeholder = new QLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(m_placeholder);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"detailScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(scroll);
    scroll->setWidget(m_content);
    outer->addWidget(scroll);
    m_scroll = scroll;

    auto *layout = new QVBoxLayout(m_content);
    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    m_title = new QLabel(m_content);
    m_title->setObjectName(u"detailTitle"_s);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    titles->addWidget(m_title);
    auto *stateRow = new QHBoxLayout;
    m_stateIcon = new QLabel(m_content);
    m_stateText = new QLabel(m_content);
    m_stateText->setObjectName(u"detailState"_s);
    m_url = new QLabel(m_content);
    m_url->setObjectName(u"detailUrl"_s);
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_url->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_url->setForegroundRole(QPalette::PlaceholderText);
    stateRow->addWidget(m_stateIcon);
    stateRow->addWidget(m_stateText);
    stateRow->addSpacing(12);
    stateRow->addWidget(m_url, 1);
    titles->addLayout(stateRow);
    header->addLayout(titles, 1);
    m_checkNow = new QPushButton(m_content);
    m_checkNow->setObjectName(u"checkNowButton"_s);
    connect(m_checkNow, &QPushButton::clicked, this, [this] {
        if (m_status) {
            Q_EMIT checkNowRequested(m_status->name);
        }
    });
    m_openIncident = new QPushButton(m_content);
    m_openIncident->setObjectName(u"openIncidentButton"_s);
    connect(m_openIncident, &QPushButton::clicked, this, [this] {
        if (m_status && m_status->last) {
            Q_EMIT openIncidentRequested(m_status->name, *m_status->last);
        }
    });
    auto *actions = new QVBoxLayout;
    actions->addWidget(m_checkNow);
    actions->addWidget(m_openIncident);
    actions->addStretch(1);
    header->addLayout(actions);
    layout->addLayout(header);

    // A grid, not a QFormLayout: Qt 6.4's QFormLayout::heightForWidth writes out of bounds with word-wrapped
    // fields whose rows are hidden (found by valgrind; it crashed the widget test now and then).
    m_form = new QGridLayout;
    m_form->setColumnStretch(1, 1);
    int row = 0;
    const auto addRow = [this, &row](QLabel *&label, QLabel *&value, const char *name) {
        label = new QLabel(m_content);
        value = new QLabel(m_content);
        value->setObjectName(QLatin1String(name));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        m_form->addWidget(label, row, 0, Qt::AlignLeft | Qt::AlignTop);
        m_form->addWidget(value, row++, 1);
    };
    addRow(m_checkedLabel, m_checked, "checkedValue");
    addRow(m_httpLabel, m_http, "httpValue");
    addRow(m_timingsLabel, m_timings, "timingsValue");
    addRow(m_certificateLabel, m_certificate, "certificateValue");
    addRow(m_errorLabel, m_error, "errorValue");
    layout->addLayout(m_form);

    m_conditionsTitle = sectionTitle(m_content);
    layout->addWidget(m_conditionsTitle);
    m_conditions = compactTable(4, m_content);
    m_conditions->setObjectName(u"conditionTable"_s);
    m_conditions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 4; ++column) {
        m_conditions->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    layout->addWidget(m_conditions);

    m_componentsTitle = sectionTitle(m_content);
    layout->addWidget(m_componentsTitle);
    m_components = compactTable(3, m_content);
    m_components->setObjectName(u"componentTable"_s);
    m_components->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_components->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_components->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(m_components);

    m_historyTitle = sectionTitle(m_content);
    layout->addWidget(m_historyTitle);
    m_history = new HistoryStrip(m_content);
    m_history->setObjectName(u"historyStrip"_s);
    layout->addWidget(m_history);

    m_responseTitle = sectionTitle(m_content);
    layout->addWidget(m_responseTitle);
    m_response = new ResponseView(m_content);
    m_response->setObjectName(u"responseView"_s);
    m_response->setMinimumHeight(200);
    layout->addWidget(m_response, 1);
}

void EndpointDetailView::setHighlighter(SyntaxHighlighterService *service)
{
    m_response->setHighlighter(service);
}

void EndpointDetailView::setStatus(const EndpointStatus *status, int historyCapacity, const QString &language)
{
    m_historyCapacity = historyCapacity;
    m_language = language;
    if (status) {
        m_status = *status;
    } else {
        m_status.reset();
    }
    updateView();
}

void EndpointDetailView::updateView()
{
    m_placeholder->setVisible(!m_status);
    m_scroll->setVisible(m_status.has_value());
    if (!m_status) {
        m_response->clear();
        return;
    }
    m_title->setText(m_status->displayTitle(m_language));
    m_url->setText(m_status->url);
    m_url->setToolTip(m_status->url);
    m_history->setHistory(m_status->history, m_historyCapacity);
    const std::optional<double> uptime = m_status->uptime();
    m_historyTitle->setText(uptime ? tr("History: %1 % up over the last checks (%2)")
                                         .arg(QLocale().toString(*uptime * 100, 'f', 1))
                                         .arg(m_status->history.size())
                                   : tr("History"));
    fillResult();
}

void EndpointDetailView::fillResult()
{
    const std::optional<ProbeResult> &last = m_status->last;
    const int state = last ? int(last->state) : -1;
    m_stateIcon->setPixmap(StateStyle::icon(state).pixmap(16, 16));
    m_stateText->setText(!last       ? tr("No result yet")
            : m_status->isImpacted() ? tr("%1 · %2").arg(
                  EndpointModel::stateText(last->state), EndpointModel::impactedByText(m_status->impactedBy))
                                     : EndpointModel::stateText(last->state));
    m_stateText->setToolTip(m_status->isImpacted()
            ? tr("%1 is CRITICAL and this endpoint depends on it: its notifications wait until %1 recovers.")
                  .arg(m_status->impactedBy)
            : QString());
    m_openIncident->setVisible(last && last->state == EndpointState::Critical);
    const bool has = last.has_value();
    for (QLabel *label : { m_httpLabel, m_http, m_timingsLabel, m_timings, m_certificateLabel, m_certificate }) {
        label->setVisible(has);
    }
    const bool error = has && !last->error.isEmpty();
    m_errorLabel->setVisible(error);
    m_error->setVisible(error);
    if (!has) {
        m_conditions->setRowCount(0);
        m_components->setRowCount(0);
        m_response->clear();
    } else {
        m_httpLabel->setText(last->kind == u"http"_s ? tr("HTTP status:") : tr("Result:"));
        m_http->setText(resultText(*last));
        m_timings->setText(timingsText(*last));
        m_certificate->setText(certificateText(*last));
        m_certificate->setToolTip(last->certificateChain.isEmpty()
                ? QString()
                : tr("Certificate chain as the server sent it:\n%1").arg(last->certificateChain.join(u'\n')));
        m_error->setText(last->error);
        fillConditions(*last);
        fillComponents(*last);
        m_response->setBody(last->body, last->headers.value(u"content-type"_s), last->bodyTruncated);
    }
    m_componentsTitle->setVisible(m_components->rowCount() > 0);
    m_components->setVisible(m_components->rowCount() > 0);
    fitHeight(m_conditions);
    fitHeight(m_components);
    refreshTimes();
}

void EndpointDetailView::fillConditions(const ProbeResult &result)
{
    m_conditions->setRowCount(int(result.conditions.size()));
    for (int row = 0; row < result.conditions.size(); ++row) {
        const ConditionResult &c = result.conditions.at(row);
        auto *condition = new QTableWidgetItem(c.condition);
        auto *kind = new QTableWidgetItem(c.warning ? tr("warn-condition") : tr("condition"));
        kind->setToolTip(
            c.warning ? tr("Failing makes the endpoint WARNING") : tr("Failing makes the endpoint CRITICAL"));
        auto *actual = new QTableWidgetItem(c.actual.isEmpty() ? c.error : c.actual);
        QString verdict;
        int shape = int(EndpointState::Ok);
        switch (c.verdict) {
        case ConditionResult::Verdict::Pass:
            verdict = tr("Passed");
            break;
        case ConditionResult::Verdict::Fail:
            verdict = c.warning ? tr("Failed: warning") : tr("Failed: critical");
            shape = int(c.warning ? EndpointState::Warning : EndpointState::Critical);
            break;
        case ConditionResult::Verdict::Error:
            verdict = tr("Cannot evaluate: %1").arg(c.error);
            shape = int(EndpointState::Unknown);
            break;
        }
        auto *verdictItem = new QTableWidgetItem(StateStyle::icon(shape), verdict);
        verdictItem->setToolTip(verdict);
        for (QTableWidgetItem *item : { condition, kind, actual }) {
            item->setToolTip(item->text());
        }
        m_conditions->setItem(row, 0, condition);
        m_conditions->setItem(row, 1, kind);
        m_conditions->setItem(row, 2, actual);
        m_conditions->setItem(row, 3, verdictItem);
    }
}

void EndpointDetailView::fillComponents(const ProbeResult &result)
{
    m_components->setRowCount(int(result.components.size()));
    for (int row = 0; row < result.components.size(); ++row) {
        const HealthComponent &c = result.components.at(row);
        m_components->setItem(row, 0, new QTableWidgetItem(c.name));
        m_components->setItem(row, 1, new QTableWidgetItem(StateStyle::icon(componentState(c.status)), c.status));
        auto *time = new QTableWidgetItem(c.responseTimeMs ? ms(*c.responseTimeMs) : QString());
        time->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_components->setItem(row, 2, time);
    }
}

QString EndpointDetailView::timingsText(const ProbeResult &result) const
{
    QStringList parts;
    if (result.totalMs >= 0) {
        parts << tr("total %1").arg(ms(result.totalMs));
    }
    if (result.dnsMs >= 0) {
        parts << tr("DNS %1").arg(ms(result.dnsMs));
    }
    if (result.connectMs >= 0) {
        parts << tr("connect %1").arg(ms(result.connectMs));
    }
    if (result.tlsMs >= 0) {
        parts << tr("TLS %1").arg(ms(result.tlsMs));
    }
    if (result.firstByteMs >= 0) {
        parts << tr("first byte %1").arg(ms(result.firstByteMs));
    }
    return parts.isEmpty() ? tr("not measured") : parts.join(u" · "_s);
}

QString EndpointDetailView::resultText(const ProbeResult &result) const
{
    if (result.kind == u"http"_s) {
        return result.httpStatus > 0 ? QString::number(result.httpStatus) : tr("none (no response)");
    }
    if (result.kind == u"dns"_s) {
        if (result.dnsRcode.isEmpty()) {
            return tr("no DNS answer");
        }
        const qsizetype answers = result.body.isEmpty() ? 0 : result.body.count(", ") + 1;
        return tr("%1, %n answer(s)", nullptr, int(answers)).arg(result.dnsRcode);
    }
    if (result.kind == u"icmp"_s) {
        return result.connected ? tr("echo reply from %1").arg(result.ip) : tr("no echo reply");
    }
    if (!result.connected) {
        return tr("not connected");
    }
    return result.body.isEmpty()
        ? tr("connected to %1").arg(result.ip)
        : tr("connected to %1, %n byte(s) read", nullptr, int(result.body.size())).arg(result.ip);
}

QString EndpointDetailView::certificateText(const ProbeResult &result) const
{
    if (!result.certificateExpiry) {
        return tr("none");
    }
    const QDateTime expiry = *result.certificateExpiry;
    const qint64 seconds = m_clock().secsTo(expiry);
    const QString date = QLocale().toString(expiry.toLocalTime().date(), QLocale::ShortFormat);
    return seconds < 0 ? tr("expired on %1").arg(date)
                       : tr("expires %1 (%2 left)").arg(date, EndpointModel::durationText(seconds));
}

void EndpointDetailView::refreshTimes()
{
    if (!m_status || !m_status->last) {
        m_checked->setText(tr("not yet"));
        return;
    }
    const ProbeResult &last = *m_status->last;
    const QDateTime now = m_clock();
    const auto when = [&now](const QDateTime &at) {
        return tr("%1 (%2 ago)")
            .arg(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat),
                EndpointModel::durationText(at.secsTo(now)));
    };
    const auto where
        = [](const QString &location) { return location.isEmpty() ? tr("the default location") : location; };
    if (last.checkedBy.isEmpty()) {
        m_checked->setText(when(last.startedAt));
        return;
    }
    // Team mode: who probed it, from where; with several locations, each one's latest reading.
    QStringList lines { tr("checked by %1 at %2, %3").arg(last.checkedBy, where(last.location), when(last.startedAt)) };
    for (const LocationReading &r : last.locations) {
        lines.append(tr("%1: %2, checked by %3, %4")
                         .arg(where(r.location), EndpointModel::stateText(r.state), r.checkedBy, when(r.at)));
    }
    m_checked->setText(lines.join(u'\n'));
}

void EndpointDetailView::retranslateUi()
{
    m_placeholder->setText(tr("Select an endpoint to see what its last check found."));
    m_checkNow->setText(tr("Check now"));
    m_checkNow->setToolTip(tr("Probe this endpoint again right away"));
    m_openIncident->setText(tr("Open incident…"));
    m_openIncident->setToolTip(tr("Start an incident for this endpoint with the last result as evidence"));
    m_checkedLabel->setText(tr("Checked:"));
    m_httpLabel->setText(tr("HTTP status:"));
    m_timingsLabel->setText(tr("Timings:"));
    m_certificateLabel->setText(tr("Certificate:"));
    m_errorLabel->setText(tr("Error:"));
    m_conditionsTitle->setText(tr("Conditions"));
    m_conditions->setHorizontalHeaderLabels({ tr("Condition"), tr("Kind"), tr("Actual value"), tr("Verdict") });
    m_componentsTitle->setText(tr("Components"));
    m_components->setHorizontalHeaderLabels({ tr("Component"), tr("Status"), tr("Response time") });
    m_responseTitle->setText(tr("Response"));
    m_response->retranslateUi();
    updateView();
}

void EndpointDetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}
