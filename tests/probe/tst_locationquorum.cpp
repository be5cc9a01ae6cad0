// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/locationquorum.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(EndpointState)

namespace {

constexpr auto Ok = EndpointState::Ok;
constexpr auto Warn = EndpointState::Warning;
constexpr auto Crit = EndpointState::Critical;
constexpr auto Maint = EndpointState::Maintenance;

QuorumRule rule(int atLeast, int of)
{
    QuorumRule r;
    r.atLeast = atLeast;
    r.of = of;
    return r;
}

ProbeResult result(const QString &endpoint, const QString &location, EndpointState state, const QDateTime &at)
{
    ProbeResult r;
    r.endpoint = endpoint;
    r.location = location;
    r.state = r.rawState = state;
    r.startedAt = at;
    r.checkedBy = u"agent-"_s + location;
    return r;
}

Workspace workspace()
{
    Workspace w;
    Endpoint api;
    api.name = u"api"_s;
    api.group = u"core"_s;
    api.interval = Milliseconds(10000);
    Endpoint web;
    web.name = u"web"_s;
    web.interval = Milliseconds(10000);
    w.endpoints = { api, web };
    w.locations.groups.insert(u"core"_s, rule(2, 3));
    return w;
}

} // namespace

class TestLocationQuorum : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void combine_data()
    {
        QTest::addColumn<QList<EndpointState>>("states");
        QTest::addColumn<int>("atLeast");
        QTest::addColumn<int>("of");
        QTest::addColumn<EndpointState>("expected");
        QTest::addRow("any: worst wins") << QList { Ok, Crit, Ok } << 1 << 0 << Crit;
        QTest::addRow("any: warning") << QList { Ok, Warn } << 1 << 0 << Warn;
        QTest::addRow("none") << QList<EndpointState> {} << 1 << 0 << EndpointState::Unknown;
        QTest::addRow("2 of 3: one critical is a warning") << QList { Ok, Crit, Ok } << 2 << 3 << Warn;
        QTest::addRow("2 of 3: two critical") << QList { Crit, Crit, Ok } << 2 << 3 << Crit;
        QTest::addRow("2 of 3: all ok") << QList { Ok, Ok, Ok } << 2 << 3 << Ok;
        QTest::addRow("2 of 3: a lone location decides") << QList { Crit } << 2 << 3 << Crit;
        QTest::addRow("3 of 3: two of two reporting") << QList { Crit, Crit } << 3 << 3 << Crit;
        QTest::addRow("maintenance counts as ok") << QList { Maint, Ok } << 1 << 0 << Ok;
        QTest::addRow("all in maintenance") << QList { Maint, Maint } << 2 << 3 << Maint;
    }
    void combine()
    {
        QFETCH(QList<EndpointState>, states);
        QFETCH(int, atLeast);
        QFETCH(int, of);
        QFETCH(EndpointState, expected);
        QCOMPARE(LocationQuorum::combine(states, rule(atLeast, of)), expected);
    }

    void ruleOrder()
    {
        Workspace w = workspace();
        QCOMPARE(w.quorumRule(w.endpoints.at(0)).atLeast, 2); // from its group
        QVERIFY(w.quorumRule(w.endpoints.at(1)).isAny()); // the default
        w.locations.criticalWhen = rule(3, 3);
        QCOMPARE(w.quorumRule(w.endpoints.at(1)).atLeast, 3); // the workspace's default
        w.endpoints[0].criticalWhen = rule(1, 2);
        QCOMPARE(w.quorumRule(w.endpoints.at(0)).atLeast, 1); // its own wins
    }

    // Readings arrive one location at a time; the state follows the group's 2-of-3 rule.
    void readingsOverLocations()
    {
        LocationQuorum quorum;
        quorum.setWorkspace(workspace());
        const QDateTime t0 = QDateTime::fromString(u"2026-12-06T01:00:00Z"_s, Qt::ISODate);
        ProbeResult seoul = quorum.add(result(u"api"_s, u"seoul"_s, Crit, t0), t0);
        QCOMPARE(seoul.state, Crit); // alone, it decides
        QVERIFY(seoul.locations.isEmpty());
        ProbeResult tokyo = quorum.add(result(u"api"_s, u"tokyo"_s, Ok, t0.addSecs(1)), t0.addSecs(1));
        QCOMPARE(tokyo.state, Warn); // one of two critical, two needed
        QCOMPARE(tokyo.locations.size(), 2);
        QCOMPARE(tokyo.locations.at(0).location, u"seoul"_s);
        QCOMPARE(tokyo.locations.at(0).state, Crit);
        QCOMPARE(tokyo.locations.at(0).checkedBy, u"agent-seoul"_s);
        const ProbeResult frankfurt = quorum.add(result(u"api"_s, u"frankfurt"_s, Crit, t0.addSecs(2)), t0.addSecs(2));
        QCOMPARE(frankfurt.state, Crit);
        QCOMPARE(frankfurt.locations.size(), 3);
        // Seoul recovers: one critical left.
        QCOMPARE(quorum.add(result(u"api"_s, u"seoul"_s, Ok, t0.addSecs(10)), t0.addSecs(10)).state, Warn);
        // A late result older than the one kept changes nothing.
        QCOMPARE(quorum.add(result(u"api"_s, u"seoul"_s, Crit, t0.addSecs(5)), t0.addSecs(11)).state, Warn);
        QCOMPARE(quorum.readings(u"api"_s).at(0).state, Ok);
    }

    // A location that stopped reporting (three intervals, at least 30 s) no longer counts.
    void staleLocationLeftOut()
    {
        LocationQuorum quorum;
        quorum.setWorkspace(workspace());
        const QDateTime t0 = QDateTime::fromString(u"2026-12-06T01:00:00Z"_s, Qt::ISODate);
        quorum.add(result(u"web"_s, u"seoul"_s, Crit, t0), t0);
        QCOMPARE(quorum.add(result(u"web"_s, u"tokyo"_s, Ok, t0.addSecs(20)), t0.addSecs(20)).state, Crit);
        QCOMPARE(quorum.add(result(u"web"_s, u"tokyo"_s, Ok, t0.addSecs(40)), t0.addSecs(40)).state, Ok);
        // An endpoint that left the workspace is forgotten.
        Workspace w = workspace();
        w.endpoints.removeLast();
        quorum.setWorkspace(w);
        QVERIFY(quorum.readings(u"web"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocationQuorum)
#include "tst_locationquorum.moc"
