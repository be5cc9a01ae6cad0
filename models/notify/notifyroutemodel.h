// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notifier.h"
#include "workspace/workspace.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

// The workspace's notification routes for the Notifications screen: what each sends, where, and how its last
// delivery went.
class NotifyRouteModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Events, Severity, Targets, Hours, Last, ColumnCount };
    enum Role { RouteIdRole = Qt::UserRole + 1 };

    explicit NotifyRouteModel(QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    // Its logged deliveries fill the "last delivery" column.
    void setNotifier(Notifier *notifier);
    QString routeId(int row) const { return m_routes.value(row).id; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onLogged(const NotifyLogEntry &entry);

    QList<NotifyRoute> m_routes;
    QList<NotifyProvider> m_providers;
    QPointer<Notifier> m_notifier;
    QHash<QString, NotifyLogEntry> m_last; // route id → its newest delivery
};
