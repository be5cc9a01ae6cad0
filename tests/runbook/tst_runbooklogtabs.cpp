// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbooks/runbooklogtabs.h"
#include "ui/languagemanager.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The Runbooks screen's log, request, response and audit tabs on their own.
class TestRunbookLogTabs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manualStepInTheUiLanguage();
    void commandOutputAndHttpExchange();
    void auditRowsOnceInIdOrder();
    void tabsFollowALanguageSwitch();
};

void TestRunbookLogTabs::manualStepInTheUiLanguage()
{
    RunbookStep manual;
    manual.kind = RunbookStep::Kind::Manual;
    manual.id = u"decide"_s;
    manual.instruction = { u"Decide: roll back or hotfix"_s, u"결정: 롤백 또는 핫픽스"_s };
    RunbookLogTabs tabs;
    tabs.showStep(manual, StepRun(), u"ko"_s); // not run yet
    QVERIFY2(tabs.requestText().contains(u"결정: 롤백 또는 핫픽스"_s), qPrintable(tabs.requestText()));
    tabs.showStep(manual, StepRun(), u"en"_s);
    QVERIFY(tabs.requestText().contains(u"Decide: roll back or hotfix"_s));
    tabs.clearStep();
    QVERIFY(tabs.requestText().trimmed().isEmpty());
}

void TestRunbookLogTabs::commandOutputAndHttpExchange()
{
    RunbookStep command;
    command.kind = RunbookStep::Kind::Command;
    StepRun run;
    run.message = u"exit code 0"_s;
    run.log.request = u"printf done"_s;
    run.log.output = "done";
    run.log.lines = { u"08:00:00  started"_s, u"08:00:01  exit code 0"_s };
    RunbookLogTabs tabs;
    tabs.showStep(command, run, u"en"_s);
    QCOMPARE(tabs.logText(), u"08:00:00  started\n08:00:01  exit code 0"_s);
    QVERIFY(tabs.responseText().contains(u"exit code 0"_s));
    QVERIFY(tabs.responseText().contains(u"done"_s));

    RunbookStep http;
    http.kind = RunbookStep::Kind::Http;
    StepRun exchange;
    exchange.log.request = u"POST http://127.0.0.1/admin/rollback\nAuthorization: Bearer ${TOKEN}"_s;
    exchange.log.requestBody = R"({"version":"v1"})";
    exchange.log.response = u"HTTP 200 in 3 ms"_s;
    exchange.log.responseBody = R"({"current":"v1"})";
    tabs.showStep(http, exchange, u"en"_s);
    QVERIFY(tabs.requestText().contains(u"\"version\""_s));
    QVERIFY(tabs.requestText().contains(u"Bearer ${TOKEN}"_s)); // headers as written
    QVERIFY(tabs.responseText().contains(u"HTTP 200 in 3 ms"_s));
    QVERIFY(tabs.responseText().contains(u"\"current\""_s));
}

void TestRunbookLogTabs::auditRowsOnceInIdOrder()
{
    const auto row = [](qint64 id, const QString &step) {
        RunbookAuditRecord r;
        r.id = id;
        r.stepId = step;
        r.at = QDateTime::currentDateTimeUtc();
        return r;
    };
    RunbookLogTabs tabs;
    tabs.addAuditRow(row(2, u"b"_s));
    tabs.addAuditRow(row(1, u"a"_s));
    tabs.addAuditRow(row(2, u"b"_s)); // loaded and recorded: once
    QCOMPARE(tabs.auditRowCount(), 2);
    tabs.addAuditRow(row(0, u"unsaved"_s));
    QCOMPARE(tabs.auditRowCount(), 3);
    tabs.clearAudit();
    QCOMPARE(tabs.auditRowCount(), 0);
}

void TestRunbookLogTabs::tabsFollowALanguageSwitch()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(u"en"_s));
    RunbookLogTabs tabs;
    QCOMPARE(tabs.tabText(3), u"Audit"_s);
    QVERIFY(languages.setLanguage(u"ko"_s));
    QTRY_COMPARE(tabs.tabText(3), u"감사 기록"_s); // LanguageChange is a posted event
    QVERIFY(languages.setLanguage(u"en"_s));
    QTRY_COMPARE(tabs.tabText(3), u"Audit"_s);
}

QTEST_MAIN(TestRunbookLogTabs)
#include "tst_runbooklogtabs.moc"
