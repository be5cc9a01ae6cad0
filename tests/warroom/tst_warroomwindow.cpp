// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidenttesthelpers.h"
#include "kpi/kpimodel.h"
#include "overview/kpigridview.h"
#include "probe/endpointmodel.h"
#include "ui/languagemanager.h"
#include "warroom/healthwall.h"
#include "warroom/warroomkpiboard.h"
#include "warroom/warroomwindow.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFontInfo>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace IncidentTest;

namespace {
// `count` KPIs with values, every one marked for the war room; `critical` of them are over their threshold.
QList<Kpi> warRoomKpis(int count)
{
    QList<Kpi> kpis;
    for (int i = 0; i < count; ++i) {
        Kpi k;
        k.id = u"kpi-%1"_s.arg(i);
        k.title = { u"Checkout latency p95 %1"_s.arg(i), u"결제 지연 p95 %1"_s.arg(i) };
        k.unit = u"ms"_s;
        k.thresholds.warn = 300;
        k.thresholds.crit = 500;
        k.warRoom = true;
        kpis.append(k);
    }
    return kpis;
}

void fill(KpiModel &model, int count, int critical = 0)
{
    model.setKpis(warRoomKpis(count));
    for (int i = 0; i < count; ++i) {
        KpiFigure figure;
        figure.value = i < critical ? 620.0 + i : 120.0 + i;
        figure.at = QDateTime::currentDateTimeUtc();
        model.applyFigure(u"kpi-%1"_s.arg(i), figure);
    }
}

QSet<QString> idsOf(const QList<Kpi> &kpis)
{
    QSet<QString> ids;
    for (const Kpi &kpi : kpis) {
        ids.insert(kpi.id);
    }
    return ids;
}
} // namespace

class TestWarRoomWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void withoutIncidentShowsOverview();
    void mostSevereOpenIncidentIsActive();
    void timelineFollowsNewEntries();
    void textScalesWithScreen();
    void offlineIsShown();
    void acknowledgeWhenAllowed();
    void kpiTilesShowWhenOpenedAfterLoad();
    void kpiRewiringCreatesNoObjects();
    void kpisPageInsteadOfScrolling();
    void kpiPagesFollowTheModel();
    void coversScreen();
    void screenshots_data();
    void screenshots();

private:
    QString labelText(const char *name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<EndpointModel> m_endpoints;
    std::unique_ptr<WarRoomWindow> m_window;
    LanguageManager m_languages;
};

void TestWarRoomWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_dir->filePath(u"db.sqlite"_s)));
    m_store = std::make_unique<IncidentStore>(m_storage.get());
    m_store->setWorkspace(workspace());
    QVERIFY(refreshAndWait(*m_store));
    m_endpoints = std::make_unique<EndpointModel>();
    m_endpoints->setWorkspace(workspace());
    m_window = std::make_unique<WarRoomWindow>();
    m_window->setEndpointModel(m_endpoints.get());
    m_window->setIncidentStore(m_store.get());
    m_window->setWorkspaceTitle(u"MeetPin"_s);
    m_window->resize(1920, 1080);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWarRoomWindow::cleanup()
{
    m_window.reset();
    m_endpoints.reset();
    m_store.reset();
    m_storage.reset();
    m_dir.reset();
    m_languages.setLanguage(u"en"_s);
}

QString TestWarRoomWindow::labelText(const char *name) const
{
    auto *label = m_window->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : u"<no label %1>"_s.arg(QLatin1String(name));
}

void TestWarRoomWindow::withoutIncidentShowsOverview()
{
    QCOMPARE(m_window->activeIncidentId(), 0);
    QVERIFY(m_window->findChild<QLabel *>(u"noIncident"_s)->isVisible());
    QVERIFY(!m_window->findChild<QWidget *>(u"incidentBanner"_s)->isVisible());
    QVERIFY(m_window->healthWall()->isVisible());
    QCOMPARE(labelText("warRoomHeading"), u"War room — MeetPin"_s);
}

void TestWarRoomWindow::mostSevereOpenIncidentIsActive()
{
    Incident p2 = draft(u"Slow search"_s, u"P2"_s);
    const qint64 p2Id = createAndWait(*m_store, p2);
    QVERIFY(p2Id);
    QTRY_COMPARE(m_window->activeIncidentId(), p2Id);
    Incident p1 = draft(u"Login failing"_s, u"P1"_s);
    p1.commander = u"김민수"_s;
    p1.startedAt = QDateTime::currentDateTimeUtc().addSecs(-20 * 60);
    const qint64 p1Id = createAndWait(*m_store, p1);
    QTRY_COMPARE(m_window->activeIncidentId(), p1Id); // P1 outranks P2, even though P2 is older
    QVERIFY(m_window->findChild<QWidget *>(u"incidentBanner"_s)->isVisible());
    QVERIFY(labelText("incidentTitle").contains(u"Login failing"_s));
    QCOMPARE(labelText("incidentCommander"), u"Commander: 김민수"_s);
    QVERIFY2(labelText("ackClock").startsWith(u"Acknowledge: "_s), qPrintable(labelText("ackClock")));
    QVERIFY2(labelText("severityBadge").contains(u"P1"_s), qPrintable(labelText("severityBadge")));

    QVERIFY(m_store->setStatus(p1Id, IncidentStatus::Resolved).isEmpty());
    QTRY_COMPARE(m_window->activeIncidentId(), p2Id); // resolved is no longer open
}

// Read-only unless the workspace says incidents.war-room-acknowledge: then one button acknowledges the active
// incident (and goes away once it is).
void TestWarRoomWindow::acknowledgeWhenAllowed()
{
    QSettings().setValue(u"operator/name"_s, u"Kim Ops"_s);
    const qint64 id = createAndWait(*m_store, draft(u"Login failing"_s, u"P1"_s));
    QTRY_COMPARE(m_window->activeIncidentId(), id);
    auto *button = m_window->findChild<QPushButton *>(u"warRoomAcknowledge"_s);
    QVERIFY(button);
    QVERIFY(!button->isVisible());
    m_window->setAcknowledgeAllowed(true);
    QVERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(m_store->incident(id)->acknowledgedAt.isValid());
    QCOMPARE(m_store->incident(id)->timeline.constLast().kind, TimelineKind::Acknowledged);
    QCOMPARE(m_store->incident(id)->timeline.constLast().author, u"Kim Ops"_s);
    QTRY_VERIFY(!button->isVisible());
    QCOMPARE(labelText("warRoomAckResult"), QString());
}

void TestWarRoomWindow::timelineFollowsNewEntries()
{
    const qint64 id = createAndWait(*m_store, draft(u"Checkout errors"_s));
    QTRY_COMPARE(m_window->activeIncidentId(), id);
    auto *view = m_window->findChild<QTreeView *>(u"warRoomTimeline"_s);
    QTRY_VERIFY(view->model()->rowCount() >= 1);
    const int before = view->model()->rowCount();
    QVERIFY(m_store->appendNote(id, u"Rolled back to v1.4.2"_s).isEmpty());
    QTRY_COMPARE(view->model()->rowCount(), before + 1);
    // Newest first: the note is on top.
    bool found = false;
    for (int c = 0; c < view->model()->columnCount(); ++c) {
        found |= view->model()->index(0, c).data().toString().contains(u"Rolled back"_s);
    }
    QVERIFY(found);
}

void TestWarRoomWindow::textScalesWithScreen()
{
    const int at1080 = QFontInfo(m_window->font()).pixelSize();
    QVERIFY(at1080 >= 20);
    m_window->resize(3840, 2160);
    QTRY_VERIFY(QFontInfo(m_window->font()).pixelSize() >= 2 * at1080 - 1);
}

void TestWarRoomWindow::offlineIsShown()
{
    auto *offline = m_window->findChild<QLabel *>(u"warRoomOffline"_s);
    QVERIFY(offline && !offline->isVisible());
    m_window->setOffline(true, u"connection refused"_s);
    QVERIFY(offline->isVisible());
    QVERIFY(offline->text().startsWith(u"OFFLINE"_s));
    QCOMPARE(offline->toolTip(), u"connection refused"_s);
    m_window->setOffline(false);
    QVERIFY(!offline->isVisible());
}

// The war room opened from the console after the workspace has loaded: its tiles are there at once.
void TestWarRoomWindow::kpiTilesShowWhenOpenedAfterLoad()
{
    KpiModel model;
    fill(model, 3);
    m_window = std::make_unique<WarRoomWindow>(); // as the app builds it when asked
    m_window->setWarRoomKpis(idsOf(warRoomKpis(3))); // in either order
    m_window->setKpiModel(&model);
    m_window->resize(1920, 1080);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    WarRoomKpiBoard *board = m_window->kpiBoard();
    QTRY_VERIFY(board->isVisible());
    QCOMPARE(board->tileCount(), 3);
    KpiGridView *grid = board->grid();
    QTRY_COMPARE(grid->model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QVERIFY(grid->viewport()->rect().contains(grid->visualRect(grid->model()->index(row, 0))));
    }
    // Without war-room KPIs in the workspace: the warning and critical ones, as they become so.
    m_window->setWarRoomKpis({});
    QTRY_VERIFY(!board->isVisible());
    KpiFigure hot;
    hot.value = 900;
    hot.at = QDateTime::currentDateTimeUtc();
    model.applyFigure(u"kpi-1"_s, hot);
    QTRY_VERIFY(board->isVisible());
    QTRY_COMPARE(grid->model()->rowCount(), 1);
    QCOMPARE(grid->model()->index(0, 0).data(KpiModel::IdRole).toString(), u"kpi-1"_s);
}

// Every workspace load hands over the war-room KPIs again; that must not pile up filters or views.
void TestWarRoomWindow::kpiRewiringCreatesNoObjects()
{
    KpiModel model;
    fill(model, 4);
    m_window->setKpiModel(&model);
    m_window->setWarRoomKpis(idsOf(warRoomKpis(4)));
    QTRY_COMPARE(m_window->kpiBoard()->grid()->model()->rowCount(), 4);
    const qsizetype objects = m_window->findChildren<QObject *>().size();
    for (int reload = 0; reload < 20; ++reload) {
        fill(model, 4 + reload % 3);
        m_window->setWarRoomKpis(idsOf(warRoomKpis(4 + reload % 3)));
        QCoreApplication::processEvents();
    }
    fill(model, 4);
    m_window->setWarRoomKpis(idsOf(warRoomKpis(4)));
    QTRY_COMPARE(m_window->kpiBoard()->grid()->model()->rowCount(), 4);
    QCOMPARE(m_window->findChildren<QObject *>().size(), objects);
}

// A wall display has no mouse: no scroll bar; the tiles that do not fit come round a page at a time.
void TestWarRoomWindow::kpisPageInsteadOfScrolling()
{
    KpiModel model;
    QAbstractItemModelTester tester(&model);
    const int count = 14;
    fill(model, count, 3);
    m_window->setKpiModel(&model);
    m_window->setWarRoomKpis(idsOf(warRoomKpis(count)));
    WarRoomKpiBoard *board = m_window->kpiBoard();
    KpiGridView *grid = board->grid();
    QTRY_VERIFY(board->isVisible());
    QTRY_VERIFY(board->pageCount() > 1);
    QTRY_COMPARE(grid->model()->rowCount(), grid->tilesPerPage());
    auto *label = m_window->findChild<QLabel *>(u"warRoomKpiPage"_s);
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), u"Page 1/%1"_s.arg(board->pageCount()));
    QTimer *timer = board->pageTimer();
    QVERIFY(timer->isActive());
    QCOMPARE(timer->interval(), 10000);

    QSet<QString> seen;
    for (int page = 0; page < board->pageCount(); ++page) {
        QCOMPARE(board->currentPage(), page);
        QCOMPARE(label->text(), u"Page %1/%2"_s.arg(page + 1).arg(board->pageCount()));
        QVERIFY(!grid->verticalScrollBar()->isVisible());
        QVERIFY(!grid->horizontalScrollBar()->isVisible());
        QVERIFY(grid->model()->rowCount() >= 1);
        for (int row = 0; row < grid->model()->rowCount(); ++row) {
            const QModelIndex index = grid->model()->index(row, 0);
            const QRect tile = grid->visualRect(index);
            QVERIFY2(grid->viewport()->rect().contains(tile),
                qPrintable(u"page %1 row %2 at %3,%4 %5x%6 outside the view"_s.arg(page)
                               .arg(row)
                               .arg(tile.x())
                               .arg(tile.y())
                               .arg(tile.width())
                               .arg(tile.height())));
            seen.insert(index.data(KpiModel::IdRole).toString());
        }
        QVERIFY(QMetaObject::invokeMethod(timer, "timeout")); // what the timer does every 10 s
    }
    QCOMPARE(seen, idsOf(warRoomKpis(count)));
    QCOMPARE(board->currentPage(), 0); // round again

    // Korean: the page indicator is translated too.
    QVERIFY(m_languages.setLanguage(u"ko"_s));
    QTRY_VERIFY(label->text().contains(u"페이지"_s));
}

void TestWarRoomWindow::kpiPagesFollowTheModel()
{
    KpiModel model;
    fill(model, 14);
    m_window->setKpiModel(&model);
    m_window->setWarRoomKpis(idsOf(warRoomKpis(14)));
    WarRoomKpiBoard *board = m_window->kpiBoard();
    QTRY_VERIFY(board->pageCount() > 1);
    while (board->currentPage() < board->pageCount() - 1) {
        board->showNextPage();
    }
    // Fewer tiles: the last page is gone, so the board shows one that exists; one page needs neither timer nor label.
    fill(model, 2);
    m_window->setWarRoomKpis(idsOf(warRoomKpis(2)));
    QTRY_COMPARE(board->pageCount(), 1);
    QCOMPARE(board->currentPage(), 0);
    QTRY_COMPARE(board->grid()->model()->rowCount(), 2);
    QVERIFY(!board->pageTimer()->isActive());
    QVERIFY(!m_window->findChild<QLabel *>(u"warRoomKpiPage"_s)->isVisible());
}

// Full screen is the window's own doing, not only the window manager's (a kiosk started with xinit has none).
// Also run under Xvfb without a window manager (warroomwindow_x11).
void TestWarRoomWindow::coversScreen()
{
    m_window.reset();
    WarRoomWindow window;
    window.resize(640, 290);
    window.showFullScreen();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.screen());
    QTRY_COMPARE(window.geometry(), window.screen()->geometry());
    QTRY_COMPARE(window.windowHandle()->geometry(), window.screen()->geometry());
    QVERIFY(window.isFullScreen());
}

void TestWarRoomWindow::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("en") << u"en"_s;
    QTest::addRow("ko") << u"ko"_s;
}

// Set OPSDECK_SCREENSHOT_DIR to keep warroom-en.png and warroom-ko.png (1920x1080) for a look.
void TestWarRoomWindow::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(m_languages.setLanguage(language));
    Incident incident = draft(language == u"ko"_s ? u"결제 API 503 오류 급증"_s : u"Checkout API returning 503"_s);
    incident.commander = language == u"ko"_s ? u"김민수"_s : u"Jane Doe"_s;
    incident.startedAt = QDateTime::currentDateTimeUtc().addSecs(-7 * 60);
    const qint64 id = createAndWait(*m_store, incident);
    QVERIFY(m_store
                ->appendNote(
                    id, language == u"ko"_s ? u"v1.4.3 배포 직후 오류율 상승"_s : u"Errors began right after v1.4.3"_s)
                .isEmpty());
    QVERIFY(settle(*m_store, id));
    ProbeResult critical;
    critical.endpoint = u"api-health"_s;
    critical.state = EndpointState::Critical;
    critical.httpStatus = 503;
    critical.totalMs = 41;
    critical.startedAt = QDateTime::currentDateTimeUtc();
    m_endpoints->addResult(critical);
    ProbeResult ok = critical;
    ok.endpoint = u"cdn"_s;
    ok.state = EndpointState::Ok;
    ok.totalMs = 12;
    m_endpoints->addResult(ok);
    KpiModel kpis;
    kpis.setLanguage(language);
    fill(kpis, 9, 2);
    m_window->setKpiModel(&kpis);
    m_window->setWarRoomKpis(idsOf(warRoomKpis(9)));
    QTRY_COMPARE(m_window->activeIncidentId(), id);
    QTRY_VERIFY(m_window->kpiBoard()->isVisible());
    QTest::qWait(50);
    const QImage image = m_window->grab().toImage();
    QCOMPARE(image.size(), QSize(1920, 1080));
    const QString dir = qEnvironmentVariable("OPSDECK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(image.save(QDir(dir).filePath(u"warroom-%1.png"_s.arg(language))));
    }
}

QTEST_MAIN(TestWarRoomWindow)
#include "tst_warroomwindow.moc"
