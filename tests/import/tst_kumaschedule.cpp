// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/kumaschedule.h"

#include <QTest>

using namespace Qt::StringLiterals;
using KumaSchedule::Row;

Q_DECLARE_METATYPE(KumaSchedule::Row)

namespace {

Row makeRow(const QString &strategy, const QString &start = {}, const QString &end = {}, qint64 duration = 0,
    const QString &weekdays = {})
{
    Row r;
    r.strategy = strategy;
    r.startTime = start;
    r.endTime = end;
    r.durationSeconds = duration;
    r.weekdays = weekdays;
    return r;
}

} // namespace

class TestKumaSchedule final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromRow_data()
    {
        QTest::addColumn<Row>("row");
        QTest::addColumn<QString>("start");
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QStringList>("every");
        QTest::addColumn<QString>("why"); // a part of the reason; empty = carried over

        // Kuma's weekdays are cron day-of-week numbers (maintenance.js joins them into the cron pattern that
        // croner runs): 1 Monday ... 6 Saturday, 0 or 7 Sunday.
        QTest::newRow("weekday mon thu") << makeRow(u"recurring-weekday"_s, u"02:00"_s, u"03:30"_s, 0, u"[1,4]"_s)
                                         << u"02:00"_s << qint64(5400) << QStringList { u"mon"_s, u"thu"_s }
                                         << QString();
        QTest::newRow("weekday sunday 0 and 7")
            << makeRow(u"recurring-weekday"_s, u"23:00"_s, u"01:00"_s, 7200, u"[0,6,7]"_s) << u"23:00"_s << qint64(7200)
            << QStringList { u"sat"_s, u"sun"_s } << QString();
        QTest::newRow("weekday all seven")
            << makeRow(u"recurring-weekday"_s, u"01:00"_s, u"02:00"_s, 0, u"[0,1,2,3,4,5,6]"_s) << u"01:00"_s
            << qint64(3600) << QStringList() << QString();
        QTest::newRow("weekday none") << makeRow(u"recurring-weekday"_s, u"01:00"_s, u"02:00"_s, 0, u"[]"_s)
                                      << u"01:00"_s << qint64(3600) << QStringList() << u"without a weekday"_s;
        // `duration` is in seconds, not minutes; the times win for recurring strategies.
        QTest::newRow("duration seconds")
            << makeRow(u"recurring-weekday"_s, u"04:00:00"_s, u"04:30:00"_s, 1800, u"[2]"_s) << u"04:00"_s
            << qint64(1800) << QStringList { u"tue"_s } << QString();
        Row daily = makeRow(u"recurring-interval"_s, u"03:00"_s, u"04:00"_s);
        daily.intervalDay = 1;
        QTest::newRow("every day") << daily << u"03:00"_s << qint64(3600) << QStringList() << QString();
        Row weekly = daily;
        weekly.intervalDay = 7;
        weekly.startDate = u"2026-12-01 00:00:00"_s; // a Tuesday
        QTest::newRow("every 7 days") << weekly << u"03:00"_s << qint64(3600) << QStringList { u"tue"_s } << QString();
        Row three = daily;
        three.intervalDay = 3;
        QTest::newRow("every 3 days") << three << u"03:00"_s << qint64(3600) << QStringList() << u"every 3 days"_s;
        Row monthly = makeRow(u"recurring-day-of-month"_s, u"03:00"_s, u"04:00"_s);
        monthly.daysOfMonth = u"[1,15,\"lastDay1\"]"_s;
        QTest::newRow("day of month") << monthly << u"03:00"_s << qint64(3600) << QStringList() << u"not on dates"_s;
        QTest::newRow("manual") << makeRow(u"manual"_s) << QString() << qint64(0) << QStringList() << u"by hand"_s;
        QTest::newRow("single") << makeRow(u"single"_s) << QString() << qint64(0) << QStringList() << u"one-off"_s;
        Row cron = makeRow(u"cron"_s);
        cron.durationSeconds = 5400;
        cron.cron = u"30 3 * * 1-5"_s;
        QTest::newRow("cron weekdays") << cron << u"03:30"_s << qint64(5400)
                                       << QStringList { u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s } << QString();
        cron.cron = u"0 0 22 * * SAT,sun"_s; // croner's optional seconds field
        QTest::newRow("cron seconds names")
            << cron << u"22:00"_s << qint64(5400) << QStringList { u"sat"_s, u"sun"_s } << QString();
        cron.cron = u"15 4 * * *"_s;
        QTest::newRow("cron daily") << cron << u"04:15"_s << qint64(5400) << QStringList() << QString();
        cron.cron = u"5-7 4 * * *"_s;
        QTest::newRow("cron minute range") << cron << QString() << qint64(0) << QStringList() << u"fixed minute"_s;
        cron.cron = u"0 4 1 * *"_s;
        QTest::newRow("cron day of month") << cron << QString() << qint64(0) << QStringList() << u"fixed minute"_s;
        cron.cron = u"0 25 * * *"_s;
        QTest::newRow("cron bad hour") << cron << QString() << qint64(0) << QStringList() << u"fixed minute"_s;
        cron.cron = u"0 4 * * 8"_s;
        QTest::newRow("cron bad weekday") << cron << QString() << qint64(0) << QStringList() << u"fixed minute"_s;
        cron.cron = u"0 4 * * 5-1"_s; // Friday through Monday
        QTest::newRow("cron wrapping range") << cron << u"04:00"_s << qint64(5400)
                                             << QStringList { u"mon"_s, u"fri"_s, u"sat"_s, u"sun"_s } << QString();
        cron.durationSeconds = 0;
        cron.cron = u"0 4 * * *"_s;
        QTest::newRow("cron no duration")
            << cron << u"04:00"_s << qint64(0) << QStringList() << u"needs a start and an end"_s;
        QTest::newRow("unknown") << makeRow(u"lunar"_s) << QString() << qint64(0) << QStringList()
                                 << u"unknown strategy"_s;
    }

    void fromRow()
    {
        QFETCH(Row, row);
        QFETCH(QString, start);
        QFETCH(qint64, seconds);
        QFETCH(QStringList, every);
        QFETCH(QString, why);
        const KumaSchedule::Window w = KumaSchedule::fromRow(row);
        if (why.isEmpty()) {
            QVERIFY2(w.why.isEmpty(), qPrintable(w.why));
            QCOMPARE(w.start, start);
            QCOMPARE(w.durationSeconds, seconds);
            QCOMPARE(w.every, every);
        } else {
            QVERIFY2(w.why.contains(why), qPrintable(w.why));
        }
    }
};

QTEST_GUILESS_MAIN(TestKumaSchedule)
#include "tst_kumaschedule.moc"
