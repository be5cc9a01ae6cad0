// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentautorecorder.h"
#include "incident/incidenttimeline.h"
#include "incidenttesthelpers.h"
#include "kpi/kpimodel.h"
#include "probe/probeengine.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace IncidentTest;

class TestIncidentAutoRecorder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void transitionLandsInMatchingOpenIncidents();
    void createFromCriticalEndpoint();
    void nonCriticalIsRefused();
    void longEvidenceIsCapped();
    void kpiCrossingLandsByKpiOrItsEndpoint();
    void checklistSignOffLandsInOpenIncidents();
    void createFromCriticalKpi();
    void createFromKpiTile();

private:
    ProbeResult critical() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<IncidentAutoRecorder> m_recorder;
};

void TestIncidentAutoRecorder::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_incidentautorecorder"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
}

void TestIncidentAutoRecorder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    m_store = std::make_unique<IncidentStore>(m_storage.get());
    m_store->setWorkspace(workspace());
    QVERIFY(refreshAndWait(*m_store));
    m_recorder = std::make_unique<IncidentAutoRecorder>(m_store.get());
    m_recorder->setWorkspace(workspace());
}

void TestIncidentAutoRecorder::cleanup()
{
    m_recorder.reset();
    m_store.reset();
    m_storage.reset();
    m_dir.reset();
}

ProbeResult TestIncidentAutoRecorder::critical() const
{
    ProbeResult r;
    r.endpoint = u"api-health"_s;
    r.startedAt = utc("2026-11-01T10:02:00");
    r.state = EndpointState::Critical;
    r.httpStatus = 503;
    r.totalMs = 35.4;
    ConditionResult status;
    status.condition = u"[STATUS] == 200"_s;
    status.actual = u"503"_s;
    status.verdict = ConditionResult::Verdict::Fail;
    ConditionResult fast;
    fast.condition = u"[RESPONSE_TIME] < 500"_s;
    fast.verdict = ConditionResult::Verdict::Pass;
    r.conditions = { status, fast };
    return r;
}

void TestIncidentAutoRecorder::transitionLandsInMatchingOpenIncidents()
{
    const auto withServices = [this](const QString &title, const QStringList &services) {
        Incident d = draft(title);
        d.services = services;
        return createAndWait(*m_store, d);
    };
    const qint64 byName = withServices(u"by name"_s, { u"api-health"_s });
    const qint64 byGroup = withServices(u"by group"_s, { u"db"_s, u"api"_s });
    const qint64 other = withServices(u"other service"_s, { u"cdn"_s });
    const qint64 resolved = withServices(u"resolved"_s, { u"api-health"_s });
    QVERIFY(byName && byGroup && other && resolved);
    QVERIFY(m_store->setStatus(resolved, IncidentStatus::Resolved).isEmpty());
    QVERIFY(settle(*m_store, resolved));
    QCOMPARE(m_recorder->matchingIncidents(u"api-health"_s), (QList<qint64> { byGroup, byName }));

    // The probe engine's own signal, as the app connects it.
    ProbeEngine engine;
    connect(&engine, &ProbeEngine::stateChanged, m_recorder.get(), &IncidentAutoRecorder::recordEndpointTransition);
    QSignalSpy recorded(m_recorder.get(), &IncidentAutoRecorder::recorded);
    Q_EMIT engine.stateChanged(u"api-health"_s, EndpointState::Ok, EndpointState::Critical, critical());
    QCOMPARE(recorded.size(), 1);
    QVERIFY(settle(*m_store, byName) && settle(*m_store, byGroup));

    for (qint64 id : { byName, byGroup }) {
        const TimelineEntry &e = m_store->incident(id)->timeline.constLast();
        QCOMPARE(e.kind, TimelineKind::EndpointState);
        QCOMPARE(e.author, u"opsdeck"_s);
        QCOMPARE(e.occurredAt, utc("2026-11-01T10:02:00"));
        QCOMPARE(IncidentTimeline::describe(e),
            u"api-health: OK → CRITICAL (HTTP 503 in 35 ms; failed: [STATUS] == 200 (actual 503))"_s);
    }
    QCOMPARE(m_store->incident(other)->timeline.size(), 1);
    QCOMPARE(m_store->incident(resolved)->timeline.constLast().kind, TimelineKind::StatusChange);
    QCOMPARE(scalar(*m_storage, u"SELECT COUNT(*) FROM incident_timeline WHERE kind = 'endpoint'"_s), 2);

    // An endpoint no incident lists records nothing.
    Q_EMIT engine.stateChanged(u"cdn-2"_s, EndpointState::Ok, EndpointState::Warning, {});
    QCOMPARE(recorded.size(), 1);
}

void TestIncidentAutoRecorder::createFromCriticalEndpoint()
{
    const auto d = m_recorder->draftFromEndpoint(u"api-health"_s, critical());
    QCOMPARE(d.incident.title, u"api-health is CRITICAL"_s);
    QCOMPARE(d.incident.severity, u"P0"_s);
    QSignalSpy added(m_store.get(), &IncidentStore::incidentAdded);
    QVERIFY(m_recorder->createFromEndpoint(u"api-health"_s, critical()).isEmpty());
    QVERIFY(added.wait(10000));
    const Incident *i = m_store->incident(added.constFirst().at(0).toLongLong());
    QCOMPARE(i->services, QStringList { u"api-health"_s });
    QCOMPARE(i->startedAt, utc("2026-11-01T10:02:00"));
    QCOMPARE(i->timeline.size(), 2);
    QCOMPARE(IncidentTimeline::describe(i->timeline.at(1)),
        u"api-health: CRITICAL (HTTP 503 in 35 ms; failed: [STATUS] == 200 (actual 503))"_s);
    // From now on its endpoint's changes land in it.
    QCOMPARE(m_recorder->matchingIncidents(u"api-health"_s), QList<qint64> { i->id });
}

void TestIncidentAutoRecorder::nonCriticalIsRefused()
{
    ProbeResult warn = critical();
    warn.state = EndpointState::Warning;
    const QString why = m_recorder->createFromEndpoint(u"api-health"_s, warn);
    QVERIFY2(why.contains(u"WARNING, not CRITICAL"_s), qPrintable(why));
    QVERIFY(m_store->incidents().isEmpty());
}

void TestIncidentAutoRecorder::longEvidenceIsCapped()
{
    ProbeResult r = critical();
    r.conditions.first().actual = QString(5000, u'x');
    const QString text = IncidentAutoRecorder::evidenceText(r);
    QCOMPARE(text.size(), 400);
    QVERIFY(text.startsWith(u"HTTP 503 in 35 ms; failed: [STATUS] == 200 (actual xxx"_s));
    QVERIFY(text.endsWith(u'…'));
}

void TestIncidentAutoRecorder::kpiCrossingLandsByKpiOrItsEndpoint()
{
    Workspace w = workspace();
    Kpi errors;
    errors.id = u"error-rate"_s;
    errors.source.kind = KpiSource::Kind::Json;
    errors.source.endpoint = u"api-health"_s;
    w.kpis = { errors };
    m_recorder->setWorkspace(w);
    Incident byKpi = draft(u"by kpi"_s);
    byKpi.services = { u"error-rate"_s };
    Incident byGroup = draft(u"by the source endpoint's group"_s);
    byGroup.services = { u"api"_s };
    Incident other = draft(u"other"_s);
    other.services = { u"cdn"_s };
    const qint64 a = createAndWait(*m_store, byKpi);
    const qint64 b = createAndWait(*m_store, byGroup);
    const qint64 c = createAndWait(*m_store, other);
    m_recorder->recordKpiCrossing(u"error-rate"_s, u"normal"_s, u"critical"_s, u"5.2 %"_s);
    QVERIFY(settle(*m_store, a) && settle(*m_store, b));
    for (qint64 id : { a, b }) {
        const TimelineEntry &e = m_store->incident(id)->timeline.constLast();
        QCOMPARE(e.kind, TimelineKind::KpiThreshold);
        QCOMPARE(IncidentTimeline::describe(e), u"error-rate: normal → critical (5.2 %)"_s);
    }
    QCOMPARE(m_store->incident(c)->timeline.size(), 1);
}

void TestIncidentAutoRecorder::checklistSignOffLandsInOpenIncidents()
{
    const qint64 open = createAndWait(*m_store, draft(u"open"_s));
    const qint64 closed = createAndWait(*m_store, draft(u"resolved"_s));
    QVERIFY(m_store->setStatus(closed, IncidentStatus::Resolved).isEmpty());
    QVERIFY(settle(*m_store, closed));
    const qsizetype closedEntries = m_store->incident(closed)->timeline.size();
    m_recorder->recordChecklistSignOff(u"Post-deploy checks"_s, u"Kim Ops"_s, u"all green"_s);
    QVERIFY(settle(*m_store, open));
    const TimelineEntry &e = m_store->incident(open)->timeline.constLast();
    QCOMPARE(e.kind, TimelineKind::ChecklistSignOff);
    QCOMPARE(e.subject, u"Post-deploy checks"_s);
    QCOMPARE(e.author, u"Kim Ops"_s);
    QCOMPARE(m_store->incident(closed)->timeline.size(), closedEntries);
}

void TestIncidentAutoRecorder::createFromCriticalKpi()
{
    Workspace w = workspace();
    Kpi errors;
    errors.id = u"error-rate"_s;
    errors.source.kind = KpiSource::Kind::Json;
    errors.source.endpoint = u"api-health"_s;
    w.kpis = { errors };
    m_recorder->setWorkspace(w);
    const QDateTime at = utc("2026-03-02T09:00:00");
    QVERIFY(!m_recorder->createFromKpi(u"error-rate"_s, u"Error rate"_s, u"warning"_s, u"2.0 %"_s, at).isEmpty());
    QSignalSpy added(m_store.get(), &IncidentStore::incidentAdded);
    QCOMPARE(m_recorder->createFromKpi(u"error-rate"_s, u"Error rate"_s, u"critical"_s, u"7.5 %"_s, at), QString());
    QVERIFY(added.wait(10000));
    const Incident *incident = m_store->incident(added.at(0).at(0).toLongLong());
    QVERIFY(incident);
    QCOMPARE(incident->title, u"Error rate is critical"_s);
    QCOMPARE(incident->services, (QStringList { u"error-rate"_s, u"api-health"_s }));
    QCOMPARE(incident->startedAt, at);
    bool evidence = false;
    for (const TimelineEntry &e : incident->timeline) {
        evidence |= e.kind == TimelineKind::KpiThreshold && e.text == u"7.5 %"_s;
    }
    QVERIFY(evidence);
}

void TestIncidentAutoRecorder::createFromKpiTile()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Kpi errors;
    errors.id = u"error-rate"_s;
    errors.title = { u"Error rate"_s, u"에러율"_s };
    errors.unit = u"%"_s;
    errors.decimals = 1;
    errors.thresholds.warn = 1;
    errors.thresholds.crit = 5;
    errors.thresholds.direction = Thresholds::Direction::Above;
    errors.interval = std::chrono::seconds(10);
    errors.source.kind = KpiSource::Kind::Json;
    errors.source.endpoint = u"api-health"_s;
    Workspace w = workspace();
    w.kpis = { errors };
    m_recorder->setWorkspace(w);
    const QDateTime at = QDateTime::currentDateTimeUtc();
    KpiModel kpis;
    kpis.setClock([at] { return at; });
    kpis.setKpis(w.kpis);
    QVERIFY(!m_recorder->createFromKpiTile(kpis, u"missing"_s).isEmpty());
    QVERIFY(!m_recorder->createFromKpiTile(kpis, u"error-rate"_s).isEmpty()); // no value yet: not critical
    KpiFigure f;
    f.value = 7.5;
    f.at = at;
    kpis.applyFigure(u"error-rate"_s, f);

    QSignalSpy added(m_store.get(), &IncidentStore::incidentAdded);
    QCOMPARE(m_recorder->createFromKpiTile(kpis, u"error-rate"_s), QString());
    QVERIFY(added.wait(10000));
    const Incident *incident = m_store->incident(added.at(0).at(0).toLongLong());
    QVERIFY(incident);
    QCOMPARE(incident->title, u"Error rate is critical"_s);
    QCOMPARE(incident->startedAt, at);
    bool evidence = false;
    for (const TimelineEntry &e : incident->timeline) {
        evidence |= e.kind == TimelineKind::KpiThreshold && e.text == u"7.5 %"_s && e.to == u"critical"_s;
    }
    QVERIFY(evidence);
}

QTEST_GUILESS_MAIN(TestIncidentAutoRecorder)
#include "tst_incidentautorecorder.moc"
