// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpi/kpievaluator.h"
#include "kpi/kpireader.h"
#include "kpi/kpitile.h"
#include "workspace/workspace.h"

#include <QAbstractListModel>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

// The KPI tiles of a workspace, in workspace order, for views. Readings come in through applyFigure(); states are
// re-evaluated on refreshStates() so a tile goes stale without a new reading. Code that is not a view reads the
// tiles themselves through tile().
class KpiModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole,
        TitleRole, // in language()
        DescriptionRole,
        ValueRole, // double, or invalid
        ValueTextRole, // QLocale-formatted with the KPI's decimals, "—" without a value
        UnitRole,
        TargetTextRole, // formatted like the value; empty without a target
        StateRole, // KpiState as int
        ErrorRole,
        SourceRole, // query / selector for the tooltip
        UpdatedAtRole,
        SparklineRole, // QList<QPointF>
        TrendRole, // double: value minus the value one trend window ago, or invalid
        BurnRateRole, // double or invalid (error budgets)
        TierRole, // int: the SLO tier (1-3), 0 without one
        BudgetLeftRole, // double: ms of error budget left (negative when overspent), or invalid
        BudgetTextRole, // "12 min left this month", "5 min over budget"; empty for other KPIs
        ToolTipRole = Qt::ToolTipRole,
    };
    static constexpr qsizetype historySize = KpiTile::historySize;

    explicit KpiModel(QObject *parent = nullptr);

    void setKpis(const QList<Kpi> &kpis);
    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    // For tests: what "now" is.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    void applyFigure(const QString &id, const KpiFigure &figure);
    // The KPIs that wait for the workspace to be trusted (kept across setKpis()): no value, error "waiting for
    // trust".
    void setWaitingForTrust(const QSet<QString> &ids);
    static QString waitingForTrustText();
    void refreshStates();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The tile of KPI `id` or of `row`; nullptr when there is none. Valid until the next setKpis().
    const KpiTile *tile(const QString &id) const;
    const KpiTile *tile(int row) const;
    int rowOf(const QString &id) const;
    KpiState worstState() const;
    QString budgetText(const KpiTile &tile) const;

Q_SIGNALS:
    // A tile's state moved (not for its first value); `value` is the formatted value with its unit.
    void stateChanged(const QString &id, KpiState from, KpiState to, const QString &value);

private:
    void setState(int row, KpiState state);
    QString toolTip(const KpiTile &tile) const;

    void applyWaiting(KpiTile &tile) const;

    QList<KpiTile> m_tiles;
    QSet<QString> m_waiting;
    QString m_language = u"en"_s;
    std::function<QDateTime()> m_clock;
};
