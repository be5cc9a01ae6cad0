// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../incident/incidenttesthelpers.h"
#include "runbook/runbookaudit.h"
#include "runbooks/confirmstepdialog.h"
#include "runbooks/runbookspage.h"
#include "runbooktesthelpers.h"
#include "session/session.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeView>

using namespace RunbookTest;
using namespace Qt::StringLiterals;

// The emergency rollback through the page against a loopback service: check the outage, a confirmed POST in
// production (typed environment, double-clicked), wait until healthy; the audit and the incident get every step.
class TestRunbooksPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rollbackThroughThePage();

private:
    static QString allText(QWidget *root);
};

void TestRunbooksPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_runbookspage"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
}

QString TestRunbooksPage::allText(QWidget *root)
{
    QStringList out;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        out << label->text() << label->toolTip();
    }
    for (const QPlainTextEdit *edit : root->findChildren<QPlainTextEdit *>()) {
        out << edit->toPlainText();
    }
    for (const QTextBrowser *browser : root->findChildren<QTextBrowser *>()) {
        out << browser->toPlainText() << browser->toHtml();
    }
    for (const QWidget *widget : root->findChildren<QWidget *>()) {
        out << widget->toolTip();
    }
    return out.join(u'\n');
}

void TestRunbooksPage::rollbackThroughThePage()
{
    qputenv("RB_TEST_TOKEN", canary());
    RunbookServer server;
    QVERIFY(server.start());
    server.setJson("/health", 503, R"({"status":"unhealthy"})");
    server.setJson("/admin/rollback", 200, R"({"status":"rolled-back","current":"v1"})");
    connect(&server, &RunbookServer::requestReceived, this, [&server](const QByteArray &path) {
        if (path == "/admin/rollback") {
            server.setJson("/health", 200, R"({"status":"healthy"})");
        }
    });

    QTemporaryDir dir;
    Session session({ Session::Mode::Once, dir.filePath(u"db.sqlite"_s), {}, true });
    IncidentStore &incidents = *session.incidents();
    RunbookStep outage = checkStep(u"confirm-outage"_s, u"health"_s, u"critical"_s);
    outage.budget = Milliseconds(120000);
    RunbookStep post = httpStep(u"rollback"_s, u"POST"_s, server.url(u"/admin/rollback"_s),
        { u"[STATUS] == 200"_s, u"[BODY].current == v1"_s });
    post.headers
        = { { u"Authorization"_s, u"Bearer ${RB_TEST_TOKEN}"_s }, { u"Content-Type"_s, u"application/json"_s } };
    post.body = uR"({"version":"v1"})"_s;
    RunbookStep wait;
    wait.kind = RunbookStep::Kind::WaitUntilHealthy;
    wait.id = u"wait-healthy"_s;
    wait.endpoint = u"health"_s;
    wait.poll = Milliseconds(50);
    wait.timeout = Milliseconds(20000);
    Workspace w = workspace({ outage, post, wait },
        { endpoint(u"health"_s, server.url(u"/health"_s), { u"[STATUS] == 200"_s }) }, u"production"_s);
    w.incidents.severities = IncidentSettings::defaultSeverities();
    w.contentHash = "hand-built-test-workspace"; // a version the operator allowed below
    QSignalSpy opened(session.storage(), &Storage::opened);
    session.setWorkspace(w); // opens the database
    QVERIFY(opened.wait(10000));
    QVERIFY(session.waitingForTrust()); // the POST carries ${RB_TEST_TOKEN}
    session.answerTrust({ true, false, {} });
    QVERIFY(!session.waitingForTrust());
    QVERIFY(IncidentTest::refreshAndWait(incidents));
    Incident draft = IncidentTest::draft(u"Health critical"_s, u"P0"_s);
    draft.services = { u"health"_s };
    const qint64 incidentId = IncidentTest::createAndWait(incidents, draft);
    QVERIFY(incidentId > 0);

    RunbooksPage page(&session);
    page.setWorkspace(w);
    page.resize(1000, 700);
    page.show();
    QCOMPARE(page.stepView()->model()->rowCount(), 3);
    QVERIFY(page.stepView()->model()->index(0, 0).data(Qt::DecorationRole).isValid());

    QSignalSpy finished(page.runner(), &RunbookRunner::runFinished);
    auto *runAll = page.findChild<QPushButton *>(u"runAll"_s);
    QVERIFY(runAll && runAll->isEnabled());
    QTest::mouseClick(runAll, Qt::LeftButton);
    QVERIFY(!runAll->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(page.confirmDialog() && page.confirmDialog()->isVisible(), 10000);
    ConfirmStepDialog *dialog = page.confirmDialog();
    const QString summary = dialog->summaryText();
    QVERIFY(summary.contains(u"production"_s));
    QVERIFY(summary.contains(u"POST"_s));
    QVERIFY(summary.contains(server.url(u"/admin/rollback"_s).toString()));
    QVERIFY(summary.contains(u"api"_s));
    QVERIFY(!dialog->canRun());
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog->findChild<QLineEdit *>(u"typedEnvironment"_s)->setText(u"production"_s);
    QVERIFY(ok->isEnabled());
    QCOMPARE(server.count("/admin/rollback"), 0);
    QTest::mouseDClick(ok, Qt::LeftButton); // a double-click sends one request
    QTest::mouseClick(ok, Qt::LeftButton);

    QVERIFY(finished.count() == 1 || finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(server.count("/admin/rollback"), 1);
    QVERIFY(server.requests().at(1).headers.contains("idempotency-key"));
    QVERIFY(runAll->isEnabled());
    QVERIFY(page.messageText().contains(u"every step succeeded"_s));

    page.selectStep(1);
    QVERIFY(page.logText().contains(u"confirmed by Kim"_s));
    QVERIFY(page.requestText().contains(u"Bearer ${RB_TEST_TOKEN}"_s));
    QVERIFY(page.requestText().contains(u"\"version\""_s));
    QVERIFY(page.responseText().contains(u"HTTP 200"_s));
    QVERIFY(page.responseText().contains(u"rolled-back"_s));
    page.selectStep(2);
    QVERIFY(page.logText().contains(u"poll 1: OK"_s)); // the rollback already healed it
    QTRY_COMPARE_WITH_TIMEOUT(page.auditRowCount(), 6, 10000); // as the rows are stored
    QVERIFY(!allText(&page).contains(QString::fromLatin1(canary())));

    QVERIFY(IncidentTest::settle(incidents, incidentId));
    QVERIFY(IncidentTest::refreshAndWait(incidents));
    int steps = 0;
    for (const TimelineEntry &e : incidents.incident(incidentId)->timeline) {
        steps += e.kind == TimelineKind::RunbookStep ? 1 : 0;
        QVERIFY(!e.text.contains(QString::fromLatin1(canary())));
    }
    QCOMPARE(steps, 6);
    qunsetenv("RB_TEST_TOKEN");
}

QTEST_MAIN(TestRunbooksPage)
#include "tst_runbookspage.moc"
