// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/slaclock.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(SlaFigure::State)

class TestSlaClock final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aroundTarget_data();
    void aroundTarget();
    void anchorsOnStarted();
    void noTargetOrAnchor();
    void formatting_data();
    void formatting();
    void defaultLevels();
};

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 1), QTime(10, 0), QTimeZone::utc());

SeverityLevel p0()
{
    SeverityLevel l;
    l.id = u"P0"_s;
    l.ack = 5min;
    l.resolve = 1h;
    return l;
}

} // namespace

void TestSlaClock::aroundTarget_data()
{
    QTest::addColumn<qint64>("nowSecs"); // after the anchor
    QTest::addColumn<qint64>("ackSecs"); // -1 = not acknowledged
    QTest::addColumn<SlaFigure::State>("state");
    QTest::addColumn<bool>("running");

    using S = SlaFigure::State;
    QTest::addRow("just started") << qint64(0) << qint64(-1) << S::Ok << true;
    QTest::addRow("under near (3:44)") << qint64(224) << qint64(-1) << S::Ok << true;
    QTest::addRow("at near (3:45)") << qint64(225) << qint64(-1) << S::Near << true;
    QTest::addRow("at target (5:00)") << qint64(300) << qint64(-1) << S::Near << true;
    QTest::addRow("past target (5:01)") << qint64(301) << qint64(-1) << S::Breached << true;
    QTest::addRow("acked at 4:59, now late") << qint64(3000) << qint64(299) << S::Ok << false;
    QTest::addRow("acked at 5:00") << qint64(3000) << qint64(300) << S::Ok << false;
    QTest::addRow("acked at 5:01") << qint64(3000) << qint64(301) << S::Breached << false;
    QTest::addRow("acked at 4:00 is not near") << qint64(240) << qint64(240) << S::Ok << false;
}

void TestSlaClock::aroundTarget()
{
    QFETCH(qint64, nowSecs);
    QFETCH(qint64, ackSecs);
    QFETCH(SlaFigure::State, state);
    QFETCH(bool, running);
    Incident incident;
    incident.detectedAt = t0;
    if (ackSecs >= 0) {
        incident.acknowledgedAt = t0.addSecs(ackSecs);
    }
    const SlaFigure f = SlaClock::acknowledge(incident, p0(), t0.addSecs(nowSecs));
    QCOMPARE(f.state, state);
    QCOMPARE(f.running, running);
    QCOMPARE(f.target, Milliseconds(5min));
    QCOMPARE(f.elapsed, Milliseconds((ackSecs >= 0 ? ackSecs : nowSecs) * 1000));
}

void TestSlaClock::anchorsOnStarted()
{
    Incident incident;
    incident.startedAt = t0; // back-dated: it began before anyone noticed
    incident.detectedAt = t0.addSecs(50 * 60);
    const SlaFigure resolve = SlaClock::resolve(incident, p0(), t0.addSecs(61 * 60));
    QCOMPARE(resolve.state, SlaFigure::State::Breached);
    QCOMPARE(resolve.elapsed, Milliseconds(61min));
    QCOMPARE(resolve.remaining(), Milliseconds(-1min));
    incident.resolvedAt = t0.addSecs(59 * 60);
    QCOMPARE(SlaClock::resolve(incident, p0(), t0.addSecs(120 * 60)).state, SlaFigure::State::Ok);
}

void TestSlaClock::noTargetOrAnchor()
{
    Incident incident;
    QCOMPARE(SlaClock::acknowledge(incident, p0(), t0).state, SlaFigure::State::None);
    incident.detectedAt = t0;
    SeverityLevel none = p0();
    none.ack = 0ms;
    QCOMPARE(SlaClock::acknowledge(incident, none, t0.addSecs(9999)).state, SlaFigure::State::None);
}

void TestSlaClock::formatting_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::addRow("seconds") << qint64(7000) << u"0:07"_s;
    QTest::addRow("minutes") << qint64(754000) << u"12:34"_s;
    QTest::addRow("hours") << qint64(11045000) << u"3:04:05"_s;
    QTest::addRow("days") << qint64((2 * 86400 + 3 * 3600 + 60) * 1000LL) << u"2d 3h"_s;
    QTest::addRow("negative") << qint64(-65000) << u"-1:05"_s;
}

void TestSlaClock::formatting()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(SlaClock::formatDuration(Milliseconds(ms)), text);
}

void TestSlaClock::defaultLevels()
{
    const auto levels = IncidentSettings::defaultSeverities();
    const auto p1 = SlaClock::level(levels, u"P1"_s);
    QVERIFY(p1);
    QCOMPARE(p1->ack, Milliseconds(15min));
    QCOMPARE(p1->resolve, Milliseconds(4h));
    QVERIFY(!SlaClock::level(levels, u"P9"_s));
    Incident incident;
    incident.detectedAt = t0;
    QCOMPARE(SlaClock::text(SlaClock::acknowledge(incident, *p1, t0.addSecs(16 * 60))), u"overdue by 1:00"_s);
    QCOMPARE(SlaClock::text(SlaClock::acknowledge(incident, *p1, t0.addSecs(60))), u"1:00 / 15:00"_s);
    incident.acknowledgedAt = t0.addSecs(10 * 60);
    QCOMPARE(SlaClock::text(SlaClock::acknowledge(incident, *p1, t0.addSecs(99 * 60))), u"met in 10:00"_s);
    incident.acknowledgedAt = t0.addSecs(16 * 60);
    QCOMPARE(SlaClock::text(SlaClock::acknowledge(incident, *p1, t0.addSecs(99 * 60))), u"missed by 1:00"_s);
}

QTEST_GUILESS_MAIN(TestSlaClock)
#include "tst_slaclock.moc"
