// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifications/notificationspage.h"

#include "notify/notifier.h"
#include "notify/notifylogmodel.h"
#include "notify/notifyroutemodel.h"
#include "session/session.h"
#include "workspace/workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QTreeView *tableView(QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->header()->setStretchLastSection(true);
    return view;
}

} // namespace

NotificationsPage::NotificationsPage(Session *session, QWidget *parent)
    : Page(parent)
    , m_session(session)
    , m_routeModel(new NotifyRouteModel(this))
    , m_logModel(new NotifyLogModel(this))
{
    m_heading = new QLabel(this);
    QFont font = m_heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_heading->setFont(font);
    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_routesLabel = new QLabel(this);
    m_logLabel = new QLabel(this);
    m_routes = tableView(this);
    m_routes->setObjectName(u"notificationRoutes"_s);
    m_routes->setModel(m_routeModel);
    m_log = tableView(this);
    m_log->setObjectName(u"notificationLog"_s);
    m_log->setModel(m_logModel);
    QHeaderView *header = m_log->header();
    for (const int column :
        { NotifyLogModel::Time, NotifyLogModel::Route, NotifyLogModel::Provider, NotifyLogModel::Result }) {
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    header->resizeSection(NotifyLogModel::Message, 420);
    m_test = new QPushButton(this);
    m_retry = new QPushButton(this);

    auto *routesBox = new QWidget(this);
    auto *routesLayout = new QVBoxLayout(routesBox);
    routesLayout->setContentsMargins(0, 0, 0, 0);
    auto *routesBar = new QHBoxLayout;
    routesBar->addWidget(m_routesLabel, 1);
    routesBar->addWidget(m_test);
    routesLayout->addLayout(routesBar);
    routesLayout->addWidget(m_routes);
    auto *logBox = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto *logBar = new QHBoxLayout;
    logBar->addWidget(m_logLabel, 1);
    logBar->addWidget(m_retry);
    logLayout->addLayout(logBar);
    logLayout->addWidget(m_log);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(routesBox);
    splitter->addWidget(logBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_empty);
    layout->addWidget(splitter, 1);

    if (Notifier *notifier = session ? session->notifier() : nullptr) {
        m_routeModel->setNotifier(notifier);
        m_logModel->setNotifier(notifier);
    }
    connect(m_test, &QPushButton::clicked, this, &NotificationsPage::sendTest);
    connect(m_retry, &QPushButton::clicked, this, &NotificationsPage::retry);
    connect(
        m_routes->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &NotificationsPage::updateButtons);
    connect(m_log->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &NotificationsPage::updateButtons);
    connect(m_logModel, &QAbstractItemModel::rowsInserted, this, &NotificationsPage::updateButtons);
    retranslateUi();
    updateButtons();
}

QString NotificationsPage::title() const
{
    return tr("Notifications");
}

void NotificationsPage::setWorkspace(const Workspace &workspace)
{
    m_routeModel->setWorkspace(workspace);
    m_empty->setVisible(workspace.notifications.routes.isEmpty());
    for (int column = 0; column < NotifyRouteModel::ColumnCount - 1; ++column) {
        m_routes->resizeColumnToContents(column);
    }
    if (m_routeModel->rowCount() > 0 && !m_routes->currentIndex().isValid()) {
        m_routes->setCurrentIndex(m_routeModel->index(0, 0));
    }
    updateButtons();
}

void NotificationsPage::sendTest()
{
    Notifier *notifier = m_session ? m_session->notifier() : nullptr;
    const QModelIndex current = m_routes->currentIndex();
    if (notifier && current.isValid()) {
        notifier->sendTest(m_routeModel->routeId(current.row()));
    }
}

void NotificationsPage::retry()
{
    Notifier *notifier = m_session ? m_session->notifier() : nullptr;
    const QModelIndex current = m_log->currentIndex();
    if (notifier && current.isValid()) {
        notifier->retry(m_logModel->entry(current.row()));
    }
}

void NotificationsPage::updateButtons()
{
    const bool watching = m_session && m_session->notifier();
    m_test->setEnabled(watching && m_routes->currentIndex().isValid());
    const QModelIndex entry = m_log->currentIndex();
    m_retry->setEnabled(watching && entry.isValid() && !m_logModel->entry(entry.row()).ok
        && !m_logModel->entry(entry.row()).provider.isEmpty());
}

void NotificationsPage::retranslateUi()
{
    m_heading->setText(tr("Notifications"));
    m_empty->setText(tr("This workspace sends no notifications. Add providers and routes under notifications: in "
                        "the workspace file (see docs/workspace-format.md)."));
    m_routesLabel->setText(tr("Routes"));
    m_logLabel->setText(tr("Last deliveries (newest first)"));
    m_test->setText(tr("Send test notification"));
    m_test->setToolTip(tr("Sends a test message to every provider of the selected route now"));
    m_retry->setText(tr("Retry"));
    m_retry->setToolTip(tr("Sends the selected failed message again to the same provider"));
}
