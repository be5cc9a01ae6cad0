// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notifyroutemodel.h"

#include "notify/notifylogmodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

NotifyRouteModel::NotifyRouteModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void NotifyRouteModel::setWorkspace(const Workspace &workspace)
{
    beginResetModel();
    m_routes = workspace.notifications.routes;
    m_providers = workspace.notifications.providers;
    endResetModel();
}

void NotifyRouteModel::setNotifier(Notifier *notifier)
{
    if (m_notifier) {
        m_notifier->disconnect(this);
    }
    m_notifier = notifier;
    m_last.clear();
    if (notifier) {
        for (const NotifyLogEntry &entry : notifier->log()) {
            m_last.insert(entry.route, entry);
        }
        connect(notifier, &Notifier::logged, this, &NotifyRouteModel::onLogged);
    }
    if (!m_routes.isEmpty()) {
        Q_EMIT dataChanged(index(0, Last), index(int(m_routes.size()) - 1, Last));
    }
}

void NotifyRouteModel::onLogged(const NotifyLogEntry &entry)
{
    m_last.insert(entry.route, entry);
    for (int row = 0; row < m_routes.size(); ++row) {
        if (m_routes.at(row).id == entry.route) {
            Q_EMIT dataChanged(index(row, Last), index(row, Last));
        }
    }
}

int NotifyRouteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_routes.size());
}

int NotifyRouteModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NotifyRouteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const NotifyRoute &r = m_routes.at(index.row());
    if (role == RouteIdRole) {
        return r.id;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (Column(index.column())) {
    case Id:
        return r.id;
    case Events:
        return r.events.isEmpty() ? tr("every event") : r.events.join(u", "_s);
    case Severity:
        return r.minSeverity;
    case Targets: {
        QStringList targets;
        for (const QString &id : r.targets) {
            const auto p = std::find_if(
                m_providers.cbegin(), m_providers.cend(), [&](const NotifyProvider &x) { return x.id == id; });
            targets << (p == m_providers.cend() ? id : u"%1 (%2)"_s.arg(id, p->kind));
        }
        QString text = targets.join(u", "_s);
        if (!r.fallback.isEmpty()) {
            text += u"; "_s + tr("fallback %1").arg(r.fallback);
        }
        return text;
    }
    case Hours:
        return r.from && r.until ? u"%1-%2"_s.arg(r.from->toString(u"HH:mm"_s), r.until->toString(u"HH:mm"_s))
                                 : tr("always");
    case Last: {
        const auto last = m_last.constFind(r.id);
        if (last == m_last.cend()) {
            return tr("nothing sent yet");
        }
        const QString when = QLocale().toString(last->time.toLocalTime(), QLocale::ShortFormat);
        if (role == Qt::ToolTipRole && !last->reason.isEmpty()) {
            return last->reason;
        }
        return u"%1 · %2"_s.arg(NotifyLogModel::resultText(*last), when);
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant NotifyRouteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (Column(section)) {
    case Id:
        return tr("Route");
    case Events:
        return tr("Events");
    case Severity:
        return tr("From severity");
    case Targets:
        return tr("Sends to");
    case Hours:
        return tr("Hours");
    case Last:
        return tr("Last delivery");
    case ColumnCount:
        break;
    }
    return {};
}
