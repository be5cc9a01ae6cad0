// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

using namespace Qt::StringLiterals;

class RunbookRunner;

// The steps of the runner's runbook with their state, elapsed time against budget and outcome.
class RunbookStepModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StepColumn, KindColumn, TimeColumn, ResultColumn, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole, // int (StepState)
        OverBudgetRole, // bool: elapsed beyond the step's budget
        ElapsedRole, // qint64 ms
        BudgetRole, // qint64 ms, 0 = none
    };
    Q_ENUM(Role)

    explicit RunbookStepModel(RunbookRunner *runner, QObject *parent = nullptr);

    void setLanguage(const QString &language);
    // The runner's runbook was replaced.
    void reset();
    // Re-reads the elapsed time of the running step (called by a view's timer).
    void refreshRunning();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "1:05 / 5:00"; "0:03" without a budget.
    static QString timeText(qint64 elapsedMs, qint64 budgetMs);

private:
    void onStepChanged(int index);

    QPointer<RunbookRunner> m_runner;
    QString m_language = u"en"_s;
    int m_rows = 0;
};
