// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentlistmodel.h"
#include "incidenttesthelpers.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace IncidentTest;

class TestIncidentListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rowsFollowTheStore();
    void slaColumnsAgeWithNow();
};

void TestIncidentListModel::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_incidentlistmodel"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
}

void TestIncidentListModel::rowsFollowTheStore()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    IncidentStore store(&storage);
    IncidentListModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    store.setWorkspace(workspace());
    QVERIFY(refreshAndWait(store));
    QCOMPARE(model.rowCount(), 0);

    const qint64 first = createAndWait(store, draft(u"First"_s, u"P2"_s));
    const qint64 second = createAndWait(store, draft(u"Second"_s, u"P0"_s));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.incidentIdAt(0), second); // new ones at the top
    QCOMPARE(model.index(0, IncidentListModel::TitleColumn).data().toString(), u"Second"_s);
    QCOMPARE(model.index(0, IncidentListModel::SeverityColumn).data().toString(), u"P0"_s);
    QCOMPARE(model.index(1, IncidentListModel::IdColumn).data().toString(), u"#"_s + QString::number(first));
    QCOMPARE(model.index(1, IncidentListModel::StatusColumn).data().toString(), u"Detected"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(store.setStatus(first, IncidentStatus::Investigating).isEmpty());
    QVERIFY(settle(store, first));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.constLast().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, IncidentListModel::StatusColumn).data().toString(), u"Investigating"_s);
    QCOMPARE(model.index(1, 0).data(IncidentListModel::StatusRole).toInt(), int(IncidentStatus::Investigating));

    // A reload from storage puts open incidents first, newest first.
    QVERIFY(refreshAndWait(store));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.incidentIdAt(0), second);
}

void TestIncidentListModel::slaColumnsAgeWithNow()
{
    QTemporaryDir dir;
    Storage storage;
    QVERIFY(openStorage(storage, dir.filePath(u"db.sqlite"_s)));
    IncidentStore store(&storage);
    IncidentListModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    store.setWorkspace(workspace());
    QVERIFY(refreshAndWait(store));
    Incident d = draft(u"Down"_s, u"P0"_s); // ack 5 min, resolve 1 h
    const QDateTime start = utc("2026-11-01T10:00:00");
    d.startedAt = start;
    d.detectedAt = start;
    const qint64 id = createAndWait(store, d);
    QVERIFY(id > 0);
    const QModelIndex ack = model.index(0, IncidentListModel::AckColumn);
    const QModelIndex resolve = model.index(0, IncidentListModel::ResolveColumn);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNow(start.addSecs(60));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(ack.data().toString(), u"1:00 / 5:00"_s);
    QCOMPARE(ack.data(IncidentListModel::AckStateRole).toInt(), int(SlaFigure::State::Ok));
    QCOMPARE(ack.data(IncidentListModel::SlaStateRole).toInt(), int(SlaFigure::State::Ok));
    QVERIFY(!ack.data(Qt::ForegroundRole).isValid()); // the view colours the state
    QVERIFY(!model.index(0, IncidentListModel::TitleColumn).data(IncidentListModel::SlaStateRole).isValid());
    model.setNow(start.addSecs(4 * 60));
    QCOMPARE(ack.data(IncidentListModel::AckStateRole).toInt(), int(SlaFigure::State::Near));
    QCOMPARE(ack.data(IncidentListModel::SlaStateRole).toInt(), int(SlaFigure::State::Near));
    model.setNow(start.addSecs(6 * 60));
    QCOMPARE(ack.data(IncidentListModel::AckStateRole).toInt(), int(SlaFigure::State::Breached));
    QCOMPARE(ack.data().toString(), u"overdue by 1:00"_s);
    QCOMPARE(ack.data(IncidentListModel::SlaStateRole).toInt(), int(SlaFigure::State::Breached));
    QVERIFY(!ack.data(Qt::FontRole).isValid());
    QCOMPARE(resolve.data(IncidentListModel::ResolveStateRole).toInt(), int(SlaFigure::State::Ok));
    QCOMPARE(resolve.data(IncidentListModel::SlaStateRole).toInt(), int(SlaFigure::State::Ok));
    QCOMPARE(resolve.data().toString(), u"6:00 / 1:00:00"_s);
}

QTEST_MAIN(TestIncidentListModel)
#include "tst_incidentlistmodel.moc"
