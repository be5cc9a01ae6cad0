// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/probeevidence.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestProbeEvidence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void okResultPassesDefaultExpectation();
    void expectedStateComparesWithoutCase();
    void criticalResultFailsAndKeepsError();
};

namespace {
ProbeResult result(EndpointState state, int status, double ms)
{
    ProbeResult r;
    r.endpoint = u"api"_s;
    r.state = state;
    r.httpStatus = status;
    r.totalMs = ms;
    r.startedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
    return r;
}
} // namespace

void TestProbeEvidence::okResultPassesDefaultExpectation()
{
    const ChecklistEvidence e = probeEvidence({ u"api"_s, {}, {} }, result(EndpointState::Ok, 200, 34.6));
    QCOMPARE(e.target, u"endpoint:api"_s);
    QVERIFY(e.verified);
    QVERIFY(e.passed);
    QCOMPARE(e.state, u"ok"_s);
    QCOMPARE(e.expected, u"ok"_s);
    QCOMPARE(e.value, u"200 in 35 ms"_s);
    QCOMPARE(e.at, QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc()));
}

void TestProbeEvidence::expectedStateComparesWithoutCase()
{
    const ChecklistVerify verify { u"api"_s, {}, u"WARNING"_s };
    QVERIFY(probeEvidence(verify, result(EndpointState::Warning, 200, 900)).passed);
    QVERIFY(!probeEvidence(verify, result(EndpointState::Ok, 200, 20)).passed);
}

void TestProbeEvidence::criticalResultFailsAndKeepsError()
{
    ProbeResult r = result(EndpointState::Critical, 0, -1);
    r.error = u"Connection refused"_s;
    const ChecklistEvidence e = probeEvidence({ u"api"_s, {}, {} }, r);
    QVERIFY(e.verified);
    QVERIFY(!e.passed);
    QCOMPARE(e.state, u"critical"_s);
    QCOMPARE(e.value, u"Connection refused"_s);
}

QTEST_GUILESS_MAIN(TestProbeEvidence)
#include "tst_probeevidence.moc"
