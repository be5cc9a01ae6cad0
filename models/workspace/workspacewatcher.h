// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/diagnostic.h"
#include "workspace/workspace.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <optional>

class QFileSystemWatcher;
class QTimer;

// Keeps the open workspace file loaded: reloads it shortly after it changes on disk (also when an editor saves by
// writing a new file and renaming it over the old one) and keeps the last good workspace when an edit is invalid.
class WorkspaceWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceWatcher)

public:
    explicit WorkspaceWatcher(QObject *parent = nullptr);
    ~WorkspaceWatcher() override;

    // Loads `path` now (emitting workspaceLoaded or loadFailed) and watches it from then on. True if it loaded.
    bool open(const QString &path);
    // Loads the file again now, even if unchanged. True if it loaded.
    bool reload();

    QString path() const { return m_path; }
    // The last workspace that loaded without errors, or nullptr.
    const Workspace *current() const { return m_current ? &*m_current : nullptr; }
    // The diagnostics of the last load attempt (warnings also when it succeeded).
    QList<Diagnostic> lastDiagnostics() const { return m_diagnostics; }

    // How long changes must settle before a reload.
    void setDebounceInterval(int milliseconds);

Q_SIGNALS:
    void workspaceLoaded(const Workspace &workspace);
    void loadFailed(const QString &path, const QList<Diagnostic> &diagnostics);

private:
    void onChanged();
    void onSettled();
    void rewatch();
    bool load(const QByteArray *data);

    QString m_path;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_debounce = nullptr;
    std::optional<Workspace> m_current;
    QList<Diagnostic> m_diagnostics;
    QByteArray m_lastData;
    bool m_lastFailed = false;
};
