// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checklist/checklistinstance.h"
#include "workspace/workspace.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

class KpiModel;

// Answers checklist `verify: { kpi: ... }` items with the KPI's current state and value as evidence.
// (Threshold crossings come from KpiModel::stateChanged.)
class KpiWatch final : public QObject
{
    Q_OBJECT
public:
    explicit KpiWatch(KpiModel *model, QObject *parent = nullptr);

    // nullopt while the KPI has no value yet; the expected state defaults to "normal".
    std::optional<ChecklistEvidence> evidence(const ChecklistVerify &verify) const;

private:
    QPointer<KpiModel> m_model;
};
