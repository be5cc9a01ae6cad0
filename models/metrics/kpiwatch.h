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

// Watches a KpiModel for state changes of its KPIs (normal → warning → critical, ...) and reports each crossing
// once, with the value as shown; the first state a KPI gets is not a crossing. Also answers checklist
// `verify: { kpi: ... }` items with the KPI's current state as evidence.
class KpiWatch final : public QObject
{
    Q_OBJECT
public:
    explicit KpiWatch(KpiModel *model, QObject *parent = nullptr);

    // Call when the model has new figures for `kpiId` (KpiPoller::figureApplied).
    void check(const QString &kpiId);
    void reset() { m_last.clear(); }

    // nullopt while the KPI has no value yet; the expected state defaults to "normal".
    std::optional<ChecklistEvidence> evidence(const ChecklistVerify &verify) const;

signals:
    // States as lower-case names ("normal", "critical"); `value` is the formatted value with its unit.
    void crossed(const QString &kpiId, const QString &from, const QString &to, const QString &value);

private:
    QPointer<KpiModel> m_model;
    QHash<QString, int> m_last;
};
