// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"
#include "mainwindow.h"

#include <QObject>

class DemoLauncher;
class LanguageManager;
class Session;
class WarRoomBinder;

// Binds the window's pages to the Session and shows what the Session reports (workspaces, load failures, storage
// state, notices); starts the demo service when there is no workspace to open. It wires no watching part itself.
class AppController final : public QObject
{
    Q_OBJECT
public:
    AppController(const CommandLine &commandLine, Session *session, MainWindow *window, LanguageManager *languages,
        QObject *parent = nullptr);
    ~AppController() override;

    // Opens the storage and the workspace (or starts the demo); called once the window has painted.
    void start();

private:
    void bindPages();
    void bindOverview();
    void onWorkspaceReady(const Workspace &workspace);
    void startDemo();
    void onFirstLoad();
    void warn(const QString &title, const QString &text);
    void openedIncident(const QString &error);

    CommandLine m_commandLine;
    Session *m_session;
    MainWindow *m_window;
    LanguageManager *m_languages;
    DemoLauncher *m_demo = nullptr;
    MainWindow::Origin m_origin = MainWindow::Origin::File;
    bool m_firstLoadSeen = false;
    bool m_showNextIncident = false; // the incident just opened from this window
    WarRoomBinder *m_warRoom;
};
