// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentlifecycle.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestIncidentLifecycle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transitions_data();
    void transitions();
    void namesRoundTrip();
    void applySetsMilestones();
    void reopenClearsResolved();
    void applyRejectedLeavesIncidentAlone();
};

void TestIncidentLifecycle::transitions_data()
{
    QTest::addColumn<IncidentStatus>("from");
    QTest::addColumn<IncidentStatus>("to");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("message"); // a part of the rejection

    using S = IncidentStatus;
    const QList<std::tuple<S, S, bool, QString>> table = {
        { S::Detected, S::Investigating, true, {} },
        { S::Detected, S::Mitigated, true, {} },
        { S::Detected, S::Resolved, true, {} },
        { S::Detected, S::Closed, false, u"only a resolved incident can be closed; this one is Detected"_s },
        { S::Detected, S::Detected, false, u"the incident is already Detected"_s },
        { S::Investigating, S::Mitigated, true, {} },
        { S::Investigating, S::Resolved, true, {} },
        { S::Investigating, S::Detected, false, u"cannot go back to Detected from Investigating"_s },
        { S::Investigating, S::Closed, false, u"only a resolved incident can be closed"_s },
        { S::Mitigated, S::Investigating, true, {} },
        { S::Mitigated, S::Resolved, true, {} },
        { S::Mitigated, S::Detected, false, u"cannot go back to Detected"_s },
        { S::Mitigated, S::Closed, false, u"only a resolved incident can be closed; this one is Mitigated"_s },
        { S::Resolved, S::Investigating, true, {} },
        { S::Resolved, S::Closed, true, {} },
        { S::Resolved, S::Mitigated, false,
            u"cannot change the status from Resolved to Mitigated; only Investigating, Closed can follow it"_s },
        { S::Resolved, S::Detected, false, u"cannot go back to Detected"_s },
        { S::Closed, S::Investigating, false, u"a closed incident cannot change its status"_s },
        { S::Closed, S::Resolved, false, u"a closed incident cannot change its status"_s },
        { S::Closed, S::Closed, false, u"the incident is already Closed"_s },
    };
    for (const auto &[from, to, valid, message] : table) {
        QTest::addRow(
            "%s->%s", qPrintable(IncidentLifecycle::statusName(from)), qPrintable(IncidentLifecycle::statusName(to)))
            << from << to << valid << message;
    }
}

void TestIncidentLifecycle::transitions()
{
    QFETCH(IncidentStatus, from);
    QFETCH(IncidentStatus, to);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    QCOMPARE(IncidentLifecycle::canTransition(from, to), valid);
    QCOMPARE(IncidentLifecycle::nextStatuses(from).contains(to), valid);
    const QString rejection = IncidentLifecycle::rejection(from, to);
    QCOMPARE(rejection.isEmpty(), valid);
    QVERIFY2(rejection.contains(message), qPrintable(rejection));
}

void TestIncidentLifecycle::namesRoundTrip()
{
    for (IncidentStatus s : IncidentLifecycle::allStatuses()) {
        QCOMPARE(IncidentLifecycle::statusFromName(IncidentLifecycle::statusName(s)), s);
    }
    QCOMPARE(IncidentLifecycle::statusFromName(u"fixed"_s), std::nullopt);
}

void TestIncidentLifecycle::applySetsMilestones()
{
    const QDateTime t0 = QDateTime(QDate(2026, 11, 1), QTime(10, 0), QTimeZone::utc());
    Incident i;
    i.detectedAt = t0;
    QVERIFY(IncidentLifecycle::apply(i, IncidentStatus::Investigating, t0.addSecs(60)).isEmpty());
    QCOMPARE(i.status, IncidentStatus::Investigating);
    QCOMPARE(i.acknowledgedAt, t0.addSecs(60));
    QVERIFY(IncidentLifecycle::apply(i, IncidentStatus::Resolved, t0.addSecs(600)).isEmpty());
    // Resolving without a separate mitigation: both milestones are reached at once.
    QCOMPARE(i.mitigatedAt, t0.addSecs(600));
    QCOMPARE(i.resolvedAt, t0.addSecs(600));
    QCOMPARE(i.acknowledgedAt, t0.addSecs(60));
    QVERIFY(IncidentLifecycle::apply(i, IncidentStatus::Closed, t0.addSecs(900)).isEmpty());
    QCOMPARE(i.closedAt, t0.addSecs(900));
}

void TestIncidentLifecycle::reopenClearsResolved()
{
    const QDateTime t0 = QDateTime(QDate(2026, 11, 1), QTime(10, 0), QTimeZone::utc());
    Incident i;
    i.status = IncidentStatus::Resolved;
    i.acknowledgedAt = t0;
    i.resolvedAt = t0.addSecs(300);
    QVERIFY(IncidentLifecycle::apply(i, IncidentStatus::Investigating, t0.addSecs(400)).isEmpty());
    QVERIFY(!i.resolvedAt.isValid());
    QCOMPARE(i.acknowledgedAt, t0);
}

void TestIncidentLifecycle::applyRejectedLeavesIncidentAlone()
{
    Incident i;
    i.status = IncidentStatus::Mitigated;
    const QString why = IncidentLifecycle::apply(i, IncidentStatus::Closed, QDateTime::currentDateTimeUtc());
    QVERIFY(!why.isEmpty());
    QCOMPARE(i.status, IncidentStatus::Mitigated);
    QVERIFY(!i.closedAt.isValid());
}

QTEST_GUILESS_MAIN(TestIncidentLifecycle)
#include "tst_incidentlifecycle.moc"
