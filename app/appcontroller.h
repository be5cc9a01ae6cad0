// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"
#include "mainwindow.h"
#include "workspace/workspace.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <optional>

class AlertModel;
class AlertPoller;
class AlertmanagerClient;
class ChecklistStore;
class KpiModel;
class KpiPoller;
class KpiReader;
class KpiWatch;
class ProbeRecordLoader;
class QNetworkAccessManager;
class FirstPaintProbe;
class HealthController;
class IncidentAutoRecorder;
class IncidentStore;
class DemoLauncher;
class SampleStore;
class Storage;
class WorkspaceWatcher;
class LanguageManager;
class KeychainLoader;
class WarRoomWindow;
class RunbookAudit;

// Wires the core services (workspace loader and watcher, storage, demo launcher) to the main window.
class AppController final : public QObject
{
    Q_OBJECT
public:
    AppController(
        const CommandLine &commandLine, MainWindow *window, LanguageManager *languages, QObject *parent = nullptr);
    ~AppController() override;

    // Starts the demo service before the window is built when it will be needed, so both boot in parallel.
    // Its signals arrive through the event loop, so adoptDemo() before exec() misses nothing.
    static DemoLauncher *startDemoEarly(const CommandLine &commandLine);
    void adoptDemo(DemoLauncher *launcher);
    void start();

signals:
    void warRoomKpisChanged(const QSet<QString> &ids);
    // A loaded workspace, once the keychain has been asked for its secrets.
    void workspaceReady(const Workspace &workspace);

private:
    void showWarRoom();
    void openWorkspace(const QString &path);
    void startDemo();
    void connectDemo();
    static QString resolveWorkspacePath(const CommandLine &commandLine, bool warn);
    static QString dataDirFor(const CommandLine &commandLine);
    void openStorage();
    // Opens the file or team database unless it is already the one in use.
    void useStorage(const QString &pathOrUrl);
    // --database, else the workspace's storage key, else the local file.
    QString storageFor(const Workspace &workspace) const;
    QString dataDir() const;
    // The first workspace load (good or failed) ends startup: screenshots and the startup benchmark wait for it.
    void onFirstLoad();
    void wireKpis();
    void gateOnKeychain();

    CommandLine m_commandLine;
    MainWindow *m_window;
    LanguageManager *m_languages;
    Storage *m_storage;
    QString m_storageTarget;
    ChecklistStore *m_checklists;
    HealthController *m_health;
    IncidentStore *m_incidents;
    IncidentAutoRecorder *m_incidentRecorder;
    RunbookAudit *m_runbookAudit;
    WorkspaceWatcher *m_watcher;
    KeychainLoader *m_keychain;
    QTimer m_keychainWait;
    std::optional<Workspace> m_pendingWorkspace;
    QNetworkAccessManager *m_nam;
    KpiReader *m_kpiReader;
    KpiModel *m_kpiModel;
    KpiPoller *m_kpiPoller;
    KpiWatch *m_kpiWatch = nullptr;
    AlertmanagerClient *m_alertClient;
    AlertModel *m_alertModel;
    AlertPoller *m_alertPoller;
    ProbeRecordLoader *m_probeRecords = nullptr;
    SampleStore *m_samples;
    DemoLauncher *m_demo = nullptr;
    MainWindow::Origin m_origin = MainWindow::Origin::File;
    FirstPaintProbe *m_firstPaint = nullptr;
    bool m_firstLoadSeen = false;
    bool m_demoStarted = false;
    QPointer<WarRoomWindow> m_warRoom;
    QString m_workspaceTitle;
    QSet<QString> m_warRoomKpis;
    bool m_storageOffline = false;
    bool m_showNextIncident = false; // the incident just opened from the Health page
};
