// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpimodel.h"
#include "overview/alertstrip.h"
#include "overview/endpointsummary.h"
#include "overview/kpigridview.h"
#include "overview/overviewpage.h"
#include "overview/silencedialog.h"
#include "probe/endpointmodel.h"
#include "sources/alertmodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

Workspace workspace(int kpis)
{
    Workspace w;
    w.info.id = u"demo"_s;
    w.info.title = { u"Demo"_s, u"데모"_s };
    w.sources.alertmanager.url = u"http://127.0.0.1:9093"_s;
    for (int i = 0; i < kpis; ++i) {
        Kpi k;
        k.id = u"kpi-%1"_s.arg(i);
        k.title = { u"Response time (p95) %1"_s.arg(i), u"응답 시간 (95%ile) %1"_s.arg(i) };
        k.unit = u"ms"_s;
        k.decimals = 1;
        k.target = 200;
        k.thresholds.warn = 200;
        k.thresholds.crit = 500;
        k.source.kind = KpiSource::Kind::Prometheus;
        k.source.query = u"histogram_quantile(0.95, sum by (le) (rate(x[5m])))"_s;
        w.kpis.append(k);
    }
    return w;
}

} // namespace

class TestOverviewPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tilesShowTheModel();
    void responsiveGrid_data();
    void responsiveGrid();
    void clickOpensChart();
    void alertsStrip();
    void silenceAsksDurationAndComment();
    void endpointSummary();
    void endpointSummaryFollowsBatchedResults();

private:
    OverviewPage *m_page = nullptr;
    KpiModel *m_model = nullptr;
};

void TestOverviewPage::init()
{
    m_page = new OverviewPage;
    m_model = new KpiModel(m_page);
    const Workspace w = workspace(10);
    m_model->setKpis(w.kpis);
    m_page->setKpiModel(m_model);
    m_page->setWorkspace(w);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 10; ++i) {
        KpiFigure f;
        f.at = now;
        f.value = 100.0 * i;
        m_model->applyFigure(u"kpi-%1"_s.arg(i), f);
    }
}

void TestOverviewPage::cleanup()
{
    delete m_page;
}

void TestOverviewPage::tilesShowTheModel()
{
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    QVERIFY(m_page->grid()->isVisible());
    QVERIFY(!m_page->findChild<QLabel *>(u"noKpis"_s)->isVisible());
    QCOMPARE(m_page->grid()->model(), m_model);
    QCOMPARE(m_page->findChild<QLabel *>(u"kpiCount"_s)->text(), u"10"_s);
    // The tooltip carries the query and the time of the last update.
    const QString tip = m_model->index(3).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(u"histogram_quantile(0.95"_s));
    QVERIFY(tip.contains(u"Last update: "_s));
    // A page with a workspace but no KPIs says so.
    KpiModel empty;
    m_page->setKpiModel(&empty);
    m_page->setWorkspace(workspace(0));
    QVERIFY(!m_page->grid()->isVisible());
    QVERIFY(m_page->findChild<QLabel *>(u"noKpis"_s)->text().contains(u"defines no KPIs"_s));
    m_page->setKpiModel(m_model);
}

void TestOverviewPage::responsiveGrid_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("minColumns");
    QTest::addRow("1280x800") << QSize(1280, 800) << 4;
    QTest::addRow("2560x1440") << QSize(2560, 1440) << 8;
    QTest::addRow("narrow") << QSize(500, 700) << 1;
}

void TestOverviewPage::responsiveGrid()
{
    QFETCH(QSize, size);
    QFETCH(int, minColumns);
    m_page->resize(size);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    KpiGridView *grid = m_page->grid();
    QTRY_VERIFY(grid->columns() >= minColumns);
    const int width = grid->viewport()->width();
    QList<QRect> rects;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QRect r = grid->visualRect(m_model->index(row));
        QVERIFY2(r.width() >= KpiGridView::minTileWidth - KpiGridView::spacing, qPrintable(QString::number(r.width())));
        QVERIFY2(r.right() < width, qPrintable(u"tile %1 ends at %2 of %3"_s.arg(row).arg(r.right()).arg(width)));
        for (const QRect &other : std::as_const(rects)) {
            QVERIFY(!r.intersects(other));
        }
        rects.append(r);
    }
    // The first row is full: tiles fill the width rather than leaving a gap on the right.
    const QRect lastInRow = grid->visualRect(m_model->index(std::min(grid->columns(), m_model->rowCount()) - 1));
    if (m_model->rowCount() >= grid->columns()) {
        QVERIFY(width - lastInRow.right() < KpiGridView::minTileWidth / 2);
    }
    QVERIFY(!m_page->grab().isNull());
}

void TestOverviewPage::clickOpensChart()
{
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    QSignalSpy activated(m_page, &OverviewPage::kpiActivated);
    const QRect r = m_page->grid()->visualRect(m_model->index(2));
    QTest::mouseClick(m_page->grid()->viewport(), Qt::LeftButton, {}, r.center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), u"kpi-2"_s);
}

void TestOverviewPage::alertsStrip()
{
    AlertModel alerts;
    m_page->setAlertModel(&alerts);
    AlertStrip *strip = m_page->alertStrip();
    QCOMPARE(strip->headline(), u"Alerts: none firing"_s);
    Alert firing;
    firing.name = u"SkinHighErrorRate"_s;
    firing.severity = u"warning"_s;
    firing.summary = u"High error rate detected"_s;
    firing.startsAt = QDateTime::currentDateTimeUtc();
    Alert silenced = firing;
    silenced.name = u"SkinCriticalErrorRate"_s;
    silenced.silencedBy = QStringList { u"abc"_s };
    alerts.setAlerts({ firing, firing, silenced });
    QCOMPARE(strip->headline(), u"Alerts: 2 firing · 1 silenced"_s);
    QCOMPARE(strip->view()->model()->index(0, 0).data().toString(), u"SkinHighErrorRate: High error rate detected"_s);
    alerts.setError(u"Connection refused"_s);
    QVERIFY(strip->headline().endsWith(u"Alertmanager unreachable"_s));
    QCOMPARE(alerts.rowCount(), 3); // the last good list stays

    m_page->setWorkspace(Workspace {});
    QCOMPARE(strip->headline(), u"Alerts: no Alertmanager in this workspace"_s);
}

void TestOverviewPage::silenceAsksDurationAndComment()
{
    AlertModel alerts;
    m_page->setAlertModel(&alerts);
    Alert firing;
    firing.name = u"SkinHighErrorRate"_s;
    firing.labels = { { u"alertname"_s, u"SkinHighErrorRate"_s } };
    alerts.setAlerts({ firing });
    QSignalSpy requested(m_page, &OverviewPage::silenceRequested);
    Q_EMIT m_page->alertStrip()->silenceRequested(0);
    auto *dialog = m_page->findChild<SilenceDialog *>();
    QVERIFY(dialog);
    QVERIFY(requested.isEmpty()); // nothing until the operator confirms
    alerts.setAlerts({}); // the next poll changes the model under the open dialog
    dialog->setDuration(2h);
    dialog->commentEdit()->setText(u"known issue, fix deploying"_s);
    dialog->accept();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.constFirst().at(0).value<Alert>().name, u"SkinHighErrorRate"_s);
    QCOMPARE(requested.constFirst().at(1).value<Milliseconds>(), 2h);
    QCOMPARE(requested.constFirst().at(2).toString(), u"known issue, fix deploying"_s);

    Q_EMIT m_page->alertStrip()->silenceRequested(5); // no such row: nothing opens
    QTRY_VERIFY(!m_page->findChild<SilenceDialog *>()); // the first one deletes itself on close
}

void TestOverviewPage::endpointSummary()
{
    QStandardItemModel endpoints;
    auto *group = new QStandardItem(u"probes"_s);
    group->setData(true, EndpointModel::IsGroupRole);
    group->setData(int(EndpointState::Critical), EndpointModel::StateRole);
    const QList<int> states { int(EndpointState::Ok), int(EndpointState::Ok), int(EndpointState::Critical), -1 };
    for (int state : states) {
        auto *item = new QStandardItem(u"e"_s);
        item->setData(false, EndpointModel::IsGroupRole);
        item->setData(state, EndpointModel::StateRole);
        group->appendRow(item);
    }
    endpoints.appendRow(group);
    m_page->setEndpointModel(&endpoints);
    EndpointSummary *summary = m_page->endpointSummary();
    QCOMPARE(summary->counts().value(int(EndpointState::Ok)), 2);
    QCOMPARE(summary->counts().value(int(EndpointState::Critical)), 1);
    QCOMPARE(summary->counts().value(-1), 1);
    QVERIFY(summary->text().contains(u"2 OK"_s));
    QVERIFY(summary->text().contains(u"1 not checked yet"_s));
    group->child(3)->setData(int(EndpointState::Warning), EndpointModel::StateRole);
    QCOMPARE(summary->counts().value(int(EndpointState::Warning)), 1);
    QVERIFY(!summary->text().contains(u"not checked yet"_s));
}

// With the window's EndpointModel the summary reads the model's counts, and hears of results in batches.
void TestOverviewPage::endpointSummaryFollowsBatchedResults()
{
    Workspace workspace;
    for (const QString &name : { u"a"_s, u"b"_s, u"c"_s }) {
        Endpoint endpoint;
        endpoint.name = name;
        endpoint.group = name == u"c"_s ? u"other"_s : u"probes"_s;
        endpoint.url = u"http://127.0.0.1:9/"_s + name;
        workspace.endpoints << endpoint;
    }
    EndpointModel endpoints;
    endpoints.setWorkspace(workspace);
    endpoints.setUpdateInterval(50);
    m_page->setEndpointModel(&endpoints);
    EndpointSummary *summary = m_page->endpointSummary();
    QCOMPARE(summary->counts(), (QMap<int, int> { { -1, 3 } }));
    QVERIFY(summary->text().contains(u"3 not checked yet"_s));
    const auto result = [](const QString &name, EndpointState state) {
        ProbeResult r;
        r.endpoint = name;
        r.state = r.rawState = state;
        r.startedAt = QDateTime::currentDateTimeUtc();
        return r;
    };
    endpoints.addResult(result(u"a"_s, EndpointState::Ok));
    endpoints.addResult(result(u"c"_s, EndpointState::Critical));
    QTRY_COMPARE(summary->counts(),
        (QMap<int, int> { { -1, 1 }, { int(EndpointState::Ok), 1 }, { int(EndpointState::Critical), 1 } }));
    QVERIFY(summary->text().contains(u"1 critical"_s));
    endpoints.addResult(result(u"c"_s, EndpointState::Ok));
    endpoints.addResult(result(u"b"_s, EndpointState::Ok));
    QTRY_COMPARE(summary->counts(), (QMap<int, int> { { int(EndpointState::Ok), 3 } }));
    QVERIFY(summary->text().contains(u"3 OK"_s));
    QVERIFY(!summary->text().contains(u"not checked yet"_s));
    m_page->setEndpointModel(nullptr);
    QCOMPARE(summary->text(), u"Endpoints: not being checked"_s);
}

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
