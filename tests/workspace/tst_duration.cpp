// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/duration.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDuration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::addRow("ms") << u"500ms"_s << qint64(500);
        QTest::addRow("seconds") << u"30s"_s << qint64(30000);
        QTest::addRow("minutes") << u"5m"_s << qint64(300000);
        QTest::addRow("hours") << u"48h"_s << qint64(48 * 3600000LL);
        QTest::addRow("days") << u"7d"_s << qint64(7 * 86400000LL);
        QTest::addRow("combo") << u"1h30m"_s << qint64(5400000);
        QTest::addRow("combo with ms") << u"1s500ms"_s << qint64(1500);
        QTest::addRow("spaces around") << u"  10s "_s << qint64(10000);
        QTest::addRow("zero") << u"0"_s << qint64(0);
        QTest::addRow("zero seconds") << u"0s"_s << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QString error;
        const auto d = Duration::parse(text, &error);
        QVERIFY2(d.has_value(), qPrintable(error));
        QCOMPARE(d->count(), ms);
        QVERIFY(error.isEmpty());
    }

    void reject_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        const QString like = u"expected a duration like 30s, got \"%1\""_s;
        QTest::addRow("empty") << QString() << like.arg(QString());
        QTest::addRow("blank") << u"  "_s << like.arg(u"  "_s);
        QTest::addRow("word") << u"soon"_s << like.arg(u"soon"_s);
        QTest::addRow("bare number") << u"30"_s << like.arg(u"30"_s);
        QTest::addRow("unit only") << u"s"_s << like.arg(u"s"_s);
        QTest::addRow("unknown unit") << u"5w"_s << like.arg(u"5w"_s);
        QTest::addRow("decimal") << u"1.5h"_s << like.arg(u"1.5h"_s);
        QTest::addRow("inner space") << u"1h 30m"_s << like.arg(u"1h 30m"_s);
        QTest::addRow("trailing number") << u"1h30"_s << like.arg(u"1h30"_s);
        QTest::addRow("negative") << u"-5s"_s << u"a duration cannot be negative, got \"-5s\""_s;
        QTest::addRow("too long") << u"99999999999d"_s << u"duration \"99999999999d\" is too long"_s;
        QTest::addRow("overflowing digits") << u"9999999999999999999999s"_s << like.arg(u"9999999999999999999999s"_s);
    }
    void reject()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(!Duration::parse(text, &actual).has_value());
        QCOMPARE(actual, error);
        QVERIFY(!Duration::parse(text).has_value()); // no error pointer is fine too
    }

    void format_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::addRow("zero") << qint64(0) << u"0"_s;
        QTest::addRow("ms") << qint64(250) << u"250ms"_s;
        QTest::addRow("combo") << qint64(5400000) << u"1h30m"_s;
        QTest::addRow("days") << qint64(2 * 86400000LL + 1000) << u"2d1s"_s;
    }
    void format()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(Duration::format(Milliseconds { ms }), text);
        QCOMPARE(Duration::parse(text)->count(), ms);
    }
};

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
