// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notifier.h"

#include <QAbstractTableModel>
#include <QPointer>

// The notifier's delivery log for the Notifications screen, newest first: one row per delivery attempt (a test, a
// retry and a fallback each get their own), at most Notifier::logCapacity rows.
class NotifyLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Route, Provider, Message, Result, Reason, ColumnCount };
    enum Role { OkRole = Qt::UserRole + 1 };

    explicit NotifyLogModel(QObject *parent = nullptr);

    // Follows `notifier` (may be null: no rows); the rows it has logged so far appear at once.
    void setNotifier(Notifier *notifier);
    const NotifyLogEntry &entry(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString resultText(const NotifyLogEntry &entry);

private:
    void add(const NotifyLogEntry &entry);

    QPointer<Notifier> m_notifier;
    QList<NotifyLogEntry> m_rows; // newest first
};
