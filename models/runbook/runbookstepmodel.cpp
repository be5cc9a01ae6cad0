// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/runbookstepmodel.h"

#include "runbook/runbookrunner.h"

using namespace Qt::StringLiterals;

RunbookStepModel::RunbookStepModel(RunbookRunner *runner, QObject *parent)
    : QAbstractTableModel(parent)
    , m_runner(runner)
    , m_rows(runner->stepCount())
{
    connect(runner, &RunbookRunner::stepChanged, this, &RunbookStepModel::onStepChanged);
}

void RunbookStepModel::setLanguage(const QString &language)
{
    m_language = language;
    if (m_rows > 0) {
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    }
}

void RunbookStepModel::reset()
{
    beginResetModel();
    m_rows = m_runner ? m_runner->stepCount() : 0;
    endResetModel();
}

void RunbookStepModel::refreshRunning()
{
    const int row = m_runner ? m_runner->currentStep() : -1;
    if (row >= 0 && row < m_rows) {
        Q_EMIT dataChanged(index(row, TimeColumn), index(row, TimeColumn));
    }
}

void RunbookStepModel::onStepChanged(int row)
{
    if (row >= 0 && row < m_rows) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int RunbookStepModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RunbookStepModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunbookStepModel::timeText(qint64 elapsedMs, qint64 budgetMs)
{
    const auto clock = [](qint64 ms) {
        const qint64 s = ms / 1000;
        return u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    };
    return budgetMs > 0 ? clock(elapsedMs) + u" / "_s + clock(budgetMs) : clock(elapsedMs);
}

QVariant RunbookStepModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_runner || index.row() >= m_runner->stepCount()) {
        return {};
    }
    const RunbookStep &step = m_runner->runbook().steps.at(index.row());
    const StepRun &run = m_runner->stepRun(index.row());
    const qint64 elapsed = m_runner->elapsedMs(index.row());
    const bool started = run.state != StepState::Pending;
    switch (role) {
    case StateRole:
        return int(run.state);
    case OverBudgetRole:
        return step.budget.count() > 0 && elapsed > step.budget.count();
    case ElapsedRole:
        return elapsed;
    case BudgetRole:
        return qint64(step.budget.count());
    case Qt::ToolTipRole:
        return index.column() == ResultColumn ? run.message : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case StepColumn:
            return u"%1. %2"_s.arg(index.row() + 1).arg(RunbookSteps::title(step, m_language));
        case KindColumn:
            return RunbookSteps::kindName(step.kind);
        case TimeColumn:
            return started ? timeText(elapsed, step.budget.count())
                           : (step.budget.count() > 0 ? timeText(0, step.budget.count()) : QString());
        case ResultColumn:
            return run.message.section(u'\n', 0, 0);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant RunbookStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case StepColumn:
        return tr("Step");
    case KindColumn:
        return tr("Kind");
    case TimeColumn:
        return tr("Time / budget");
    case ResultColumn:
        return tr("Result");
    }
    return {};
}
