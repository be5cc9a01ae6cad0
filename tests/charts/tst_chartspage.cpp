// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/chartspage.h"
#include "charts/kpichartview.h"
#include "kpi/kpichartdata.h"
#include "kpi/kpimodel.h"
#include "sources/prometheusclient.h"
#include "ui/languagemanager.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestChartsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void chartsTheTileHistory();
    void rangesAndCrosshair();
    void refreshesAreCoalesced();
    void bandsFollowTheLanguage();

private:
    QNetworkAccessManager m_nam;
    PrometheusClient *m_prometheus = nullptr;
    KpiModel *m_model = nullptr;
    KpiChartData *m_data = nullptr;
    ChartsPage *m_page = nullptr;
    Workspace m_workspace;
};

void TestChartsPage::init()
{
    m_prometheus = new PrometheusClient(&m_nam, {});
    m_model = new KpiModel;
    m_data = new KpiChartData(m_prometheus, m_model);
    Kpi kpi;
    kpi.id = u"errors"_s;
    kpi.title = { u"Error rate"_s, u"에러율"_s };
    kpi.unit = u"%"_s;
    kpi.decimals = 1;
    kpi.interval = 10s;
    kpi.thresholds.warn = 1;
    kpi.thresholds.crit = 5;
    kpi.source.kind = KpiSource::Kind::Json;
    kpi.source.endpoint = u"health"_s;
    kpi.source.path = u"performance.errorRate"_s;
    m_workspace.kpis = { kpi };
    m_model->setKpis(m_workspace.kpis);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 100; ++i) {
        KpiFigure f;
        f.at = now.addSecs(-10 * (99 - i));
        f.value = i % 10;
        m_model->applyFigure(u"errors"_s, f);
    }
    m_page = new ChartsPage;
    m_page->setSources(m_model, m_data);
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_page->setWorkspace(m_workspace);
}

void TestChartsPage::cleanup()
{
    delete m_page;
    delete m_data;
    delete m_model;
    delete m_prometheus;
}

void TestChartsPage::chartsTheTileHistory()
{
    QCOMPARE(m_page->currentKpi(), u"errors"_s);
    KpiChartView *view = m_page->chartView();
    QTRY_COMPARE(view->lines().size(), 1);
    QTRY_COMPARE(view->lines().constFirst()->count(), 100); // 100 points fit in the plot width as they are
    QCOMPARE(view->lines().constFirst()->name(), u"errors"_s);
    // Warning and critical bands from the thresholds.
    int bands = 0;
    for (QAbstractSeries *s : view->chart()->series()) {
        bands += qobject_cast<QAreaSeries *>(s) ? 1 : 0;
    }
    QCOMPARE(bands, 2);
    QVERIFY(!m_page->showKpi(u"nope"_s));
    // A new reading of the shown KPI extends its chart.
    KpiFigure f;
    f.at = QDateTime::currentDateTimeUtc();
    f.value = 3;
    m_model->applyFigure(u"errors"_s, f);
    QTRY_COMPARE(view->lines().constFirst()->count(), 101);
    QVERIFY(!view->grab().isNull());
    if (qEnvironmentVariableIsSet("OPSDECK_SAVE_CHART")) {
        m_page->grab().save(qEnvironmentVariable("OPSDECK_SAVE_CHART"));
    }
}

void TestChartsPage::rangesAndCrosshair()
{
    KpiChartView *view = m_page->chartView();
    m_page->setRange(15min);
    QTRY_COMPARE(view->lines().size(), 1);
    auto *axis = qobject_cast<QDateTimeAxis *>(view->chart()->axes(Qt::Horizontal).constFirst());
    QTRY_VERIFY(std::abs(axis->min().msecsTo(axis->max()) - 900000) < 2000);
    QTRY_VERIFY(view->lines().constFirst()->count() >= 80); // the last 15 minutes of 10 s readings
    const QRectF plot = view->chart()->plotArea();
    QTest::mouseMove(view->viewport(), plot.center().toPoint());
    QTRY_VERIFY(view->crosshairText().contains(u"errors: "_s));
    QVERIFY(view->crosshairText().contains(u" %"_s));
    QCOMPARE(m_page->ranges().size(), 6);
}

void TestChartsPage::refreshesAreCoalesced()
{
    KpiChartView *view = m_page->chartView();
    QTRY_COMPARE(view->lines().size(), 1);
    QTest::qWait(KpiChartView::refreshMs * 2);
    const int before = view->refreshes();
    auto buffer = std::make_shared<SeriesBuffer>();
    const QDateTime to = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 10; ++i) {
        buffer->append(double(to.toMSecsSinceEpoch()) - 1000 * (10 - i), i);
        view->setData({ { u"x"_s, buffer } }, to.addSecs(-60), to);
    }
    QTRY_COMPARE(view->refreshes(), before + 1);
    QCOMPARE(view->lines().constFirst()->count(), 10);
}

void TestChartsPage::bandsFollowTheLanguage()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(u"en"_s));
    const auto bandNames = [this] {
        QStringList names;
        for (QAbstractSeries *s : m_page->chartView()->chart()->series()) {
            if (qobject_cast<QAreaSeries *>(s)) {
                names.append(s->name());
            }
        }
        return names;
    };
    QTRY_COMPARE(bandNames(), QStringList({ u"Warning"_s, u"Critical"_s }));
    QVERIFY(languages.setLanguage(u"ko"_s));
    QTRY_COMPARE(bandNames(), QStringList({ u"경고"_s, u"심각"_s }));
    QVERIFY(languages.setLanguage(u"en"_s));
    QTRY_COMPARE(bandNames(), QStringList({ u"Warning"_s, u"Critical"_s }));
}

QTEST_MAIN(TestChartsPage)
#include "tst_chartspage.moc"
