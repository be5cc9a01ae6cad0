// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "aboutdialog.h"
#include "charts/chartspage.h"
#include "checklists/checklistspage.h"
#include "health/healthpage.h"
#include "import/importdialog.h"
#include "incident/incidentstore.h"
#include "incidents/incidentspage.h"
#include "notifications/notificationspage.h"
#include "overview/overviewpage.h"
#include "runbooks/runbookspage.h"
#include "themedicon.h"
#include "thememanager.h"
#include "trayincidentmenu.h"
#include "ui/languagemanager.h"
#include "ui/recentfiles.h"
#include "ui/settingskeys.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(Session *session, LanguageManager *languages, ThemeManager *themes, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_languages(languages)
    , m_themes(themes)
    , m_recent(new RecentFiles(this))
{
    setWindowIcon(QIcon(u":/icons/opsdeck.svg"_s));
    createPages();
    createMenus();
    createStatusBar();
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);
    connect(m_languages, &LanguageManager::languageChanged, this, [this](const QString &language) {
        for (QAction *action : m_languageGroup->actions()) {
            action->setChecked(action->data().toString() == language);
        }
    });
    connect(m_themes, &ThemeManager::themeChanged, this, [this](ThemeManager::Theme theme) {
        for (QAction *action : m_themeGroup->actions()) {
            action->setChecked(action->data().toString() == ThemeManager::toString(theme));
        }
    });
    // With an open incident the tray offers to acknowledge it.
    connect(m_session->incidents(), &IncidentStore::incidentAdded, this, &MainWindow::ensureTray);
    retranslateUi();
    updateIcons();
    updateRecentMenu();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    m_overview = new OverviewPage(this);
    m_pages = { m_overview, new ChartsPage(this), new HealthPage(this), new ChecklistsPage(this),
        new IncidentsPage(this), new RunbooksPage(m_session, this), new NotificationsPage(m_session, this) };
    Q_ASSERT(m_pages.size() == PageCount);

    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setSpacing(4); // around every item, so also the margin to the sidebar's edges
    m_sidebar->setBackgroundRole(QPalette::AlternateBase);
    m_sidebar->setAutoFillBackground(true);
    m_stack = new QStackedWidget(this);
    for (Page *page : std::as_const(m_pages)) {
        m_stack->addWidget(page);
        auto *item = new QListWidgetItem(page->title());
        item->setSizeHint(QSize(0, 40));
        m_sidebar->addItem(item);
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) {
            m_stack->setCurrentIndex(row);
        }
    });
    m_sidebar->setCurrentRow(Overview);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Mid);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openAction = m_fileMenu->addAction(QString(), this, &MainWindow::chooseWorkspace);
    m_openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_importAction = m_fileMenu->addAction(QString(), this, &MainWindow::showImport);
    m_clearRecentAction = new QAction(this);
    connect(m_clearRecentAction, &QAction::triggered, m_recent, &RecentFiles::clear);
    m_reloadAction = m_fileMenu->addAction(QString(), this, &MainWindow::reloadRequested);
    m_reloadAction->setShortcut(Qt::Key_F5);
    m_reloadAction->setEnabled(false);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    for (int i = 0; i < PageCount; ++i) {
        QAction *action = m_viewMenu->addAction(QString(), this, [this, i] { setCurrentPage(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        m_pageActions << action;
    }
    m_viewMenu->addSeparator();
    m_warRoomAction = m_viewMenu->addAction(QString(), this, &MainWindow::warRoomRequested);
    // Not F11: that is the standard full-screen key (below), and a key bound twice triggers neither action.
    m_warRoomAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    for (const QString &language : LanguageManager::availableLanguages()) {
        QAction *action = m_languageMenu->addAction(LanguageManager::nativeName(language));
        action->setCheckable(true);
        action->setData(language);
        action->setChecked(language == m_languages->language());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] {
            if (m_languages->setLanguage(language)) {
                QSettings().setValue(SettingsKeys::language(), language);
            }
        });
    }
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeGroup = new QActionGroup(this);
    auto addTheme = [this](ThemeManager::Theme theme) {
        QAction *action = m_themeMenu->addAction(QString());
        action->setCheckable(true);
        action->setData(ThemeManager::toString(theme));
        action->setChecked(theme == m_themes->theme());
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme] {
            m_themes->setTheme(theme);
            QSettings().setValue(SettingsKeys::theme(), ThemeManager::toString(theme));
        });
        return action;
    };
    m_themeSystem = addTheme(ThemeManager::Theme::System);
    m_themeLight = addTheme(ThemeManager::Theme::Light);
    m_themeDark = addTheme(ThemeManager::Theme::Dark);
    m_viewMenu->addSeparator();
    m_fullScreenAction = m_viewMenu->addAction(QString());
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcuts(QKeySequence::FullScreen);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::createStatusBar()
{
    m_workspaceLabel = new QLabel(this);
    m_workspaceLabel->setObjectName(u"statusWorkspace"_s);
    m_refreshLabel = new QLabel(this);
    m_refreshLabel->setObjectName(u"statusRefresh"_s);
    m_storageLabel = new QLabel(this);
    m_storageLabel->setObjectName(u"statusStorage"_s);
    statusBar()->addWidget(m_workspaceLabel, 1);
    m_noticeLabel = new QLabel(this);
    m_noticeLabel->setObjectName(u"statusNotice"_s);
    m_noticeLabel->hide();
    statusBar()->addWidget(m_noticeLabel, 2);
    m_noticeTimer = new QTimer(this);
    m_noticeTimer->setSingleShot(true);
    m_noticeTimer->setInterval(5 * 60 * 1000);
    connect(m_noticeTimer, &QTimer::timeout, m_noticeLabel, &QWidget::hide);
    statusBar()->addPermanentWidget(m_refreshLabel);
    statusBar()->addPermanentWidget(m_storageLabel);
}

void MainWindow::setWorkspace(const Workspace &workspace, Origin origin)
{
    m_workspaceTitleText = workspace.info.title;
    if (m_workspaceTitleText.isEmpty()) {
        m_workspaceTitleText = { workspace.info.id, workspace.info.id };
    }
    m_workspacePath = workspace.filePath;
    m_origin = origin;
    m_lastRefresh = QDateTime::currentDateTime();
    m_lastLoadFailed = false;
    m_overview->setWorkspace(workspace);
    m_reloadAction->setEnabled(!m_workspacePath.isEmpty());
    if (origin == Origin::File && !m_workspacePath.isEmpty()) {
        m_recent->add(m_workspacePath);
        QSettings().setValue(SettingsKeys::lastWorkspace(), QFileInfo(m_workspacePath).absoluteFilePath());
    }
    retranslateUi();
}

void MainWindow::showLoadFailure(const QString &path, const QList<Diagnostic> &diagnostics)
{
    m_lastLoadFailed = true;
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics) {
        lines << diagnostic.toString();
    }
    m_overview->showLoadFailure(path, lines);
    if (m_workspacePath.isEmpty()) {
        m_workspacePath = path; // so Reload retries the file that failed
        m_reloadAction->setEnabled(!path.isEmpty());
    }
    updateStatusBar();
}

void MainWindow::setStorageState(StorageState state, const QString &detail)
{
    const bool newFailure = state == StorageState::Failed && m_storageState != StorageState::Failed;
    m_storageState = state;
    m_storageDetail = detail;
    updateStatusBar();
    if (newFailure) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Storage unavailable"),
            tr("OpsDeck could not open its database and left it untouched (file or server). OpsDeck continues "
               "read-only, so ticks, incidents and audit entries are not saved until this is fixed."),
            QMessageBox::Ok, this);
        box->setObjectName(u"storageErrorDialog"_s);
        box->setInformativeText(detail);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void MainWindow::notify(const Message &message, int page)
{
    m_notice = message;
    const auto [title, text] = message();
    m_lastNotification = title + u": "_s + text;
    m_notificationPage = page;
    m_noticeLabel->setText(u"⚠ "_s + m_lastNotification);
    m_noticeLabel->setToolTip(m_lastNotification);
    m_noticeLabel->show();
    m_noticeTimer->start(); // a newer notice keeps it up longer
    QApplication::alert(this);
    if (ensureTray()) {
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning);
    }
}

bool MainWindow::ensureTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        return false;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            setCurrentPage(m_notificationPage);
            showNormal();
            raise();
            activateWindow();
        });
        // Acknowledging from the tray: the open incidents nobody has acknowledged, without opening the window.
        auto *menu = new TrayIncidentMenu(m_session->incidents(), this);
        connect(menu, &TrayIncidentMenu::showRequested, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        connect(menu, &TrayIncidentMenu::acknowledged, this, [this](qint64 id, const QString &refusal) {
            m_tray->showMessage(tr("Incident #%1").arg(id),
                refusal.isEmpty() ? tr("Acknowledged: its escalation stops.") : refusal,
                refusal.isEmpty() ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning);
        });
        m_tray->setContextMenu(menu);
        m_tray->show();
    }
    return true;
}

int MainWindow::currentPage() const
{
    return m_stack->currentIndex();
}

void MainWindow::setCurrentPage(int index)
{
    if (index >= 0 && index < m_pages.size()) {
        m_sidebar->setCurrentRow(index);
    }
}

Page *MainWindow::page(int index) const
{
    return m_pages.value(index);
}

void MainWindow::restoreWindowSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(SettingsKeys::geometry()).toByteArray())) {
        resize(1280, 800);
    }
    restoreState(settings.value(SettingsKeys::windowState()).toByteArray());
}

void MainWindow::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslateUi();
        break;
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
        updateIcons();
        updateStatusBar();
        break;
    case QEvent::WindowStateChange:
        m_fullScreenAction->setChecked(isFullScreen());
        break;
    default:
        break;
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(SettingsKeys::geometry(), saveGeometry());
    settings.setValue(SettingsKeys::windowState(), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::retranslateUi()
{
    if (m_notice && m_noticeLabel->isVisible()) {
        const auto [title, text] = m_notice();
        m_lastNotification = title + u": "_s + text;
        m_noticeLabel->setText(u"⚠ "_s + m_lastNotification);
        m_noticeLabel->setToolTip(m_lastNotification);
    }
    const QString title = m_workspaceTitleText.text(LanguageManager::uiLanguage());
    setWindowTitle(title.isEmpty() ? tr("OpsDeck") : tr("%1 — OpsDeck").arg(title));

    m_fileMenu->setTitle(tr("&File"));
    m_openAction->setText(tr("&Open Workspace…"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_importAction->setText(tr("&Import…"));
    m_clearRecentAction->setText(tr("&Clear Recent"));
    m_reloadAction->setText(tr("Re&load"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_warRoomAction->setText(tr("&War Room Screen"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_themeSystem->setText(tr("&System"));
    m_themeLight->setText(tr("&Light"));
    m_themeDark->setText(tr("&Dark"));
    m_fullScreenAction->setText(tr("&Full Screen"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About OpsDeck"));
    for (int i = 0; i < m_pages.size(); ++i) {
        m_sidebar->item(i)->setText(m_pages[i]->title());
        m_pageActions[i]->setText(m_pages[i]->title());
    }
    m_sidebar->setAccessibleName(tr("Pages"));
    updateSidebarWidth();
    updateRecentMenu();
    updateStatusBar();
}

void MainWindow::updateIcons()
{
    const QColor color = palette().color(QPalette::WindowText);
    const QColor selected = palette().color(QPalette::HighlightedText);
    for (int i = 0; i < m_pages.size(); ++i) {
        const QIcon icon = themedIcon(m_pages[i]->id(), color, selected);
        m_sidebar->item(i)->setIcon(icon);
        m_pageActions[i]->setIcon(icon);
    }
}

void MainWindow::updateSidebarWidth()
{
    int widest = 0;
    for (int i = 0; i < m_sidebar->count(); ++i) {
        widest = std::max(widest, m_sidebar->fontMetrics().horizontalAdvance(m_sidebar->item(i)->text()));
    }
    // text + icon + spacing on both sides + room for the icon/text gap and margins
    m_sidebar->setFixedWidth(widest + m_sidebar->iconSize().width() + 2 * m_sidebar->spacing() + 48);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        // &1 .. &8 as accelerators; the full path as tooltip.
        QAction *action = m_recentMenu->addAction(u"&%1 %2"_s.arg(i + 1).arg(QFileInfo(path).fileName()), this,
            [this, path] { Q_EMIT openWorkspaceRequested(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    m_recentMenu->setToolTipsVisible(true);
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
    }
    m_recentMenu->addAction(m_clearRecentAction);
    m_clearRecentAction->setEnabled(!files.isEmpty());
}

void MainWindow::updateStatusBar()
{
    const QString title = m_workspaceTitleText.text(LanguageManager::uiLanguage());
    if (title.isEmpty() && m_workspacePath.isEmpty()) {
        m_workspaceLabel->setText(tr("No workspace"));
    } else {
        const QString file = QFileInfo(m_workspacePath).fileName();
        QString text = title.isEmpty() ? file : tr("%1 (%2)").arg(title, file);
        if (m_origin == Origin::Demo) {
            text = tr("%1, demo").arg(text);
        }
        m_workspaceLabel->setText(text);
    }
    m_workspaceLabel->setToolTip(QDir::toNativeSeparators(m_workspacePath));

    const QLocale locale;
    QString refresh;
    if (!m_lastRefresh.isValid()) {
        refresh = tr("Last refresh: never");
    } else if (m_lastRefresh.date() == QDate::currentDate()) {
        refresh = tr("Last refresh: %1").arg(locale.toString(m_lastRefresh.time(), QLocale::ShortFormat));
    } else {
        refresh = tr("Last refresh: %1").arg(locale.toString(m_lastRefresh, QLocale::ShortFormat));
    }
    if (m_lastLoadFailed) {
        refresh = m_lastRefresh.isValid() ? tr("%1 (reload failed)").arg(refresh) : tr("%1 (load failed)").arg(refresh);
    }
    m_refreshLabel->setText(refresh);

    QString storage;
    switch (m_storageState) {
    case StorageState::Unknown:
        storage = tr("Storage: not open");
        break;
    case StorageState::Opening:
        storage = tr("Storage: opening…");
        break;
    case StorageState::Open:
        storage = tr("Storage: open");
        break;
    case StorageState::Failed:
        storage = tr("Storage: failed, read-only");
        break;
    case StorageState::Online:
        storage = tr("Team database: online");
        break;
    case StorageState::Offline:
        storage = tr("Team database: offline, changes are not saved");
        break;
    }
    m_storageLabel->setText(storage);
    m_storageLabel->setToolTip(m_storageDetail);
    // Red that reads on the light and the dark palette.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const bool bad = m_storageState == StorageState::Failed || m_storageState == StorageState::Offline;
    m_storageLabel->setStyleSheet(!bad ? QString() : u"color: %1"_s.arg(dark ? u"#ff7b72"_s : u"#cf222e"_s));
}

void MainWindow::chooseWorkspace()
{
    auto *dialog = new QFileDialog(this, tr("Open Workspace"), QFileInfo(m_workspacePath).absolutePath(),
        tr("Workspaces (*.yaml *.yml);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openWorkspaceRequested);
    dialog->open();
}

void MainWindow::showImport()
{
    auto *dialog = new ImportDialog(m_origin == Origin::Demo ? QString() : m_workspacePath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::workspaceWritten, this, &MainWindow::openWorkspaceRequested);
    dialog->open();
}

void MainWindow::showAbout()
{
    if (!m_about) {
        m_about = new AboutDialog(this);
        m_about->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_about->show();
    m_about->raise();
    m_about->activateWindow();
}
