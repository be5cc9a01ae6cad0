// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpitile.h"

#include <QLocale>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestKpiTile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void valueText_data();
    void valueText();
    void trend();
};

void TestKpiTile::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestKpiTile::valueText_data()
{
    QTest::addColumn<std::optional<double>>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("withUnit");
    QTest::addRow("none") << std::optional<double>() << u"%"_s << u"—"_s << u"—"_s;
    QTest::addRow("value") << std::optional<double>(1234.5) << u"ms"_s << u"1,234.50"_s << u"1,234.50 ms"_s;
    QTest::addRow("no unit") << std::optional<double>(2.0) << QString() << u"2.00"_s << u"2.00"_s;
    QTest::addRow("nan") << std::optional<double>(std::numeric_limits<double>::quiet_NaN()) << u"%"_s << u"NaN"_s
                         << u"NaN %"_s;
    QTest::addRow("-inf") << std::optional<double>(-std::numeric_limits<double>::infinity()) << QString() << u"−∞"_s
                          << u"−∞"_s;
}

void TestKpiTile::valueText()
{
    QFETCH(std::optional<double>, value);
    QFETCH(QString, unit);
    QFETCH(QString, text);
    QFETCH(QString, withUnit);
    KpiTile tile;
    tile.kpi.decimals = 2;
    tile.kpi.unit = unit;
    tile.value = value;
    QCOMPARE(tile.valueText(), text);
    QCOMPARE(tile.valueWithUnit(), withUnit);
}

void TestKpiTile::trend()
{
    KpiTile tile;
    tile.kpi.interval = 10s;
    QVERIFY(!tile.trend());
    tile.history = { { 0, 1.0 } };
    QVERIFY(!tile.trend()); // one reading
    for (int i = 1; i <= 20; ++i) {
        tile.history.append({ double(i * 10000), 1.0 + i });
    }
    // Against the reading trendIntervals x 10 s = 100 s before the latest (200 s): 21 - 11.
    QCOMPARE(*tile.trend(), 10.0);
}

QTEST_GUILESS_MAIN(TestKpiTile)
#include "tst_kpitile.moc"
