// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/timeofday.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestTimeOfDay final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QTime>("time"); // invalid = rejected
        QTest::addRow("morning") << u"09:00"_s << QTime(9, 0);
        QTest::addRow("single-digit hour") << u"9:30"_s << QTime(9, 30);
        QTest::addRow("midnight") << u"00:00"_s << QTime(0, 0);
        QTest::addRow("last minute") << u"23:59"_s << QTime(23, 59);
        QTest::addRow("hour 24") << u"24:00"_s << QTime();
        QTest::addRow("minute 60") << u"10:60"_s << QTime();
        QTest::addRow("single-digit minute") << u"10:5"_s << QTime();
        QTest::addRow("seconds") << u"10:00:00"_s << QTime();
        QTest::addRow("am/pm") << u"9am"_s << QTime();
        QTest::addRow("empty") << QString() << QTime();
        QTest::addRow("sign") << u"+9:00"_s << QTime();
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QTime, time);
        QString error;
        const auto parsed = TimeOfDay::parse(text, &error);
        if (time.isValid()) {
            QVERIFY2(parsed.has_value(), qPrintable(error));
            QCOMPARE(*parsed, time);
        } else {
            QVERIFY(!parsed.has_value());
            QCOMPARE(error, u"expected a time like 09:00, got \"%1\""_s.arg(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestTimeOfDay)
#include "tst_timeofday.moc"
