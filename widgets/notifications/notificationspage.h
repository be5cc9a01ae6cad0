// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/page.h"

using namespace Qt::StringLiterals;

class NotifyLogModel;
class NotifyRouteModel;
class QLabel;
class QPushButton;
class QTreeView;
class Session;
struct Workspace;

// The Notifications screen: the workspace's routes with their last delivery and "Send test notification", and
// the delivery log (newest first) with the reason of each failure and "Retry". It shows the Session's notifier.
class NotificationsPage final : public Page
{
    Q_OBJECT
public:
    explicit NotificationsPage(Session *session, QWidget *parent = nullptr);

    QString id() const override { return u"notifications"_s; }
    QString title() const override;

    void setWorkspace(const Workspace &workspace);
    QTreeView *routeView() const { return m_routes; }
    QTreeView *logView() const { return m_log; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *retryButton() const { return m_retry; }

protected:
    void retranslateUi() override;

private:
    void sendTest();
    void retry();
    void updateButtons();

    Session *m_session;
    NotifyRouteModel *m_routeModel;
    NotifyLogModel *m_logModel;
    QLabel *m_heading;
    QLabel *m_empty;
    QLabel *m_routesLabel;
    QLabel *m_logLabel;
    QTreeView *m_routes;
    QTreeView *m_log;
    QPushButton *m_test;
    QPushButton *m_retry;
};
