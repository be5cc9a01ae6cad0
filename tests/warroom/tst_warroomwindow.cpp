// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidenttesthelpers.h"
#include "ui/languagemanager.h"
#include "probe/endpointmodel.h"
#include "warroom/healthwall.h"
#include "warroom/warroomwindow.h"

#include <QDir>
#include <QFontInfo>
#include <QLabel>
#include <QTemporaryDir>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace IncidentTest;

class TestWarRoomWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void withoutIncidentShowsOverview();
    void mostSevereOpenIncidentIsActive();
    void timelineFollowsNewEntries();
    void textScalesWithScreen();
    void offlineIsShown();
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
    QTRY_COMPARE(m_window->activeIncidentId(), id);
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
