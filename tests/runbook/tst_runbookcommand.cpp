// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../incident/incidenttesthelpers.h"
#include "runbook/runbookaudit.h"
#include "runbookserver.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QTemporaryDir>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

// `opsdeck runbook` as a user runs it: the real executable against a loopback server, answers on its standard input,
// the audit rows read back from the database file it wrote.
class TestRunbookCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void yesRunsEveryStepAndTheAuditSaysSo();
    void koreanShowsTheWorkspaceTexts();
    void answersOnTheTerminal();
    void failingStepExitsOne();
    void declinedConfirmationSendsNothing_data();
    void declinedConfirmationSendsNothing();
    void untrustedVersionSendsNoSecret();
    void productionNeedsTheTypedName();
    void missingVariableBlocksBeforeSending();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void commandStepsAskForTrust();
    void interruptAbortsWithAnAuditRow();
    void stepsJoinTheOpenIncident();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    QString writeWorkspace(const QString &environment = u"staging"_s);
    void startProcess(QProcess &process, const QStringList &args, bool withToken = true);
    Result run(const QStringList &args, const QByteArray &input = {}, bool withToken = true);
    QList<RunbookAuditRecord> auditRows(const QString &runbookId);
    QString databasePath() const { return m_dir->filePath(u"data/opsdeck.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RunbookServer> m_server;
    QString m_workspace;
};

namespace {
const QByteArray canary = QByteArrayLiteral("CANARY-cli-5d1e0b");
}

void TestRunbookCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<RunbookServer>();
    QVERIFY(m_server->start());
    m_server->setJson("/health", 200, R"({"status":"healthy"})");
    m_server->setJson("/down", 503, R"({"status":"down"})");
    m_server->setJson("/admin/rollback", 200, R"({"status":"rolled-back","current":"v1"})");
    m_workspace = writeWorkspace();
}

void TestRunbookCommand::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

QString TestRunbookCommand::writeWorkspace(const QString &environment)
{
    QString text = uR"(workspace:
  id: cli-test
  environment: ENVIRONMENT
secrets:
  - { name: RB_CLI_TOKEN, description: Admin token of the test server }
endpoints:
  - { name: health, url: "BASE/health", conditions: ["[STATUS] == 200"] }
  - { name: down, url: "BASE/down", conditions: ["[STATUS] == 200"] }
runbooks:
  - id: rollback
    title: { en: Roll back the API, ko: API 롤백 }
    service: api
    steps:
      - { id: before, title: { en: Check health, ko: 상태 확인 }, budget: 1m, check: health }
      - id: rollback
        title: { en: Roll back to v1, ko: v1으로 롤백 }
        budget: 5m
        http:
          method: POST
          url: "BASE/admin/rollback"
          headers: { Authorization: "Bearer ${RB_CLI_TOKEN}", Content-Type: application/json }
          body: '{"version":"v1"}'
          conditions: ["[STATUS] == 200"]
      - { id: dashboard, manual: { en: Look at the dashboard, ko: 대시보드를 확인하세요 } }
      - { id: healthy, wait-until-healthy: health, poll: 1s, timeout: 10s }
  - id: commands
    steps:
      - { id: echo, command: [printf, done] }
  - id: waiting
    steps:
      - { id: wait, wait-until-healthy: down, poll: 1s, timeout: 2m }
)"_s;
    text.replace(u"BASE"_s, m_server->url(u""_s).toString(QUrl::StripTrailingSlash));
    text.replace(u"ENVIRONMENT"_s, environment);
    const QString path = m_dir->filePath(u"workspace-%1.yaml"_s.arg(environment));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0) {
        return {};
    }
    return path;
}

void TestRunbookCommand::startProcess(QProcess &process, const QStringList &args, bool withToken)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // no keychain: never the user's, and its absence is reported
    env.remove(u"RB_CLI_TOKEN"_s);
    if (withToken) {
        env.insert(u"RB_CLI_TOKEN"_s, QString::fromLatin1(canary));
    }
    // Trust and the operator's name live in the settings: a private config directory per test.
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u"config"_s));
    env.insert(u"USER"_s, u"oncall"_s);
    process.setProcessEnvironment(env);
    QStringList all { u"runbook"_s };
    all << args << u"--data-dir"_s << m_dir->filePath(u"data"_s);
    if (!args.contains(u"--lang"_s)) {
        all << u"--lang"_s << u"en"_s;
    }
    process.start(QStringLiteral(OPSDECK_APP_PATH), all);
}

TestRunbookCommand::Result TestRunbookCommand::run(const QStringList &args, const QByteArray &input, bool withToken)
{
    QProcess process;
    startProcess(process, args, withToken);
    if (!process.waitForStarted(10000)) {
        return {};
    }
    process.write(input);
    process.closeWriteChannel(); // the end of input: a question left declines
    // The loopback server lives in this process: spin the event loop while waiting.
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
    }
    Result r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    // Whatever happened, the token never reaches the terminal.
    if (r.out.contains(QString::fromLatin1(canary)) || r.err.contains(QString::fromLatin1(canary))) {
        r.exitCode = -2;
    }
    return r;
}

QList<RunbookAuditRecord> TestRunbookCommand::auditRows(const QString &runbookId)
{
    QList<RunbookAuditRecord> rows;
    const QString name = u"audit-read"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databasePath());
        if (QFile::exists(databasePath()) && db.open()) {
            rows = RunbookAudit::select(db, u"cli-test"_s, runbookId, 100);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

void TestRunbookCommand::yesRunsEveryStepAndTheAuditSaysSo()
{
    const Result r = run({ m_workspace, u"rollback"_s, u"--yes"_s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(u"Runbook: Roll back the API (rollback)"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"[1/4] Check health"_s));
    QVERIFY(r.out.contains(u"[2/4] Roll back to v1"_s));
    QVERIFY(r.out.contains(u"POST http://127.0.0.1:"_s));
    QVERIFY(r.out.contains(u"0:00 / 5:00"_s)); // elapsed against the budget
    QVERIFY(r.out.contains(u"[4/4]"_s));
    QVERIFY(r.out.contains(u"every step succeeded (4 of 4 step"_s));

    QCOMPARE(m_server->count("/admin/rollback"), 1);
    const RunbookServer::Request post = m_server->requests().at(1);
    QCOMPARE(post.method, QByteArray("POST"));
    QCOMPARE(post.headers.value("authorization"), QByteArray("Bearer " + canary));
    QVERIFY(!post.headers.value("idempotency-key").isEmpty());

    const QList<RunbookAuditRecord> rows = auditRows(u"rollback"_s);
    QCOMPARE(rows.size(), 8);
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).phase, i % 2 ? RunbookAuditRecord::Phase::After : RunbookAuditRecord::Phase::Before);
        QCOMPARE(rows.at(i).stepIndex, i / 2);
        QCOMPARE(rows.at(i).actor, u"oncall"_s);
    }
    QCOMPARE(rows.at(3).status, u"succeeded"_s);
    QVERIFY2(rows.at(3).outcome.contains(u"(--yes)"_s), qPrintable(rows.at(3).outcome)); // the POST
    QVERIFY(rows.at(5).outcome.contains(u"(--yes)"_s)); // the manual step
    QVERIFY(!rows.at(1).outcome.contains(u"--yes"_s)); // a check asks nothing
    QVERIFY(r.out.contains(rows.at(3).outcome)); // the terminal shows what the audit row says
}

void TestRunbookCommand::koreanShowsTheWorkspaceTexts()
{
    const Result r = run({ m_workspace, u"rollback"_s, u"--yes"_s, u"--lang"_s, u"ko"_s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(u"API 롤백 (rollback)"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"[2/4] v1으로 롤백"_s));
    QVERIFY(r.out.contains(u"대시보드를 확인하세요"_s)); // the manual step's instruction, not the English one
}

void TestRunbookCommand::answersOnTheTerminal()
{
    // Trust this version (its token goes to the test server), confirm the POST, mark the manual step done with a note.
    const Result r = run({ m_workspace, u"rollback"_s }, "y\ny\ny\nchecked the graphs\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.err.contains(u"RB_CLI_TOKEN (Admin token of the test server) → http://127.0.0.1:"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"(runbook rollback step rollback: header Authorization)"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"Go ahead? [y/N]"_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"on service api in environment staging"_s));
    QVERIFY(r.err.contains(u"Bearer"_s) == false); // the question names method and URL, never headers
    QVERIFY(r.out.contains(u"Look at the dashboard"_s));
    QVERIFY(r.err.contains(u"Done? [y/N]"_s));
    QCOMPARE(m_server->count("/admin/rollback"), 1);
    const QList<RunbookAuditRecord> rows = auditRows(u"rollback"_s);
    QCOMPARE(rows.size(), 8);
    QVERIFY2(rows.at(3).outcome.contains(u"confirmed by oncall"_s), qPrintable(rows.at(3).outcome));
    QVERIFY(!rows.at(3).outcome.contains(u"--yes"_s));
    QVERIFY2(rows.at(5).outcome.contains(u"checked the graphs"_s), qPrintable(rows.at(5).outcome));
}

void TestRunbookCommand::failingStepExitsOne()
{
    m_server->setJson("/admin/rollback", 500, R"({"error":"boom"})");
    const Result r = run({ m_workspace, u"rollback"_s, u"--yes"_s });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(u"FAILED"_s) && r.out.contains(u"500"_s), qPrintable(r.out));
    QVERIFY(!r.out.contains(u"[3/4]"_s)); // on-failure: stop
    QVERIFY(r.out.contains(u"finished with failures (1 of 4 step"_s));
    QCOMPARE(m_server->count("/admin/rollback"), 1); // never retried
    const QList<RunbookAuditRecord> rows = auditRows(u"rollback"_s);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(3).status, u"failed"_s);
}

void TestRunbookCommand::declinedConfirmationSendsNothing_data()
{
    QTest::addColumn<QByteArray>("input");
    // The first answer trusts the workspace version; the second is the confirmation.
    QTest::addRow("no") << QByteArray("y\nn\n");
    QTest::addRow("empty answer") << QByteArray("y\n\n");
    QTest::addRow("end of input") << QByteArray("y\n");
}

void TestRunbookCommand::untrustedVersionSendsNoSecret()
{
    const Result r = run({ m_workspace, u"rollback"_s }, "n\n");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(u"not trusted"_s), qPrintable(r.err));
    QCOMPARE(m_server->count("/admin/rollback"), 0);
    QCOMPARE(m_server->count("/health"), 0); // nothing was run
}

void TestRunbookCommand::declinedConfirmationSendsNothing()
{
    QFETCH(QByteArray, input);
    const Result r = run({ m_workspace, u"rollback"_s }, input);
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(m_server->count("/admin/rollback"), 0);
    QVERIFY2(r.out.contains(u"ABORTED"_s), qPrintable(r.out));
    const QList<RunbookAuditRecord> rows = auditRows(u"rollback"_s);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(3).status, u"aborted"_s);
    QVERIFY2(rows.at(3).outcome.contains(u"declined by oncall"_s), qPrintable(rows.at(3).outcome));
}

void TestRunbookCommand::productionNeedsTheTypedName()
{
    const QString production = writeWorkspace(u"production"_s);
    Result r = run({ production, u"rollback"_s }, "y\n");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(u"Type the environment name (production)"_s), qPrintable(r.err));
    QCOMPARE(m_server->count("/admin/rollback"), 0);

    r = run({ production, u"rollback"_s }, "production\ny\n\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(m_server->count("/admin/rollback"), 1);
}

void TestRunbookCommand::missingVariableBlocksBeforeSending()
{
    const Result r = run({ m_workspace, u"rollback"_s, u"--yes"_s }, {}, false);
    QCOMPARE(r.exitCode, 2);
    // As the README promises: the keychain was asked too, and its answer is given.
    static const QRegularExpression reason(
        uR"(RB_CLI_TOKEN is not set in the environment nor in the keychain \(.+\) \(rollback\); nothing was sent)"_s);
    QVERIFY2(reason.match(r.err).hasMatch(), qPrintable(r.err));
    QVERIFY(m_server->requests().isEmpty()); // not even the check before it
    QVERIFY(auditRows(u"rollback"_s).isEmpty());
}

void TestRunbookCommand::badUsageExitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addRow("unknown runbook") << QStringList { u"WS"_s, u"nope"_s } << u"no runbook \"nope\" in"_s;
    QTest::addRow("missing id") << QStringList { u"WS"_s } << u"usage: opsdeck runbook"_s;
    QTest::addRow("missing file") << QStringList { u"/nonexistent/ws.yaml"_s, u"rollback"_s }
                                  << u"the workspace is not valid"_s;
    QTest::addRow("unknown option") << QStringList { u"WS"_s, u"rollback"_s, u"--bogus"_s } << u"bogus"_s;
}

void TestRunbookCommand::badUsageExitsTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    args.replaceInStrings(u"WS"_s, m_workspace);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(m_server->requests().isEmpty());
}

void TestRunbookCommand::commandStepsAskForTrust()
{
    // Declined trust: nothing runs.
    Result r = run({ m_workspace, u"commands"_s }, "n\n");
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(u"commands / echo: printf done"_s), qPrintable(r.err));
    QVERIFY(auditRows(u"commands"_s).isEmpty());

    // --yes allows them for this run only, and says so.
    r = run({ m_workspace, u"commands"_s, u"--yes"_s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QList<RunbookAuditRecord> rows = auditRows(u"commands"_s);
    QCOMPARE(rows.size(), 2);
    QVERIFY2(rows.at(1).outcome.contains(u"commands allowed by --yes"_s), qPrintable(rows.at(1).outcome));

    // Trusted on the terminal (remembered), then the command itself confirmed.
    r = run({ m_workspace, u"commands"_s }, "y\ny\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    r = run({ m_workspace, u"commands"_s }, "y\n"); // only the step's confirmation now
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(!r.err.contains(u"This workspace runs commands"_s));
    rows = auditRows(u"commands"_s);
    QCOMPARE(rows.size(), 6);
    QVERIFY(!rows.at(5).outcome.contains(u"--yes"_s));
}

void TestRunbookCommand::interruptAbortsWithAnAuditRow()
{
    QProcess process;
    startProcess(process, { m_workspace, u"waiting"_s, u"--yes"_s });
    QVERIFY(process.waitForStarted(10000));
    // Interrupted while polling an endpoint that stays down.
    QVERIFY(QTest::qWaitFor([&] { return m_server->count("/down") >= 1; }, 20000));
    QVERIFY(::kill(pid_t(process.processId()), SIGINT) == 0);
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 3);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(u"interrupted"_s), qPrintable(err));
    const QList<RunbookAuditRecord> rows = auditRows(u"waiting"_s);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).status, u"aborted"_s);
    QVERIFY2(rows.at(1).outcome.contains(u"aborted by oncall"_s), qPrintable(rows.at(1).outcome));
}

void TestRunbookCommand::stepsJoinTheOpenIncident()
{
    qint64 incidentId = 0;
    Workspace workspace;
    workspace.info.id = u"cli-test"_s;
    {
        Storage storage;
        QVERIFY(IncidentTest::openStorage(storage, databasePath()));
        IncidentStore incidents(&storage);
        incidents.setWorkspace(workspace);
        Incident draft = IncidentTest::draft(u"API errors"_s, u"P1"_s);
        draft.services = { u"api"_s };
        incidentId = IncidentTest::createAndWait(incidents, draft);
        QVERIFY(incidentId > 0);
    }
    const Result r = run({ m_workspace, u"rollback"_s, u"--yes"_s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));

    Storage storage;
    QVERIFY(IncidentTest::openStorage(storage, databasePath()));
    IncidentStore incidents(&storage);
    incidents.setWorkspace(workspace);
    QVERIFY(IncidentTest::refreshAndWait(incidents));
    const Incident *incident = incidents.incident(incidentId);
    QVERIFY(incident);
    QStringList steps;
    for (const TimelineEntry &e : incident->timeline) {
        if (e.kind == TimelineKind::RunbookStep) {
            steps << e.from + u' ' + e.to;
        }
    }
    QCOMPARE(steps,
        QStringList({ u"before started"_s, u"before succeeded"_s, u"rollback started"_s, u"rollback succeeded"_s,
            u"dashboard started"_s, u"dashboard succeeded"_s, u"healthy started"_s, u"healthy succeeded"_s }));
}

QTEST_GUILESS_MAIN(TestRunbookCommand)
#include "tst_runbookcommand.moc"
