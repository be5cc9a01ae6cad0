// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/probehistory.h"
#include "samples/proberecordloader.h"
#include "storage/storage.h"
#include "storage/storageerror.h"
#include "storagewait.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Stored probe results back into the figures, through a real SQLite database on the storage worker.
class TestProbeRecordLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadsTheWindowBack();
    void readErrorIsReported();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
};

void TestProbeRecordLoader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<Storage>();
    QSignalSpy opened(m_storage.get(), &Storage::opened);
    m_storage->open(m_dir->filePath(u"db.sqlite"_s));
    QVERIFY(opened.wait(10000));
}

void TestProbeRecordLoader::cleanup()
{
    m_storage.reset();
    m_dir.reset();
}

void TestProbeRecordLoader::loadsTheWindowBack()
{
    Storage &storage = *m_storage;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        ProbeHistory history(&storage, u"ws"_s);
        const auto add = [&history](const QString &endpoint, const QDateTime &at, EndpointState state) {
            ProbeResult r;
            r.endpoint = endpoint;
            r.startedAt = at;
            r.state = state;
            r.totalMs = 12.5;
            history.add(r);
        };
        add(u"health"_s, now.addDays(-2), EndpointState::Critical); // outside the 24 h window
        add(u"health"_s, now.addSecs(-3600), EndpointState::Critical);
        add(u"health"_s, now.addSecs(-60), EndpointState::Ok);
        add(u"other"_s, now.addSecs(-60), EndpointState::Ok);
    } // flushed

    Workspace workspace;
    workspace.info.id = u"ws"_s;
    Kpi uptime;
    uptime.source.kind = KpiSource::Kind::Probe;
    uptime.source.endpoint = u"health"_s;
    uptime.source.window = 24h;
    workspace.kpis = { uptime };
    QCOMPARE(ProbeRecordLoader::window(workspace), Milliseconds(24h));

    ProbeRecordLoader loader(&storage);
    QSignalSpy loaded(&loader, &ProbeRecordLoader::loaded);
    loader.load(workspace);
    QVERIFY(loaded.wait(10000));
    const auto records = loaded.at(0).at(0).value<ProbeRecordLoader::Records>();
    QCOMPARE(records.value(u"health"_s).size(), 2);
    QCOMPARE(records.value(u"health"_s).at(0).state, EndpointState::Critical);
    QCOMPARE(records.value(u"health"_s).at(1).state, EndpointState::Ok);
    QCOMPARE(records.value(u"health"_s).at(1).totalMs, 12.5);
    QCOMPARE(records.value(u"other"_s).size(), 1);

    workspace.info.id = u"another"_s;
    loaded.clear();
    loader.load(workspace);
    QVERIFY(loaded.wait(10000));
    QVERIFY(loaded.at(0).at(0).value<ProbeRecordLoader::Records>().isEmpty());
}

void TestProbeRecordLoader::readErrorIsReported()
{
    Storage &storage = *m_storage;
    QVERIFY(StorageTest::wait(storage.write(
        u"A test's write"_s, [](QSqlDatabase &db) { sqlExec(db, u"ALTER TABLE probe_results RENAME TO gone"_s); })));

    Workspace workspace;
    workspace.info.id = u"ws"_s;
    Kpi uptime;
    uptime.source.kind = KpiSource::Kind::Probe;
    uptime.source.window = 24h;
    workspace.kpis = { uptime };
    ProbeRecordLoader loader(&storage);
    QSignalSpy loaded(&loader, &ProbeRecordLoader::loaded);
    QSignalSpy failed(&loader, &ProbeRecordLoader::loadFailed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Loading the stored probe results: no such table"_s));
    loader.load(workspace);
    QVERIFY(failed.wait(10000));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(
        message.startsWith(u"Loading the stored probe results: no such table: probe_results"_s), qPrintable(message));
    QCOMPARE(loaded.size(), 0); // not an empty history: the figures start from zero as before
}

QTEST_GUILESS_MAIN(TestProbeRecordLoader)
#include "tst_proberecordloader.moc"
