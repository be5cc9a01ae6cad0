// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/dependencygraph.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

DependencyTarget on(const QString &name, DependencyTarget::Kind kind = DependencyTarget::Kind::Any)
{
    return { kind, name, {} };
}

Endpoint endpoint(const QString &name, const QString &group = {}, const QList<DependencyTarget> &dependsOn = {})
{
    Endpoint e;
    e.name = name;
    e.group = group;
    e.dependsOn = dependsOn;
    return e;
}

// app → api → database, api → cache; web (group front) depends on the group back (api, worker).
Workspace shop()
{
    Workspace w;
    w.endpoints = { endpoint(u"database"_s, u"data"_s), endpoint(u"cache"_s, u"data"_s),
        endpoint(u"api"_s, u"back"_s, { on(u"database"_s), on(u"cache"_s) }), endpoint(u"worker"_s, u"back"_s),
        endpoint(u"app"_s, {}, { on(u"api"_s) }), endpoint(u"web"_s, u"front"_s), endpoint(u"alone"_s) };
    w.groups = { { u"front"_s, { on(u"back"_s, DependencyTarget::Kind::Group) }, {} } };
    return w;
}

// n endpoints; endpoint i depends on endpoint (i - 1) / fanOut: a chain for fanOut 1, a tree above.
Workspace tree(int n, int fanOut)
{
    Workspace w;
    w.endpoints.reserve(n);
    for (int i = 0; i < n; ++i) {
        Endpoint e = endpoint(u"e%1"_s.arg(i));
        if (i > 0) {
            e.dependsOn = { on(u"e%1"_s.arg((i - 1) / fanOut)) };
        }
        w.endpoints.append(e);
    }
    return w;
}

} // namespace

// The impact computation: root causes through endpoints and groups, only the affected subtree recomputed, cycles
// found with their path, and thousands of endpoints in linear work.
class TestDependencyGraph final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rootCauseThroughEndpointsAndGroups();
    void recoveryHandsTheRootToTheNextCriticalOne();
    void groupDependenciesReachEveryMember();
    void criticalGroupIsItsOwnRoot();
    void nothingToDoWithoutDependencies();
    void findsACycleWithItsPath();
    void chainOfFiveThousandIsLinear();
    void treeOfFiveThousandRecomputesOnlyASubtree();
};

void TestDependencyGraph::rootCauseThroughEndpointsAndGroups()
{
    DependencyGraph g;
    g.setWorkspace(shop());
    QVERIFY(g.hasDependencies());
    QVERIFY(!g.cycle());
    const QStringList changed = g.setCritical(u"database"_s, true);
    QCOMPARE(changed, (QStringList { u"api"_s, u"app"_s, u"web"_s })); // in dependency order
    QCOMPARE(g.rootCause(u"api"_s), u"database"_s);
    QCOMPARE(g.rootCause(u"app"_s), u"database"_s);
    QCOMPARE(g.rootCause(u"web"_s), u"database"_s); // front → group back → api → database
    QCOMPARE(g.rootCause(u"database"_s), QString()); // the root is not impacted
    QCOMPARE(g.rootCause(u"worker"_s), QString());
    QCOMPARE(g.rootCause(u"alone"_s), QString());
    QCOMPARE(g.impactedBy(u"database"_s), (QStringList { u"api"_s, u"app"_s, u"web"_s }));
    // api failing too changes nothing below: database is still the root cause.
    QCOMPARE(g.setCritical(u"api"_s, true), QStringList());
    QCOMPARE(g.lastVisited(), 1);
    QCOMPARE(g.rootCause(u"app"_s), u"database"_s);
    QCOMPARE(g.dependenciesOf(u"api"_s), (QStringList { u"database"_s, u"cache"_s }));
    QCOMPARE(g.dependenciesOf(u"web"_s), QStringList { u"group back"_s });
}

void TestDependencyGraph::recoveryHandsTheRootToTheNextCriticalOne()
{
    DependencyGraph g;
    g.setWorkspace(shop());
    g.setCritical(u"database"_s, true);
    g.setCritical(u"api"_s, true);
    // database recovers while api stays CRITICAL: api is its own problem now, and app and web are impacted by it.
    const QStringList changed = g.setCritical(u"database"_s, false);
    QCOMPARE(changed, (QStringList { u"api"_s, u"app"_s, u"web"_s }));
    QCOMPARE(g.rootCause(u"api"_s), QString());
    QCOMPARE(g.rootCause(u"app"_s), u"api"_s);
    QCOMPARE(g.rootCause(u"web"_s), u"api"_s);
    g.setCritical(u"api"_s, false);
    QCOMPARE(g.rootCause(u"app"_s), QString());
    QCOMPARE(g.impactedBy(u"api"_s), QStringList());
    // Two roots: the first dependency written wins.
    g.setCritical(u"cache"_s, true);
    g.setCritical(u"database"_s, true);
    QCOMPARE(g.rootCause(u"api"_s), u"database"_s);
    g.setCritical(u"database"_s, false);
    QCOMPARE(g.rootCause(u"api"_s), u"cache"_s);
}

void TestDependencyGraph::groupDependenciesReachEveryMember()
{
    Workspace w;
    w.endpoints = { endpoint(u"pg"_s, u"data"_s), endpoint(u"redis"_s, u"data"_s), endpoint(u"login"_s, u"api"_s),
        endpoint(u"search"_s, u"api"_s), endpoint(u"pay"_s, u"api"_s, { on(u"psp"_s) }), endpoint(u"psp"_s) };
    w.groups = { { u"api"_s, { on(u"data"_s) }, {} } };
    DependencyGraph g;
    g.setWorkspace(w);
    g.setCritical(u"redis"_s, true);
    QCOMPARE(g.impactedBy(u"redis"_s), (QStringList { u"login"_s, u"search"_s, u"pay"_s }));
    g.setCritical(u"psp"_s, true);
    QCOMPARE(g.rootCause(u"pay"_s), u"redis"_s); // the group's dependency comes first
    g.setCritical(u"redis"_s, false);
    QCOMPARE(g.rootCause(u"pay"_s), u"psp"_s);
    QCOMPARE(g.rootCause(u"login"_s), QString());
}

// A group whose enabled endpoints are all CRITICAL is the root cause of what depends on it; while only some are,
// the first of them is; a group of one endpoint is that endpoint; a member impacted from above passes that on.
void TestDependencyGraph::criticalGroupIsItsOwnRoot()
{
    Workspace w;
    Endpoint old = endpoint(u"old"_s, u"data"_s);
    old.enabled = false;
    w.endpoints = { endpoint(u"net"_s), endpoint(u"pg"_s, u"data"_s), endpoint(u"redis"_s, u"data"_s), old,
        endpoint(u"api"_s, {}, { on(u"data"_s, DependencyTarget::Kind::Group) }), endpoint(u"solo"_s, u"one"_s),
        endpoint(u"x"_s, {}, { on(u"one"_s, DependencyTarget::Kind::Group) }) };
    w.groups = { { u"data"_s, { on(u"net"_s) }, {} } };
    DependencyGraph g;
    g.setWorkspace(w);
    g.setCritical(u"redis"_s, true);
    QCOMPARE(g.rootCause(u"api"_s), u"redis"_s);
    QCOMPARE(g.setCritical(u"pg"_s, true), QStringList { u"api"_s });
    QCOMPARE(g.rootCause(u"api"_s), DependencyGraph::groupRoot(u"data"_s));
    QCOMPARE(g.rootCause(u"api"_s), u"group data"_s);
    QCOMPARE(g.rootCause(u"pg"_s), QString()); // the members are not impacted by their own group
    QCOMPARE(g.impactedBy(u"group data"_s), QStringList { u"api"_s });
    QCOMPARE(DependencyGraph::groupOfRoot(g.rootCause(u"api"_s)), u"data"_s);
    QCOMPARE(DependencyGraph::groupOfRoot(u"pg"_s), QString());
    // One recovers: the other is the root again.
    QCOMPARE(g.setCritical(u"redis"_s, false), QStringList { u"api"_s });
    QCOMPARE(g.rootCause(u"api"_s), u"pg"_s);
    g.setCritical(u"redis"_s, true);
    QCOMPARE(g.rootCause(u"api"_s), u"group data"_s);
    // What the group depends on fails: that is the root of the members and of what depends on the group.
    g.setCritical(u"net"_s, true);
    QCOMPARE(g.rootCause(u"pg"_s), u"net"_s);
    QCOMPARE(g.rootCause(u"api"_s), u"net"_s);
    g.setCritical(u"net"_s, false);
    QCOMPARE(g.rootCause(u"api"_s), u"group data"_s);
    // A group of one endpoint: the endpoint is the root.
    g.setCritical(u"solo"_s, true);
    QCOMPARE(g.rootCause(u"x"_s), u"solo"_s);
}

void TestDependencyGraph::nothingToDoWithoutDependencies()
{
    DependencyGraph g;
    g.setWorkspace(tree(1, 1));
    QVERIFY(!g.hasDependencies());
    QCOMPARE(g.setCritical(u"e0"_s, true), QStringList());
    QVERIFY(g.isCritical(u"e0"_s));
    QCOMPARE(g.setCritical(u"unknown"_s, true), QStringList());
}

void TestDependencyGraph::findsACycleWithItsPath()
{
    Workspace w;
    w.endpoints = { endpoint(u"a"_s, {}, { on(u"b"_s) }), endpoint(u"b"_s, u"mid"_s),
        endpoint(u"c"_s, {}, { on(u"a"_s) }), endpoint(u"d"_s, {}, { on(u"c"_s) }) };
    w.endpoints[0].dependsOn[0].pos = { 3, 9 };
    w.endpoints[2].dependsOn[0].pos = { 9, 7 };
    w.groups = { { u"mid"_s, { on(u"c"_s) }, { 12, 5 } } };
    w.groups[0].dependsOn[0].pos = { 13, 20 };
    DependencyGraph g;
    g.setWorkspace(w);
    QVERIFY(g.cycle());
    const DependencyGraph::Cycle cycle = *g.cycle();
    // Each depends on the next, and it starts at a dependency written in the file.
    QVERIFY2(cycle.names.constFirst() == cycle.names.constLast(), qPrintable(cycle.names.join(u" → "_s)));
    QCOMPARE(cycle.names.size(), 5);
    const QString text = cycle.names.join(u" → "_s);
    QVERIFY2(text.contains(u"a → b → group mid → c"_s) || text.contains(u"group mid → c → a → b"_s)
            || text.contains(u"c → a → b → group mid"_s),
        qPrintable(text));
    QCOMPARE(text, u"a → b → group mid → c → a"_s);
    QCOMPARE(cycle.at.path, u"endpoints[0].depends-on[0]"_s);
    QCOMPARE(cycle.at.pos.line, 3);
    // Nodes on the cycle take no part; the rest still works.
    QCOMPARE(g.setCritical(u"a"_s, true), QStringList());
}

void TestDependencyGraph::chainOfFiveThousandIsLinear()
{
    constexpr int n = 5000;
    const Workspace w = tree(n, 1);
    DependencyGraph g;
    QElapsedTimer timer;
    timer.start();
    g.setWorkspace(w);
    const qint64 buildUs = timer.nsecsElapsed() / 1000;
    QCOMPARE(g.nodeCount(), n);
    timer.restart();
    QCOMPARE(g.setCritical(u"e0"_s, true).size(), n - 1);
    const qint64 topUs = timer.nsecsElapsed() / 1000;
    QCOMPARE(g.lastVisited(), n); // every node once, not once per ancestor
    QCOMPARE(g.rootCause(u"e4999"_s), u"e0"_s);
    // Below a root cause, another failure changes nothing and costs one node.
    QCOMPARE(g.setCritical(u"e2500"_s, true), QStringList());
    QCOMPARE(g.lastVisited(), 1);
    // The top recovers: e2500 is the root for the half below it, the half above is clear.
    timer.restart();
    QCOMPARE(g.setCritical(u"e0"_s, false).size(), n - 1);
    const qint64 recoverUs = timer.nsecsElapsed() / 1000;
    QCOMPARE(g.rootCause(u"e2499"_s), QString());
    QCOMPARE(g.rootCause(u"e2501"_s), u"e2500"_s);
    QCOMPARE(g.rootCause(u"e4999"_s), u"e2500"_s);
    // A leaf changes only itself.
    g.setCritical(u"e4999"_s, true);
    QCOMPARE(g.lastVisited(), 1);
    qInfo(
        "chain of %d: setWorkspace %lld us, top CRITICAL %lld us, top recovers %lld us", n, buildUs, topUs, recoverUs);
}

void TestDependencyGraph::treeOfFiveThousandRecomputesOnlyASubtree()
{
    constexpr int n = 5000;
    const Workspace w = tree(n, 10); // e1..e10 below e0, e11..e20 below e1, ...
    DependencyGraph g;
    g.setWorkspace(w);
    // e1's subtree: e1, its 10 children, their 100, their 1000 (ids up to 4999 cut it short).
    QSet<QString> expected;
    QList<int> level { 1 };
    while (!level.isEmpty()) {
        QList<int> next;
        for (const int i : std::as_const(level)) {
            if (i < n) {
                expected.insert(u"e%1"_s.arg(i));
                for (int c = i * 10 + 1; c <= i * 10 + 10; ++c) {
                    next.append(c);
                }
            }
        }
        level = next;
    }
    expected.remove(u"e1"_s);
    const QStringList changed = g.setCritical(u"e1"_s, true);
    QCOMPARE(QSet<QString>(changed.cbegin(), changed.cend()), expected);
    QCOMPARE(g.lastVisited(), int(expected.size()) + 1);
    QVERIFY(g.lastVisited() < n / 4); // 1,111 of 5,000
    QCOMPARE(g.rootCause(u"e2"_s), QString()); // a sibling's subtree is untouched
    QCOMPARE(g.rootCause(u"e11"_s), u"e1"_s);
    // The whole tree, then the root recovers while e1 stays CRITICAL.
    g.setCritical(u"e0"_s, true);
    QCOMPARE(g.rootCause(u"e11"_s), u"e0"_s);
    QCOMPARE(g.impactedBy(u"e0"_s).size(), n - 1);
    g.setCritical(u"e0"_s, false);
    QCOMPARE(g.rootCause(u"e11"_s), u"e1"_s);
    QCOMPARE(g.rootCause(u"e1"_s), QString());
    QCOMPARE(g.impactedBy(u"e1"_s).size(), expected.size());
}

QTEST_GUILESS_MAIN(TestDependencyGraph)
#include "tst_dependencygraph.moc"
