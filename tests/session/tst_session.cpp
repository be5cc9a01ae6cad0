// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "../notify/notifyreceiver.h"
#include "checklist/checkliststore.h"
#include "incident/incidentautorecorder.h"
#include "incident/incidentexport.h"
#include "incident/incidentstore.h"
#include "kpi/kpimodel.h"
#include "notify/notifier.h"
#include "probe/dependencygraph.h"
#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "runbook/runbookaudit.h"
#include "runbook/runbookrunner.h"
#include "runbook/workspacetrust.h"
#include "session/checklistclock.h"
#include "session/session.h"
#include "storage/storage.h"
#include "workspace/workspaceloader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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
#include <optional>

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

// The Session that every front-end shares. The golden path, end to end against the real demo service and through
// the Session alone (no wiring of its own): v2 with a raised error rate turns the error-rate tile and /health
// critical, an incident is opened from the tile, the emergency rollback runs (check, confirmed POST with the bearer
// token from the environment, wait, cache clear, verify), the service recovers and the incident's timeline holds
// every step. Then a canary token is searched for everywhere it must never be.
class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rollbackRecoversAndLeavesNoToken();
    void storageTargetPrecedence();
    void onceModeStartsNothing();
    void checklistClockRunsWithoutAWindow();
    void trustGate();
    void trustIsForTheVersionShown();
    void badEditKeepsTheLastGoodWorkspace();
    void notifiesWhenWatching();
    void impactedEndpointWaitsForItsRootCause();

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
    std::unique_ptr<Session> m_session;
    QString m_cliOut;
};

void TestSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    previousHandler = qInstallMessageHandler(captureMessage);
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_session"_s);
    QSettings().clear(); // test mode: the trust given by an earlier run goes too
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
    // The operator has trusted this version: its token goes to the demo service (the file says so).
    QVERIFY(WorkspaceTrust::trust(m_workspace));
}

void TestSession::cleanupTestCase()
{
    m_service.closeWriteChannel();
    if (!m_service.waitForFinished(5000)) {
        m_service.kill();
        m_service.waitForFinished();
    }
    qInstallMessageHandler(previousHandler);
    qunsetenv("DEMO_ADMIN_TOKEN");
}

HttpResult TestSession::admin(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return sendRequest(&m_nam, method, m_base.resolved(QUrl(path)), body, "Bearer " + m_canary);
}

bool TestSession::checkUntil(const QString &endpoint, EndpointState state)
{
    ProbeEngine *engine = m_session->probes();
    for (int i = 0; i < 30 && engine->state(endpoint) != state; ++i) {
        QSignalSpy result(engine, &ProbeEngine::resultReady);
        engine->checkNow(endpoint);
        if (!result.wait(10000)) {
            return false;
        }
        if (engine->state(endpoint) != state) {
            QTest::qWait(500);
        }
    }
    return engine->state(endpoint) == state;
}

QList<TimelineEntry> TestSession::runbookEntries(qint64 incidentId)
{
    IncidentStore *incidents = m_session->incidents();
    QSignalSpy reset(incidents, &IncidentStore::incidentsReset);
    incidents->refresh();
    QList<TimelineEntry> out;
    if (!reset.wait(10000)) {
        return out;
    }
    if (const Incident *incident = incidents->incident(incidentId)) {
        for (const TimelineEntry &e : incident->timeline) {
            if (e.kind == TimelineKind::RunbookStep) {
                out.append(e);
            }
        }
    }
    return out;
}

void TestSession::rollbackRecoversAndLeavesNoToken()
{
    // 1. The demo service goes to v2 with a raised error rate, through its control endpoint.
    const HttpResult deployed = admin("POST", u"/admin/deploy"_s, R"({"version":"v2","errorRate":0.2})");
    QCOMPARE(deployed.status, 200);

    // 2. The session of a window or an agent opens the workspace: /health and the error-rate tile go critical.
    m_session = std::make_unique<Session>(Session::Options { Session::Mode::Watch, {}, m_dir.filePath(u"data"_s) });
    Session *session = m_session.get();
    IncidentStore *incidents = session->incidents();
    QSignalSpy ready(session, &Session::workspaceReady);
    QSignalSpy reset(incidents, &IncidentStore::incidentsReset);
    session->open(m_workspacePath);
    QVERIFY(ready.count() == 1 || ready.wait(10000));
    QVERIFY(session->probes()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(reset.count() >= 2, 10000); // the fan-out's, then the stored list
    QCOMPARE(session->storage()->state(), Storage::State::Open);
    QVERIFY(checkUntil(u"health"_s, EndpointState::Critical));
    KpiModel *kpis = session->kpis();
    const auto errorRateState = [&] {
        const KpiTile *tile = kpis->tile(u"error-rate"_s);
        return tile ? tile->state : KpiState::Unknown;
    };
    QVERIFY(QTest::qWaitFor([&] { return errorRateState() == KpiState::Critical; }, 20000));

    // 3. "Open incident…" on the tile.
    QSignalSpy created(incidents, &IncidentStore::incidentCreated);
    QCOMPARE(session->incidentRecorder()->createFromKpiTile(*kpis, u"error-rate"_s), QString());
    QVERIFY(created.wait(10000));
    const qint64 incidentId = created.constFirst().at(0).toLongLong();
    const Incident *incident = incidents->incident(incidentId);
    QVERIFY(incident);
    QVERIFY(incident->services.contains(u"error-rate"_s));
    QVERIFY(incident->services.contains(u"health"_s));

    // 4. The emergency rollback, confirmed once for its POST; the session audits it into the incident.
    RunbookRunner *runner = session->runner();
    QVERIFY(runner->setRunbook(m_workspace, u"emergency-rollback"_s));
    QSignalSpy recorded(session->runbookAudit(), &RunbookAudit::recorded);
    QStringList confirmed;
    connect(runner, &RunbookRunner::operatorNeeded, this, [&](int index) {
        confirmed.append(runner->runbook().steps.at(index).id);
        QVERIFY(runner->confirm());
    });
    QSignalSpy finished(runner, &RunbookRunner::runFinished);
    bool gated = false;
    session->gateCommands(0, runner->stepCount() - 1, [&](bool allowed) {
        gated = allowed; // no command steps: nothing to ask
        QCOMPARE(runner->runAll(), QString());
    });
    QVERIFY(gated);
    QVERIFY(finished.wait(120000));
    QStringList states;
    for (int i = 0; i < runner->stepCount(); ++i) {
        states << runner->runbook().steps.at(i).id + u' ' + RunbookSteps::stateName(runner->stepRun(i).state) + u": "
                + runner->stepRun(i).message;
    }
    QVERIFY2(finished.constFirst().at(0).toBool(), qPrintable(states.join(u'\n')));
    QCOMPARE(confirmed, QStringList({ u"rollback"_s, u"cache-clear"_s })); // the state-changing steps
    QVERIFY(QTest::qWaitFor([&] { return recorded.count() == 2 * runner->stepCount(); }, 10000));

    // 5. The endpoint is back to OK, and so is the tile.
    QVERIFY(checkUntil(u"health"_s, EndpointState::Ok));
    QVERIFY(QTest::qWaitFor([&] { return errorRateState() == KpiState::Normal; }, 20000));
    QCOMPARE(admin("GET", u"/admin/deployments"_s).json().value(u"current"_s).toString(), u"v1"_s);

    // 6. The timeline holds every step with its result, in order.
    QTRY_VERIFY_WITH_TIMEOUT(!incidents->isSaving(incidentId), 10000);
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
    const Incident *done = incidents->incident(incidentId);
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
    m_session.reset();
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

void TestSession::runCommandLine()
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

namespace {

QString writeWorkspace(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size()) {
        return {};
    }
    return path;
}

const QByteArray commandWorkspace = R"(workspace: { id: gate }
runbooks:
  - id: tidy
    steps:
      - { id: look, title: Look, manual: { en: Look around } }
      - { id: run, title: Run, command: [true] }
)";

} // namespace

void TestSession::storageTargetPrecedence()
{
    Workspace workspace;
    Session::Options options;
    options.dataDir = u"/tmp/opsdeck-data"_s;
    QCOMPARE(Session::storageTarget(options, workspace), Storage::databasePath(u"/tmp/opsdeck-data"_s));
    workspace.info.storage = u"/tmp/team.sqlite"_s;
    QCOMPARE(Session::storageTarget(options, workspace), u"/tmp/team.sqlite"_s);
    options.database = u"postgresql://kim@127.0.0.1:5432/ops"_s;
    QCOMPARE(Session::storageTarget(options, workspace), options.database);
}

void TestSession::onceModeStartsNothing()
{
    Session session({ Session::Mode::Once, {}, {}, false });
    QSignalSpy ready(&session, &Session::workspaceReady);
    session.adopt(m_workspace);
    QVERIFY(ready.count() == 1 || ready.wait(5000));
    QCOMPARE(session.workspace().info.id, m_workspace.info.id);
    QVERIFY(!session.probes()->isRunning());
    QVERIFY(!session.checklistClock()->isRunning());
    QCOMPARE(session.storage()->state(), Storage::State::Closed); // `opsdeck check` opens no database
    QCOMPARE(session.kpis()->rowCount(), m_workspace.kpis.size());
}

void TestSession::checklistClockRunsWithoutAWindow()
{
    if (QTime::currentTime() >= QTime(22, 58)) {
        QSKIP("the checklist below is due at 23:00 today");
    }
    QTemporaryDir dir;
    const QString path = writeWorkspace(dir, u"late.yaml"_s, R"(workspace: { id: late }
checklists:
  - id: nightly
    schedule: daily 23:00
    items: [ Rotate the logs ]
)");
    const LoadResult loaded = WorkspaceLoader::loadFile(path);
    QVERIFY(loaded.ok());
    Session session({ Session::Mode::Watch, {}, dir.path() });
    QSignalSpy ready(&session, &Session::workspaceReady);
    QSignalSpy late(session.checklists(), &ChecklistStore::becameLate);
    session.adopt(*loaded.workspace);
    QVERIFY(ready.count() == 1 || ready.wait(5000));
    QVERIFY(session.checklistClock()->isRunning());
    const auto tonight = [&]() -> const ChecklistInstance * {
        for (const ChecklistInstance &instance : session.checklists()->instances()) {
            if (instance.period.due > QDateTime::currentDateTimeUtc()) {
                return &instance;
            }
        }
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(tonight(), 10000);
    const qint64 id = tonight()->id;
    const QDateTime due = tonight()->period.due;
    const int atLoad = int(late.count()); // earlier days' instances, if any were left open
    // A minute past the due time, the check that nobody signed is late: the session says so with no page in sight.
    QSignalSpy ticked(session.checklistClock(), &ChecklistClock::ticked);
    session.checklistClock()->tick(due.addSecs(60));
    QCOMPARE(late.count(), atLoad + 1);
    QCOMPARE(late.constLast().at(0).toLongLong(), id);
    QCOMPARE(ticked.count(), 1);
    session.checklistClock()->tick(due.addSecs(120));
    QCOMPARE(late.count(), 1); // reported once
}

void TestSession::trustGate()
{
    QTemporaryDir dir;
    const QString path = writeWorkspace(dir, u"gate.yaml"_s, commandWorkspace);
    const LoadResult loaded = WorkspaceLoader::loadFile(path);
    QVERIFY2(loaded.ok(), loaded.diagnostics.isEmpty() ? "" : qPrintable(loaded.diagnostics.constFirst().toString()));
    Session session({ Session::Mode::Once, {}, {}, false });
    QSignalSpy ready(&session, &Session::workspaceReady);
    session.adopt(*loaded.workspace);
    QVERIFY(ready.count() == 1 || ready.wait(5000));
    RunbookRunner *runner = session.runner();
    QVERIFY(runner->setRunbook(session.workspace(), u"tidy"_s));
    std::optional<bool> answer;
    const auto gate = [&](int from, int to) {
        answer.reset();
        session.gateCommands(from, to, [&](bool allowed) { answer = allowed; });
        return answer;
    };

    // No front-end to ask: command steps are not allowed; a range without them needs no one.
    QCOMPARE(gate(0, 1), std::optional<bool>(false));
    QVERIFY(!runner->commandsAllowed());
    QCOMPARE(gate(0, 0), std::optional<bool>(true));

    int asked = 0;
    Session::TrustAnswer given;
    QStringList shown;
    session.setTrustAsk([&](const Workspace &, const QStringList &commands, auto reply) {
        ++asked;
        shown = commands;
        reply(given);
    });
    given = { false, true, {} };
    QCOMPARE(gate(0, 1), std::optional<bool>(false));
    QCOMPARE(asked, 1);
    QCOMPARE(shown.size(), 1);
    QVERIFY(shown.constFirst().contains(u"true"_s));
    QVERIFY(!WorkspaceTrust::isTrusted(session.workspace()));

    given = { true, false, u"allowed once"_s }; // --yes: this run only
    QCOMPARE(gate(1, 1), std::optional<bool>(true));
    QVERIFY(runner->commandsAllowed());
    QVERIFY(!WorkspaceTrust::isTrusted(session.workspace()));

    given = { true, true, {} };
    QCOMPARE(gate(0, 1), std::optional<bool>(true));
    QVERIFY(WorkspaceTrust::isTrusted(session.workspace()));
    QCOMPARE(asked, 3);
    QCOMPARE(gate(0, 1), std::optional<bool>(true)); // remembered for this version of the file
    QCOMPARE(asked, 3);

    // Trust belongs to the bytes that were parsed: an edit on disk changes nothing until it is loaded, and the
    // loaded edit is a new version that asks again.
    QVERIFY(!writeWorkspace(dir, u"gate.yaml"_s, commandWorkspace + "# edited\n").isEmpty());
    QCOMPARE(gate(0, 1), std::optional<bool>(true));
    QCOMPARE(asked, 3);
    const LoadResult edited = WorkspaceLoader::loadFile(path);
    QVERIFY(edited.ok());
    session.setWorkspace(*edited.workspace);
    QVERIFY(runner->setRunbook(session.workspace(), u"tidy"_s));
    given = { false, true, {} };
    QCOMPARE(gate(0, 1), std::optional<bool>(false));
    QCOMPARE(asked, 4);
    QVERIFY(!WorkspaceTrust::isTrusted(session.workspace()));
}

void TestSession::trustIsForTheVersionShown()
{
    QTemporaryDir dir;
    const QString path = writeWorkspace(dir, u"shown.yaml"_s, commandWorkspace + "# shown\n");
    const LoadResult loaded = WorkspaceLoader::loadFile(path);
    QVERIFY(loaded.ok());
    Session session({ Session::Mode::Once, {}, {}, false });
    QSignalSpy ready(&session, &Session::workspaceReady);
    session.adopt(*loaded.workspace);
    QVERIFY(ready.count() == 1 || ready.wait(5000));
    QVERIFY(session.runner()->setRunbook(session.workspace(), u"tidy"_s));
    // While the operator reads the prompt, the file changes on disk; "yes" trusts what was shown, not the new file.
    const QByteArray swapped = commandWorkspace + "# swapped after the prompt\n";
    int asked = 0;
    session.setTrustAsk([&](const Workspace &shown, const QStringList &, auto reply) {
        ++asked;
        QVERIFY(!writeWorkspace(dir, u"shown.yaml"_s, swapped).isEmpty());
        QCOMPARE(shown.contentHash, loaded.workspace->contentHash);
        reply(Session::TrustAnswer { true, true, {} });
    });
    std::optional<bool> answer;
    session.gateCommands(0, 1, [&](bool allowed) { answer = allowed; });
    QCOMPARE(answer, std::optional<bool>(true));
    QCOMPARE(asked, 1);
    QVERIFY(WorkspaceTrust::isTrusted(*loaded.workspace));
    const LoadResult now = WorkspaceLoader::loadFile(path);
    QVERIFY(now.ok());
    QVERIFY(now.workspace->contentHash != loaded.workspace->contentHash);
    QVERIFY(!WorkspaceTrust::isTrusted(*now.workspace)); // the swapped file is not trusted unseen
}

void TestSession::badEditKeepsTheLastGoodWorkspace()
{
    QTemporaryDir dir;
    const QString path = writeWorkspace(dir, u"w.yaml"_s, "workspace: { id: first }\nendpoints: []\n");
    Session session({ Session::Mode::Watch, {}, dir.path(), false });
    QSignalSpy ready(&session, &Session::workspaceReady);
    QList<Diagnostic> diagnostics;
    connect(&session, &Session::loadFailed, this,
        [&](const QString &, const QList<Diagnostic> &reported) { diagnostics = reported; });
    QSignalSpy failed(&session, &Session::loadFailed);
    session.open(path);
    QVERIFY(ready.count() == 1 || ready.wait(5000));
    QCOMPARE(session.workspace().info.id, u"first"_s);
    QVERIFY(!writeWorkspace(dir, u"w.yaml"_s, "workspace: { id: second\nendpoints: [\n").isEmpty());
    session.reload();
    QVERIFY(failed.count() == 1 || failed.wait(5000));
    QVERIFY(!diagnostics.isEmpty());
    QCOMPARE(diagnostics.constFirst().file, path);
    QCOMPARE(session.workspace().info.id, u"first"_s);
    QCOMPARE(ready.count(), 1);
}

// An endpoint that fails makes the Session's notifier send to the route's provider; a provider that refuses reaches
// notice() with its ${NAME}, never its resolved URL. `opsdeck check`'s Once mode sends nothing.
void TestSession::notifiesWhenWatching()
{
    NotifyReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setAnswer("/down", { NotifyReceiver::Answer::Mode::Reply, 503, {}, "down" });
    receiver.setAnswer("/hook", NotifyReceiver::ok());
    receiver.setAnswer("/rejects", { NotifyReceiver::Answer::Mode::Reply, 403, {}, "invalid_token" });
    const QString hook = receiver.url(u"/hook"_s).toString();
    const QString rejects = receiver.url(u"/rejects"_s).toString();
    qputenv("SESSION_HOOK_URL", hook.toUtf8());
    qputenv("SESSION_REJECTS_URL", rejects.toUtf8());
    QTemporaryDir dir;
    const QString path = writeWorkspace(dir, u"notify.yaml"_s,
        QByteArray("workspace: { id: notify }\nsecrets:\n  - { name: SESSION_HOOK_URL, description: hook }\n"
                   "  - { name: SESSION_REJECTS_URL, description: rejects }\nendpoints:\n  - { name: api, group: core, "
                   "url: \"")
            + receiver.url(u"/down"_s).toString().toUtf8()
            + "\", interval: 1s, failure-threshold: 1, conditions: [\"[STATUS] == 200\"] }\n"
              "notifications:\n  providers:\n"
              "    - { id: hook, kind: slack, url: \"${SESSION_HOOK_URL}\" }\n"
              "    - { id: rejects, kind: discord, url: \"${SESSION_REJECTS_URL}\" }\n"
              "  routes:\n    - { id: critical, events: [endpoint], min-severity: critical, to: [hook, rejects] }\n");
    const LoadResult loaded = WorkspaceLoader::loadFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    QVERIFY(WorkspaceTrust::trust(*loaded.workspace)); // the providers' URLs are secrets: trusted to send them
    {
        Session once({ Session::Mode::Once, {}, {}, false });
        QSignalSpy ready(&once, &Session::workspaceReady);
        once.adopt(*loaded.workspace);
        QVERIFY(ready.count() == 1 || ready.wait(5000));
        once.probes()->checkNow(u"api"_s);
        QTest::qWait(1500);
        QCOMPARE(receiver.count("/hook"), 0);
    }
    // The probe engine reports changes, not a first result: the endpoint answers once, then fails.
    receiver.setAnswers("/down", { NotifyReceiver::ok(), { NotifyReceiver::Answer::Mode::Reply, 503, {}, "down" } });
    Session session({ Session::Mode::Watch, {}, dir.path(), false });
    QSignalSpy notices(&session, &Session::notice);
    session.adopt(*loaded.workspace);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count("/hook"), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), 15000);
    const QString notice = notices.constFirst().constFirst().toString();
    QVERIFY2(notice.contains(u"${SESSION_REJECTS_URL}"_s) && notice.contains(u"403"_s), qPrintable(notice));
    for (const QVariantList &args : std::as_const(notices)) {
        QVERIFY2(!args.constFirst().toString().contains(rejects), qPrintable(args.constFirst().toString()));
        QVERIFY2(!args.constFirst().toString().contains(hook), qPrintable(args.constFirst().toString()));
    }
    QTRY_COMPARE(session.notifier()->log().size(), 2);
    QCOMPARE(receiver.count("/hook"), 1); // one state change, one message
}

// depends-on against loopback endpoints and a loopback receiver: an endpoint impacted by a CRITICAL root cause is
// marked so in the Health model and its problem notification waits; its recovery is never held back; when the root
// recovers and it does not, its held notification goes out; when both fail at once, only the root cause is told.
void TestSession::impactedEndpointWaitsForItsRootCause()
{
    NotifyReceiver receiver;
    QVERIFY(receiver.start());
    const NotifyReceiver::Answer down { NotifyReceiver::Answer::Mode::Reply, 503, {}, "down" };
    receiver.setAnswer("/db", NotifyReceiver::ok());
    receiver.setAnswer("/app", NotifyReceiver::ok());
    receiver.setAnswer("/hook", NotifyReceiver::ok());
    QTemporaryDir dir;
    const QByteArray checks = "interval: 1s, conditions: [\"[STATUS] == 200\"]";
    const QString path = writeWorkspace(dir, u"depends.yaml"_s,
        "workspace: { id: depends }\nendpoints:\n  - { name: db, group: data, url: \""
            + receiver.url(u"/db"_s).toString().toUtf8() + "\", " + checks + " }\n  - { name: app, url: \""
            + receiver.url(u"/app"_s).toString().toUtf8() + "\", depends-on: [data], " + checks
            + " }\nnotifications:\n  providers:\n    - { id: hook, kind: slack, url: \""
            + receiver.url(u"/hook"_s).toString().toUtf8()
            + "\" }\n  routes:\n    - { id: all, events: [endpoint], to: [hook] }\n");
    const LoadResult loaded = WorkspaceLoader::loadFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    Session session({ Session::Mode::Watch, {}, dir.path(), false });
    QSignalSpy impact(&session, &Session::impactChanged);
    session.adopt(*loaded.workspace);
    ProbeEngine *engine = session.probes();
    const auto sent = [&receiver] {
        QStringList texts;
        for (const NotifyReceiver::Request &r : receiver.requests()) {
            if (r.path == "/hook") {
                texts << QJsonDocument::fromJson(r.body).object().value(u"text"_s).toString();
            }
        }
        return texts;
    };
    const auto impactedBy = [&session](const QString &name) {
        return session.endpoints()->indexOf(name).data(EndpointModel::ImpactedByRole).toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(u"app"_s), EndpointState::Ok, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(u"db"_s), EndpointState::Ok, 10000);

    // app fails on its own first: told at once.
    receiver.setAnswer("/app", down);
    QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 1, 10000);
    QVERIFY2(sent().at(0).startsWith(u"CRITICAL: endpoint app"_s), qPrintable(sent().at(0)));
    // db fails: told; app is now impacted by it.
    receiver.setAnswer("/db", down);
    QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 2, 10000);
    QVERIFY2(sent().at(1).startsWith(u"CRITICAL: endpoint db"_s), qPrintable(sent().at(1)));
    QCOMPARE(session.dependencies().rootCause(u"app"_s), u"db"_s);
    QCOMPARE(impactedBy(u"app"_s), u"db"_s);
    QVERIFY(!impact.isEmpty());
    // app recovers while db is down: its recovery is never held back.
    receiver.setAnswer("/app", NotifyReceiver::ok());
    QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 3, 10000);
    QVERIFY2(sent().at(2).startsWith(u"RESOLVED: endpoint app"_s), qPrintable(sent().at(2)));
    QCOMPARE(impactedBy(u"app"_s), QString()); // OK: not shown as impacted
    // app fails again while db is down: held, and shown "impacted by db".
    receiver.setAnswer("/app", down);
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(u"app"_s), EndpointState::Critical, 10000);
    QCOMPARE(session.heldNotifications(), QStringList { u"app"_s });
    QCOMPARE(impactedBy(u"app"_s), u"db"_s);
    QCOMPARE(session.endpoints()->indexOf(u"app"_s, EndpointModel::StateColumn).data().toString(),
        EndpointModel::impactedText());
    QTest::qWait(2500); // a few more failed checks of both
    QCOMPARE(sent().size(), 3);
    // db recovers, app does not: db's resolution, then app's held notification.
    receiver.setAnswer("/db", NotifyReceiver::ok());
    QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 5, 10000);
    // Sent one after the other over two connections: the receiver may see them in either order.
    const QStringList last = sent().mid(3);
    const QString dbResolved = last.at(0).startsWith(u"RESOLVED"_s) ? last.at(0) : last.at(1);
    const QString appReleased = last.at(0).startsWith(u"RESOLVED"_s) ? last.at(1) : last.at(0);
    QVERIFY2(dbResolved.startsWith(u"RESOLVED: endpoint db"_s), qPrintable(dbResolved));
    QVERIFY2(
        appReleased.startsWith(u"CRITICAL: endpoint app"_s) && appReleased.contains(u"held while db was CRITICAL"_s),
        qPrintable(appReleased));
    QCOMPARE(session.heldNotifications(), QStringList());
    QCOMPARE(impactedBy(u"app"_s), QString());
    receiver.setAnswer("/app", NotifyReceiver::ok());
    QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 6, 10000);
    QVERIFY2(sent().at(5).startsWith(u"RESOLVED"_s), qPrintable(sent().at(5)));
    // Both fail at once, in whichever order their checks finish: app's dependencies are checked again before it is
    // told, so only db is.
    receiver.setAnswer("/app", down);
    receiver.setAnswer("/db", down);
    QTRY_COMPARE_WITH_TIMEOUT(session.heldNotifications(), QStringList { u"app"_s }, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 7, 10000);
    QVERIFY2(sent().at(6).startsWith(u"CRITICAL: endpoint db"_s), qPrintable(sent().at(6)));
    QTest::qWait(2500);
    QCOMPARE(sent().size(), 7);
}

QTEST_MAIN(TestSession)
#include "tst_session.moc"
