// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidenttimeline.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 1), QTime(10, 0), QTimeZone::utc());

TimelineEntry entry(qint64 id, int minute, const QString &text, qint64 corrects = 0)
{
    TimelineEntry e;
    e.id = id;
    e.occurredAt = t0.addSecs(minute * 60);
    e.recordedAt = t0.addSecs(id * 60);
    e.text = text;
    e.correctsId = corrects;
    return e;
}

} // namespace

class TestIncidentTimeline final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutCorrections();
    void correctionChain();
    void twoCorrectionsOfOneEntry();
    void correctionMovesInTime();
    void cycleDoesNotHang();
    void describeChanges();
};

void TestIncidentTimeline::withoutCorrections()
{
    const QList<TimelineEntry> entries { entry(1, 5, u"b"_s), entry(2, 1, u"a"_s) };
    QVERIFY(IncidentTimeline::superseded(entries).isEmpty());
    const auto eff = IncidentTimeline::effective(entries);
    QCOMPARE(eff.size(), 2);
    QCOMPARE(eff.at(0).entry.text, u"a"_s); // ordered by occurred-at, not by recording
    QCOMPARE(eff.at(1).entry.text, u"b"_s);
    QCOMPARE(eff.at(0).corrections, 0);
}

void TestIncidentTimeline::correctionChain()
{
    // 1 ← 3 ← 4: the newest correction is the effective text; the others are superseded.
    const QList<TimelineEntry> entries { entry(1, 0, u"DB down"_s), entry(2, 2, u"paged"_s),
        entry(3, 0, u"DB primary down"_s, 1), entry(4, 0, u"DB primary down (disk full)"_s, 3) };
    QCOMPARE(IncidentTimeline::rootOf(entries, 4), 1);
    QCOMPARE(IncidentTimeline::rootOf(entries, 3), 1);
    QCOMPARE(IncidentTimeline::rootOf(entries, 2), 2);
    QCOMPARE(IncidentTimeline::superseded(entries), (QSet<qint64> { 1, 3 }));
    const auto eff = IncidentTimeline::effective(entries);
    QCOMPARE(eff.size(), 2);
    QCOMPARE(eff.at(0).entry.id, 4);
    QCOMPARE(eff.at(0).rootId, 1);
    QCOMPARE(eff.at(0).corrections, 2);
    QCOMPARE(eff.at(0).entry.text, u"DB primary down (disk full)"_s);
    QCOMPARE(eff.at(1).entry.id, 2);
}

void TestIncidentTimeline::twoCorrectionsOfOneEntry()
{
    // Two windows corrected the same entry: the later correction wins, the earlier one is superseded too.
    const QList<TimelineEntry> entries { entry(1, 0, u"x"_s), entry(2, 0, u"y"_s, 1), entry(3, 0, u"z"_s, 1) };
    QCOMPARE(IncidentTimeline::superseded(entries), (QSet<qint64> { 1, 2 }));
    const auto eff = IncidentTimeline::effective(entries);
    QCOMPARE(eff.size(), 1);
    QCOMPARE(eff.at(0).entry.text, u"z"_s);
    QCOMPARE(eff.at(0).corrections, 2);
}

void TestIncidentTimeline::correctionMovesInTime()
{
    // A back-filled time: the correction moves the event before the others.
    const QList<TimelineEntry> entries { entry(1, 10, u"a"_s), entry(2, 20, u"deploy"_s), entry(3, 5, u"deploy"_s, 2) };
    const auto eff = IncidentTimeline::effective(entries);
    QCOMPARE(eff.size(), 2);
    QCOMPARE(eff.at(0).entry.id, 3);
    QCOMPARE(eff.at(0).entry.occurredAt, t0.addSecs(300));
    QCOMPARE(eff.at(1).entry.id, 1);
}

void TestIncidentTimeline::cycleDoesNotHang()
{
    const QList<TimelineEntry> entries { entry(1, 0, u"a"_s, 2), entry(2, 0, u"b"_s, 1) };
    IncidentTimeline::rootOf(entries, 1);
    QCOMPARE(IncidentTimeline::effective(entries).size() >= 1, true);
}

void TestIncidentTimeline::describeChanges()
{
    TimelineEntry e;
    e.kind = TimelineKind::StatusChange;
    e.from = u"investigating"_s;
    e.to = u"mitigated"_s;
    QCOMPARE(IncidentTimeline::describe(e), u"Status: Investigating → Mitigated"_s);
    e.from.clear();
    e.to = u"detected"_s;
    QCOMPARE(IncidentTimeline::describe(e), u"Opened as Detected"_s);
    e.kind = TimelineKind::RoleChange;
    e.subject = u"commander"_s;
    e.from.clear();
    e.to = u"Kim"_s;
    QCOMPARE(IncidentTimeline::describe(e), u"Commander: (none) → Kim"_s);
    e.kind = TimelineKind::EndpointState;
    e.subject = u"api-health"_s;
    e.from = u"OK"_s;
    e.to = u"CRITICAL"_s;
    e.text = u"HTTP 503"_s;
    QCOMPARE(IncidentTimeline::describe(e), u"api-health: OK → CRITICAL (HTTP 503)"_s);
}

QTEST_GUILESS_MAIN(TestIncidentTimeline)
#include "tst_incidenttimeline.moc"
