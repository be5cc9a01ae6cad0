// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpimodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

Kpi kpi(const QString &id, double warn, double crit, Thresholds::Direction direction)
{
    Kpi k;
    k.id = id;
    k.title = { id + u" (en)"_s, id + u" (ko)"_s };
    k.unit = u"%"_s;
    k.decimals = 2;
    k.target = 99.9;
    k.thresholds.warn = warn;
    k.thresholds.crit = crit;
    k.thresholds.direction = direction;
    k.interval = 10s;
    k.source.kind = KpiSource::Kind::Prometheus;
    k.source.query = u"avg(up) * 100"_s;
    return k;
}

KpiFigure figure(std::optional<double> value, const QDateTime &at, const QString &error = {})
{
    KpiFigure f;
    f.value = value;
    f.at = at;
    f.error = error;
    return f;
}

} // namespace

class TestKpiModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsAndTitles();
    void tilesByIdAndRow();
    void rolesShowTheTile();
    void valuesAndStates();
    void errorsKeepTheLastValue();
    void goesStale();
    void trendAndSparkline();
    void reloadKeepsReadings();
    void errorBudgetTierAndMinutesLeft();

private:
    QDateTime m_now;
    KpiModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestKpiModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_now = QDateTime(QDate(2026, 11, 29), QTime(9, 0), Qt::UTC);
    m_model = new KpiModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setClock([this] { return m_now; });
    m_model->setKpis({ kpi(u"availability"_s, 99.9, 99.5, Thresholds::Direction::Below),
        kpi(u"errors"_s, 1, 5, Thresholds::Direction::Above) });
}

void TestKpiModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestKpiModel::rowsAndTitles()
{
    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex first = m_model->index(0);
    QCOMPARE(first.data(KpiModel::IdRole).toString(), u"availability"_s);
    QCOMPARE(first.data().toString(), u"availability (en)"_s);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setLanguage(u"ko"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(first.data(KpiModel::TitleRole).toString(), u"availability (ko)"_s);
    QCOMPARE(first.data(KpiModel::StateRole).toInt(), int(KpiState::Unknown));
    QCOMPARE(first.data(KpiModel::ValueTextRole).toString(), u"—"_s);
    QCOMPARE(first.data(KpiModel::TargetTextRole).toString(), u"99.90"_s);
    QVERIFY(first.data(KpiModel::ToolTipRole).toString().contains(u"Source: avg(up) * 100"_s));
    QVERIFY(first.data(KpiModel::ToolTipRole).toString().contains(u"No value yet"_s));
}

void TestKpiModel::tilesByIdAndRow()
{
    const KpiTile *availability = m_model->tile(u"availability"_s);
    QVERIFY(availability);
    QCOMPARE(m_model->tile(0), availability);
    QCOMPARE(availability->kpi.id, u"availability"_s);
    QCOMPARE(availability->state, KpiState::Unknown);
    QVERIFY(!availability->value);
    QCOMPARE(m_model->tile(1)->kpi.id, u"errors"_s);
    QVERIFY(!m_model->tile(-1));
    QVERIFY(!m_model->tile(2));
    QVERIFY(!m_model->tile(u"missing"_s));
    m_model->applyFigure(u"errors"_s, figure(2.5, m_now));
    const KpiTile *errors = m_model->tile(u"errors"_s);
    QCOMPARE(errors->value, 2.5);
    QCOMPARE(errors->updatedAt, m_now);
    QCOMPARE(errors->state, KpiState::Warning);
    QCOMPARE(errors->valueWithUnit(), u"2.50 %"_s);
}

void TestKpiModel::rolesShowTheTile()
{
    // Views read roles, everything else the tile: both must say the same.
    m_model->applyFigure(u"errors"_s, figure(7, m_now));
    const KpiTile *tile = m_model->tile(1);
    const QModelIndex index = m_model->index(1);
    QCOMPARE(index.data(KpiModel::IdRole).toString(), tile->kpi.id);
    QCOMPARE(index.data(KpiModel::StateRole).toInt(), int(tile->state));
    QCOMPARE(index.data(KpiModel::ValueRole).toDouble(), *tile->value);
    QCOMPARE(index.data(KpiModel::ValueTextRole).toString(), tile->valueText());
    QCOMPARE(index.data(KpiModel::UnitRole).toString(), tile->kpi.unit);
    QCOMPARE(index.data(KpiModel::UpdatedAtRole).toDateTime(), tile->updatedAt);
    QCOMPARE(index.data(KpiModel::SparklineRole).value<QList<QPointF>>(), tile->history);
}

void TestKpiModel::valuesAndStates()
{
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->applyFigure(u"availability"_s, figure(99.7, m_now));
    m_model->applyFigure(u"errors"_s, figure(12345.678, m_now));
    m_model->applyFigure(u"unknown-id"_s, figure(1, m_now)); // ignored
    QCOMPARE(changed.size(), 2);
    QCOMPARE(m_model->tile(u"availability"_s)->state, KpiState::Warning);
    QCOMPARE(m_model->tile(u"errors"_s)->state, KpiState::Critical);
    QCOMPARE(m_model->index(1).data(KpiModel::ValueTextRole).toString(), u"12,345.68"_s);
    QCOMPARE(m_model->tile(u"errors"_s)->valueWithUnit(), u"12,345.68 %"_s);
    QLocale::setDefault(QLocale(QLocale::German));
    QCOMPARE(m_model->index(1).data(KpiModel::ValueTextRole).toString(), u"12.345,68"_s);
    QCOMPARE(m_model->worstState(), KpiState::Critical);
    QVERIFY(m_model->index(0).data(KpiModel::ToolTipRole).toString().contains(u"Last update: "_s));
}

void TestKpiModel::errorsKeepTheLastValue()
{
    m_model->applyFigure(u"errors"_s, figure(0.5, m_now));
    m_now = m_now.addSecs(10);
    m_model->applyFigure(u"errors"_s, figure(std::nullopt, m_now, u"bad_data: parse error"_s));
    const KpiTile *errors = m_model->tile(u"errors"_s);
    QCOMPARE(errors->value, 0.5);
    QCOMPARE(errors->error, u"bad_data: parse error"_s);
    QCOMPARE(errors->attemptedAt, m_now);
    QCOMPARE(errors->updatedAt, m_now.addSecs(-10));
    QCOMPARE(errors->state, KpiState::Normal);
    QCOMPARE(m_model->index(1).data(KpiModel::ErrorRole).toString(), errors->error);
    QVERIFY(m_model->index(1).data(KpiModel::ToolTipRole).toString().contains(u"Last error: bad_data: parse error"_s));
    // Never a value: unknown, with the error.
    m_model->applyFigure(u"availability"_s, figure(std::nullopt, m_now, u"connection refused"_s));
    QCOMPARE(m_model->tile(u"availability"_s)->state, KpiState::Unknown);
    QCOMPARE(m_model->tile(u"availability"_s)->valueWithUnit(), u"—"_s);
}

void TestKpiModel::goesStale()
{
    QSignalSpy crossings(m_model, &KpiModel::stateChanged);
    m_model->applyFigure(u"errors"_s, figure(0.5, m_now));
    QCOMPARE(crossings.size(), 0); // the first value is no crossing
    m_model->applyFigure(u"errors"_s, figure(7, m_now));
    QCOMPARE(crossings.size(), 1);
    QCOMPARE(crossings.at(0).at(0).toString(), u"errors"_s);
    QCOMPARE(crossings.at(0).at(1).value<KpiState>(), KpiState::Normal);
    QCOMPARE(crossings.at(0).at(2).value<KpiState>(), KpiState::Critical);
    QCOMPARE(crossings.at(0).at(3).toString(), u"7.00 %"_s);
    QCOMPARE(m_model->tile(u"errors"_s)->state, KpiState::Critical);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_now = m_now.addSecs(30);
    m_model->refreshStates();
    QCOMPARE(changed.size(), 0); // exactly 3x the interval is not stale yet
    m_now = m_now.addSecs(1);
    m_model->refreshStates();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->tile(u"errors"_s)->state, KpiState::Stale);
    QCOMPARE(m_model->tile(u"errors"_s)->value, 7.0);
    QCOMPARE(crossings.size(), 2);
}

void TestKpiModel::trendAndSparkline()
{
    for (int i = 0; i <= 200; ++i) {
        m_model->applyFigure(u"errors"_s, figure(double(i), m_now.addSecs(i * 10)));
    }
    const QModelIndex errors = m_model->index(1);
    const auto line = errors.data(KpiModel::SparklineRole).value<QList<QPointF>>();
    QCOMPARE(line.size(), KpiModel::historySize);
    QCOMPARE(line.constLast().y(), 200.0);
    // Against the value 10 intervals (100 s) before the latest.
    QCOMPARE(errors.data(KpiModel::TrendRole).toDouble(), 10.0);
    QVERIFY(!m_model->index(0).data(KpiModel::TrendRole).isValid());
}

void TestKpiModel::reloadKeepsReadings()
{
    m_model->applyFigure(u"errors"_s, figure(3, m_now));
    Kpi changed = kpi(u"errors"_s, 1, 2, Thresholds::Direction::Above);
    m_model->setKpis({ changed });
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->tile(u"errors"_s)->value, 3.0);
    QCOMPARE(m_model->tile(u"errors"_s)->state, KpiState::Critical); // new thresholds
    m_model->setKpis({});
    QCOMPARE(m_model->rowCount(), 0);
}

void TestKpiModel::errorBudgetTierAndMinutesLeft()
{
    Kpi budget = kpi(u"budget"_s, 50, 10, Thresholds::Direction::Below);
    budget.source.kind = KpiSource::Kind::ErrorBudget;
    budget.source.window = 30 * 24h;
    budget.tier = 2;
    Kpi weekly = budget;
    weekly.id = u"weekly"_s;
    weekly.source.window = 7 * 24h;
    Kpi plain = kpi(u"plain"_s, 1, 5, Thresholds::Direction::Above);
    m_model->setKpis({ budget, weekly, plain });
    const auto at = [this](int row, int role) { return m_model->index(row).data(role); };
    QCOMPARE(at(0, KpiModel::TierRole).toInt(), 2);
    QCOMPARE(at(2, KpiModel::TierRole).toInt(), 0);
    QVERIFY(at(0, KpiModel::BudgetTextRole).toString().isEmpty()); // no reading yet

    KpiFigure f = figure(57.9, m_now);
    f.budgetLeftMs = 25 * 60000.0;
    f.burnRate = 0.4;
    m_model->applyFigure(u"budget"_s, f);
    QCOMPARE(at(0, KpiModel::BudgetLeftRole).toDouble(), 25 * 60000.0);
    QCOMPARE(at(0, KpiModel::BudgetTextRole).toString(), u"25 min left this month"_s);
    QCOMPARE(at(0, KpiModel::BurnRateRole).toDouble(), 0.4);
    QVERIFY(at(0, KpiModel::ToolTipRole).toString().contains(u"SLO tier 2"_s));

    f.budgetLeftMs = 7.5 * 60000.0;
    m_model->applyFigure(u"weekly"_s, f);
    QCOMPARE(at(1, KpiModel::BudgetTextRole).toString(), u"7.5 min left in 7d"_s);
    f.budgetLeftMs = -3 * 60000.0;
    m_model->applyFigure(u"budget"_s, f);
    QCOMPARE(at(0, KpiModel::BudgetTextRole).toString(), u"3.0 min over budget"_s);

    m_model->applyFigure(u"plain"_s, figure(0.5, m_now));
    QVERIFY(!at(2, KpiModel::BudgetLeftRole).isValid());
    QCOMPARE(at(2, KpiModel::BudgetTextRole).toString(), QString());
    QVERIFY(!at(2, KpiModel::ToolTipRole).toString().contains(u"SLO tier"_s));
}

QTEST_GUILESS_MAIN(TestKpiModel)
#include "tst_kpimodel.moc"
