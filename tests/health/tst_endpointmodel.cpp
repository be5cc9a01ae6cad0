// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthfixtures.h"
#include "probe/endpointmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

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
    void impactedEndpointIsMarked();
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
    QCOMPARE(api.data(EndpointModel::NameRole).toString(), u"api"_s);
    QVERIFY(api.data(EndpointModel::IsGroupRole).toBool());
    QCOMPARE(api.data().toString(), u"api (3)"_s); // the disabled "legacy" is not listed
    QCOMPARE(m_model->rowCount(api), 3);
    QCOMPARE(m_model->index(2, 0, api).data(EndpointModel::NameRole).toString(), u"livez"_s);
    QCOMPARE(m_model->index(1, 0).data().toString(), u"payments (2)"_s);
    QCOMPARE(m_model->index(2, 0).data().toString(), u"Ungrouped (1)"_s);
    QCOMPARE(m_model->endpointCount(), 6);
    QVERIFY(!m_model->status(u"legacy"_s));

    const QModelIndex kakao = m_model->indexOf(u"kakao-maps"_s);
    QCOMPARE(kakao.parent(), m_model->index(1, 0));
    QCOMPARE(kakao.data().toString(), u"Kakao Maps"_s);
    m_model->setLanguage(u"ko"_s);
    QCOMPARE(kakao.data().toString(), u"카카오맵"_s);
    QCOMPARE(m_model->indexOf(u"status-page"_s).data().toString(), u"status-page"_s);
}

void TestEndpointModel::endpointsWithoutResult()
{
    const QModelIndex readyz = m_model->indexOf(u"readyz"_s, EndpointModel::StateColumn);
    QCOMPARE(readyz.data().toString(), u"No result yet"_s);
    QCOMPARE(readyz.data(EndpointModel::StateRole).toInt(), -1);
    QCOMPARE(readyz.data(EndpointModel::UptimeRole).toDouble(), -1.0);
    QCOMPARE(readyz.siblingAtColumn(EndpointModel::LatencyColumn).data().toString(), QString());
    QCOMPARE(m_model->index(0, EndpointModel::StateColumn).data(EndpointModel::StateRole).toInt(), -1);
}

void TestEndpointModel::addResultChangesOneRowAndItsGroup()
{
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QVERIFY(m_model->addResult(ok(u"stripe"_s, 84)));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 2);
    const QModelIndex row = m_model->indexOf(u"stripe"_s);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), row);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), row.siblingAtColumn(EndpointModel::ColumnCount - 1));
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), m_model->index(1, 0));
    QCOMPARE(row.siblingAtColumn(EndpointModel::StateColumn).data().toString(), u"OK"_s);
    QCOMPARE(row.data(EndpointModel::StateRole).toInt(), int(EndpointState::Ok));
    QCOMPARE(row.data(EndpointModel::LatencyRole).toDouble(), 84.0);
    QCOMPARE(m_model->status(u"stripe"_s)->last->body, QByteArray(R"({"status":"ok"})"));
}

void TestEndpointModel::unknownEndpointIsIgnored()
{
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(!m_model->addResult(ok(u"nope"_s, 1)));
    QVERIFY(!m_model->addResult(ok(u"legacy"_s, 1)));
    QCOMPARE(changed.size(), 0);
}

void TestEndpointModel::groupShowsWorstState()
{
    const QModelIndex api = m_model->index(0, EndpointModel::StateColumn);
    m_model->addResult(ok(u"readyz"_s, 20));
    QCOMPARE(api.data(EndpointModel::StateRole).toInt(), int(EndpointState::Ok));
    m_model->addResult(slow(u"livez"_s, 900));
    QCOMPARE(api.data().toString(), u"Warning"_s);
    m_model->addResult(critical(u"api-health"_s));
    QCOMPARE(api.data(EndpointModel::StateRole).toInt(), int(EndpointState::Critical));
    QCOMPARE(api.data().toString(), u"Critical"_s);
    // Other groups are untouched.
    QCOMPARE(m_model->index(1, EndpointModel::StateColumn).data(EndpointModel::StateRole).toInt(), -1);
}

void TestEndpointModel::impactedEndpointIsMarked()
{
    m_model->addResult(critical(u"api-health"_s));
    m_model->addResult(ok(u"readyz"_s, 20));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setImpactedBy(u"api-health"_s, u"stripe"_s);
    m_model->setImpactedBy(u"readyz"_s, u"stripe"_s);
    QCOMPARE(changed.size(), 4); // each row and its group
    m_model->setImpactedBy(u"readyz"_s, u"stripe"_s);
    QCOMPARE(changed.size(), 4); // no change, nothing announced
    const QModelIndex health = m_model->indexOf(u"api-health"_s, EndpointModel::StateColumn);
    QCOMPARE(health.data().toString(), EndpointModel::impactedText());
    QCOMPARE(health.data(EndpointModel::ImpactedByRole).toString(), u"stripe"_s);
    QCOMPARE(health.data(EndpointModel::StateRole).toInt(), int(EndpointState::Critical)); // its own state stays
    QVERIFY(health.data(Qt::ToolTipRole).toString().contains(EndpointModel::impactedByText(u"stripe"_s)));
    // OK while its dependency is down: nothing to explain, not marked.
    const QModelIndex readyz = m_model->indexOf(u"readyz"_s, EndpointModel::StateColumn);
    QCOMPARE(readyz.data().toString(), u"OK"_s);
    QCOMPARE(readyz.data(EndpointModel::ImpactedByRole).toString(), QString());
    m_model->setImpactedBy(u"api-health"_s, QString());
    QCOMPARE(health.data().toString(), u"Critical"_s);
    // A new workspace computes the dependencies again: the marks go.
    m_model->setImpactedBy(u"api-health"_s, u"stripe"_s);
    m_model->setWorkspace(workspace());
    QCOMPARE(m_model->indexOf(u"api-health"_s).data(EndpointModel::ImpactedByRole).toString(), QString());
}

void TestEndpointModel::countsFollowResults()
{
    QCOMPARE(m_model->stateCount(-1), 6);
    QCOMPARE(m_model->stateCounts(), (QMap<int, int> { { -1, 6 } }));
    m_model->addResult(ok(u"readyz"_s, 20));
    m_model->addResult(critical(u"stripe"_s));
    m_model->addResult(ok(u"stripe"_s, 30)); // a change of state moves it
    m_model->addResult(ok(u"stripe"_s, 31)); // the same state again does not count twice
    m_model->addResult(slow(u"livez"_s, 900));
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
    m_model->addResult(ok(u"livez"_s, 20));
    m_model->addResult(ok(u"api-health"_s, 21));
    m_model->addResult(ok(u"livez"_s, 22)); // again before the announcement: one row
    m_model->addResult(ok(u"status-page"_s, 23));
    // Taken at once, announced later.
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->indexOf(u"livez"_s).data(EndpointModel::LatencyRole).toDouble(), 22.0);
    QCOMPARE(m_model->stateCount(int(EndpointState::Ok)), 3);

    QTRY_COMPARE(changed.size(), 5);
    const QModelIndex api = m_model->index(0, 0);
    // api: api-health (row 0) and livez (row 2) are two runs, then the group row; then the ungrouped status-page.
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0, 0, api));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(0, EndpointModel::ColumnCount - 1, api));
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), m_model->index(2, 0, api));
    QCOMPARE(changed.at(2).at(0).value<QModelIndex>(), api);
    QCOMPARE(changed.at(2).at(1).value<QModelIndex>(), m_model->index(0, EndpointModel::ColumnCount - 1));
    QCOMPARE(changed.at(3).at(0).value<QModelIndex>(), m_model->indexOf(u"status-page"_s));
    QCOMPARE(changed.at(4).at(0).value<QModelIndex>(), m_model->index(2, 0));

    // Adjacent rows are one run; flushUpdates() announces at once.
    changed.clear();
    m_model->addResult(ok(u"readyz"_s, 30));
    m_model->addResult(ok(u"api-health"_s, 31));
    m_model->flushUpdates();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0, 0, api));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(1, EndpointModel::ColumnCount - 1, api));
    QTest::qWait(80);
    QCOMPARE(changed.size(), 2); // nothing left over

    // Back to 0: what is pending goes out, then every result is announced by itself again.
    m_model->addResult(ok(u"stripe"_s, 40));
    m_model->setUpdateInterval(0);
    QCOMPARE(changed.size(), 4);
    m_model->addResult(ok(u"stripe"_s, 41));
    QCOMPARE(changed.size(), 6);
}

void TestEndpointModel::resetDropsPendingAnnouncements()
{
    m_model->setUpdateInterval(20);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->addResult(ok(u"stripe"_s, 20));
    Workspace fewer = workspace();
    fewer.endpoints.removeIf([](const Endpoint &e) { return e.group == QLatin1String("payments"); });
    m_model->setWorkspace(fewer); // the reset announces everything; no row of the old layout follows it
    QTest::qWait(60);
    QCOMPARE(changed.size(), 0);
    m_model->addResult(ok(u"readyz"_s, 21));
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
        ProbeResult result = ok(u"livez"_s, 10, at);
        result.state = result.rawState = EndpointState(state);
        m_model->addResult(result);
        at = at.addSecs(30);
    }
    const QModelIndex uptime = m_model->indexOf(u"livez"_s, EndpointModel::UptimeColumn);
    QCOMPARE(uptime.data(EndpointModel::UptimeRole).toDouble(), expected);
    if (expected >= 0) {
        QCOMPARE(uptime.data().toString(), u"%1 %"_s.arg(QLocale().toString(expected * 100, 'f', 1)));
    } else {
        QCOMPARE(uptime.data().toString(), QString());
    }
}

void TestEndpointModel::historyIsBounded()
{
    m_model->setHistoryCapacity(5);
    for (int i = 0; i < 12; ++i) {
        ProbeResult result = ok(u"readyz"_s, i, baseTime().addSecs(i));
        if (i < 7) {
            result.state = result.rawState = EndpointState::Critical;
        }
        m_model->addResult(result);
    }
    const EndpointStatus *status = m_model->status(u"readyz"_s);
    QCOMPARE(int(status->history.size()), 5);
    QCOMPARE(status->history.front().totalMs, 7.0);
    QCOMPARE(status->history.back().totalMs, 11.0);
    QCOMPARE(*status->uptime(), 1.0); // the failures have left the window

    // A pending result (failing below the threshold) counts by what the probe saw.
    ProbeResult pending = ok(u"readyz"_s, 12, baseTime().addSecs(12));
    pending.state = EndpointState::Pending;
    pending.rawState = EndpointState::Critical;
    m_model->addResult(pending);
    QCOMPARE(status->history.back().state, EndpointState::Critical);
    QCOMPARE(*status->uptime(), 0.8);
}

void TestEndpointModel::lastChangeOnlyOnStateChange()
{
    const QString name = u"api-health"_s;
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
    m_model->addResult(ok(u"stripe"_s, 83.6, baseTime()));
    const QModelIndex row = m_model->indexOf(u"stripe"_s);
    QCOMPARE(row.siblingAtColumn(EndpointModel::LatencyColumn).data().toString(), u"84 ms"_s);
    QCOMPARE(row.siblingAtColumn(EndpointModel::SinceColumn).data().toString(), u"1 min"_s);
    m_model->setClock([] { return baseTime().addSecs(3 * 86400); });
    QCOMPARE(row.siblingAtColumn(EndpointModel::SinceColumn).data().toString(), u"3 d"_s);
}

void TestEndpointModel::reloadKeepsResultsOfRemainingEndpoints()
{
    m_model->addResult(critical(u"api-health"_s));
    m_model->addResult(ok(u"stripe"_s, 50));
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    Workspace changed = workspace();
    changed.endpoints.removeIf([](const Endpoint &e) { return e.name == QLatin1String("stripe"); });
    changed.endpoints[1].group = u"ops"_s; // readyz moves to a new group
    m_model->setWorkspace(changed);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->index(1, 0).data(EndpointModel::NameRole).toString(), u"ops"_s);
    QVERIFY(!m_model->status(u"stripe"_s));
    QCOMPARE(m_model->status(u"api-health"_s)->last->httpStatus, 503);
    QCOMPARE(m_model->indexOf(u"readyz"_s).parent(), m_model->index(1, 0));

    m_model->addResult(ok(u"stripe"_s, 50)); // removed: ignored
    m_model->setWorkspace(workspace());
    QVERIFY(!m_model->status(u"stripe"_s)->last);
}

void TestEndpointModel::durationText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::addRow("negative") << qint64(-5) << u"0 s"_s;
    QTest::addRow("seconds") << qint64(59) << u"59 s"_s;
    QTest::addRow("minutes") << qint64(60 * 59 + 59) << u"59 min"_s;
    QTest::addRow("hours") << qint64(3600 * 47) << u"47 h"_s;
    QTest::addRow("days") << qint64(86400 * 9) << u"9 d"_s;
}

void TestEndpointModel::durationText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(EndpointModel::durationText(seconds), text);
}

QTEST_GUILESS_MAIN(TestEndpointModel)
#include "tst_endpointmodel.moc"
