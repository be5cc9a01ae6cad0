// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/probefigures.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 minute = 60000;
constexpr qint64 now = 1'800'000'000'000;

// One record a minute over the last `count` minutes, CRITICAL where `down(i)`.
QList<ProbeRecord> minutely(int count, const std::function<bool(int)> &down)
{
    QList<ProbeRecord> records;
    for (int i = 0; i < count; ++i) {
        records.append(
            { now - (count - i) * minute, down(i) ? EndpointState::Critical : EndpointState::Ok, double(10 + i) });
    }
    return records;
}

} // namespace

class TestProbeFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uptimeAndFailureRate();
    void latencyPercentiles();
    void window();
    void errorBudget();
};

void TestProbeFigures::uptimeAndFailureRate()
{
    QList<ProbeRecord> records = minutely(100, [](int i) { return i % 25 == 0; }); // 4 of 100 down
    records.append({ now - 1, EndpointState::Unknown, -1 }); // not evaluated: counts neither way
    records.append({ now - 1, EndpointState::Maintenance, -1 }); // counts as up
    QCOMPARE(ProbeFigures::compute(u"uptime"_s, records, now, 24h).value, 100.0 * 97 / 101);
    QCOMPARE(ProbeFigures::compute(u"failure-rate"_s, records, now, 24h).value, 100.0 * 4 / 101);
    QCOMPARE(ProbeFigures::compute(u"uptime"_s, {}, now, 24h).error, u"no check results in the window yet"_s);
}

void TestProbeFigures::latencyPercentiles()
{
    QCOMPARE(ProbeFigures::percentile({ 4, 1, 3, 2 }, 0.5), 2.5);
    QCOMPARE(ProbeFigures::percentile({ 10 }, 0.95), 10.0);
    QVERIFY(std::isnan(ProbeFigures::percentile({}, 0.5)));
    // 10..109 ms, failed checks are left out of latency.
    const QList<ProbeRecord> records = minutely(100, [](int i) { return i >= 90; });
    QCOMPARE(ProbeFigures::compute(u"latency-p50"_s, records, now, 24h).value, 54.5);
    QCOMPARE(ProbeFigures::compute(u"latency-p95"_s, records, now, 24h).value, 10 + 0.95 * 89);
}

void TestProbeFigures::window()
{
    // Down for the first 50 minutes, up for the last 10: the last 10 minutes are all up.
    const QList<ProbeRecord> records = minutely(60, [](int i) { return i < 50; });
    QCOMPARE(ProbeFigures::compute(u"uptime"_s, records, now, 10min).value, 100.0);
    QCOMPARE(ProbeFigures::compute(u"uptime"_s, records, now, 1h).value, 100.0 * 10 / 60);
}

void TestProbeFigures::errorBudget()
{
    // 99.9 % over 30 days allows 43.2 minutes.
    const ErrorBudget none = ProbeFigures::errorBudget(minutely(60, [](int) { return false; }), now, 99.9, 30 * 24h);
    QCOMPARE(none.allowedMs, 43.2 * minute);
    QCOMPARE(none.spentMs, 0.0);
    QCOMPARE(none.remainingPercent, 100.0);
    QCOMPARE(none.burnRate, 0.0);

    // 6 of the last 60 minutes down: 6 of 43.2 minutes spent; 10 % bad over the last hour burns at 100x.
    const ErrorBudget some = ProbeFigures::errorBudget(minutely(60, [](int i) { return i < 6; }), now, 99.9, 30 * 24h);
    QCOMPARE(some.spentMs, 6.0 * minute);
    QCOMPARE(some.remainingPercent, 100.0 * (43.2 - 6) / 43.2);
    QCOMPARE(some.burnRate, 100.0);

    // A gap (the console was closed) does not count as down beyond maxSampleMs.
    QList<ProbeRecord> gap { { now - 120 * minute, EndpointState::Critical, -1 },
        { now - minute, EndpointState::Ok, 1 } };
    const ErrorBudget capped = ProbeFigures::errorBudget(gap, now, 99.9, 30 * 24h, 1h, 5 * minute);
    QCOMPARE(capped.spentMs, 5.0 * minute);

    // Overspent: 60 minutes down of 43.2 allowed.
    const ErrorBudget over = ProbeFigures::errorBudget(minutely(60, [](int) { return true; }), now, 99.9, 30 * 24h);
    QVERIFY(over.remainingPercent < 0);
    QCOMPARE(over.remainingPercent, 100.0 * (43.2 - 60) / 43.2);
}

QTEST_GUILESS_MAIN(TestProbeFigures)
#include "tst_probefigures.moc"
