// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "samples/seriesbuffer.h"

#include <QTest>

#include <cmath>

class TestSeriesBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallRangesPassThrough();
    void m4KeepsExtremes();
    void rangeAndCapacity();
};

void TestSeriesBuffer::smallRangesPassThrough()
{
    SeriesBuffer buffer;
    for (int i = 0; i < 10; ++i) {
        buffer.append(i * 1000.0, i);
    }
    buffer.append(20000, std::nan("")); // a gap, not a point
    buffer.append(5000, 99); // late: dropped
    QCOMPARE(buffer.size(), 10);
    const QList<QPointF> all = buffer.downsample(0, 9000, 100);
    QCOMPARE(all.size(), 10);
    QCOMPARE(all.constLast(), QPointF(9000, 9));
    QCOMPARE(buffer.downsample(2000, 4000, 100).size(), 3); // both ends included
}

void TestSeriesBuffer::m4KeepsExtremes()
{
    // 24 h at 1 s into 1600 columns: at most 4 points each, and every spike survives.
    SeriesBuffer buffer;
    const double day = 86400000;
    for (int s = 0; s < 86400; ++s) {
        buffer.append(s * 1000.0, s == 43210 ? 1000.0 : s == 777 ? -50.0 : std::sin(s / 100.0));
    }
    const QList<QPointF> reduced = buffer.downsample(0, day, 1600);
    QVERIFY(reduced.size() <= 1600 * 4);
    QVERIFY(reduced.size() >= 1600);
    double maxY = -1e9;
    double minY = 1e9;
    for (qsizetype i = 0; i < reduced.size(); ++i) {
        maxY = std::max(maxY, reduced[i].y());
        minY = std::min(minY, reduced[i].y());
        if (i > 0) {
            QVERIFY(reduced[i].x() > reduced[i - 1].x());
        }
    }
    QCOMPARE(maxY, 1000.0);
    QCOMPARE(minY, -50.0);
    QCOMPARE(reduced.constFirst().x(), 0.0);
    QCOMPARE(reduced.constLast().x(), 86399000.0);
}

void TestSeriesBuffer::rangeAndCapacity()
{
    SeriesBuffer buffer(100);
    for (int i = 0; i < 1000; ++i) {
        buffer.append(i, i);
    }
    QCOMPARE(buffer.size(), 100);
    QCOMPARE(buffer.downsample(0, 2000, 1000).constFirst(), QPointF(900, 900));
    QCOMPARE(buffer.last(), QPointF(999, 999));
    buffer.clear();
    QVERIFY(buffer.isEmpty());
    QVERIFY(buffer.downsample(0, 10, 10).isEmpty());
}

QTEST_GUILESS_MAIN(TestSeriesBuffer)
#include "tst_seriesbuffer.moc"
