// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "warroom/warroomwindow.h"

#include "incident/incidentstore.h"
#include "incident/timelinemodel.h"
#include "probe/endpointmodel.h"
#include "ui/languagemanager.h"
#include "warroom/healthwall.h"
#include "warroom/incidentbanner.h"
#include "warroom/warroomkpiboard.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWindow>

using namespace Qt::StringLiterals;

namespace {
QPalette warRoomPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x12, 0x14, 0x18));
    p.setColor(QPalette::Base, QColor(0x1a, 0x1d, 0x23));
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x26, 0x2e));
    p.setColor(QPalette::WindowText, QColor(0xec, 0xef, 0xf1));
    p.setColor(QPalette::Text, QColor(0xec, 0xef, 0xf1));
    p.setColor(QPalette::Button, QColor(0x22, 0x26, 0x2e));
    p.setColor(QPalette::ButtonText, QColor(0xec, 0xef, 0xf1));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0xa4, 0xae));
    p.setColor(QPalette::Highlight, QColor(0x22, 0x26, 0x2e));
    p.setColor(QPalette::HighlightedText, QColor(0xec, 0xef, 0xf1));
    return p;
}
} // namespace

WarRoomWindow::WarRoomWindow(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_offline(new QLabel(this))
    , m_noIncident(new QLabel(this))
    , m_acknowledge(new QPushButton(this))
    , m_ackResult(new QLabel(this))
    , m_banner(new IncidentBanner(this))
    , m_timelineView(new QTreeView(this))
    , m_kpis(new WarRoomKpiBoard(this))
    , m_wall(new HealthWall(this))
    , m_tick(new QTimer(this))
{
    setObjectName(u"warRoom"_s);
    setPalette(warRoomPalette());
    setAutoFillBackground(true);
    setFocusPolicy(Qt::StrongFocus);
    m_heading->setObjectName(u"warRoomHeading"_s);
    m_clock->setObjectName(u"warRoomClock"_s);
    m_noIncident->setObjectName(u"noIncident"_s);
    m_timelineView->setObjectName(u"warRoomTimeline"_s);
    m_timelineView->setRootIsDecorated(false);
    m_timelineView->setFocusPolicy(Qt::NoFocus);
    m_timelineView->setSelectionMode(QAbstractItemView::NoSelection);
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timelineView->setWordWrap(true);
    m_timelineView->setAlternatingRowColors(true);
    m_timelineView->header()->setStretchLastSection(false);

    m_offline->setObjectName(u"warRoomOffline"_s);
    m_offline->setStyleSheet(u"background: #d32f2f; color: white; font-weight: bold; padding: 4px 12px;"_s);
    m_offline->hide();
    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_offline);
    top->addWidget(m_clock);
    m_kpis->hide(); // until there are tiles; the wall has the room meanwhile
    connect(m_kpis, &WarRoomKpiBoard::tileCountChanged, m_kpis, [this](int tiles) { m_kpis->setVisible(tiles > 0); });

    auto *right = new QVBoxLayout;
    right->addWidget(m_kpis, 2);
    right->addWidget(m_wall, 3);
    auto *body = new QHBoxLayout;
    body->addWidget(m_timelineView, 4);
    body->addLayout(right, 5);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 24);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    auto *ack = new QHBoxLayout;
    ack->addWidget(m_acknowledge);
    ack->addWidget(m_ackResult, 1);
    layout->addLayout(ack);
    layout->addWidget(m_noIncident);
    layout->addLayout(body, 1);

    m_acknowledge->setObjectName(u"warRoomAcknowledge"_s);
    m_acknowledge->hide();
    m_ackResult->setObjectName(u"warRoomAckResult"_s);
    connect(m_acknowledge, &QPushButton::clicked, this, [this] {
        if (!m_store || !m_activeId) {
            return;
        }
        m_acknowledge->setEnabled(false);
        const QString refusal = m_store->acknowledge(m_activeId);
        m_ackResult->setText(refusal);
        if (!refusal.isEmpty()) {
            m_acknowledge->setEnabled(true);
        }
    });
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &WarRoomWindow::refresh);
    m_tick->start();
    retranslateUi();
}

void WarRoomWindow::setEndpointModel(EndpointModel *model)
{
    m_wall->setModel(model);
}

void WarRoomWindow::setIncidentStore(IncidentStore *store)
{
    m_store = store;
    delete m_timeline;
    m_timeline = new TimelineModel(store, this);
    auto *newestFirst = new QSortFilterProxyModel(m_timeline);
    newestFirst->setSourceModel(m_timeline);
    newestFirst->setSortRole(TimelineModel::OccurredAtRole);
    newestFirst->sort(TimelineModel::OccurredColumn, Qt::DescendingOrder);
    newestFirst->setDynamicSortFilter(true);
    m_timelineView->setModel(newestFirst);
    for (int column : { int(TimelineModel::IdColumn), int(TimelineModel::RecordedColumn) }) {
        m_timelineView->setColumnHidden(column, true);
    }
    m_timelineView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_timelineView->header()->setSectionResizeMode(TimelineModel::EntryColumn, QHeaderView::Stretch);
    for (auto signal : { &IncidentStore::incidentsReset }) {
        connect(store, signal, this, &WarRoomWindow::refresh);
    }
    connect(store, &IncidentStore::incidentAdded, this, &WarRoomWindow::refresh);
    connect(store, &IncidentStore::incidentChanged, this, &WarRoomWindow::refresh);
    connect(store, &IncidentStore::acknowledgeFinished, this, [this](qint64 id, const QString &refusal) {
        if (id == m_activeId) {
            m_ackResult->setText(refusal);
            m_acknowledge->setEnabled(true);
        }
    });
    refresh();
}

void WarRoomWindow::setKpiModel(QAbstractItemModel *model)
{
    m_kpis->setKpiModel(model);
}

void WarRoomWindow::setWarRoomKpis(const QSet<QString> &ids)
{
    m_kpis->setWarRoomKpis(ids);
}

void WarRoomWindow::setWorkspaceTitle(const QString &title)
{
    m_workspaceTitle = title;
    retranslateUi();
}

void WarRoomWindow::setOffline(bool offline, const QString &reason)
{
    m_offline->setVisible(offline);
    m_offline->setToolTip(reason);
    retranslateUi();
}

qint64 WarRoomWindow::chooseActive() const
{
    if (!m_store) {
        return 0;
    }
    const auto rank = [this](const Incident &incident) {
        const QList<SeverityLevel> &levels = m_store->severities();
        for (int i = 0; i < levels.size(); ++i) {
            if (levels[i].id == incident.severity) {
                return i;
            }
        }
        return int(levels.size());
    };
    const Incident *best = nullptr;
    for (const Incident &incident : m_store->incidents()) {
        if (!incident.isOpen()) {
            continue;
        }
        if (!best || rank(incident) < rank(*best)
            || (rank(incident) == rank(*best) && incident.anchor() > best->anchor())) {
            best = &incident;
        }
    }
    return best ? best->id : 0;
}

void WarRoomWindow::refresh()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_clock->setText(QLocale().toString(now.toLocalTime(), u"HH:mm:ss"_s));
    m_activeId = chooseActive();
    const Incident *incident = m_store && m_activeId ? m_store->incident(m_activeId) : nullptr;
    m_banner->setVisible(incident != nullptr);
    m_timelineView->setVisible(incident != nullptr);
    m_noIncident->setVisible(incident == nullptr);
    m_acknowledge->setVisible(m_ackAllowed && incident && !incident->acknowledgedAt.isValid());
    m_ackResult->setVisible(m_ackAllowed && incident);
    if (!incident) {
        return;
    }
    if (m_timeline->incidentId() != m_activeId) {
        m_timeline->setIncidentId(m_activeId);
    }
    int rank = 0;
    const QList<SeverityLevel> &levels = m_store->severities();
    while (rank < levels.size() && levels[rank].id != incident->severity) {
        ++rank;
    }
    m_banner->setIncident(*incident, m_store->severity(incident->severity), rank, LanguageManager::uiLanguage(), now);
}

void WarRoomWindow::setAcknowledgeAllowed(bool allowed)
{
    m_ackAllowed = allowed;
    refresh();
}

void WarRoomWindow::retranslateUi()
{
    m_acknowledge->setText(tr("Acknowledge (stops the escalation)"));
    setWindowTitle(tr("OpsDeck war room"));
    m_heading->setText(m_workspaceTitle.isEmpty() ? tr("War room") : tr("War room — %1").arg(m_workspaceTitle));
    m_noIncident->setText(tr("No open incident"));
    m_offline->setText(tr("OFFLINE: the team database cannot be reached; this screen may be out of date"));
    refresh();
}

void WarRoomWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    } else if (event->type() == QEvent::WindowStateChange) {
        coverScreen();
    }
    QWidget::changeEvent(event);
}

void WarRoomWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (QWindow *window = windowHandle(); window && !m_screen) {
        connect(window, &QWindow::screenChanged, this, &WarRoomWindow::followScreen, Qt::UniqueConnection);
        followScreen(window->screen());
    }
    coverScreen();
}

void WarRoomWindow::followScreen(QScreen *screen)
{
    if (m_screen) {
        disconnect(m_screen, nullptr, this, nullptr);
    }
    m_screen = screen;
    if (screen) {
        connect(screen, &QScreen::geometryChanged, this, &WarRoomWindow::coverScreen);
    }
    coverScreen();
}

// Without a window manager a full-screen request changes nothing on X11: the window keeps its default size in a
// corner. So it is sized to the screen here (with a window manager this is what it does anyway).
void WarRoomWindow::coverScreen()
{
    if (isFullScreen() && m_screen && geometry() != m_screen->geometry()) {
        setGeometry(m_screen->geometry());
    }
}

void WarRoomWindow::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

// 1080 px high: 22 px text; 2160 px (4K): 45 px. Everything below inherits it.
void WarRoomWindow::resizeEvent(QResizeEvent *event)
{
    // In points, not pixels: the KPI tiles scale their fonts from the point size.
    const double pointsPerPixel = 72.0 / std::max(1, logicalDpiY());
    const int pixels = std::max(13, height() / 48);
    QFont base = font();
    base.setPointSizeF(pixels * pointsPerPixel);
    setFont(base);
    QFont heading = base;
    heading.setPointSizeF(pixels * 1.5 * pointsPerPixel);
    heading.setBold(true);
    m_heading->setFont(heading);
    m_clock->setFont(heading);
    m_noIncident->setFont(heading);
    QWidget::resizeEvent(event);
}
