// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthfixtures.h"
#include "probe/endpointmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace HealthFixtures;

class TestEndpointModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void groupsEndpointsInFileOrder();
    void endpointsWithoutResult();
    void addResultChangesOneRowAndItsGroup();
    void unknownEndpointIsIgnored();
    void groupShowsWorstState();
    void countsFollowResults();
    void updateIntervalAnnouncesRunsTogether();
    void resetDropsPendingAnnouncements();
    void uptime_data();
    void uptime();
    void historyIsBounded();
    void lastChangeOnlyOnStateChange();
    void sinceAndLatencyTexts();
    void reloadKeepsResultsOfRemainingEndpoints();
    void durationText_data();
    void durationText();

private:
    EndpointModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestEndpointModel::init()
{
    m_model = new EndpointModel(this);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_model->setClock([] { return baseTime().addSecs(90); });
    m_model->setWorkspace(workspace());
}

void TestEndpointModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestEndpointModel::groupsEndpointsInFileOrder()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(EndpointModel::ColumnCount));
    const QModelIndex api = m_model->index(0, 0);
    QCOMPARE(api.data(EndpointModel::NameRole).toString(), QStringLiteral("api"));
    QVERIFY(api.data(EndpointModel::IsGroupRole).toBool());
    QCOMPARE(api.data().toString(), QStringLiteral("api (3)")); // the disabled "legacy" is not listed
    QCOMPARE(m_model->rowCount(api), 3);
    QCOMPARE(m_model->index(2, 0, api).data(EndpointModel::NameRole).toString(), QStringLiteral("livez"));
    QCOMPARE(m_model->index(1, 0).data().toString(), QStringLiteral("payments (2)"));
    QCOMPARE(m_model->index(2, 0).data().toString(), QStringLiteral("Ungrouped (1)"));
    QCOMPARE(m_model->endpointCount(), 6);
    QVERIFY(!m_model->status(QStringLiteral("legacy")));

    const QModelIndex kakao = m_model->indexOf(QStringLiteral("kakao-maps"));
    QCOMPARE(kakao.parent(), m_model->index(1, 0));
    QCOMPARE(kakao.data().toString(), QStringLiteral("Kakao Maps"));
    m_model->setLanguage(QStringLiteral("ko"));
    QCOMPARE(kakao.data().toString(), QStringLiteral("카카오맵"));
    QCOMPARE(m_model->indexOf(QStringLiteral("status-page")).data().toString(), QStringLiteral("status-page"));
}

void TestEndpointModel::endpointsWithoutResult()
{
    const QModelIndex readyz = m_model->indexOf(QStringLiteral("readyz"), EndpointModel::StateColumn);
    QCOMPARE(readyz.data().toString(), QStringLiteral("No result yet"));
    QCOMPARE(readyz.data(EndpointModel::StateRole).toInt(), -1);
    QCOMPARE(readyz.data(EndpointModel::UptimeRole).toDouble(), -1.0);
    QCOMPARE(readyz.siblingAtColumn(EndpointModel::LatencyColumn).data().toString(), QString());
    QCOMPARE(m_model->index(0, EndpointModel::StateColumn).data(EndpointModel::StateRole).toInt(), -1);
}

void TestEndpointModel::addResultChangesOneRowAndItsGroup()
{
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QVERIFY(m_model->addResult(ok(QStringLiteral("stripe"), 84)));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 2);
    const QModelIndex row = m_model->indexOf(QStringLiteral("stripe"));
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), row);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), row.siblingAtColumn(EndpointModel::ColumnCount - 1));
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), m_model->index(1, 0));
    QCOMPARE(row.siblingAtColumn(EndpointModel::StateColumn).data().toString(), QStringLiteral("OK"));
    QCOMPARE(row.data(EndpointModel::StateRole).toInt(), int(EndpointState::Ok));
    QCOMPARE(row.data(EndpointModel::LatencyRole).toDouble(), 84.0);
    QCOMPARE(m_model->status(QStringLiteral("stripe"))->last->body, QByteArray(R"({"status":"ok"})"));
}

void TestEndpointModel::unknownEndpointIsIgnored()
{
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(!m_model->addResult(ok(QStringLiteral("nope"), 1)));
    QVERIFY(!m_model->addResult(ok(QStringLiteral("legacy"), 1)));
    QCOMPARE(changed.size(), 0);
}

void TestEndpointModel::groupShowsWorstState()
{
    const QModelIndex api = m_model->index(0, EndpointModel::StateColumn);
    m_model->addResult(ok(QStringLiteral("readyz"), 20));
    QCOMPARE(api.data(EndpointModel::StateRole).toInt(), int(EndpointState::Ok));
    m_model->addResult(slow(QStringLiteral("livez"), 900));
    QCOMPARE(api.data().toString(), QStringLiteral("Warning"));
    m_model->addResult(critical(QStringLiteral("api-health")));
    QCOMPARE(api.data(EndpointModel::StateRole).toInt(), int(EndpointState::Critical));
    QCOMPARE(api.data().toString(), QStringLiteral("Critical"));
    // Other groups are untouched.
    QCOMPARE(m_model->index(1, EndpointModel::StateColumn).data(EndpointModel::StateRole).toInt(), -1);
}

void TestEndpointModel::countsFollowResults()
{
    QCOMPARE(m_model->stateCount(-1), 6);
    QCOMPARE(m_model->stateCounts(), (QMap<int, int> { { -1, 6 } }));
    m_model->addResult(ok(QStringLiteral("readyz"), 20));
    m_model->addResult(critical(QStringLiteral("stripe")));
    m_model->addResult(ok(QStringLiteral("stripe"), 30)); // a change of state moves it
    m_model->addResult(ok(QStringLiteral("stripe"), 31)); // the same state again does not count twice
    m_model->addResult(slow(QStringLiteral("livez"), 900));
    QCOMPARE(m_model->stateCounts(),
        (QMap<int, int> { { -1, 3 }, { int(EndpointState::Ok), 2 }, { int(EndpointState::Warning), 1 } }));
    QCOMPARE(m_model->stateCount(int(EndpointState::Critical)), 0);
    QCOMPARE(m_model->index(1, EndpointModel::StateColumn).data(EndpointModel::StateRole).toInt(),
        int(EndpointState::Ok)); // payments: stripe OK, kakao-maps not checked

    // A reload keeps the results of the endpoints that stay, and their counts.
    Workspace changed = workspace();
    changed.endpoints.removeIf([](const Endpoint &e) { return e.name == QLatin1String("livez"); });
    m_model->setWorkspace(changed);
    QCOMPARE(m_model->stateCounts(), (QMap<int, int> { { -1, 3 }, { int(EndpointState::Ok), 2 } }));
    QCOMPARE(
        m_model->index(0, EndpointModel::StateColumn).data(EndpointModel::StateRole).toInt(), int(EndpointState::Ok));
}

void TestEndpointModel::updateIntervalAnnouncesRunsTogether()
{
    m_model->setUpdateInterval(50);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->addResult(ok(QStringLiteral("livez"), 20));
    m_model->addResult(ok(QStringLiteral("api-health"), 21));
    m_model->addResult(ok(QStringLiteral("livez"), 22)); // again before the announcement: one row
    m_model->addResult(ok(QStringLiteral("status-page"), 23));
    // Taken at once, announced later.
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->indexOf(QStringLiteral("livez")).data(EndpointModel::LatencyRole).toDouble(), 22.0);
    QCOMPARE(m_model->stateCount(int(EndpointState::Ok)), 3);

    QTRY_COMPARE(changed.size(), 5);
    const QModelIndex api = m_model->index(0, 0);
    // api: api-health (row 0) and livez (row 2) are two runs, then the group row; then the ungrouped status-page.
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0, 0, api));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(0, EndpointModel::ColumnCount - 1, api));
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), m_model->index(2, 0, api));
    QCOMPARE(changed.at(2).at(0).value<QModelIndex>(), api);
    QCOMPARE(changed.at(2).at(1).value<QModelIndex>(), m_model->index(0, EndpointModel::ColumnCount - 1));
    QCOMPARE(changed.at(3).at(0).value<QModelIndex>(), m_model->indexOf(QStringLiteral("status-page")));
    QCOMPARE(changed.at(4).at(0).value<QModelIndex>(), m_model->index(2, 0));

    // Adjacent rows are one run; flushUpdates() announces at once.
    changed.clear();
    m_model->addResult(ok(QStringLiteral("readyz"), 30));
    m_model->addResult(ok(QStringLiteral("api-health"), 31));
    m_model->flushUpdates();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0, 0, api));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(1, EndpointModel::ColumnCount - 1, api));
    QTest::qWait(80);
    QCOMPARE(changed.size(), 2); // nothing left over

    // Back to 0: what is pending goes out, then every result is announced by itself again.
    m_model->addResult(ok(QStringLiteral("stripe"), 40));
    m_model->setUpdateInterval(0);
    QCOMPARE(changed.size(), 4);
    m_model->addResult(ok(QStringLiteral("stripe"), 41));
    QCOMPARE(changed.size(), 6);
}

void TestEndpointModel::resetDropsPendingAnnouncements()
{
    m_model->setUpdateInterval(20);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->addResult(ok(QStringLiteral("stripe"), 20));
    Workspace fewer = workspace();
    fewer.endpoints.removeIf([](const Endpoint &e) { return e.group == QLatin1String("payments"); });
    m_model->setWorkspace(fewer); // the reset announces everything; no row of the old layout follows it
    QTest::qWait(60);
    QCOMPARE(changed.size(), 0);
    m_model->addResult(ok(QStringLiteral("readyz"), 21));
    QTRY_COMPARE(changed.size(), 2);
}

void TestEndpointModel::uptime_data()
{
    QTest::addColumn<QList<int>>("states"); // EndpointState per result, oldest first
    QTest::addColumn<double>("expected");
    using S = EndpointState;
    QTest::addRow("all ok") << QList<int> { int(S::Ok), int(S::Ok) } << 1.0;
    QTest::addRow("warning is up") << QList<int> { int(S::Ok), int(S::Warning) } << 1.0;
    QTest::addRow("one of four down") << QList<int> { int(S::Ok), int(S::Critical), int(S::Ok), int(S::Ok) } << 0.75;
    QTest::addRow("unknown is down") << QList<int> { int(S::Unknown), int(S::Ok) } << 0.5;
    QTest::addRow("maintenance left out")
        << QList<int> { int(S::Maintenance), int(S::Maintenance), int(S::Critical), int(S::Ok) } << 0.5;
    QTest::addRow("only maintenance") << QList<int> { int(S::Maintenance) } << -1.0;
}

void TestEndpointModel::uptime()
{
    QFETCH(QList<int>, states);
    QFETCH(double, expected);
    QDateTime at = baseTime();
    for (int state : states) {
        ProbeResult result = ok(QStringLiteral("livez"), 10, at);
        result.state = result.rawState = EndpointState(state);
        m_model->addResult(result);
        at = at.addSecs(30);
    }
    const QModelIndex uptime = m_model->indexOf(QStringLiteral("livez"), EndpointModel::UptimeColumn);
    QCOMPARE(uptime.data(EndpointModel::UptimeRole).toDouble(), expected);
    if (expected >= 0) {
        QCOMPARE(uptime.data().toString(), QStringLiteral("%1 %").arg(QLocale().toString(expected * 100, 'f', 1)));
    } else {
        QCOMPARE(uptime.data().toString(), QString());
    }
}

void TestEndpointModel::historyIsBounded()
{
    m_model->setHistoryCapacity(5);
    for (int i = 0; i < 12; ++i) {
        ProbeResult result = ok(QStringLiteral("readyz"), i, baseTime().addSecs(i));
        if (i < 7) {
            result.state = result.rawState = EndpointState::Critical;
        }
        m_model->addResult(result);
    }
    const EndpointStatus *status = m_model->status(QStringLiteral("readyz"));
    QCOMPARE(int(status->history.size()), 5);
    QCOMPARE(status->history.front().totalMs, 7.0);
    QCOMPARE(status->history.back().totalMs, 11.0);
    QCOMPARE(*status->uptime(), 1.0); // the failures have left the window

    // A pending result (failing below the threshold) counts by what the probe saw.
    ProbeResult pending = ok(QStringLiteral("readyz"), 12, baseTime().addSecs(12));
    pending.state = EndpointState::Pending;
    pending.rawState = EndpointState::Critical;
    m_model->addResult(pending);
    QCOMPARE(status->history.back().state, EndpointState::Critical);
    QCOMPARE(*status->uptime(), 0.8);
}

void TestEndpointModel::lastChangeOnlyOnStateChange()
{
    const QString name = QStringLiteral("api-health");
    m_model->addResult(ok(name, 10, baseTime()));
    QCOMPARE(m_model->status(name)->lastChange, baseTime());
    m_model->addResult(ok(name, 10, baseTime().addSecs(30)));
    QCOMPARE(m_model->status(name)->lastChange, baseTime());
    m_model->addResult(critical(name, baseTime().addSecs(60)));
    QCOMPARE(m_model->status(name)->lastChange, baseTime().addSecs(60));
    QCOMPARE(m_model->indexOf(name).data(EndpointModel::LastChangeRole).toDateTime(), baseTime().addSecs(60));
}

void TestEndpointModel::sinceAndLatencyTexts()
{
    m_model->addResult(ok(QStringLiteral("stripe"), 83.6, baseTime()));
    const QModelIndex row = m_model->indexOf(QStringLiteral("stripe"));
    QCOMPARE(row.siblingAtColumn(EndpointModel::LatencyColumn).data().toString(), QStringLiteral("84 ms"));
    QCOMPARE(row.siblingAtColumn(EndpointModel::SinceColumn).data().toString(), QStringLiteral("1 min"));
    m_model->setClock([] { return baseTime().addSecs(3 * 86400); });
    QCOMPARE(row.siblingAtColumn(EndpointModel::SinceColumn).data().toString(), QStringLiteral("3 d"));
}

void TestEndpointModel::reloadKeepsResultsOfRemainingEndpoints()
{
    m_model->addResult(critical(QStringLiteral("api-health")));
    m_model->addResult(ok(QStringLiteral("stripe"), 50));
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    Workspace changed = workspace();
    changed.endpoints.removeIf([](const Endpoint &e) { return e.name == QLatin1String("stripe"); });
    changed.endpoints[1].group = QStringLiteral("ops"); // readyz moves to a new group
    m_model->setWorkspace(changed);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->index(1, 0).data(EndpointModel::NameRole).toString(), QStringLiteral("ops"));
    QVERIFY(!m_model->status(QStringLiteral("stripe")));
    QCOMPARE(m_model->status(QStringLiteral("api-health"))->last->httpStatus, 503);
    QCOMPARE(m_model->indexOf(QStringLiteral("readyz")).parent(), m_model->index(1, 0));

    m_model->addResult(ok(QStringLiteral("stripe"), 50)); // removed: ignored
    m_model->setWorkspace(workspace());
    QVERIFY(!m_model->status(QStringLiteral("stripe"))->last);
}

void TestEndpointModel::durationText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::addRow("negative") << qint64(-5) << QStringLiteral("0 s");
    QTest::addRow("seconds") << qint64(59) << QStringLiteral("59 s");
    QTest::addRow("minutes") << qint64(60 * 59 + 59) << QStringLiteral("59 min");
    QTest::addRow("hours") << qint64(3600 * 47) << QStringLiteral("47 h");
    QTest::addRow("days") << qint64(86400 * 9) << QStringLiteral("9 d");
}

void TestEndpointModel::durationText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(EndpointModel::durationText(seconds), text);
}

QTEST_GUILESS_MAIN(TestEndpointModel)
#include "tst_endpointmodel.moc"
