// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpimodel.h"

#include "workspace/duration.h"

#include <QLocale>

#include <cmath>
#include <utility>

KpiModel::KpiModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{ }

void KpiModel::setKpis(const QList<Kpi> &kpis)
{
    beginResetModel();
    QList<KpiTile> tiles;
    for (const Kpi &kpi : kpis) {
        KpiTile tile;
        // A reload keeps what an unchanged KPI has shown so far.
        if (const KpiTile *old = this->tile(kpi.id); old && old->kpi.source.kind == kpi.source.kind) {
            tile = *old;
        }
        tile.kpi = kpi;
        applyWaiting(tile);
        tile.state = KpiEvaluator::evaluate(kpi, tile.value, tile.updatedAt, m_clock());
        tiles.append(tile);
    }
    m_tiles = tiles;
    endResetModel();
}

QString KpiModel::waitingForTrustText()
{
    return tr("waiting for trust: this reading would send a secret of a workspace version not trusted yet");
}

void KpiModel::applyWaiting(KpiTile &tile) const
{
    const bool waiting = m_waiting.contains(tile.kpi.id);
    if (waiting) {
        tile.value.reset();
        tile.updatedAt = {};
        tile.error = waitingForTrustText();
    } else if (tile.waitingForTrust) {
        tile.error.clear();
    }
    tile.waitingForTrust = waiting;
}

void KpiModel::setWaitingForTrust(const QSet<QString> &ids)
{
    m_waiting = ids;
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        KpiTile &tile = m_tiles[i];
        if (tile.waitingForTrust == ids.contains(tile.kpi.id)) {
            continue;
        }
        applyWaiting(tile);
        // Not a crossing: nobody is told of a KPI that stops being read until trust arrives.
        tile.state = KpiEvaluator::evaluate(tile.kpi, tile.value, tile.updatedAt, m_clock());
        Q_EMIT dataChanged(index(int(i)), index(int(i)));
    }
}

void KpiModel::setLanguage(const QString &language)
{
    if (language == m_language) {
        return;
    }
    m_language = language;
    if (!m_tiles.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), { TitleRole, DescriptionRole, ToolTipRole });
    }
}

int KpiModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        if (m_tiles.at(i).kpi.id == id) {
            return int(i);
        }
    }
    return -1;
}

const KpiTile *KpiModel::tile(const QString &id) const
{
    return tile(rowOf(id));
}

const KpiTile *KpiModel::tile(int row) const
{
    return row < 0 || row >= m_tiles.size() ? nullptr : &m_tiles.at(row);
}

void KpiModel::applyFigure(const QString &id, const KpiFigure &figure)
{
    const int row = rowOf(id);
    if (row < 0) {
        return;
    }
    KpiTile &tile = m_tiles[row];
    if (tile.waitingForTrust) {
        return; // a reading started before the hold
    }
    tile.attemptedAt = figure.at;
    tile.error = figure.value ? QString() : figure.error;
    if (figure.value) {
        tile.value = figure.value;
        tile.updatedAt = figure.at;
        tile.burnRate = figure.burnRate;
        tile.budgetLeftMs = figure.budgetLeftMs;
        tile.history.append(QPointF(double(figure.at.toMSecsSinceEpoch()), *figure.value));
        if (tile.history.size() > historySize) {
            tile.history.removeFirst();
        }
    }
    setState(row, KpiEvaluator::evaluate(tile.kpi, tile.value, tile.updatedAt, m_clock()));
    Q_EMIT dataChanged(index(row), index(row));
}

void KpiModel::setState(int row, KpiState state)
{
    KpiTile &tile = m_tiles[row];
    const KpiState from = std::exchange(tile.state, state);
    if (from != state && from != KpiState::Unknown) {
        Q_EMIT stateChanged(tile.kpi.id, from, state, tile.valueWithUnit());
    }
}

void KpiModel::refreshStates()
{
    const QDateTime now = m_clock();
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        KpiTile &tile = m_tiles[i];
        const KpiState state = KpiEvaluator::evaluate(tile.kpi, tile.value, tile.updatedAt, now);
        if (state != tile.state) {
            setState(int(i), state);
            Q_EMIT dataChanged(index(int(i)), index(int(i)), { StateRole, ToolTipRole });
        }
    }
}

KpiState KpiModel::worstState() const
{
    KpiState worst = KpiState::Normal;
    for (const KpiTile &tile : m_tiles) {
        if (KpiEvaluator::severity(tile.state) > KpiEvaluator::severity(worst)) {
            worst = tile.state;
        }
    }
    return worst;
}

QString KpiModel::budgetText(const KpiTile &tile) const
{
    if (!tile.budgetLeftMs) {
        return {};
    }
    const double minutes = std::abs(*tile.budgetLeftMs) / 60000.0;
    const QString amount = QLocale().toString(minutes, 'f', minutes < 10 ? 1 : 0);
    if (*tile.budgetLeftMs < 0) {
        return tr("%1 min over budget").arg(amount);
    }
    // The seed's SLOs count a month as 30 days.
    const Milliseconds period = tile.kpi.source.window;
    return period == std::chrono::hours(30 * 24) ? tr("%1 min left this month").arg(amount)
                                                 : tr("%1 min left in %2").arg(amount, Duration::format(period));
}

QString KpiModel::toolTip(const KpiTile &tile) const
{
    QStringList lines { tile.kpi.title.text(m_language) };
    const QString description = tile.kpi.description.text(m_language);
    if (!description.isEmpty()) {
        lines.append(description);
    }
    if (tile.kpi.tier > 0) {
        lines.append(tr("SLO tier %1").arg(tile.kpi.tier));
    }
    lines.append(tr("Source: %1").arg(KpiReader::sourceText(tile.kpi.source)));
    lines.append(tile.updatedAt.isValid()
            ? tr("Last update: %1").arg(QLocale().toString(tile.updatedAt.toLocalTime(), QLocale::LongFormat))
            : tr("No value yet"));
    if (!tile.error.isEmpty()) {
        lines.append(tr("Last error: %1").arg(tile.error));
    }
    return lines.join(QLatin1Char('\n'));
}

int KpiModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tiles.size());
}

QVariant KpiModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const KpiTile &tile = m_tiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return tile.kpi.title.text(m_language);
    case IdRole:
        return tile.kpi.id;
    case DescriptionRole:
        return tile.kpi.description.text(m_language);
    case ValueRole:
        return tile.value ? QVariant(*tile.value) : QVariant();
    case ValueTextRole:
        return tile.valueText();
    case UnitRole:
        return tile.kpi.unit;
    case TargetTextRole:
        return tile.kpi.target ? KpiTile::formatValue(tile.kpi, *tile.kpi.target) : QString();
    case StateRole:
        return int(tile.state);
    case ErrorRole:
        return tile.error;
    case SourceRole:
        return KpiReader::sourceText(tile.kpi.source);
    case UpdatedAtRole:
        return tile.updatedAt;
    case SparklineRole:
        return QVariant::fromValue(tile.history);
    case TrendRole: {
        const std::optional<double> t = tile.trend();
        return t ? QVariant(*t) : QVariant();
    }
    case BurnRateRole:
        return tile.burnRate ? QVariant(*tile.burnRate) : QVariant();
    case TierRole:
        return tile.kpi.tier;
    case BudgetLeftRole:
        return tile.budgetLeftMs ? QVariant(*tile.budgetLeftMs) : QVariant();
    case BudgetTextRole:
        return budgetText(tile);
    case ToolTipRole:
        return toolTip(tile);
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> KpiModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({ { IdRole, "id" }, { TitleRole, "title" }, { DescriptionRole, "description" }, { ValueRole, "value" },
        { ValueTextRole, "valueText" }, { UnitRole, "unit" }, { TargetTextRole, "targetText" }, { StateRole, "state" },
        { ErrorRole, "error" }, { SourceRole, "source" }, { UpdatedAtRole, "updatedAt" },
        { SparklineRole, "sparkline" }, { TrendRole, "trend" }, { BurnRateRole, "burnRate" }, { TierRole, "tier" },
        { BudgetLeftRole, "budgetLeft" }, { BudgetTextRole, "budgetText" } });
    return names;
}
