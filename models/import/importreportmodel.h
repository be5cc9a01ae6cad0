// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QAbstractTableModel>

// The rows of an ImportReport for a preview table: every created item, then every skipped one, with what it is,
// its name, what it became (or why it was left out) and where it is in the source.
class ImportReportModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportReportModel)
public:
    enum Column { ResultColumn, KindColumn, NameColumn, DetailColumn, OriginColumn, ColumnCount };
    enum Role {
        CreatedRole = Qt::UserRole, // bool
        KindRole, // the item's kind as the report writes it ("" = KPI tile, "endpoint", ...)
        OriginRole, // file:line:col or file#/json/pointer
    };

    // What the workspace will hold, for the summary line above the table.
    struct Summary
    {
        qsizetype endpoints = 0;
        qsizetype kpis = 0;
        qsizetype providers = 0;
        qsizetype routes = 0;
        qsizetype maintenance = 0;
        qsizetype groups = 0;
        qsizetype skipped = 0;
    };

    explicit ImportReportModel(QObject *parent = nullptr);

    void setResult(const ImportResult &result);
    void clear();
    // After a language switch: the labels of every cell and header change.
    void retranslate();
    Summary summary() const { return m_summary; }
    const ImportReport &report() const { return m_report; }
    // "KPI tile", "endpoint", ... in the UI language.
    static QString kindLabel(const QString &kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ImportItem &item(int row, bool *created) const;

    ImportReport m_report;
    Summary m_summary;
};
