// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/flapcontrol.h"

#include <QTest>

Q_DECLARE_METATYPE(QList<EndpointState>)

namespace {
constexpr auto O = EndpointState::Ok;
constexpr auto W = EndpointState::Warning;
constexpr auto C = EndpointState::Critical;
constexpr auto U = EndpointState::Unknown;
constexpr auto P = EndpointState::Pending;
constexpr auto M = EndpointState::Maintenance;
} // namespace

class TestFlapControl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequence_data();
    void sequence();
    void maintenanceMasksButCounts();
};

void TestFlapControl::sequence_data()
{
    QTest::addColumn<int>("failureThreshold");
    QTest::addColumn<int>("successThreshold");
    QTest::addColumn<QList<EndpointState>>("raw");
    QTest::addColumn<QList<EndpointState>>("reported");

    QTest::addRow("thresholds of 1 follow the raw state")
        << 1 << 1 << QList { O, C, W, U, O } << QList { O, C, W, U, O };
    QTest::addRow("failures below the threshold are pending")
        << 3 << 1 << QList { O, C, C, C, C } << QList { O, P, P, C, C };
    QTest::addRow("the first result can be pending") << 2 << 1 << QList { C, C } << QList { P, C };
    QTest::addRow("one success resets the failure count")
        << 3 << 1 << QList { C, C, O, C, C, C } << QList { P, P, O, P, P, C };
    QTest::addRow("warnings count as failures too") << 2 << 1 << QList { W, C } << QList { P, C };
    QTest::addRow("successes below the threshold keep the failure")
        << 1 << 3 << QList { C, O, O, O } << QList { C, C, C, O };
    QTest::addRow("a failure while recovering restarts the count")
        << 1 << 2 << QList { C, O, C, O, O } << QList { C, C, C, C, O };
    QTest::addRow("once failing, the raw severity is reported")
        << 2 << 1 << QList { C, C, W, U } << QList { P, C, W, U };
    QTest::addRow("the first success needs no threshold") << 1 << 5 << QList { O } << QList { O };
}

void TestFlapControl::sequence()
{
    QFETCH(int, failureThreshold);
    QFETCH(int, successThreshold);
    QFETCH(QList<EndpointState>, raw);
    QFETCH(QList<EndpointState>, reported);
    FlapControl flap(failureThreshold, successThreshold);
    QVERIFY(!flap.hasState());
    QList<EndpointState> got;
    for (EndpointState s : raw) {
        got.append(flap.apply(s, false));
    }
    QCOMPARE(got, reported);
    QCOMPARE(flap.state(), reported.constLast());
}

void TestFlapControl::maintenanceMasksButCounts()
{
    FlapControl flap(2, 1);
    QCOMPARE(flap.apply(C, true), M);
    QCOMPARE(flap.apply(C, true), M);
    QCOMPARE(flap.consecutiveFailures(), 2);
    // The window ends: the failures seen during it already count.
    QCOMPARE(flap.apply(C, false), C);
    QCOMPARE(flap.apply(O, true), M);
    QCOMPARE(flap.apply(O, false), O);
}

QTEST_GUILESS_MAIN(TestFlapControl)
#include "tst_flapcontrol.moc"
