// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"
#include "mainwindow.h"

#include <QObject>

class ChecklistStore;
class FirstPaintProbe;
class DemoLauncher;
class Storage;
class WorkspaceWatcher;
class LanguageManager;

// Wires the core services (workspace loader and watcher, storage, demo launcher) to the main window.
class AppController final : public QObject
{
    Q_OBJECT
public:
    AppController(
        const CommandLine &commandLine, MainWindow *window, LanguageManager *languages, QObject *parent = nullptr);

    void start();

private:
    void openWorkspace(const QString &path);
    void startDemo();
    void openStorage();
    QString dataDir() const;
    // The first workspace load (good or failed) ends startup: screenshots and the startup benchmark wait for it.
    void onFirstLoad();

    CommandLine m_commandLine;
    MainWindow *m_window;
    LanguageManager *m_languages;
    Storage *m_storage;
    ChecklistStore *m_checklists;
    WorkspaceWatcher *m_watcher;
    DemoLauncher *m_demo = nullptr;
    MainWindow::Origin m_origin = MainWindow::Origin::File;
    FirstPaintProbe *m_firstPaint = nullptr;
    bool m_firstLoadSeen = false;
};
