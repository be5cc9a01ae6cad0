// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importreportmodel.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

ImportReportModel::ImportReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ImportReportModel::setResult(const ImportResult &result)
{
    beginResetModel();
    m_report = result.report;
    m_summary = {};
    m_summary.endpoints = result.endpoints.size();
    m_summary.kpis = result.kpis.size();
    m_summary.providers = result.providers.size();
    m_summary.routes = result.routes.size();
    m_summary.maintenance = result.maintenance.size();
    m_summary.skipped = result.report.skipped.size();
    QSet<QString> groups;
    for (const ImportedEndpoint &e : result.endpoints) {
        if (!e.group.isEmpty()) {
            groups.insert(e.group);
        }
    }
    for (const ImportedKpi &k : result.kpis) {
        if (!k.group.isEmpty()) {
            groups.insert(k.group);
        }
    }
    m_summary.groups = std::max<qsizetype>(groups.size(), result.report.groups);
    endResetModel();
}

void ImportReportModel::clear()
{
    setResult({});
}

void ImportReportModel::retranslate()
{
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), { Qt::DisplayRole });
    }
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QString ImportReportModel::kindLabel(const QString &kind)
{
    if (kind.isEmpty()) {
        return tr("KPI tile");
    }
    if (kind == u"endpoint") {
        return tr("endpoint");
    }
    if (kind == u"provider") {
        return tr("notification provider");
    }
    if (kind == u"route") {
        return tr("notification route");
    }
    if (kind == u"maintenance") {
        return tr("maintenance window");
    }
    if (kind == u"key") {
        return tr("key");
    }
    if (kind == u"module") {
        return tr("blackbox module");
    }
    return kind;
}

const ImportItem &ImportReportModel::item(int row, bool *created) const
{
    *created = row < m_report.created.size();
    return *created ? m_report.created.at(row) : m_report.skipped.at(row - m_report.created.size());
}

int ImportReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.created.size() + m_report.skipped.size());
}

int ImportReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    bool created = false;
    const ImportItem &i = item(index.row(), &created);
    switch (role) {
    case CreatedRole:
        return created;
    case KindRole:
        return i.kind;
    case OriginRole:
        return i.origin;
    case Qt::ToolTipRole:
        return index.column() == DetailColumn || index.column() == OriginColumn ? data(index, Qt::DisplayRole)
                                                                                : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case ResultColumn:
            return created ? tr("created") : tr("skipped");
        case KindColumn:
            return kindLabel(i.kind);
        case NameColumn:
            return i.name;
        case DetailColumn:
            if (!created) {
                return i.reason;
            }
            return i.reason.isEmpty() ? tr("→ %1").arg(i.kpiId)
                                      : tr("→ %1 (not carried over: %2)").arg(i.kpiId, i.reason);
        case OriginColumn:
            return i.origin;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ImportReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case ResultColumn:
        return tr("Result");
    case KindColumn:
        return tr("What");
    case NameColumn:
        return tr("Name");
    case DetailColumn:
        return tr("Becomes / reason");
    case OriginColumn:
        return tr("Source position");
    default:
        return {};
    }
}
