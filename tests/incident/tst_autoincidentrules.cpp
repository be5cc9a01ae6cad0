// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/autoincidentrules.h"
#include "incidenttesthelpers.h"
#include "probe/dependencygraph.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace IncidentTest;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 12, 5), QTime(9, 0), QTimeZone::utc());

AutoIncidentRule groupRule()
{
    AutoIncidentRule r;
    r.id = u"api-down"_s;
    r.subject = AutoIncidentRule::Subject::Group;
    r.name = u"api"_s;
    r.forDuration = Milliseconds(5 * 60 * 1000);
    r.severity = u"P1"_s;
    r.title = u"{subject} group down for {for}"_s;
    return r;
}

Workspace rulesWorkspace()
{
    Workspace w = workspace();
    Endpoint login;
    login.name = u"login"_s;
    login.group = u"api"_s;
    w.endpoints.append(login);
    AutoIncidentRule kpi;
    kpi.id = u"errors"_s;
    kpi.subject = AutoIncidentRule::Subject::Kpi;
    kpi.name = u"error-rate"_s;
    kpi.forDuration = Milliseconds(0);
    kpi.severity = u"P2"_s;
    kpi.services = { u"checkout"_s };
    w.incidents.autoRules = { groupRule(), kpi };
    return w;
}

int count(const Incident &i, TimelineKind kind, const QString &to = {})
{
    return int(std::count_if(i.timeline.cbegin(), i.timeline.cend(),
        [&](const TimelineEntry &e) { return e.kind == kind && (to.isEmpty() || e.to == to); }));
}

} // namespace

class TestAutoIncidentRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void titleTemplate();
    void opensOnlyAfterTheDuration();
    void flappingBackToOkOpensNothing();
    void addsToTheOpenIncidentInsteadOfASecond();
    void suggestsResolvingWhenEverythingIsOk();
    void kpiRuleWithServicesAndSeverity();
    void findsItsIncidentAfterARestart();
    void impactedEndpointsOpenOneIncidentForTheRoot();
    void impactedEndpointsJoinTheRootsOwnIncident();
    void impactedByACriticalGroupJoinTheGroupsIncident();

private:
    // rulesWorkspace() with the api group depending on cdn, which is CRITICAL.
    Workspace useDependencies(const QList<AutoIncidentRule> &rules);

    DependencyGraph m_graph;
    void tickAt(int minutes);
    int openCount() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<AutoIncidentRules> m_rules;
    QDateTime m_now;
};

void TestAutoIncidentRules::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_autoincidentrules"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
}

void TestAutoIncidentRules::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    m_store = std::make_unique<IncidentStore>(m_storage.get());
    m_rules = std::make_unique<AutoIncidentRules>(m_store.get());
    m_rules->setClock([this] { return m_now; });
    m_now = t0;
    m_store->setWorkspace(rulesWorkspace());
    m_rules->setWorkspace(rulesWorkspace());
    QVERIFY(refreshAndWait(*m_store));
}

void TestAutoIncidentRules::cleanup()
{
    m_rules.reset();
    m_store.reset();
    m_storage.reset();
    m_dir.reset();
}

void TestAutoIncidentRules::tickAt(int minutes)
{
    m_now = t0.addSecs(minutes * 60);
    m_rules->tick();
}

int TestAutoIncidentRules::openCount() const
{
    return int(std::count_if(
        m_store->incidents().cbegin(), m_store->incidents().cend(), [](const Incident &i) { return i.isOpen(); }));
}

void TestAutoIncidentRules::titleTemplate()
{
    QCOMPARE(AutoIncidentRules::title(groupRule()), u"api group down for 5m"_s);
}

void TestAutoIncidentRules::opensOnlyAfterTheDuration()
{
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, u"HTTP 503 in 35 ms"_s);
    tickAt(4);
    QTest::qWait(100);
    QCOMPARE(openCount(), 0);
    QSignalSpy created(m_store.get(), &IncidentStore::incidentCreated);
    tickAt(5);
    tickAt(5); // a second tick while the create is on its way opens nothing more
    QVERIFY(created.wait(10000));
    const Incident *i = m_store->incident(created.constFirst().at(0).toLongLong());
    QVERIFY(i);
    QCOMPARE(i->title, u"api group down for 5m"_s);
    QCOMPARE(i->severity, u"P1"_s);
    QCOMPARE(i->services, QStringList { u"api"_s });
    QCOMPARE(i->startedAt, t0);
    QCOMPARE(count(*i, TimelineKind::AutoIncident, u"opened"_s), 1);
    const auto evidence = std::find_if(i->timeline.cbegin(), i->timeline.cend(),
        [](const TimelineEntry &e) { return e.kind == TimelineKind::EndpointState; });
    QVERIFY(evidence != i->timeline.cend());
    QCOMPARE(evidence->text, u"HTTP 503 in 35 ms"_s);
    QCOMPARE(m_rules->openIncident(u"api-down"_s), i->id);
    tickAt(6);
    QTest::qWait(100);
    QCOMPARE(created.size(), 1);
}

void TestAutoIncidentRules::flappingBackToOkOpensNothing()
{
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, {});
    m_now = t0.addSecs(3 * 60);
    m_rules->observeEndpoint(u"api-health"_s, u"ok"_s, {});
    m_now = t0.addSecs(4 * 60);
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, {});
    tickAt(8); // critical again only since minute 4
    QTest::qWait(100);
    QCOMPARE(openCount(), 0);
}

void TestAutoIncidentRules::addsToTheOpenIncidentInsteadOfASecond()
{
    QSignalSpy created(m_store.get(), &IncidentStore::incidentCreated);
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, {});
    tickAt(5);
    QVERIFY(created.wait(10000));
    const qint64 id = created.constFirst().at(0).toLongLong();
    m_rules->observeEndpoint(u"login"_s, u"critical"_s, u"timeout"_s);
    tickAt(9);
    QTest::qWait(100);
    QCOMPARE(count(*m_store->incident(id), TimelineKind::AutoIncident, u"added"_s), 0);
    tickAt(10);
    QTRY_COMPARE_WITH_TIMEOUT(count(*m_store->incident(id), TimelineKind::AutoIncident, u"added"_s), 1, 10000);
    tickAt(11);
    QVERIFY(settle(*m_store, id));
    QTest::qWait(100);
    QCOMPARE(count(*m_store->incident(id), TimelineKind::AutoIncident, u"added"_s), 1);
    QCOMPARE(created.size(), 1);
    QCOMPARE(openCount(), 1);
}

void TestAutoIncidentRules::suggestsResolvingWhenEverythingIsOk()
{
    QSignalSpy created(m_store.get(), &IncidentStore::incidentCreated);
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, {});
    m_rules->observeEndpoint(u"login"_s, u"ok"_s, {});
    tickAt(5);
    QVERIFY(created.wait(10000));
    const qint64 id = created.constFirst().at(0).toLongLong();
    QSignalSpy suggested(m_rules.get(), &AutoIncidentRules::resolveSuggested);
    m_rules->observeEndpoint(u"api-health"_s, u"ok"_s, {});
    tickAt(7);
    QVERIFY(suggested.wait(10000));
    QCOMPARE(suggested.constFirst().at(0).toLongLong(), id);
    QCOMPARE(count(*m_store->incident(id), TimelineKind::AutoIncident, u"all-ok"_s), 1);
    tickAt(8);
    QTest::qWait(100);
    QCOMPARE(suggested.size(), 1); // once
    QVERIFY(m_store->incident(id)->isOpen()); // a suggestion, people resolve
    // Critical again for the duration: told again, and a later recovery is suggested again.
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, {});
    tickAt(14);
    QTRY_COMPARE_WITH_TIMEOUT(count(*m_store->incident(id), TimelineKind::AutoIncident, u"added"_s), 1, 10000);
    m_rules->observeEndpoint(u"api-health"_s, u"ok"_s, {});
    tickAt(15);
    QVERIFY(suggested.wait(10000));
    QCOMPARE(created.size(), 1);
}

void TestAutoIncidentRules::kpiRuleWithServicesAndSeverity()
{
    QSignalSpy created(m_store.get(), &IncidentStore::incidentCreated);
    m_rules->observeKpi(u"error-rate"_s, u"critical"_s, u"7.5 %"_s);
    tickAt(0);
    QVERIFY(created.wait(10000));
    const Incident *i = m_store->incident(created.constFirst().at(0).toLongLong());
    QCOMPARE(i->title, u"error-rate is CRITICAL"_s); // the default title
    QCOMPARE(i->severity, u"P2"_s);
    QCOMPARE(i->services, QStringList { u"checkout"_s });
    QCOMPARE(count(*i, TimelineKind::KpiThreshold), 1);
}

void TestAutoIncidentRules::findsItsIncidentAfterARestart()
{
    QSignalSpy created(m_store.get(), &IncidentStore::incidentCreated);
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, {});
    tickAt(5);
    QVERIFY(created.wait(10000));
    const qint64 id = created.constFirst().at(0).toLongLong();
    QVERIFY(settle(*m_store, id));
    m_rules.reset();
    m_store.reset();
    m_storage.reset();
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    m_store = std::make_unique<IncidentStore>(m_storage.get());
    m_rules = std::make_unique<AutoIncidentRules>(m_store.get());
    m_rules->setClock([this] { return m_now; });
    m_store->setWorkspace(rulesWorkspace());
    m_rules->setWorkspace(rulesWorkspace());
    QVERIFY(refreshAndWait(*m_store));
    QCOMPARE(m_rules->openIncident(u"api-down"_s), id);
    m_now = t0.addSecs(20 * 60);
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, {});
    tickAt(30);
    QVERIFY(settle(*m_store, id));
    QTest::qWait(200);
    QCOMPARE(openCount(), 1); // added to (or already told in) the open incident, not a second one
}

Workspace TestAutoIncidentRules::useDependencies(const QList<AutoIncidentRule> &rules)
{
    Workspace w = rulesWorkspace();
    w.groups.append({ u"api"_s, { { DependencyTarget::Kind::Endpoint, u"cdn"_s, {} } }, {} });
    w.incidents.autoRules = rules;
    m_graph.setWorkspace(w);
    m_graph.setCritical(u"cdn"_s, true);
    m_rules->setWorkspace(w);
    m_rules->setRootCause([this](const QString &endpoint) { return m_graph.rootCause(endpoint); });
    return w;
}

void TestAutoIncidentRules::impactedEndpointsOpenOneIncidentForTheRoot()
{
    useDependencies({ groupRule() }); // no rule watches cdn
    QSignalSpy created(m_store.get(), &IncidentStore::incidentCreated);
    m_rules->observeEndpoint(u"cdn"_s, u"critical"_s, u"connection refused"_s);
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, u"HTTP 502"_s);
    m_rules->observeEndpoint(u"login"_s, u"critical"_s, u"HTTP 502"_s);
    tickAt(4);
    QTest::qWait(100);
    QCOMPARE(openCount(), 0); // the children's rule still waits its 5 minutes
    tickAt(5);
    tickAt(5);
    QVERIFY(created.wait(10000));
    const qint64 id = created.constFirst().at(0).toLongLong();
    tickAt(6);
    QVERIFY(settle(*m_store, id));
    QTest::qWait(100);
    QCOMPARE(created.size(), 1);
    QCOMPARE(openCount(), 1); // one for the root, not one per child
    const Incident *i = m_store->incident(id);
    QCOMPARE(i->title, u"cdn group down for 5m"_s);
    QCOMPARE(i->services, QStringList { u"cdn"_s });
    QCOMPARE(count(*i, TimelineKind::AutoIncident, u"opened"_s), 1);
    QCOMPARE(count(*i, TimelineKind::AutoIncident, u"impacted"_s), 2);
    QStringList evidence;
    for (const TimelineEntry &e : i->timeline) {
        if (e.kind == TimelineKind::EndpointState) {
            evidence << e.subject;
        }
    }
    QCOMPARE(evidence.value(0), u"cdn"_s); // the root first, then what it impacts
    std::sort(evidence.begin() + 1, evidence.end());
    QCOMPARE(evidence, (QStringList { u"cdn"_s, u"api-health"_s, u"login"_s }));
    QCOMPARE(m_rules->openIncident(u"api-down"_s), id);
}

void TestAutoIncidentRules::impactedEndpointsJoinTheRootsOwnIncident()
{
    AutoIncidentRule cdnRule;
    cdnRule.id = u"cdn-down"_s;
    cdnRule.name = u"cdn"_s;
    cdnRule.forDuration = Milliseconds(10 * 60 * 1000);
    cdnRule.severity = u"P0"_s;
    useDependencies({ groupRule(), cdnRule });
    QSignalSpy created(m_store.get(), &IncidentStore::incidentCreated);
    m_rules->observeEndpoint(u"cdn"_s, u"critical"_s, {});
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, {});
    m_rules->observeEndpoint(u"login"_s, u"critical"_s, {});
    tickAt(5); // api-down is due, but its endpoints are impacted and cdn's own rule decides
    QTest::qWait(200);
    QCOMPARE(openCount(), 0);
    tickAt(10);
    QVERIFY(created.wait(10000));
    const qint64 id = created.constFirst().at(0).toLongLong();
    QCOMPARE(m_rules->openIncident(u"cdn-down"_s), id);
    tickAt(11);
    QTRY_COMPARE_WITH_TIMEOUT(count(*m_store->incident(id), TimelineKind::AutoIncident, u"impacted"_s), 2, 10000);
    tickAt(12);
    QVERIFY(settle(*m_store, id));
    QTest::qWait(100);
    QCOMPARE(count(*m_store->incident(id), TimelineKind::AutoIncident, u"impacted"_s), 2);
    QCOMPARE(created.size(), 1);
    QCOMPARE(m_rules->openIncident(u"api-down"_s), 0);
    // cdn recovers, api-health does not: now it is its own problem and its rule opens its own incident.
    m_graph.setCritical(u"cdn"_s, false);
    m_rules->observeEndpoint(u"cdn"_s, u"ok"_s, {});
    m_rules->observeEndpoint(u"login"_s, u"ok"_s, {});
    tickAt(13);
    QVERIFY(created.wait(10000));
    QCOMPARE(m_store->incident(created.constLast().at(0).toLongLong())->title, u"api group down for 5m"_s);
}

// Every endpoint of group api CRITICAL: the group is the root cause of shop, which depends on it; the group's rule
// opens the one incident and shop is listed on it, not opened on its own.
void TestAutoIncidentRules::impactedByACriticalGroupJoinTheGroupsIncident()
{
    Workspace w = rulesWorkspace();
    Endpoint shop;
    shop.name = u"shop"_s;
    shop.dependsOn = { { DependencyTarget::Kind::Group, u"api"_s, {} } };
    w.endpoints.append(shop);
    AutoIncidentRule shopRule;
    shopRule.id = u"shop-down"_s;
    shopRule.name = u"shop"_s;
    shopRule.forDuration = Milliseconds(60 * 1000);
    shopRule.severity = u"P1"_s;
    w.incidents.autoRules.append(shopRule);
    m_graph.setWorkspace(w);
    m_graph.setCritical(u"api-health"_s, true);
    m_graph.setCritical(u"login"_s, true);
    m_graph.setCritical(u"shop"_s, true);
    QCOMPARE(m_graph.rootCause(u"shop"_s), u"group api"_s);
    m_rules->setWorkspace(w);
    m_rules->setRootCause([this](const QString &endpoint) { return m_graph.rootCause(endpoint); });
    QSignalSpy created(m_store.get(), &IncidentStore::incidentCreated);
    m_rules->observeEndpoint(u"shop"_s, u"critical"_s, u"HTTP 502"_s);
    m_rules->observeEndpoint(u"api-health"_s, u"critical"_s, u"HTTP 503"_s);
    m_rules->observeEndpoint(u"login"_s, u"critical"_s, u"HTTP 503"_s);
    tickAt(2); // shop's rule is due, but the group it depends on has a rule of its own
    QTest::qWait(200);
    QCOMPARE(openCount(), 0);
    tickAt(5);
    QVERIFY(created.wait(10000));
    const qint64 id = created.constFirst().at(0).toLongLong();
    QCOMPARE(m_rules->openIncident(u"api-down"_s), id);
    tickAt(6);
    QTRY_COMPARE_WITH_TIMEOUT(count(*m_store->incident(id), TimelineKind::AutoIncident, u"impacted"_s), 1, 10000);
    tickAt(7);
    QVERIFY(settle(*m_store, id));
    QTest::qWait(100);
    QCOMPARE(created.size(), 1);
    QCOMPARE(openCount(), 1);
    QCOMPARE(m_rules->openIncident(u"shop-down"_s), 0);
}

QTEST_GUILESS_MAIN(TestAutoIncidentRules)
#include "tst_autoincidentrules.moc"
