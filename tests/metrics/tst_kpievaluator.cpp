// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpievaluator.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(KpiState)

namespace {

Thresholds thresholds(std::optional<double> warn, std::optional<double> crit, Thresholds::Direction direction)
{
    Thresholds t;
    t.warn = warn;
    t.crit = crit;
    t.direction = direction;
    return t;
}

} // namespace

class TestKpiEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void staleAndUnknown();
    void worstAndExitCodes();
};

void TestKpiEvaluator::classify_data()
{
    using D = Thresholds::Direction;
    QTest::addColumn<Thresholds>("thresholds");
    QTest::addColumn<double>("value");
    QTest::addColumn<KpiState>("state");

    const Thresholds errorRate = thresholds(0.1, 1, D::Above);
    QTest::addRow("above: under warn") << errorRate << 0.05 << KpiState::Normal;
    QTest::addRow("above: on the warn line") << errorRate << 0.1 << KpiState::Normal;
    QTest::addRow("above: over warn") << errorRate << 0.5 << KpiState::Warning;
    QTest::addRow("above: on the crit line") << errorRate << 1.0 << KpiState::Warning;
    QTest::addRow("above: over crit") << errorRate << 1.01 << KpiState::Critical;
    QTest::addRow("above: +Inf") << errorRate << std::numeric_limits<double>::infinity() << KpiState::Critical;
    QTest::addRow("above: -Inf") << errorRate << -std::numeric_limits<double>::infinity() << KpiState::Normal;
    QTest::addRow("NaN") << errorRate << std::nan("") << KpiState::Unknown;

    const Thresholds availability = thresholds(99.9, 99.5, D::Below);
    QTest::addRow("below: over warn") << availability << 99.95 << KpiState::Normal;
    QTest::addRow("below: on the warn line") << availability << 99.9 << KpiState::Normal;
    QTest::addRow("below: under warn") << availability << 99.7 << KpiState::Warning;
    QTest::addRow("below: under crit") << availability << 99.0 << KpiState::Critical;
    QTest::addRow("below: -Inf") << availability << -std::numeric_limits<double>::infinity() << KpiState::Critical;

    QTest::addRow("crit only") << thresholds({}, 0.01, D::Above) << 0.005 << KpiState::Normal;
    QTest::addRow("crit only, over") << thresholds({}, 0.01, D::Above) << 0.02 << KpiState::Critical;
    QTest::addRow("warn only, over") << thresholds(70, {}, D::Above) << 75.0 << KpiState::Warning;
    QTest::addRow("no lines") << thresholds({}, {}, D::Above) << 1e9 << KpiState::Normal;
}

void TestKpiEvaluator::classify()
{
    QFETCH(Thresholds, thresholds);
    QFETCH(double, value);
    QFETCH(KpiState, state);
    QCOMPARE(KpiEvaluator::classify(thresholds, value), state);
}

void TestKpiEvaluator::staleAndUnknown()
{
    Kpi kpi;
    kpi.interval = Milliseconds(10000);
    kpi.thresholds = thresholds(70, 85, Thresholds::Direction::Above);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(KpiEvaluator::evaluate(kpi, 90.0, now.addSecs(-5), now), KpiState::Critical);
    QCOMPARE(KpiEvaluator::evaluate(kpi, 90.0, now.addSecs(-30), now), KpiState::Critical); // exactly 3x
    QCOMPARE(KpiEvaluator::evaluate(kpi, 90.0, now.addSecs(-31), now), KpiState::Stale);
    QCOMPARE(KpiEvaluator::evaluate(kpi, std::nullopt, now, now), KpiState::Unknown);
    QCOMPARE(KpiEvaluator::evaluate(kpi, std::nullopt, now.addSecs(-300), now), KpiState::Unknown);
}

void TestKpiEvaluator::worstAndExitCodes()
{
    QList<KpiState> states { KpiState::Normal, KpiState::Warning, KpiState::Stale, KpiState::Unknown,
        KpiState::Critical };
    for (qsizetype i = 1; i < states.size(); ++i) {
        QVERIFY(KpiEvaluator::severity(states.at(i)) > KpiEvaluator::severity(states.at(i - 1)));
    }
    QCOMPARE(KpiEvaluator::exitCode(KpiState::Normal), 0);
    QCOMPARE(KpiEvaluator::exitCode(KpiState::Warning), 1);
    QCOMPARE(KpiEvaluator::exitCode(KpiState::Critical), 2);
    QCOMPARE(KpiEvaluator::exitCode(KpiState::Stale), 3);
    QCOMPARE(KpiEvaluator::exitCode(KpiState::Unknown), 3);
    QCOMPARE(KpiEvaluator::stateName(KpiState::Stale), u"STALE"_s);
}

QTEST_GUILESS_MAIN(TestKpiEvaluator)
#include "tst_kpievaluator.moc"
