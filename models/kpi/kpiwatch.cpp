// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpiwatch.h"

#include "kpi/kpievaluator.h"
#include "kpi/kpimodel.h"

using namespace Qt::StringLiterals;

namespace {
QString valueText(const QModelIndex &index)
{
    const QString unit = index.data(KpiModel::UnitRole).toString();
    const QString value = index.data(KpiModel::ValueTextRole).toString();
    return unit.isEmpty() ? value : value + u' ' + unit;
}
} // namespace

KpiWatch::KpiWatch(KpiModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{ }

std::optional<ChecklistEvidence> KpiWatch::evidence(const ChecklistVerify &verify) const
{
    const int row = m_model && !verify.kpi.isEmpty() ? m_model->rowOf(verify.kpi) : -1;
    if (row < 0) {
        return std::nullopt;
    }
    const QModelIndex index = m_model->index(row, 0);
    const QDateTime updated = index.data(KpiModel::UpdatedAtRole).toDateTime();
    if (!updated.isValid()) {
        return std::nullopt; // not read yet
    }
    ChecklistEvidence e;
    e.target = u"kpi:"_s + verify.kpi;
    e.verified = true;
    e.state = KpiEvaluator::stateName(KpiState(index.data(KpiModel::StateRole).toInt())).toLower();
    e.expected = verify.state.isEmpty() ? u"normal"_s : verify.state.toLower();
    e.passed = e.state == e.expected;
    e.value = valueText(index);
    e.at = updated;
    return e;
}
