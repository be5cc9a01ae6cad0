// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticsbanner.h"
#include "mainwindow.h"
#include "overview/overviewpage.h"
#include "session/session.h"
#include "thememanager.h"
#include "ui/languagemanager.h"
#include "ui/recentfiles.h"

#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Workspace makeWorkspace(int endpoints, int kpis, int checklists, int runbooks)
{
    Workspace ws;
    ws.filePath = u"/tmp/meetpin.yaml"_s;
    ws.info.id = u"meetpin"_s;
    ws.info.title = { u"MeetPin production"_s, u"밋핀 프로덕션"_s };
    ws.info.description = { u"Seed 003"_s, QString() };
    ws.info.environment = u"staging"_s;
    for (int i = 0; i < endpoints; ++i) {
        Endpoint e;
        e.name = u"ep%1"_s.arg(i);
        ws.endpoints << e;
    }
    for (int i = 0; i < kpis; ++i) {
        Kpi k;
        k.id = u"kpi%1"_s.arg(i);
        ws.kpis << k;
    }
    ws.checklists.resize(checklists);
    ws.runbooks.resize(runbooks);
    return ws;
}

Diagnostic diagnostic(int line, int column, const char *path, const char *message)
{
    Diagnostic d;
    d.file = u"meetpin.yaml"_s;
    d.line = line;
    d.column = column;
    d.path = QString::fromUtf8(path);
    d.message = QString::fromUtf8(message);
    return d;
}

QString labelText(QWidget *root, const char *name)
{
    auto *label = root->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : u"<no label %1>"_s.arg(QLatin1String(name));
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void shortcutsSwitchPages_data();
    void shortcutsSwitchPages();
    void noTwoActionsShareAShortcut();
    void fullScreenAndWarRoomHaveTheirOwnKeys();
    void overviewShowsCounts();
    void failedReloadKeepsLastGood();
    void failedFirstLoadShowsDiagnostics();
    void statusBarShowsStorageState();
    void remembersFileWorkspacesOnly();
    void retranslatesOnLanguageSwitch();

private:
    LanguageManager *m_languages = nullptr;
    ThemeManager *m_themes = nullptr;
    Session *m_session = nullptr;
    MainWindow *m_window = nullptr;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_languages = new LanguageManager(this);
    QVERIFY(m_languages->setLanguage(u"en"_s));
    m_themes = new ThemeManager(this);
    m_session = new Session({ Session::Mode::Once, {}, {}, false });
    m_window = new MainWindow(m_session, m_languages, m_themes);
    m_window->resize(1000, 700);
    m_window->show();
    QApplication::setActiveWindow(m_window);
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestMainWindow::cleanup()
{
    delete m_window;
    delete m_session;
    delete m_themes;
    delete m_languages;
}

void TestMainWindow::shortcutsSwitchPages_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("id");
    const char *ids[] = { "overview", "charts", "health", "checklists", "incidents", "runbooks", "notifications" };
    for (int i = 0; i < MainWindow::PageCount; ++i) {
        QTest::addRow("ctrl+%d", i + 1) << int(Qt::Key_1) + i << i << QString::fromLatin1(ids[i]);
    }
}

void TestMainWindow::shortcutsSwitchPages()
{
    QFETCH(int, key);
    QFETCH(int, page);
    QFETCH(QString, id);
    m_window->setCurrentPage(page == MainWindow::Runbooks ? MainWindow::Overview : MainWindow::Runbooks);
    QVERIFY(m_window->currentPage() != page);
    QTest::keyClick(m_window, Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), page);
    QCOMPARE(m_window->page(page)->id(), id);
    QVERIFY(m_window->page(page)->isVisible());
}

// A key bound to two actions triggers neither (Qt reports it as ambiguous), so the menu lies about both.
void TestMainWindow::noTwoActionsShareAShortcut()
{
    const QList<QAction *> actions = m_window->findChildren<QAction *>();
    QVERIFY(actions.size() > MainWindow::PageCount);
    QMap<QString, QString> boundTo;
    for (const QAction *action : actions) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString name = key.toString(QKeySequence::PortableText);
            QVERIFY2(!boundTo.contains(name),
                qPrintable(u"%1 is bound to both \"%2\" and \"%3\""_s.arg(name, boundTo.value(name), action->text())));
            boundTo.insert(name, action->text());
        }
    }
    QVERIFY(boundTo.contains(u"F11"_s));
}

void TestMainWindow::fullScreenAndWarRoomHaveTheirOwnKeys()
{
    QSignalSpy warRoom(m_window, &MainWindow::warRoomRequested);
    QTest::keyClick(m_window, Qt::Key_F11);
    QTRY_VERIFY(m_window->windowState() & Qt::WindowFullScreen);
    QCOMPARE(warRoom.count(), 0);
    QTest::keyClick(m_window, Qt::Key_F11);
    QTRY_VERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
    QTest::keyClick(m_window, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(warRoom.count(), 1);
    QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
}

void TestMainWindow::overviewShowsCounts()
{
    OverviewPage *overview = m_window->overviewPage();
    QVERIFY(!overview->hasWorkspace());
    m_window->setWorkspace(makeWorkspace(3, 5, 2, 1));
    QVERIFY(overview->hasWorkspace());
    QCOMPARE(labelText(overview, "endpointCount"), u"3"_s);
    QCOMPARE(labelText(overview, "kpiCount"), u"5"_s);
    QCOMPARE(labelText(overview, "checklistCount"), u"2"_s);
    QCOMPARE(labelText(overview, "runbookCount"), u"1"_s);
    QCOMPARE(labelText(overview, "workspaceTitle"), u"MeetPin production"_s);
    QCOMPARE(labelText(overview, "workspaceDescription"), u"Seed 003"_s);
    QVERIFY(labelText(overview, "workspaceEnvironment").contains(QLatin1String("staging")));
    QVERIFY(labelText(m_window, "statusWorkspace").contains(QLatin1String("MeetPin production")));
    QVERIFY(labelText(m_window, "statusWorkspace").contains(QLatin1String("meetpin.yaml")));
    QVERIFY(labelText(m_window, "statusRefresh").contains(QLatin1String("Last refresh: ")));
    QVERIFY(!labelText(m_window, "statusRefresh").contains(QLatin1String("never")));
    QVERIFY(m_window->windowTitle().contains(QLatin1String("MeetPin production")));
    QVERIFY(!overview->findChild<DiagnosticsBanner *>()->isVisible());
}

void TestMainWindow::failedReloadKeepsLastGood()
{
    OverviewPage *overview = m_window->overviewPage();
    m_window->setWorkspace(makeWorkspace(4, 6, 1, 2));
    m_window->setCurrentPage(MainWindow::Overview);
    const QList<Diagnostic> diagnostics {
        diagnostic(14, 7, "endpoints[2].interval", "expected a duration like 30s, got \"soon\""),
        diagnostic(20, 3, "kpis[0].id", "duplicate id \"error-rate\""),
    };
    m_window->showLoadFailure(u"/tmp/meetpin.yaml"_s, diagnostics);
    const QStringList lines {
        u"meetpin.yaml:14:7: endpoints[2].interval: expected a duration like 30s, got \"soon\""_s,
        u"meetpin.yaml:20:3: kpis[0].id: duplicate id \"error-rate\""_s,
    };

    auto *banner = overview->findChild<DiagnosticsBanner *>();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->diagnostics(), lines);
    QCOMPARE(banner->findChild<QPlainTextEdit *>()->toPlainText(), lines.join(QLatin1Char('\n')));
    const QString headline = labelText(banner, "diagnosticsHeadline");
    QVERIFY2(headline.contains(QLatin1String("keeping the last good workspace")), qPrintable(headline));
    QVERIFY2(headline.contains(QLatin1String("meetpin.yaml")), qPrintable(headline));
    QVERIFY2(headline.contains(QLatin1String("2 problems")), qPrintable(headline));
    // The last good workspace stays on screen.
    QCOMPARE(labelText(overview, "endpointCount"), u"4"_s);
    QCOMPARE(labelText(overview, "kpiCount"), u"6"_s);
    QCOMPARE(labelText(overview, "runbookCount"), u"2"_s);
    QVERIFY(labelText(m_window, "statusRefresh").contains(QLatin1String("reload failed")));

    // A good reload clears the banner.
    m_window->setWorkspace(makeWorkspace(5, 6, 1, 2));
    QVERIFY(!banner->isVisible());
    QCOMPARE(labelText(overview, "endpointCount"), u"5"_s);
    QVERIFY(!labelText(m_window, "statusRefresh").contains(QLatin1String("reload failed")));
}

void TestMainWindow::failedFirstLoadShowsDiagnostics()
{
    Diagnostic broken = diagnostic(1, 1, "workspace", "expected a map, got a list");
    broken.file = u"broken.yaml"_s;
    m_window->showLoadFailure(u"/tmp/broken.yaml"_s, { broken });
    auto *banner = m_window->overviewPage()->findChild<DiagnosticsBanner *>();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->diagnostics(), QStringList { u"broken.yaml:1:1: workspace: expected a map, got a list"_s });
    const QString headline = labelText(banner, "diagnosticsHeadline");
    QVERIFY2(headline.contains(QLatin1String("broken.yaml could not be opened")), qPrintable(headline));
    QVERIFY(!headline.contains(QLatin1String("last good")));
    QVERIFY(!m_window->overviewPage()->hasWorkspace());
}

void TestMainWindow::statusBarShowsStorageState()
{
    m_window->setStorageState(MainWindow::StorageState::Opening);
    QCOMPARE(labelText(m_window, "statusStorage"), u"Storage: opening…"_s);
    m_window->setStorageState(MainWindow::StorageState::Open);
    QCOMPARE(labelText(m_window, "statusStorage"), u"Storage: open"_s);
    QVERIFY(!m_window->findChild<QMessageBox *>(u"storageErrorDialog"_s));

    const QString error = u"/data/opsdeck.sqlite: database disk image is malformed"_s;
    m_window->setStorageState(MainWindow::StorageState::Failed, error);
    auto *label = m_window->findChild<QLabel *>(u"statusStorage"_s);
    QCOMPARE(label->text(), u"Storage: failed, read-only"_s);
    QCOMPARE(label->toolTip(), error);
    auto *dialog = m_window->findChild<QMessageBox *>(u"storageErrorDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->informativeText(), error);
    QVERIFY(!dialog->isModal() || dialog->windowModality() == Qt::WindowModal); // open(), not exec()

    // Team mode: offline is shown in red with the cause, and no dialog (it comes back by itself).
    dialog->close();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(u"storageErrorDialog"_s));
    m_window->setStorageState(MainWindow::StorageState::Online, u"postgresql://ops@db:5432/ops"_s);
    QCOMPARE(label->text(), u"Team database: online"_s);
    QVERIFY(label->styleSheet().isEmpty());
    m_window->setStorageState(MainWindow::StorageState::Offline, u"server closed the connection"_s);
    QCOMPARE(label->text(), u"Team database: offline, changes are not saved"_s);
    QCOMPARE(label->toolTip(), u"server closed the connection"_s);
    QVERIFY(label->styleSheet().contains(u"color"_s));
    QVERIFY(!m_window->findChild<QMessageBox *>(u"storageErrorDialog"_s));
}

void TestMainWindow::remembersFileWorkspacesOnly()
{
    Workspace demo = makeWorkspace(1, 1, 1, 1);
    demo.filePath = u"/tmp/demo/demo.yaml"_s;
    m_window->setWorkspace(demo, MainWindow::Origin::Demo);
    QVERIFY(m_window->recentFiles()->files().isEmpty());
    QVERIFY(!QSettings().contains(u"workspace/last"_s));

    m_window->setWorkspace(makeWorkspace(1, 1, 1, 1));
    QCOMPARE(m_window->recentFiles()->files(), QStringList { u"/tmp/meetpin.yaml"_s });
    QCOMPARE(QSettings().value(u"workspace/last"_s).toString(), u"/tmp/meetpin.yaml"_s);
}

void TestMainWindow::retranslatesOnLanguageSwitch()
{
    m_window->setWorkspace(makeWorkspace(1, 2, 3, 4));
    OverviewPage *overview = m_window->overviewPage();
    QVERIFY(m_languages->setLanguage(u"ko"_s));
    QTRY_COMPARE(labelText(overview, "workspaceTitle"), u"밋핀 프로덕션"_s);
    QCOMPARE(m_window->page(MainWindow::Overview)->title(), u"개요"_s);
    // No Korean description: falls back to the English one.
    QCOMPARE(labelText(overview, "workspaceDescription"), u"Seed 003"_s);
    QVERIFY2(m_window->windowTitle().contains(u"밋핀 프로덕션"_s), qPrintable(m_window->windowTitle()));
    QVERIFY(m_languages->setLanguage(u"en"_s));
    QTRY_COMPARE(labelText(overview, "workspaceTitle"), u"MeetPin production"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
