// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/schedulecalculator.h"
#include "workspace/scheduleparser.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Schedule parse(const QString &text)
{
    QString error;
    const auto schedule = ScheduleParser::parse(text, &error);
    if (!schedule) {
        qFatal("bad schedule %s: %s", qPrintable(text), qPrintable(error));
    }
    return *schedule;
}

QDateTime utc(const QString &iso)
{
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODate);
    dt.setTimeZone(QTimeZone::utc());
    return dt;
}

QTimeZone zone(const char *id)
{
    return QTimeZone(QByteArray(id));
}

QStringList keys(const QList<ChecklistPeriod> &periods)
{
    QStringList out;
    for (const ChecklistPeriod &p : periods) {
        out.append(p.key);
    }
    return out;
}

} // namespace

class TestScheduleCalculator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void periodKeys_data();
    void periodKeys();
    void dueTime_data();
    void dueTime();
    void dayLengthAcrossDst();
    void endIsNextPeriod();
    void status_data();
    void status();
    void emptyRange();
};

void TestScheduleCalculator::periodKeys_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("daily across a month end in Seoul")
        << u"daily 09:00"_s << u"Asia/Seoul"_s << u"2026-01-30T15:00:00"_s << u"2026-02-02T15:00:00"_s
        << QStringList { u"c@2026-01-31"_s, u"c@2026-02-01"_s, u"c@2026-02-02"_s };
    QTest::addRow("weekly mon,fri") << u"weekly mon,fri"_s << u"UTC"_s << u"2026-11-22T00:00:00"_s
                                    << u"2026-12-05T00:00:00"_s
                                    << QStringList { u"c@2026-11-23"_s, u"c@2026-11-27"_s, u"c@2026-11-30"_s,
                                           u"c@2026-12-04"_s };
    QTest::addRow("monthly 31 clamps to February's end")
        << u"monthly 31"_s << u"UTC"_s << u"2026-01-01T00:00:00"_s << u"2026-05-01T00:00:00"_s
        << QStringList { u"c@2026-01-31"_s, u"c@2026-02-28"_s, u"c@2026-03-31"_s, u"c@2026-04-30"_s };
    QTest::addRow("monthly 29 in a leap year") << u"monthly 29"_s << u"UTC"_s << u"2028-02-01T00:00:00"_s
                                               << u"2028-03-01T00:00:00"_s << QStringList { u"c@2028-02-29"_s };
    QTest::addRow("monthly 29,30,31 once in February") << u"monthly 29,30,31"_s << u"UTC"_s << u"2027-02-01T00:00:00"_s
                                                       << u"2027-03-01T00:00:00"_s << QStringList { u"c@2027-02-28"_s };
    QTest::addRow("monthly 1,15 10:00") << u"monthly 1,15 10:00"_s << u"Europe/Berlin"_s << u"2026-03-10T00:00:00"_s
                                        << u"2026-04-10T00:00:00"_s
                                        << QStringList { u"c@2026-03-15"_s, u"c@2026-04-01"_s };
    QTest::addRow("on-demand has none") << u"on-demand"_s << u"UTC"_s << u"2026-01-01T00:00:00"_s
                                        << u"2026-12-31T00:00:00"_s << QStringList {};
    QTest::addRow("start at the range end is excluded")
        << u"daily"_s << u"UTC"_s << u"2026-05-01T00:00:00"_s << u"2026-05-02T00:00:00"_s
        << QStringList { u"c@2026-05-01"_s };
}

void TestScheduleCalculator::periodKeys()
{
    QFETCH(QString, schedule);
    QFETCH(QString, zone);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, expected);

    const ScheduleCalculator calc(QTimeZone(zone.toUtf8()));
    QCOMPARE(keys(calc.periods(u"c"_s, parse(schedule), utc(from), utc(to))), expected);
}

void TestScheduleCalculator::dueTime_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("due");

    QTest::addRow("Seoul 09:00 is 00:00 UTC") << u"daily 09:00"_s << u"Asia/Seoul"_s << QDate(2026, 11, 23)
                                              << u"2026-11-22T15:00:00"_s << u"2026-11-23T00:00:00"_s;
    QTest::addRow("Berlin spring forward 02:30 uses the offset before the gap")
        << u"daily 02:30"_s << u"Europe/Berlin"_s << QDate(2026, 3, 29) << u"2026-03-28T23:00:00"_s
        << u"2026-03-29T01:30:00"_s;
    QTest::addRow("Berlin fall back 02:30 is the first one")
        << u"daily 02:30"_s << u"Europe/Berlin"_s << QDate(2026, 10, 25) << u"2026-10-24T22:00:00"_s
        << u"2026-10-25T00:30:00"_s;
    QTest::addRow("New York spring forward 02:30") << u"daily 02:30"_s << u"America/New_York"_s << QDate(2026, 3, 8)
                                                   << u"2026-03-08T05:00:00"_s << u"2026-03-08T07:30:00"_s;
    QTest::addRow("New York summer 09:00") << u"weekly mon 09:00"_s << u"America/New_York"_s << QDate(2026, 7, 6)
                                           << u"2026-07-06T04:00:00"_s << u"2026-07-06T13:00:00"_s;
    QTest::addRow("no time: due at the end of the day") << u"monthly 1"_s << u"Asia/Seoul"_s << QDate(2026, 12, 1)
                                                        << u"2026-11-30T15:00:00"_s << u"2026-12-01T15:00:00"_s;
    QTest::addRow("leap day") << u"daily 18:00"_s << u"Asia/Seoul"_s << QDate(2028, 2, 29) << u"2028-02-28T15:00:00"_s
                              << u"2028-02-29T09:00:00"_s;
}

void TestScheduleCalculator::dueTime()
{
    QFETCH(QString, schedule);
    QFETCH(QString, zone);
    QFETCH(QDate, date);
    QFETCH(QString, start);
    QFETCH(QString, due);

    const ScheduleCalculator calc(QTimeZone(zone.toUtf8()));
    const QDateTime dayStart = calc.toUtc(date, QTime(0, 0));
    const auto periods = calc.periods(u"morning"_s, parse(schedule), dayStart, dayStart.addSecs(3600));
    QCOMPARE(periods.size(), 1);
    QCOMPARE(periods.first().key, ScheduleCalculator::periodKey(u"morning"_s, date));
    QCOMPARE(periods.first().date, date);
    QCOMPARE(periods.first().start, utc(start));
    QCOMPARE(periods.first().due, utc(due));
}

void TestScheduleCalculator::dayLengthAcrossDst()
{
    const ScheduleCalculator calc(zone("Europe/Berlin"));
    const auto spring
        = calc.periods(u"c"_s, parse(u"daily"_s), utc(u"2026-03-28T23:00:00"_s), utc(u"2026-03-28T23:00:01"_s));
    QCOMPARE(spring.size(), 1);
    QCOMPARE(spring.first().start.secsTo(spring.first().end), 23 * 3600);
    QCOMPARE(spring.first().due, spring.first().end);
    const auto autumn
        = calc.periods(u"c"_s, parse(u"daily"_s), utc(u"2026-10-24T22:00:00"_s), utc(u"2026-10-24T22:00:01"_s));
    QCOMPARE(autumn.size(), 1);
    QCOMPARE(autumn.first().start.secsTo(autumn.first().end), 25 * 3600);
}

void TestScheduleCalculator::endIsNextPeriod()
{
    const ScheduleCalculator calc(zone("Asia/Seoul"));
    const auto periods = calc.periods(
        u"c"_s, parse(u"weekly mon,fri 09:00"_s), utc(u"2026-11-22T15:00:00"_s), utc(u"2026-11-23T15:00:00"_s));
    QCOMPARE(periods.size(), 1);
    // Monday's list stays this week's until Friday starts.
    QCOMPARE(periods.first().end, utc(u"2026-11-26T15:00:00"_s));
}

void TestScheduleCalculator::status_data()
{
    QTest::addColumn<QString>("now");
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<PeriodStatus>("expected");

    QTest::addRow("before start") << u"2026-11-22T14:59:59"_s << false << PeriodStatus::Upcoming;
    QTest::addRow("open") << u"2026-11-22T23:59:59"_s << false << PeriodStatus::Open;
    QTest::addRow("at due time") << u"2026-11-23T00:00:00"_s << false << PeriodStatus::Overdue;
    QTest::addRow("next day") << u"2026-11-23T15:00:00"_s << false << PeriodStatus::Missed;
    QTest::addRow("signed late") << u"2026-11-25T00:00:00"_s << true << PeriodStatus::Signed;
}

void TestScheduleCalculator::status()
{
    QFETCH(QString, now);
    QFETCH(bool, isSigned);
    QFETCH(PeriodStatus, expected);

    const ScheduleCalculator calc(zone("Asia/Seoul"));
    const auto periods
        = calc.periods(u"c"_s, parse(u"daily 09:00"_s), utc(u"2026-11-22T15:00:00"_s), utc(u"2026-11-22T15:00:01"_s));
    QCOMPARE(periods.size(), 1);
    QCOMPARE(ScheduleCalculator::status(periods.first(), utc(now), isSigned), expected);
}

void TestScheduleCalculator::emptyRange()
{
    const ScheduleCalculator calc(zone("UTC"));
    const QDateTime at = utc(u"2026-01-01T00:00:00"_s);
    QVERIFY(calc.periods(u"c"_s, parse(u"daily"_s), at, at).isEmpty());
    QVERIFY(calc.periods(u"c"_s, parse(u"daily"_s), at, at.addDays(-3)).isEmpty());
    QVERIFY(calc.periods(u"c"_s, parse(u"daily"_s), QDateTime(), at).isEmpty());
}

QTEST_GUILESS_MAIN(TestScheduleCalculator)
#include "tst_schedulecalculator.moc"
