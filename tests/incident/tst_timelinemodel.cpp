// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/timelinefiltermodel.h"
#include "incident/timelinemodel.h"
#include "incidenttesthelpers.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace IncidentTest;

class TestTimelineModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void appendsInsertRows();
    void correctionsSupersede();
    void filterByKindAndJump();

private:
    qint64 noteAndWait(const QString &text, const QDateTime &occurred = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<IncidentStore> m_store;
    qint64 m_id = 0;
};

void TestTimelineModel::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_timelinemodel"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
}

void TestTimelineModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    m_store = std::make_unique<IncidentStore>(m_storage.get());
    m_store->setWorkspace(workspace());
    QVERIFY(refreshAndWait(*m_store));
    Incident d = draft(u"x"_s);
    d.detectedAt = utc("2026-11-01T10:00:00");
    m_id = createAndWait(*m_store, d);
    QVERIFY(m_id > 0);
}

void TestTimelineModel::cleanup()
{
    m_store.reset();
    m_storage.reset();
    m_dir.reset();
}

qint64 TestTimelineModel::noteAndWait(const QString &text, const QDateTime &occurred)
{
    if (!m_store->appendNote(m_id, text, occurred).isEmpty() || !settle(*m_store, m_id)) {
        return 0;
    }
    return m_store->incident(m_id)->timeline.constLast().id;
}

void TestTimelineModel::appendsInsertRows()
{
    TimelineModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(m_id);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, TimelineModel::EntryColumn).data().toString(), u"Opened as Detected"_s);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(noteAndWait(u"Paged the DBA"_s) > 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.constFirst().at(1).toInt(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(1, TimelineModel::EntryColumn).data().toString(), u"Paged the DBA"_s);
    QCOMPARE(model.index(1, TimelineModel::AuthorColumn).data().toString(), u"Kim"_s);
    QCOMPARE(model.index(1, 0).data(TimelineModel::KindRole).toInt(), int(TimelineKind::Note));
    // Another incident's changes leave this model alone.
    const qint64 other = createAndWait(*m_store, draft(u"other"_s));
    QVERIFY(m_store->appendNote(other, u"elsewhere"_s).isEmpty());
    QVERIFY(settle(*m_store, other));
    QCOMPARE(model.rowCount(), 2);
}

void TestTimelineModel::correctionsSupersede()
{
    TimelineModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidentId(m_id);
    const qint64 note = noteAndWait(u"DB down"_s);
    QVERIFY(m_store->correct(m_id, note, u"DB primary down"_s, {}).isEmpty());
    QVERIFY(settle(*m_store, m_id));
    QCOMPARE(model.rowCount(), 3);
    const int noteRow = model.rowOf(note);
    QVERIFY(model.index(noteRow, 0).data(TimelineModel::SupersededRole).toBool());
    QVERIFY(model.index(noteRow, TimelineModel::EntryColumn).data(TimelineModel::SupersededRole).toBool());
    QVERIFY(!model.index(noteRow, TimelineModel::EntryColumn).data(Qt::FontRole).isValid());
    QVERIFY(!model.index(noteRow, TimelineModel::EntryColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(2, 0).data(TimelineModel::SupersededRole).toBool());
    QCOMPARE(model.index(2, 0).data(TimelineModel::CorrectsRole).toLongLong(), note);
    QCOMPARE(model.index(2, TimelineModel::EntryColumn).data().toString(),
        u"Correction of #%1: DB primary down"_s.arg(note));

    TimelineFilterModel filter;
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 2); // the superseded note is hidden
    filter.setShowSuperseded(true);
    QCOMPARE(filter.rowCount(), 3);
}

void TestTimelineModel::filterByKindAndJump()
{
    TimelineModel model(m_store.get());
    model.setIncidentId(m_id);
    TimelineFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    // Back-filled notes land in occurred-at order, around "opened" at 10:00.
    QVERIFY(noteAndWait(u"late"_s, utc("2026-11-01T10:30:00")) > 0);
    QVERIFY(noteAndWait(u"early"_s, utc("2026-11-01T09:50:00")) > 0);
    TimelineEntry auto1;
    auto1.kind = TimelineKind::EndpointState;
    auto1.subject = u"api-health"_s;
    auto1.from = u"OK"_s;
    auto1.to = u"CRITICAL"_s;
    auto1.occurredAt = utc("2026-11-01T10:10:00");
    QVERIFY(m_store->appendEntry(m_id, auto1).isEmpty());
    QVERIFY(settle(*m_store, m_id));
    QStringList order;
    for (int row = 0; row < filter.rowCount(); ++row) {
        order.append(filter.index(row, TimelineModel::EntryColumn).data().toString());
    }
    QCOMPARE(order, QStringList({ u"early"_s, u"Opened as Detected"_s, u"api-health: OK → CRITICAL"_s, u"late"_s }));
    filter.setKinds({ TimelineKind::Note });
    QCOMPARE(filter.rowCount(), 2);
    filter.setKinds({ TimelineKind::EndpointState, TimelineKind::StatusChange });
    QCOMPARE(filter.rowCount(), 2);
    QCOMPARE(filter.index(1, 0).data(TimelineModel::AutomaticRole).toBool(), true);
    QCOMPARE(filter.index(1, TimelineModel::AuthorColumn).data().toString(), u"opsdeck"_s);
    filter.setKinds({});
    QCOMPARE(filter.rowAtOrAfter(utc("2026-11-01T10:05:00")), 2);
    QCOMPARE(filter.rowAtOrAfter(utc("2026-11-01T08:00:00")), 0);
    QCOMPARE(filter.rowAtOrAfter(utc("2026-11-02T08:00:00")), 3);
}

QTEST_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
