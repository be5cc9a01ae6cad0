// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/scheduleparser.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Schedule::Kind)

class TestScheduleParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Schedule::Kind>("kind");
        QTest::addColumn<QTime>("time"); // invalid = none
        QTest::addColumn<QList<int>>("days");
        using K = Schedule::Kind;
        QTest::addRow("on-demand") << u"on-demand"_s << K::OnDemand << QTime() << QList<int>();
        QTest::addRow("daily") << u"daily"_s << K::Daily << QTime() << QList<int>();
        QTest::addRow("daily at") << u"daily 09:00"_s << K::Daily << QTime(9, 0) << QList<int>();
        QTest::addRow("weekly one day at") << u"weekly mon 09:00"_s << K::Weekly << QTime(9, 0) << QList<int> { 1 };
        QTest::addRow("weekly two days") << u"weekly mon,fri"_s << K::Weekly << QTime() << QList<int> { 1, 5 };
        QTest::addRow("weekly sorted, spaced")
            << u"weekly  Sun, mon 18:30"_s << K::Weekly << QTime(18, 30) << QList<int> { 1, 7 };
        QTest::addRow("weekly full names")
            << u"weekly tuesday,thursday"_s << K::Weekly << QTime() << QList<int> { 2, 4 };
        QTest::addRow("monthly") << u"monthly 1"_s << K::Monthly << QTime() << QList<int> { 1 };
        QTest::addRow("monthly days at") << u"monthly 1,15 10:00"_s << K::Monthly << QTime(10, 0)
                                         << QList<int> { 1, 15 };
        QTest::addRow("monthly repeated") << u"monthly 31,1,31"_s << K::Monthly << QTime() << QList<int> { 1, 31 };
        QTest::addRow("case") << u"Daily 07:05"_s << K::Daily << QTime(7, 5) << QList<int>();
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(Schedule::Kind, kind);
        QFETCH(QTime, time);
        QFETCH(QList<int>, days);
        QString error;
        const auto s = ScheduleParser::parse(text, &error);
        QVERIFY2(s.has_value(), qPrintable(error));
        QCOMPARE(s->kind, kind);
        QCOMPARE(s->time.has_value(), time.isValid());
        if (time.isValid()) {
            QCOMPARE(*s->time, time);
        }
        QCOMPARE(kind == Schedule::Kind::Weekly ? s->weekdays : s->monthDays, days);
        QCOMPARE(s->text, text.trimmed());
    }

    void reject_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        const QString like = u"expected a schedule like \"daily 09:00\", \"weekly mon,fri 09:00\", \"monthly 1\" or "
                             "\"on-demand\", got \"%1\""_s;
        QTest::addRow("prose") << u"every day"_s << like.arg(u"every day"_s);
        QTest::addRow("empty") << QString() << like.arg(QString());
        QTest::addRow("weekly without days") << u"weekly"_s << like.arg(u"weekly"_s);
        QTest::addRow("on-demand with time") << u"on-demand 09:00"_s << like.arg(u"on-demand 09:00"_s);
        QTest::addRow("extra word") << u"daily 09:00 sharp"_s << like.arg(u"daily 09:00 sharp"_s);
        QTest::addRow("bad time") << u"daily 9am"_s << u"expected a time like 09:00, got \"9am\""_s;
        QTest::addRow("bad weekday") << u"weekly mon,fun"_s
                                     << u"expected weekdays like mon,fri (mon, tue, wed, thu, fri, sat, sun), got "
                                        "\"mon,fun\""_s;
        QTest::addRow("day 32") << u"monthly 32"_s
                                << u"expected days of the month from 1 to 31 like 1,15, got \"32\""_s;
        QTest::addRow("day 0") << u"monthly 0,15"_s
                               << u"expected days of the month from 1 to 31 like 1,15, got \"0,15\""_s;
    }
    void reject()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(!ScheduleParser::parse(text, &actual).has_value());
        QCOMPARE(actual, error);
    }

    void weekday_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("day"); // 0 = rejected
        QTest::addRow("mon") << u"mon"_s << 1;
        QTest::addRow("SUN") << u"SUN"_s << 7;
        QTest::addRow("friday") << u"friday"_s << 5;
        QTest::addRow("two letters") << u"mo"_s << 0;
        QTest::addRow("partial") << u"frid"_s << 0;
        QTest::addRow("korean") << u"월"_s << 0;
    }
    void weekday()
    {
        QFETCH(QString, name);
        QFETCH(int, day);
        QCOMPARE(ScheduleParser::weekday(name).value_or(0), day);
    }
};

QTEST_GUILESS_MAIN(TestScheduleParser)
#include "tst_scheduleparser.moc"
