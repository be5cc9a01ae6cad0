// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "samples/proberecordloader.h"
#include "probe/probehistory.h"
#include "storage/storage.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Stored probe results back into the figures, through a real SQLite database on the storage worker.
class TestProbeRecordLoader : public QObject
{
    Q_OBJECT

private slots:
    void loadsTheWindowBack();
};

void TestProbeRecordLoader::loadsTheWindowBack()
{
    QTemporaryDir dir;
    Storage storage;
    QSignalSpy opened(&storage, &Storage::opened);
    storage.open(dir.filePath(u"db.sqlite"_s));
    QVERIFY(opened.wait(10000));
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

QTEST_GUILESS_MAIN(TestProbeRecordLoader)
#include "tst_proberecordloader.moc"
