// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpiwatch.h"

#include "kpi/kpievaluator.h"
#include "kpi/kpimodel.h"

using namespace Qt::StringLiterals;

KpiWatch::KpiWatch(KpiModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{ }

std::optional<ChecklistEvidence> KpiWatch::evidence(const ChecklistVerify &verify) const
{
    const KpiTile *tile = m_model && !verify.kpi.isEmpty() ? m_model->tile(verify.kpi) : nullptr;
    if (!tile || !tile->updatedAt.isValid()) {
        return std::nullopt; // no such KPI, or not read yet
    }
    ChecklistEvidence e;
    e.target = u"kpi:"_s + verify.kpi;
    e.verified = true;
    e.state = KpiEvaluator::stateName(tile->state).toLower();
    e.expected = verify.state.isEmpty() ? u"normal"_s : verify.state.toLower();
    e.passed = e.state == e.expected;
    e.value = tile->valueWithUnit();
    e.at = tile->updatedAt;
    return e;
}
