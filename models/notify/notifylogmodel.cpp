// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notifylogmodel.h"

#include <QLocale>

#include <algorithm>

NotifyLogModel::NotifyLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void NotifyLogModel::setNotifier(Notifier *notifier)
{
    if (m_notifier) {
        m_notifier->disconnect(this);
    }
    beginResetModel();
    m_notifier = notifier;
    m_rows.clear();
    if (notifier) {
        m_rows = notifier->log();
        std::reverse(m_rows.begin(), m_rows.end());
        connect(notifier, &Notifier::logged, this, &NotifyLogModel::add);
    }
    endResetModel();
}

void NotifyLogModel::add(const NotifyLogEntry &entry)
{
    if (m_rows.size() >= Notifier::logCapacity) {
        const int last = int(m_rows.size()) - 1;
        beginRemoveRows({}, last, last);
        m_rows.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_rows.prepend(entry);
    endInsertRows();
}

int NotifyLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NotifyLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NotifyLogModel::resultText(const NotifyLogEntry &entry)
{
    if (entry.suppressed) {
        return tr("held back");
    }
    QString text = entry.ok ? tr("sent") : tr("failed");
    if (entry.attempts > 1) {
        text += u' ' + tr("(%n attempt(s))", nullptr, entry.attempts);
    }
    if (entry.fallback) {
        text += u' ' + tr("(fallback)");
    }
    return text;
}

QVariant NotifyLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const NotifyLogEntry &e = m_rows.at(index.row());
    if (role == OkRole) {
        return e.ok;
    }
    if (role == Qt::ToolTipRole && index.column() == Reason) {
        return e.reason;
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(index.column())) {
    case Time:
        return QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat);
    case Route:
        return e.test ? tr("%1 (test)").arg(e.route) : e.route;
    case Provider:
        return e.provider;
    case Message:
        return e.headline;
    case Result:
        return resultText(e);
    case Reason:
        return e.reason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant NotifyLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Route:
        return tr("Route");
    case Provider:
        return tr("Provider");
    case Message:
        return tr("Message");
    case Result:
        return tr("Result");
    case Reason:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}
