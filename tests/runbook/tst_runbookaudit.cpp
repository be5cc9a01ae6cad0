// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../incident/incidenttesthelpers.h"
#include "runbook/runbookaudit.h"
#include "runbooktesthelpers.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

using namespace RunbookTest;
using namespace Qt::StringLiterals;

// Runs the rollback against a loopback server with a canary token and follows the audit rows into the database
// and the open incident's timeline.
class TestRunbookAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void everyStepIsAuditedWithoutSecrets();
    void auditRowsCannotBeChanged();
    void failedRowReachesTheOperator();
    void activeIncidentPrefersTheRunbooksService();

private:
    bool runRollback(RunbookAudit &audit, const QString &service);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<IncidentStore> m_incidents;
    std::unique_ptr<RunbookServer> m_server;
};

void TestRunbookAudit::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_runbookaudit"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
}

void TestRunbookAudit::init()
{
    qputenv("RB_TEST_TOKEN", canary());
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<Storage>();
    QVERIFY(IncidentTest::openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    m_incidents = std::make_unique<IncidentStore>(m_storage.get());
    Workspace w = IncidentTest::workspace();
    w.info.id = u"rb-test"_s;
    m_incidents->setWorkspace(w);
    QVERIFY(IncidentTest::refreshAndWait(*m_incidents));
    m_server = std::make_unique<RunbookServer>();
    QVERIFY(m_server->start());
}

void TestRunbookAudit::cleanup()
{
    m_server.reset();
    m_incidents.reset();
    m_storage.reset();
    m_dir.reset();
    qunsetenv("RB_TEST_TOKEN");
}

bool TestRunbookAudit::runRollback(RunbookAudit &audit, const QString &service)
{
    // The server echoes the token back, as a careless service might: it must be redacted all the same.
    m_server->setJson("/admin/rollback", 200, R"({"current":"v1","echo":")" + canary() + R"("})");
    m_server->setJson("/health", 200, R"({"status":"healthy"})");
    RunbookStep post = httpStep(
        u"rollback"_s, u"POST"_s, m_server->url(u"/admin/rollback"_s), { u"[STATUS] == 200"_s, u"[BODY].echo == x"_s });
    post.headers = { { u"Authorization"_s, u"Bearer ${RB_TEST_TOKEN}"_s } };
    post.onFailure = RunbookStep::OnFailure::Continue;
    RunbookRunner runner;
    Workspace w = workspace(
        { post, checkStep(u"verify"_s, u"health"_s) }, { endpoint(u"health"_s, m_server->url(u"/health"_s)) });
    w.runbooks[0].service = service;
    if (!runner.setRunbook(w, u"rollback"_s)) {
        return false;
    }
    QSignalSpy recorded(&audit, &RunbookAudit::recorded);
    connect(&runner, &RunbookRunner::auditRecord, &audit,
        [&audit, service](const RunbookAuditRecord &r) { audit.record(r, service); });
    return runConfirming(runner, [&] { return runner.runAll(); })
        && QTest::qWaitFor([&] { return recorded.count() == 4; }, 10000);
}

void TestRunbookAudit::everyStepIsAuditedWithoutSecrets()
{
    Incident draft = IncidentTest::draft(u"API down"_s, u"P0"_s);
    draft.services = { u"api"_s };
    const qint64 incidentId = IncidentTest::createAndWait(*m_incidents, draft);
    QVERIFY(incidentId > 0);
    RunbookAudit audit(m_storage.get());
    audit.setIncidentStore(m_incidents.get());
    QVERIFY(runRollback(audit, u"api"_s));

    QSignalSpy loaded(&audit, &RunbookAudit::loaded);
    audit.load(u"rb-test"_s, u"rollback"_s);
    QVERIFY(loaded.wait(10000));
    const auto rows = loaded.at(0).at(1).value<QList<RunbookAuditRecord>>();
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).phase, RunbookAuditRecord::Phase::Before);
    QCOMPARE(rows.at(0).stepId, u"rollback"_s);
    QCOMPARE(rows.at(0).actor, u"Kim"_s);
    QVERIFY(rows.at(0).request.contains(u"POST"_s));
    QCOMPARE(rows.at(1).phase, RunbookAuditRecord::Phase::After);
    QCOMPARE(rows.at(1).status, u"failed"_s); // [BODY].echo is the canary, not "x"
    QVERIFY2(rows.at(1).outcome.contains(u"${RB_TEST_TOKEN}"_s), qPrintable(rows.at(1).outcome));
    QCOMPARE(rows.at(3).stepId, u"verify"_s);
    QCOMPARE(rows.at(3).status, u"succeeded"_s);

    QVERIFY(IncidentTest::settle(*m_incidents, incidentId));
    QVERIFY(IncidentTest::refreshAndWait(*m_incidents));
    const Incident *incident = m_incidents->incident(incidentId);
    QVERIFY(incident);
    int steps = 0;
    for (const TimelineEntry &e : incident->timeline) {
        if (e.kind == TimelineKind::RunbookStep) {
            ++steps;
            QCOMPARE(e.subject, u"rollback"_s);
            QVERIFY(!e.text.contains(QString::fromLatin1(canary())));
        }
    }
    QCOMPARE(steps, 4);

    // Nowhere in the database file, whatever table or page.
    m_incidents.reset();
    m_storage.reset();
    QFile db(m_dir->filePath(u"db.sqlite"_s));
    QVERIFY(db.open(QIODevice::ReadOnly));
    const QByteArray bytes = db.readAll();
    QVERIFY(bytes.contains("rb-test"));
    QVERIFY(!bytes.contains(canary()));
    QFile wal(m_dir->filePath(u"db.sqlite-wal"_s));
    if (wal.open(QIODevice::ReadOnly)) {
        QVERIFY(!wal.readAll().contains(canary()));
    }
}

void TestRunbookAudit::auditRowsCannotBeChanged()
{
    RunbookAudit audit(m_storage.get());
    QVERIFY(runRollback(audit, {}));
    const auto update = IncidentTest::runWrite(*m_storage, u"UPDATE runbook_audit SET status = 'succeeded'"_s);
    QVERIFY(update.has_value() && !update->isEmpty());
    const auto remove = IncidentTest::runWrite(*m_storage, u"DELETE FROM runbook_audit"_s);
    QVERIFY(remove.has_value() && !remove->isEmpty());
    QCOMPARE(IncidentTest::scalar(*m_storage, u"SELECT COUNT(*) FROM runbook_audit"_s), 4);
}

void TestRunbookAudit::failedRowReachesTheOperator()
{
    QVERIFY(IncidentTest::runWrite(*m_storage, u"ALTER TABLE runbook_audit RENAME TO gone"_s) == QString());
    RunbookAudit audit(m_storage.get());
    QSignalSpy failed(&audit, &RunbookAudit::writeFailed);
    QSignalSpy writeFailed(m_storage.get(), &Storage::writeFailed);
    RunbookAuditRecord record;
    record.runbookId = u"rollback"_s;
    record.stepId = u"verify"_s;
    record.at = QDateTime::currentDateTimeUtc();
    audit.record(record);
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.at(0).at(0).toString().startsWith(u"no such table: runbook_audit"_s),
        qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(writeFailed.size(), 1);
    QCOMPARE(writeFailed.at(0).at(0).toString(), u"Recording step verify of the runbook rollback in the audit trail"_s);
}

void TestRunbookAudit::activeIncidentPrefersTheRunbooksService()
{
    Incident older;
    older.id = 1;
    older.services = { u"api"_s };
    older.startedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    Incident newer;
    newer.id = 2;
    newer.startedAt = QDateTime::currentDateTimeUtc();
    Incident closed;
    closed.id = 3;
    closed.status = IncidentStatus::Resolved;
    closed.services = { u"cdn"_s };
    const QList<Incident> all { older, newer, closed };
    QCOMPARE(RunbookAudit::activeIncident(all, u"api"_s, {}), 1);
    QCOMPARE(RunbookAudit::activeIncident(all, u"other"_s, {}), 2);
    QCOMPARE(RunbookAudit::activeIncident(all, u"cdn"_s, {}), 2); // a resolved incident takes no more entries
    QCOMPARE(RunbookAudit::activeIncident({ closed }, u"cdn"_s, {}), 0);
}

QTEST_GUILESS_MAIN(TestRunbookAudit)
#include "tst_runbookaudit.moc"
