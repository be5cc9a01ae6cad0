// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpimodel.h"
#include "kpi/warroomkpifilter.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
Kpi kpi(const QString &id)
{
    Kpi k;
    k.id = id;
    k.thresholds.warn = 1;
    k.thresholds.crit = 5;
    k.thresholds.direction = Thresholds::Direction::Above;
    k.interval = 10s;
    return k;
}

KpiFigure reading(double value, const QDateTime &at)
{
    KpiFigure f;
    f.value = value;
    f.at = at;
    return f;
}

QStringList ids(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row) {
        result.append(model.index(row, 0).data(KpiModel::IdRole).toString());
    }
    return result;
}
} // namespace

class TestWarRoomKpiFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void warningAndCriticalWithoutMarks();
    void markedTilesOnly();
};

void TestWarRoomKpiFilter::warningAndCriticalWithoutMarks()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    KpiModel kpis;
    kpis.setClock([now] { return now; });
    WarRoomKpiFilter filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&kpis);
    filter.setWarRoomIds({});
    kpis.setKpis({ kpi(u"a"_s), kpi(u"b"_s), kpi(u"c"_s) });
    QCOMPARE(ids(filter), QStringList()); // unknown until read
    kpis.applyFigure(u"a"_s, reading(0.5, now));
    kpis.applyFigure(u"b"_s, reading(2.0, now));
    kpis.applyFigure(u"c"_s, reading(9.0, now));
    QCOMPARE(ids(filter), (QStringList { u"b"_s, u"c"_s }));
    kpis.applyFigure(u"b"_s, reading(0.1, now)); // back to normal: leaves the wall
    QCOMPARE(ids(filter), QStringList { u"c"_s });
}

void TestWarRoomKpiFilter::markedTilesOnly()
{
    KpiModel kpis;
    kpis.setKpis({ kpi(u"a"_s), kpi(u"b"_s), kpi(u"c"_s) });
    WarRoomKpiFilter filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&kpis);
    filter.setWarRoomIds({ u"a"_s, u"c"_s });
    QCOMPARE(ids(filter), (QStringList { u"a"_s, u"c"_s }));
}

QTEST_MAIN(TestWarRoomKpiFilter)
#include "tst_warroomkpifilter.moc"
