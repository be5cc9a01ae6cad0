// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/maintenance.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(MaintenanceWindow)

class TestMaintenanceSchedule final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void covers_data();
    void covers();
    void activeWindowPicksFirstMatch();
};

namespace {

MaintenanceWindow window(const QString &start, qint64 minutes, const QList<int> &weekdays = {},
    const QStringList &endpoints = {}, const QStringList &groups = {})
{
    MaintenanceWindow w;
    w.name = u"w"_s;
    w.start = QTime::fromString(start, u"HH:mm"_s);
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
    return QDateTime(QDate(2026, 3, day), QTime::fromString(time, u"HH:mm"_s), Qt::LocalTime);
}

} // namespace

void TestMaintenanceSchedule::covers_data()
{
    QTest::addColumn<MaintenanceWindow>("w");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<bool>("expected");
    const QList<int> monday { 1 };
    QTest::addRow("daily, inside") << window(u"02:00"_s, 60) << local(4, u"02:30"_s) << true;
    QTest::addRow("daily, at the start") << window(u"02:00"_s, 60) << local(4, u"02:00"_s) << true;
    QTest::addRow("daily, at the end (exclusive)") << window(u"02:00"_s, 60) << local(4, u"03:00"_s) << false;
    QTest::addRow("daily, before") << window(u"02:00"_s, 60) << local(4, u"01:59"_s) << false;
    QTest::addRow("monday only, on monday") << window(u"23:00"_s, 120, monday) << local(2, u"23:30"_s) << true;
    QTest::addRow("monday only, on tuesday evening")
        << window(u"23:00"_s, 120, monday) << local(3, u"23:30"_s) << false;
    QTest::addRow("crosses midnight into tuesday") << window(u"23:00"_s, 120, monday) << local(3, u"00:30"_s) << true;
    QTest::addRow("crossed midnight, over") << window(u"23:00"_s, 120, monday) << local(3, u"01:00"_s) << false;
    QTest::addRow("other endpoint") << window(u"02:00"_s, 60, {}, { u"db"_s }) << local(4, u"02:30"_s) << false;
    QTest::addRow("named endpoint") << window(u"02:00"_s, 60, {}, { u"api-health"_s }) << local(4, u"02:30"_s) << true;
    QTest::addRow("its group") << window(u"02:00"_s, 60, {}, {}, { u"api"_s }) << local(4, u"02:30"_s) << true;
    QTest::addRow("another group") << window(u"02:00"_s, 60, {}, {}, { u"web"_s }) << local(4, u"02:30"_s) << false;
    QTest::addRow("zero duration") << window(u"02:00"_s, 0) << local(4, u"02:00"_s) << false;
}

void TestMaintenanceSchedule::covers()
{
    QFETCH(MaintenanceWindow, w);
    QFETCH(QDateTime, at);
    QFETCH(bool, expected);
    const Endpoint e = endpoint(u"api-health"_s, u"api"_s);
    QCOMPARE(MaintenanceSchedule::covers(w, e, at), expected);
    QCOMPARE(MaintenanceSchedule::covers(w, e, at.toUTC()), expected); // local time, whatever the input's zone
}

void TestMaintenanceSchedule::activeWindowPicksFirstMatch()
{
    MaintenanceWindow a = window(u"01:00"_s, 60);
    a.name = u"a"_s;
    MaintenanceWindow b = window(u"02:00"_s, 60);
    b.name = u"b"_s;
    const QList<MaintenanceWindow> windows { a, b };
    const Endpoint e = endpoint(u"x"_s, {});
    QCOMPARE(MaintenanceSchedule::activeWindow(windows, e, local(4, u"02:10"_s))->name, u"b"_s);
    QVERIFY(!MaintenanceSchedule::activeWindow(windows, e, local(4, u"04:00"_s)));
}

QTEST_GUILESS_MAIN(TestMaintenanceSchedule)
#include "tst_maintenanceschedule.moc"
