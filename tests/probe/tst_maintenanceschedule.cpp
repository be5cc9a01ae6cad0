// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/maintenance.h"

#include <QTest>

Q_DECLARE_METATYPE(MaintenanceWindow)

class TestMaintenanceSchedule final : public QObject
{
    Q_OBJECT

private slots:
    void covers_data();
    void covers();
    void activeWindowPicksFirstMatch();
};

namespace {

MaintenanceWindow window(const QString &start, qint64 minutes, const QList<int> &weekdays = {},
    const QStringList &endpoints = {}, const QStringList &groups = {})
{
    MaintenanceWindow w;
    w.name = QStringLiteral("w");
    w.start = QTime::fromString(start, QStringLiteral("HH:mm"));
    w.duration = Milliseconds(minutes * 60 * 1000);
    w.weekdays = weekdays;
    w.endpoints = endpoints;
    w.groups = groups;
    return w;
}

Endpoint endpoint(const QString &name, const QString &group)
{
    Endpoint e;
    e.name = name;
    e.group = group;
    return e;
}

// 2026-03-02 is a Monday.
QDateTime local(int day, const QString &time)
{
    return QDateTime(QDate(2026, 3, day), QTime::fromString(time, QStringLiteral("HH:mm")), Qt::LocalTime);
}

} // namespace

void TestMaintenanceSchedule::covers_data()
{
    QTest::addColumn<MaintenanceWindow>("w");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<bool>("expected");
    const QList<int> monday { 1 };
    QTest::addRow("daily, inside") << window(QStringLiteral("02:00"), 60) << local(4, QStringLiteral("02:30")) << true;
    QTest::addRow("daily, at the start") << window(QStringLiteral("02:00"), 60) << local(4, QStringLiteral("02:00"))
                                         << true;
    QTest::addRow("daily, at the end (exclusive)")
        << window(QStringLiteral("02:00"), 60) << local(4, QStringLiteral("03:00")) << false;
    QTest::addRow("daily, before") << window(QStringLiteral("02:00"), 60) << local(4, QStringLiteral("01:59")) << false;
    QTest::addRow("monday only, on monday")
        << window(QStringLiteral("23:00"), 120, monday) << local(2, QStringLiteral("23:30")) << true;
    QTest::addRow("monday only, on tuesday evening")
        << window(QStringLiteral("23:00"), 120, monday) << local(3, QStringLiteral("23:30")) << false;
    QTest::addRow("crosses midnight into tuesday")
        << window(QStringLiteral("23:00"), 120, monday) << local(3, QStringLiteral("00:30")) << true;
    QTest::addRow("crossed midnight, over")
        << window(QStringLiteral("23:00"), 120, monday) << local(3, QStringLiteral("01:00")) << false;
    QTest::addRow("other endpoint") << window(QStringLiteral("02:00"), 60, {}, { QStringLiteral("db") })
                                    << local(4, QStringLiteral("02:30")) << false;
    QTest::addRow("named endpoint") << window(QStringLiteral("02:00"), 60, {}, { QStringLiteral("api-health") })
                                    << local(4, QStringLiteral("02:30")) << true;
    QTest::addRow("its group") << window(QStringLiteral("02:00"), 60, {}, {}, { QStringLiteral("api") })
                               << local(4, QStringLiteral("02:30")) << true;
    QTest::addRow("another group") << window(QStringLiteral("02:00"), 60, {}, {}, { QStringLiteral("web") })
                                   << local(4, QStringLiteral("02:30")) << false;
    QTest::addRow("zero duration") << window(QStringLiteral("02:00"), 0) << local(4, QStringLiteral("02:00")) << false;
}

void TestMaintenanceSchedule::covers()
{
    QFETCH(MaintenanceWindow, w);
    QFETCH(QDateTime, at);
    QFETCH(bool, expected);
    const Endpoint e = endpoint(QStringLiteral("api-health"), QStringLiteral("api"));
    QCOMPARE(MaintenanceSchedule::covers(w, e, at), expected);
    QCOMPARE(MaintenanceSchedule::covers(w, e, at.toUTC()), expected); // local time, whatever the input's zone
}

void TestMaintenanceSchedule::activeWindowPicksFirstMatch()
{
    MaintenanceWindow a = window(QStringLiteral("01:00"), 60);
    a.name = QStringLiteral("a");
    MaintenanceWindow b = window(QStringLiteral("02:00"), 60);
    b.name = QStringLiteral("b");
    const QList<MaintenanceWindow> windows { a, b };
    const Endpoint e = endpoint(QStringLiteral("x"), {});
    QCOMPARE(
        MaintenanceSchedule::activeWindow(windows, e, local(4, QStringLiteral("02:10")))->name, QStringLiteral("b"));
    QVERIFY(!MaintenanceSchedule::activeWindow(windows, e, local(4, QStringLiteral("04:00"))));
}

QTEST_GUILESS_MAIN(TestMaintenanceSchedule)
#include "tst_maintenanceschedule.moc"
