// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/runbookrunner.h"
#include "runbooktesthelpers.h"

#include <QTemporaryDir>

using namespace RunbookTest;
using namespace Qt::StringLiterals;

class TestRunbookRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void confirmedPostSendsOnceWithTokenAndKey();
    void failedActionStopsTheRun_data();
    void failedActionStopsTheRun();
    void onFailureContinueRunsTheNextStep();
    void missingVariableBlocksBeforeSending();
    void undeclaredSecretIsNeverSent();
    void declinedStepSendsNothing();
    void productionNeedsTheTypedEnvironment();
    void checkComparesTheExpectedState();
    void getFollowsRedirects();
    void waitUntilHealthyPollsUntilOk();
    void abortDuringWaitStopsPolling();
    void manualStepTakesANote();
    void commandRunsWithoutAShellAndIsRedacted();
    void hangingCommandIsKilledAtItsTimeout();
    void untrustedWorkspaceRunsNoCommand();
    void runStepAndRunFrom();

private:
    RunbookServer *m_server = nullptr;
};

void TestRunbookRunner::init()
{
    qputenv("RB_TEST_TOKEN", canary());
    m_server = new RunbookServer(this);
    QVERIFY(m_server->start());
}

void TestRunbookRunner::cleanup()
{
    delete m_server;
    m_server = nullptr;
    qunsetenv("RB_TEST_TOKEN");
}

void TestRunbookRunner::confirmedPostSendsOnceWithTokenAndKey()
{
    m_server->setJson("/admin/rollback", 200, R"({"status":"rolled-back","current":"v1"})");
    RunbookStep post = httpStep(u"rollback"_s, u"POST"_s, m_server->url(u"/admin/rollback"_s),
        { u"[STATUS] == 200"_s, u"[BODY].current == v1"_s });
    post.headers
        = { { u"Authorization"_s, u"Bearer ${RB_TEST_TOKEN}"_s }, { u"Content-Type"_s, u"application/json"_s } };
    post.body = uR"({"version":"v1"})"_s;
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(workspace({ post }), u"rollback"_s));
    QList<RunbookAuditRecord> audit;
    connect(&runner, &RunbookRunner::auditRecord, this, [&](const RunbookAuditRecord &r) { audit.append(r); });
    QSignalSpy needed(&runner, &RunbookRunner::operatorNeeded);
    QSignalSpy finished(&runner, &RunbookRunner::runFinished);

    QCOMPARE(runner.runAll(), QString());
    QCOMPARE(needed.count(), 1);
    QCOMPARE(runner.stepRun(0).state, StepState::Waiting);
    QCOMPARE(m_server->requests().size(), 0); // nothing before the confirmation
    const StepConfirmation c = runner.confirmation(0);
    QCOMPARE(c.method, u"POST"_s);
    QCOMPARE(c.service, u"api"_s);
    QCOMPARE(c.environment, u"staging"_s);
    QVERIFY(!c.requiresTypedEnvironment);
    QVERIFY(runner.confirm());
    QVERIFY(!runner.confirm()); // a double-click: the second does nothing
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);

    QCOMPARE(m_server->count("/admin/rollback"), 1);
    const RunbookServer::Request &sent = m_server->requests().constFirst();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.headers.value("authorization"), "Bearer " + canary());
    QCOMPARE(sent.body, QByteArray(R"({"version":"v1"})"));
    QVERIFY(!sent.headers.value("idempotency-key").isEmpty());

    QCOMPARE(runner.stepRun(0).state, StepState::Succeeded);
    const StepLog &log = runner.stepRun(0).log;
    QVERIFY(log.request.contains(u"Bearer ${RB_TEST_TOKEN}"_s));
    QVERIFY(log.request.contains(QString::fromLatin1(sent.headers.value("idempotency-key"))));
    QVERIFY(log.response.startsWith(u"HTTP 200"_s));
    QVERIFY(log.responseBody.contains("rolled-back"));

    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit.at(0).phase, RunbookAuditRecord::Phase::Before);
    QCOMPARE(audit.at(0).status, u"started"_s);
    QCOMPARE(audit.at(1).phase, RunbookAuditRecord::Phase::After);
    QCOMPARE(audit.at(1).status, u"succeeded"_s);
    QVERIFY(audit.at(1).outcome.contains(u"confirmed by"_s));
    QCOMPARE(audit.at(0).runId, audit.at(1).runId);
    for (const RunbookAuditRecord &r : std::as_const(audit)) {
        const QString all = r.target + r.request + r.outcome + r.actor;
        QVERIFY2(!all.contains(QString::fromLatin1(canary())), qPrintable(all));
    }
    QVERIFY(!log.request.contains(QString::fromLatin1(canary())));
}

void TestRunbookRunner::failedActionStopsTheRun_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    using Mode = RunbookServer::Answer::Mode;
    QTest::newRow("500") << int(Mode::Reply) << 500 << u"HTTP 500"_s;
    QTest::newRow("timeout") << int(Mode::Silent) << 0 << u"deadline"_s;
    QTest::newRow("reset") << int(Mode::Reset) << 0 << u"no complete answer"_s;
    QTest::newRow("302") << int(Mode::Reply) << 302 << u"pointing to /elsewhere"_s;
    // Qt answers a 307/308 to a request with a body with "cannot re-send": the redirect is still what to name.
    QTest::newRow("307") << int(Mode::Reply) << 307
                         << u"answered HTTP 307 pointing to /elsewhere; a state-changing request is not redirected"_s;
    QTest::newRow("308") << int(Mode::Reply) << 308
                         << u"answered HTTP 308 pointing to /elsewhere; a state-changing request is not redirected"_s;
}

void TestRunbookRunner::failedActionStopsTheRun()
{
    QFETCH(int, mode);
    QFETCH(int, status);
    QFETCH(QString, reason);
    m_server->setAnswer(
        "/admin/rollback", { RunbookServer::Answer::Mode(mode), status, "Location: /elsewhere\r\n", "{}" });
    m_server->setJson("/elsewhere", 200, "{}");
    m_server->setJson("/health", 200, "{}");
    RunbookStep post = httpStep(u"rollback"_s, u"POST"_s, m_server->url(u"/admin/rollback"_s));
    post.timeout = Milliseconds(1000);
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(workspace({ post, checkStep(u"verify"_s, u"health"_s) },
                                  { endpoint(u"health"_s, m_server->url(u"/health"_s)) }),
        u"rollback"_s));
    QSignalSpy finished(&runner, &RunbookRunner::runFinished);
    QVERIFY(runConfirming(runner, [&] { return runner.runAll(); }));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(runner.stepRun(0).state, StepState::Failed);
    QVERIFY2(runner.stepRun(0).message.contains(reason), qPrintable(runner.stepRun(0).message));
    QCOMPARE(runner.stepRun(1).state, StepState::Pending); // on-failure: stop
    // Never retried, and a redirect is not followed.
    QCOMPARE(m_server->count("/admin/rollback"), 1);
    QCOMPARE(m_server->count("/elsewhere"), 0);
}

void TestRunbookRunner::onFailureContinueRunsTheNextStep()
{
    m_server->setJson("/admin/cache/clear", 500, R"({"error":"boom"})");
    m_server->setJson("/health", 200, "{}");
    RunbookStep clear
        = httpStep(u"clear"_s, u"POST"_s, m_server->url(u"/admin/cache/clear"_s), { u"[STATUS] == 200"_s });
    clear.onFailure = RunbookStep::OnFailure::Continue;
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(workspace({ clear, checkStep(u"verify"_s, u"health"_s) },
                                  { endpoint(u"health"_s, m_server->url(u"/health"_s)) }),
        u"rollback"_s));
    QSignalSpy finished(&runner, &RunbookRunner::runFinished);
    QVERIFY(runConfirming(runner, [&] { return runner.runAll(); }));
    QCOMPARE(runner.stepRun(0).state, StepState::Failed);
    QVERIFY(runner.stepRun(0).message.contains(u"[STATUS] == 200"_s));
    QCOMPARE(runner.stepRun(1).state, StepState::Succeeded);
    QCOMPARE(finished.at(0).at(0).toBool(), false); // one step failed
}

void TestRunbookRunner::missingVariableBlocksBeforeSending()
{
    qunsetenv("RB_TEST_TOKEN");
    RunbookStep post = httpStep(u"rollback"_s, u"POST"_s, m_server->url(u"/admin/rollback"_s));
    post.headers = { { u"Authorization"_s, u"Bearer ${RB_TEST_TOKEN}"_s } };
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(workspace({ post }), u"rollback"_s));
    QSignalSpy needed(&runner, &RunbookRunner::operatorNeeded);
    const QString error = runner.runAll();
    QVERIFY2(error.contains(u"RB_TEST_TOKEN"_s) && error.contains(u"rollback"_s), qPrintable(error));
    QVERIFY(!runner.isRunning());
    QCOMPARE(needed.count(), 0);
    QTest::qWait(50);
    QCOMPARE(m_server->requests().size(), 0);
}

// A variable the environment has but the workspace does not declare is not a secret it may send.
void TestRunbookRunner::undeclaredSecretIsNeverSent()
{
    qputenv("RB_TEST_PRIVATE", "private-canary-4711");
    RunbookStep post = httpStep(u"rollback"_s, u"POST"_s, m_server->url(u"/admin/rollback"_s));
    post.headers = { { u"X-Key"_s, u"${RB_TEST_PRIVATE}"_s } };
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(workspace({ post }), u"rollback"_s));
    const QString error = runner.runAll();
    QCOMPARE(error, u"RB_TEST_PRIVATE is not declared in the workspace's secrets (rollback); nothing was sent"_s);
    QVERIFY(!runner.isRunning());
    QTest::qWait(50);
    QCOMPARE(m_server->requests().size(), 0);
    qunsetenv("RB_TEST_PRIVATE");
}

void TestRunbookRunner::declinedStepSendsNothing()
{
    m_server->setJson("/admin/rollback", 200, "{}");
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(
        workspace({ httpStep(u"rollback"_s, u"DELETE"_s, m_server->url(u"/admin/rollback"_s)) }), u"rollback"_s));
    QSignalSpy finished(&runner, &RunbookRunner::runFinished);
    QCOMPARE(runner.runAll(), QString());
    QCOMPARE(runner.waitingStep(), 0);
    runner.decline();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(runner.stepRun(0).state, StepState::Aborted);
    QVERIFY(runner.stepRun(0).message.contains(u"nothing was sent"_s));
    QTest::qWait(50);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestRunbookRunner::productionNeedsTheTypedEnvironment()
{
    m_server->setJson("/admin/rollback", 200, "{}");
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(
        workspace({ httpStep(u"rollback"_s, u"POST"_s, m_server->url(u"/admin/rollback"_s)) }, {}, u"production"_s),
        u"rollback"_s));
    QSignalSpy finished(&runner, &RunbookRunner::runFinished);
    QCOMPARE(runner.runAll(), QString());
    QVERIFY(runner.confirmation(0).requiresTypedEnvironment);
    QVERIFY(!runner.confirm());
    QVERIFY(!runner.confirm(u"prod"_s));
    QVERIFY(!runner.confirm(u"Production"_s));
    QCOMPARE(runner.waitingStep(), 0);
    QVERIFY(runner.confirm(u"production"_s));
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_server->count("/admin/rollback"), 1);
}

void TestRunbookRunner::checkComparesTheExpectedState()
{
    m_server->setJson("/health", 503, R"({"status":"unhealthy"})");
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(
        workspace({ checkStep(u"outage"_s, u"health"_s, u"critical"_s), checkStep(u"healthy"_s, u"health"_s, u"ok"_s) },
            { endpoint(u"health"_s, m_server->url(u"/health"_s)) }),
        u"rollback"_s));
    QVERIFY(runConfirming(runner, [&] { return runner.runAll(); }));
    QCOMPARE(runner.stepRun(0).state, StepState::Succeeded);
    QVERIFY2(runner.stepRun(0).message.contains(u"CRITICAL"_s), qPrintable(runner.stepRun(0).message));
    QCOMPARE(runner.stepRun(1).state, StepState::Failed);
    QVERIFY(runner.stepRun(1).message.contains(u"503"_s));
    QVERIFY(runner.stepRun(1).log.responseBody.contains("unhealthy"));
}

void TestRunbookRunner::getFollowsRedirects()
{
    m_server->setAnswer("/old", { RunbookServer::Answer::Mode::Reply, 302, "Location: /new\r\n", {} });
    m_server->setJson("/new", 200, "{}");
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(workspace({ httpStep(u"get"_s, u"GET"_s, m_server->url(u"/old"_s)) }), u"rollback"_s));
    QSignalSpy needed(&runner, &RunbookRunner::operatorNeeded);
    QVERIFY(runConfirming(runner, [&] { return runner.runAll(); }));
    QCOMPARE(needed.count(), 0); // a GET is not state-changing
    QCOMPARE(runner.stepRun(0).state, StepState::Succeeded);
    QCOMPARE(m_server->count("/new"), 1);
}

void TestRunbookRunner::waitUntilHealthyPollsUntilOk()
{
    m_server->setJson("/health", 503, "{}");
    connect(m_server, &RunbookServer::requestReceived, this, [this] {
        if (m_server->count("/health") == 2) {
            m_server->setJson("/health", 200, "{}");
        }
    });
    RunbookStep wait;
    wait.kind = RunbookStep::Kind::WaitUntilHealthy;
    wait.id = u"wait"_s;
    wait.endpoint = u"health"_s;
    wait.poll = Milliseconds(50);
    wait.timeout = Milliseconds(20000);
    RunbookRunner runner;
    QVERIFY(
        runner.setRunbook(workspace({ wait }, { endpoint(u"health"_s, m_server->url(u"/health"_s)) }), u"rollback"_s));
    QVERIFY(runConfirming(runner, [&] { return runner.runAll(); }));
    QCOMPARE(runner.stepRun(0).state, StepState::Succeeded);
    QCOMPARE(m_server->count("/health"), 2); // the second answer is already 200
    QVERIFY(runner.stepRun(0).log.lines.join(u'\n').contains(u"poll 1: CRITICAL"_s));
}

void TestRunbookRunner::abortDuringWaitStopsPolling()
{
    m_server->setJson("/health", 503, "{}");
    RunbookStep wait;
    wait.kind = RunbookStep::Kind::WaitUntilHealthy;
    wait.id = u"wait"_s;
    wait.endpoint = u"health"_s;
    wait.poll = Milliseconds(20);
    wait.timeout = Milliseconds(60000);
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(
        workspace({ wait, checkStep(u"after"_s, u"health"_s) }, { endpoint(u"health"_s, m_server->url(u"/health"_s)) }),
        u"rollback"_s));
    QList<RunbookAuditRecord> audit;
    connect(&runner, &RunbookRunner::auditRecord, this, [&](const RunbookAuditRecord &r) { audit.append(r); });
    QSignalSpy finished(&runner, &RunbookRunner::runFinished);
    QCOMPARE(runner.runAll(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(m_server->count("/health") >= 3, 10000);
    runner.abort();
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(runner.stepRun(0).state, StepState::Aborted);
    QCOMPARE(runner.stepRun(1).state, StepState::Pending);
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit.at(1).status, u"aborted"_s);
    const int polls = m_server->count("/health");
    QTest::qWait(200);
    QCOMPARE(m_server->count("/health"), polls);
}

void TestRunbookRunner::manualStepTakesANote()
{
    RunbookStep manual;
    manual.kind = RunbookStep::Kind::Manual;
    manual.id = u"decide"_s;
    manual.instruction = { u"Decide"_s, u"결정"_s };
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(workspace({ manual }, {}, u"production"_s), u"rollback"_s));
    QList<RunbookAuditRecord> audit;
    connect(&runner, &RunbookRunner::auditRecord, this, [&](const RunbookAuditRecord &r) { audit.append(r); });
    QSignalSpy finished(&runner, &RunbookRunner::runFinished);
    QCOMPARE(runner.runAll(), QString());
    QCOMPARE(runner.waitingStep(), 0);
    QVERIFY(!runner.confirmation(0).requiresTypedEnvironment); // nothing is sent by a manual step
    QVERIFY(runner.confirm({}, u"5xx everywhere, rolling back"_s));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(runner.stepRun(0).state, StepState::Succeeded);
    QVERIFY(audit.constLast().outcome.contains(u"5xx everywhere, rolling back"_s));
    QCOMPARE(runner.stepRun(0).log.request, u"Decide"_s);

    // The step log follows the UI language; the audit row stays a stable English record.
    runner.setLanguage(u"ko"_s);
    QCOMPARE(runner.runAll(), QString());
    QCOMPARE(runner.stepRun(0).log.request, u"결정"_s);
    QCOMPARE(RunbookSteps::title(manual, u"ko"_s), u"결정"_s);
    QCOMPARE(RunbookSteps::requestSummary(manual, u"ko"_s), u"manual: 결정"_s);
    QCOMPARE(audit.constLast().request, u"manual: Decide"_s);
    runner.decline();
}

void TestRunbookRunner::commandRunsWithoutAShellAndIsRedacted()
{
    // The argument reaches printf verbatim: a shell would have expanded "$HOME" and ";".
    RunbookRunner runner;
    runner.setCommandsAllowed(true);
    QVERIFY(runner.setRunbook(
        workspace({ commandStep(u"echo"_s, { u"printf"_s, u"%s|%s"_s, u"$HOME;x"_s, u"token=${RB_TEST_TOKEN}"_s }) }),
        u"rollback"_s));
    QVERIFY(runConfirming(runner, [&] { return runner.runAll(); }));
    QCOMPARE(runner.stepRun(0).state, StepState::Succeeded);
    QCOMPARE(runner.stepRun(0).log.output, QByteArray("$HOME;x|token=${RB_TEST_TOKEN}"));
}

void TestRunbookRunner::hangingCommandIsKilledAtItsTimeout()
{
    RunbookRunner runner;
    runner.setCommandsAllowed(true);
    QVERIFY(runner.setRunbook(
        workspace({ commandStep(u"hang"_s, { u"sleep"_s, u"600"_s }, Milliseconds(300)) }), u"rollback"_s));
    QSignalSpy finished(&runner, &RunbookRunner::runFinished);
    QVERIFY(runConfirming(
        runner, [&] { return runner.runAll(); }, 30000));
    QCOMPARE(runner.stepRun(0).state, StepState::Failed);
    QVERIFY2(runner.stepRun(0).message.contains(u"killed"_s), qPrintable(runner.stepRun(0).message));
}

void TestRunbookRunner::untrustedWorkspaceRunsNoCommand()
{
    QTemporaryDir dir;
    const QString marker = dir.filePath(u"ran"_s);
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(workspace({ commandStep(u"touch"_s, { u"touch"_s, marker }) }), u"rollback"_s));
    QSignalSpy needed(&runner, &RunbookRunner::operatorNeeded);
    QVERIFY(runConfirming(runner, [&] { return runner.runAll(); }));
    QCOMPARE(needed.count(), 0);
    QCOMPARE(runner.stepRun(0).state, StepState::Failed);
    QVERIFY(runner.stepRun(0).message.contains(u"not trusted"_s));
    QVERIFY(!QFile::exists(marker));
}

void TestRunbookRunner::runStepAndRunFrom()
{
    m_server->setJson("/health", 200, "{}");
    const QList<RunbookStep> steps { checkStep(u"a"_s, u"health"_s), checkStep(u"b"_s, u"health"_s),
        checkStep(u"c"_s, u"health"_s) };
    RunbookRunner runner;
    QVERIFY(runner.setRunbook(workspace(steps, { endpoint(u"health"_s, m_server->url(u"/health"_s)) }), u"rollback"_s));
    QVERIFY(runConfirming(runner, [&] { return runner.runStep(1); }));
    QCOMPARE(runner.stepRun(0).state, StepState::Pending);
    QCOMPARE(runner.stepRun(1).state, StepState::Succeeded);
    QCOMPARE(runner.stepRun(2).state, StepState::Pending);
    QVERIFY(runConfirming(runner, [&] { return runner.runFrom(1); }));
    QCOMPARE(runner.stepRun(0).state, StepState::Pending);
    QCOMPARE(runner.stepRun(2).state, StepState::Succeeded);
    QCOMPARE(m_server->count("/health"), 3);
    QVERIFY(!runner.runStep(7).isEmpty());
}

QTEST_GUILESS_MAIN(TestRunbookRunner)
#include "tst_runbookrunner.moc"
