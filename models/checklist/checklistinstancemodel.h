// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>

using namespace Qt::StringLiterals;

class ChecklistStore;
struct ChecklistInstance;

// The loaded checklist instances of a ChecklistStore, newest period first: title, period, progress (7/12), due
// time and status (open, overdue, missed, signed) as of now().
class ChecklistInstanceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, PeriodColumn, ProgressColumn, DueColumn, StatusColumn, ColumnCount };
    enum Role {
        InstanceIdRole = Qt::UserRole + 1,
        StatusRole, // PeriodStatus as int
        DoneRole,
        TotalRole,
        PeriodStartRole,
        PeriodEndRole,
    };

    explicit ChecklistInstanceModel(ChecklistStore *store, QObject *parent = nullptr);

    // Statuses are computed against this instant; the page moves it on with a timer.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }
    // "en" or "ko": which language of the workspace's titles to show.
    void setLanguage(const QString &language);
    int rowOf(qint64 instanceId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(int status);

private:
    QVariant display(const ChecklistInstance &instance, int column) const;

    ChecklistStore *m_store;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    QString m_language = u"en"_s;
};
