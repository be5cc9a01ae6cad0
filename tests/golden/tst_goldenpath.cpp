// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "incident/incidentautorecorder.h"
#include "incident/incidentexport.h"
#include "incident/incidentstore.h"
#include "metrics/kpimodel.h"
#include "metrics/kpipoller.h"
#include "metrics/kpireader.h"
#include "probe/probeengine.h"
#include "runbook/runbookaudit.h"
#include "runbook/runbookrunner.h"
#include "storage/storage.h"
#include "workspace/workspaceloader.h"

#include <QFile>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Every message any part of OpsDeck logs during the test, from any thread.
QMutex logMutex;
QStringList logLines;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&logMutex);
        logLines.append(message);
    }
    if (previousHandler) {
        previousHandler(type, context, message);
    }
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// The issue's golden path, end to end against the real demo service: v2 with a raised error rate turns the
// error-rate tile and /health critical, an incident is opened from the tile, the emergency rollback runs (check,
// confirmed POST with the bearer token from the environment, wait, cache clear, verify), the service recovers and the
// incident's timeline holds every step. Then a canary token is searched for everywhere it must never be.
class TestGoldenPath : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rollbackRecoversAndLeavesNoToken();

private:
    HttpResult admin(const QByteArray &method, const QString &path, const QByteArray &body = {});
    bool checkUntil(const QString &endpoint, EndpointState state);
    void runCommandLine();
    QList<TimelineEntry> runbookEntries(qint64 incidentId);

    QByteArray m_canary;
    QProcess m_service;
    QUrl m_base;
    QTemporaryDir m_dir;
    QString m_workspacePath;
    Workspace m_workspace;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<IncidentStore> m_incidents;
    std::unique_ptr<ProbeEngine> m_engine;
    QString m_cliOut;
};

void TestGoldenPath::initTestCase()
{
    previousHandler = qInstallMessageHandler(captureMessage);
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_goldenpath"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
    m_canary = "CANARY-" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    qputenv("DEMO_ADMIN_TOKEN", m_canary);

    m_base = startDemoService(&m_service, { u"--exit-with-stdin"_s, u"--seed"_s, u"3"_s }, m_canary);
    QVERIFY2(m_base.isValid(), m_service.readAllStandardError().constData());
    QByteArray text = readFile(QStringLiteral(OPSDECK_DEMO_WORKSPACE));
    QVERIFY(!text.isEmpty());
    text.replace("@DEMO_URL@", m_base.toString(QUrl::StripTrailingSlash).toUtf8());
    m_workspacePath = m_dir.filePath(u"demo-workspace.yaml"_s);
    QFile file(m_workspacePath);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) == text.size());
    file.close();
    const LoadResult loaded = WorkspaceLoader::loadFile(m_workspacePath);
    QVERIFY(loaded.ok());
    m_workspace = *loaded.workspace;
}

void TestGoldenPath::cleanupTestCase()
{
    m_service.closeWriteChannel();
    if (!m_service.waitForFinished(5000)) {
        m_service.kill();
        m_service.waitForFinished();
    }
    qInstallMessageHandler(previousHandler);
    qunsetenv("DEMO_ADMIN_TOKEN");
}

HttpResult TestGoldenPath::admin(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return sendRequest(&m_nam, method, m_base.resolved(QUrl(path)), body, "Bearer " + m_canary);
}

bool TestGoldenPath::checkUntil(const QString &endpoint, EndpointState state)
{
    for (int i = 0; i < 30 && m_engine->state(endpoint) != state; ++i) {
        QSignalSpy result(m_engine.get(), &ProbeEngine::resultReady);
        m_engine->checkNow(endpoint);
        if (!result.wait(10000)) {
            return false;
        }
        if (m_engine->state(endpoint) != state) {
            QTest::qWait(500);
        }
    }
    return m_engine->state(endpoint) == state;
}

QList<TimelineEntry> TestGoldenPath::runbookEntries(qint64 incidentId)
{
    QSignalSpy reset(m_incidents.get(), &IncidentStore::incidentsReset);
    m_incidents->refresh();
    QList<TimelineEntry> out;
    if (!reset.wait(10000)) {
        return out;
    }
    if (const Incident *incident = m_incidents->incident(incidentId)) {
        for (const TimelineEntry &e : incident->timeline) {
            if (e.kind == TimelineKind::RunbookStep) {
                out.append(e);
            }
        }
    }
    return out;
}

void TestGoldenPath::rollbackRecoversAndLeavesNoToken()
{
    // 1. The demo service goes to v2 with a raised error rate, through its control endpoint.
    const HttpResult deployed = admin("POST", u"/admin/deploy"_s, R"({"version":"v2","errorRate":0.2})");
    QCOMPARE(deployed.status, 200);

    // 2. /health and the error-rate tile go critical, read by the app's own probe and KPI classes.
    m_storage = std::make_unique<Storage>();
    QSignalSpy opened(m_storage.get(), &Storage::opened);
    m_storage->open(Storage::databasePath(m_dir.filePath(u"data"_s)));
    QVERIFY(opened.wait(10000));
    m_incidents = std::make_unique<IncidentStore>(m_storage.get());
    m_incidents->setWorkspace(m_workspace);
    IncidentAutoRecorder recorder(m_incidents.get());
    recorder.setWorkspace(m_workspace);
    m_engine = std::make_unique<ProbeEngine>();
    m_engine->setWorkspace(m_workspace);
    KpiReader reader(&m_nam);
    KpiModel kpis;
    KpiPoller poller(&reader, &kpis);
    // Wired as AppController wires them.
    connect(m_engine.get(), &ProbeEngine::resultReady, &poller, [&](const ProbeResult &result) {
        reader.addProbeResult(result);
        poller.endpointChecked(result.endpoint);
    });
    connect(m_engine.get(), &ProbeEngine::stateChanged, &recorder, &IncidentAutoRecorder::recordEndpointTransition);
    connect(&kpis, &KpiModel::stateChanged, &recorder,
        [&](const QString &id, KpiState from, KpiState to, const QString &value) {
            recorder.recordKpiCrossing(
                id, KpiEvaluator::stateName(from).toLower(), KpiEvaluator::stateName(to).toLower(), value);
        });
    poller.setWorkspace(m_workspace);
    poller.start();
    {
        QSignalSpy reset(m_incidents.get(), &IncidentStore::incidentsReset);
        m_incidents->refresh();
        QVERIFY(reset.wait(10000));
    }
    QVERIFY(checkUntil(u"health"_s, EndpointState::Critical));
    const auto errorRateState = [&] {
        const int row = kpis.rowOf(u"error-rate"_s);
        return row < 0 ? KpiState::Unknown : KpiState(kpis.index(row).data(KpiModel::StateRole).toInt());
    };
    QVERIFY(QTest::qWaitFor([&] { return errorRateState() == KpiState::Critical; }, 20000));

    // 3. "Open incident…" on the tile.
    QSignalSpy added(m_incidents.get(), &IncidentStore::incidentAdded);
    QCOMPARE(recorder.createFromKpiTile(kpis, u"error-rate"_s), QString());
    QVERIFY(added.wait(10000));
    const qint64 incidentId = added.constFirst().at(0).toLongLong();
    const Incident *incident = m_incidents->incident(incidentId);
    QVERIFY(incident);
    QVERIFY(incident->services.contains(u"error-rate"_s));
    QVERIFY(incident->services.contains(u"health"_s));

    // 4. The emergency rollback, confirmed once for its POST, audited into the incident.
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(m_workspace, u"emergency-rollback"_s));
    RunbookAudit audit(m_storage.get());
    audit.setIncidentStore(m_incidents.get());
    QSignalSpy recorded(&audit, &RunbookAudit::recorded);
    connect(&runner, &RunbookRunner::auditRecord, &audit, [&](const RunbookAuditRecord &record) {
        audit.record(record, runner.runbook().service, RunbookAudit::endpointsOf(runner.runbook()));
    });
    QStringList confirmed;
    connect(&runner, &RunbookRunner::operatorNeeded, this, [&](int index) {
        confirmed.append(runner.runbook().steps.at(index).id);
        QVERIFY(runner.confirm());
    });
    QSignalSpy finished(&runner, &RunbookRunner::runFinished);
    QCOMPARE(runner.runAll(), QString());
    QVERIFY(finished.wait(120000));
    QStringList states;
    for (int i = 0; i < runner.stepCount(); ++i) {
        states << runner.runbook().steps.at(i).id + u' ' + RunbookSteps::stateName(runner.stepRun(i).state) + u": "
                + runner.stepRun(i).message;
    }
    QVERIFY2(finished.constFirst().at(0).toBool(), qPrintable(states.join(u'\n')));
    QCOMPARE(confirmed, QStringList({ u"rollback"_s, u"cache-clear"_s })); // the state-changing steps
    QVERIFY(QTest::qWaitFor([&] { return recorded.count() == 2 * runner.stepCount(); }, 10000));

    // 5. The endpoint is back to OK, and so is the tile.
    QVERIFY(checkUntil(u"health"_s, EndpointState::Ok));
    QVERIFY(QTest::qWaitFor([&] { return errorRateState() == KpiState::Normal; }, 20000));
    QCOMPARE(admin("GET", u"/admin/deployments"_s).json().value(u"current"_s).toString(), u"v1"_s);

    // 6. The timeline holds every step with its result, in order.
    QTRY_VERIFY_WITH_TIMEOUT(!m_incidents->isSaving(incidentId), 10000);
    QList<TimelineEntry> steps = runbookEntries(incidentId);
    QStringList got;
    for (const TimelineEntry &e : steps) {
        got << e.from + u' ' + e.to;
    }
    QCOMPARE(got,
        QStringList({ u"confirm-outage started"_s, u"confirm-outage succeeded"_s, u"rollback started"_s,
            u"rollback succeeded"_s, u"wait-healthy started"_s, u"wait-healthy succeeded"_s, u"cache-clear started"_s,
            u"cache-clear succeeded"_s, u"verify started"_s, u"verify succeeded"_s }));
    QVERIFY(steps.at(3).text.contains(u"HTTP 200"_s));
    QVERIFY(steps.at(3).text.contains(u"confirmed by Kim"_s));

    // 7. The same runbook from a terminal, unattended, into the same database and incident.
    QCOMPARE(admin("POST", u"/admin/deploy"_s, R"({"version":"v2","errorRate":0.2})").status, 200);
    QVERIFY(checkUntil(u"health"_s, EndpointState::Critical));
    runCommandLine();
    if (QTest::currentTestFailed()) {
        return;
    }
    QVERIFY(m_cliOut.contains(u"[5/5]"_s));
    steps = runbookEntries(incidentId);
    QCOMPARE(steps.size(), 20);
    QCOMPARE(steps.at(13).from, u"rollback"_s);
    QVERIFY2(steps.at(13).text.contains(u"(--yes)"_s), qPrintable(steps.at(13).text));

    // 8. The post-mortem, as Markdown and as PDF.
    const Incident *done = m_incidents->incident(incidentId);
    QVERIFY(done);
    const QString markdown = IncidentExport::markdown(*done, QLocale(QLocale::English), QTimeZone::utc());
    QVERIFY(markdown.contains(u"emergency-rollback / rollback: succeeded"_s));
    QVERIFY(!markdown.contains(QString::fromLatin1(m_canary)));
    const QString pdfPath = m_dir.filePath(u"postmortem.pdf"_s);
    QCOMPARE(IncidentExport::writePdf(*done, QLocale(QLocale::English), QTimeZone::utc(), pdfPath), QString());
    QVERIFY(!readFile(pdfPath).contains(m_canary));
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    QVERIFY2(!pdftotext.isEmpty(), "pdftotext is missing: install poppler-utils (tools/dev.sh deps)");
    QProcess text;
    text.start(pdftotext, { pdfPath, u"-"_s });
    QVERIFY(text.waitForFinished(30000));
    const QString pdfText = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(pdfText.contains(u"emergency-rollback"_s), qPrintable(pdfText));
    QVERIFY(!pdfText.contains(QString::fromLatin1(m_canary)));

    // 9. The database file and its write-ahead log, once everything is written and closed.
    poller.stop();
    m_engine.reset();
    m_incidents.reset();
    m_storage.reset();
    const QString db = Storage::databasePath(m_dir.filePath(u"data"_s));
    const QByteArray bytes = readFile(db) + readFile(db + u"-wal"_s);
    QVERIFY(bytes.contains("emergency-rollback"));
    QVERIFY(!bytes.contains(m_canary));

    // 10. Everything logged, here and by the terminal run.
    const QMutexLocker lock(&logMutex);
    for (const QString &line : std::as_const(logLines)) {
        QVERIFY2(!line.contains(QString::fromLatin1(m_canary)), qPrintable(line));
    }
}

void TestGoldenPath::runCommandLine()
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.insert(u"DEMO_ADMIN_TOKEN"_s, QString::fromLatin1(m_canary));
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s); // whatever it would log, it logs
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(OPSDECK_APP_PATH),
        { u"runbook"_s, m_workspacePath, u"emergency-rollback"_s, u"--yes"_s, u"--data-dir"_s,
            m_dir.filePath(u"data"_s), u"--lang"_s, u"en"_s });
    QVERIFY(process.waitForStarted(10000));
    process.closeWriteChannel();
    QSignalSpy done(&process, &QProcess::finished);
    QVERIFY(done.wait(180000));
    m_cliOut = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, qPrintable(m_cliOut + err));
    QVERIFY(!m_cliOut.contains(QString::fromLatin1(m_canary)));
    QVERIFY(!err.contains(QString::fromLatin1(m_canary)));
}

QTEST_MAIN(TestGoldenPath)
#include "tst_goldenpath.moc"
