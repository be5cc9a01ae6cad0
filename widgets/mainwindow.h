// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/diagnostic.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <utility>

class AboutDialog;
class LanguageManager;
class OverviewPage;
class Page;
class QActionGroup;
class QLabel;
class QListWidget;
class QSystemTrayIcon;
class QTimer;
class QMenu;
class Session;
class QStackedWidget;
class RecentFiles;
class ThemeManager;

// The console's frame: sidebar navigation over the pages, menus, status bar. It shows what app/ hands it
// (workspaces, load failures, storage state) and emits the user's intents; it loads nothing itself.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum PageIndex { Overview, Charts, Health, Checklists, Incidents, Runbooks, Notifications, PageCount };
    // Online and Offline: team mode (a shared PostgreSQL database) reachable or not.
    enum class StorageState { Unknown, Opening, Open, Failed, Online, Offline };
    enum class Origin { File, Demo }; // a demo workspace is not remembered as last/recent

    // The pages show `session`'s parts; the app binds them (AppController).
    MainWindow(Session *session, LanguageManager *languages, ThemeManager *themes, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setWorkspace(const Workspace &workspace, Origin origin = Origin::File);
    // Keeps the last good workspace on screen and lists `diagnostics` ("file:line:col: path: message").
    void showLoadFailure(const QString &path, const QList<Diagnostic> &diagnostics);
    void setStorageState(StorageState state, const QString &detail = {});
    // Something needs the operator (a checklist is late): the status bar says it, the window asks for attention,
    // and the system tray shows it where there is one. Clicking the tray message opens `page`.
    // `message` returns {title, text} in the current UI language; it is asked again after a language switch.
    using Message = std::function<std::pair<QString, QString>()>;
    void notify(const Message &message, int page);
    QString lastNotification() const { return m_lastNotification; }

    int currentPage() const;
    void setCurrentPage(int index);
    Page *page(int index) const;
    OverviewPage *overviewPage() const { return m_overview; }
    RecentFiles *recentFiles() const { return m_recent; }
    QString workspacePath() const { return m_workspacePath; }

    void restoreWindowSettings();

Q_SIGNALS:
    void openWorkspaceRequested(const QString &path);
    void reloadRequested();
    void warRoomRequested();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    bool ensureTray(); // false where the desktop has no tray
    void createPages();
    void createMenus();
    void createStatusBar();
    void retranslateUi();
    void updateIcons();
    void updateStatusBar();
    void updateRecentMenu();
    void updateSidebarWidth();
    void chooseWorkspace();
    void showImport();
    void showAbout();

    Session *m_session;
    LanguageManager *m_languages;
    ThemeManager *m_themes;
    RecentFiles *m_recent;
    QListWidget *m_sidebar = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QLabel *m_noticeLabel = nullptr;
    QTimer *m_noticeTimer = nullptr;
    QString m_lastNotification;
    Message m_notice;
    int m_notificationPage = -1;
    QStackedWidget *m_stack = nullptr;
    OverviewPage *m_overview = nullptr;
    QList<Page *> m_pages;
    QPointer<AboutDialog> m_about;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_warRoomAction = nullptr;
    QAction *m_clearRecentAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QList<QAction *> m_pageActions;
    QActionGroup *m_languageGroup = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QAction *m_themeSystem = nullptr;
    QAction *m_themeLight = nullptr;
    QAction *m_themeDark = nullptr;

    QLabel *m_workspaceLabel = nullptr;
    QLabel *m_refreshLabel = nullptr;
    QLabel *m_storageLabel = nullptr;

    LocalizedText m_workspaceTitleText;
    QString m_workspacePath;
    Origin m_origin = Origin::File;
    QDateTime m_lastRefresh;
    bool m_lastLoadFailed = false;
    StorageState m_storageState = StorageState::Unknown;
    QString m_storageDetail;
};
