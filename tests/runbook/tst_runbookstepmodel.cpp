// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/runbookstepmodel.h"
#include "runbooktesthelpers.h"

#include <QAbstractItemModelTester>

using namespace RunbookTest;
using namespace Qt::StringLiterals;

class TestRunbookStepModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheRunner();
    void timeText();
};

void TestRunbookStepModel::followsTheRunner()
{
    RunbookServer server;
    QVERIFY(server.start());
    server.setJson("/health", 503, "{}");
    RunbookStep check = checkStep(u"verify"_s, u"health"_s);
    check.budget = Milliseconds(120000);
    check.title = { u"Verify"_s, u"검증"_s };
    RunbookStep manual;
    manual.kind = RunbookStep::Kind::Manual;
    manual.id = u"decide"_s;
    manual.instruction = { u"Decide now"_s, u"결정"_s };
    RunbookRunner runner;
    RunbookStepModel model(&runner);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(runner.setRunbook(
        workspace({ check, manual }, { endpoint(u"health"_s, server.url(u"/health"_s)) }), u"rollback"_s));
    model.reset();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(RunbookStepModel::ColumnCount));
    QCOMPARE(model.index(0, RunbookStepModel::StepColumn).data().toString(), u"1. Verify"_s);
    QCOMPARE(model.index(1, RunbookStepModel::StepColumn).data().toString(), u"2. Decide now"_s);
    QCOMPARE(model.index(0, RunbookStepModel::TimeColumn).data().toString(), u"0:00 / 2:00"_s);
    model.setLanguage(u"ko"_s);
    QCOMPARE(model.index(0, RunbookStepModel::StepColumn).data().toString(), u"1. 검증"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(runConfirming(runner, [&] { return runner.runAll(); }));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(model.index(0, 0).data(RunbookStepModel::StateRole).toInt(), int(StepState::Failed));
    QVERIFY(model.index(0, RunbookStepModel::ResultColumn).data().toString().contains(u"503"_s));
    QCOMPARE(model.index(1, 0).data(RunbookStepModel::StateRole).toInt(), int(StepState::Pending));
    QCOMPARE(model.index(0, 0).data(RunbookStepModel::BudgetRole).toLongLong(), 120000);
}

void TestRunbookStepModel::timeText()
{
    QCOMPARE(RunbookStepModel::timeText(65000, 300000), u"1:05 / 5:00"_s);
    QCOMPARE(RunbookStepModel::timeText(3000, 0), u"0:03"_s);
}

QTEST_GUILESS_MAIN(TestRunbookStepModel)
#include "tst_runbookstepmodel.moc"
