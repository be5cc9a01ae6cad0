// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspacewatcher.h"

#include "workspace/boundedyaml.h"
#include "workspace/workspaceloader.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace {

// At most one byte past the loader's size cap: a huge file saved over the workspace (or a device linked in its
// place) is refused by its size, never read whole into memory.
QByteArray readCapped(QFile &file)
{
    return file.read(YamlLimits().maxBytes + 1);
}

LoadResult loadRead(const QByteArray &data, const QString &path)
{
    // Over the cap: the loader reports the file's real size and reads no more of it.
    return data.size() > YamlLimits().maxBytes ? WorkspaceLoader::loadFile(path)
                                               : WorkspaceLoader::loadData(data, path);
}

} // namespace

WorkspaceWatcher::WorkspaceWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &WorkspaceWatcher::onChanged);
    // Editors that save atomically replace the file: the watch on the old file ends and only the directory sees
    // the new one appear.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &WorkspaceWatcher::onChanged);
    connect(m_debounce, &QTimer::timeout, this, &WorkspaceWatcher::onSettled);
}

WorkspaceWatcher::~WorkspaceWatcher() = default;

void WorkspaceWatcher::setDebounceInterval(int milliseconds)
{
    m_debounce->setInterval(milliseconds);
}

bool WorkspaceWatcher::open(const QString &path)
{
    m_debounce->stop();
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    if (!watched.isEmpty()) {
        m_watcher->removePaths(watched);
    }
    m_path = path;
    m_current.reset();
    m_diagnostics.clear();
    rewatch();
    return reload();
}

bool WorkspaceWatcher::reload()
{
    m_debounce->stop();
    rewatch();
    return load(nullptr);
}

void WorkspaceWatcher::rewatch()
{
    if (m_path.isEmpty()) {
        return;
    }
    const QFileInfo info(m_path);
    const QString directory = info.absolutePath();
    if (!m_watcher->directories().contains(directory)) {
        m_watcher->addPath(directory);
    }
    if (info.exists() && !m_watcher->files().contains(m_path)) {
        m_watcher->addPath(m_path);
    }
}

void WorkspaceWatcher::onChanged()
{
    rewatch();
    m_debounce->start();
}

void WorkspaceWatcher::onSettled()
{
    rewatch();
    QFile file(m_path);
    QByteArray data;
    if (file.open(QIODevice::ReadOnly)) {
        data = readCapped(file);
        // Other files in the directory change too; only a different content is worth a reload.
        if (data == m_lastData && !m_lastFailed) {
            return;
        }
        load(&data);
    } else if (!m_lastFailed || !m_lastData.isNull()) {
        load(nullptr); // the file is gone: report it once, keep the last good workspace
    }
}

bool WorkspaceWatcher::load(const QByteArray *data)
{
    LoadResult result;
    QByteArray read;
    if (data) {
        result = loadRead(*data, m_path);
        read = *data;
    } else {
        QFile file(m_path);
        if (file.open(QIODevice::ReadOnly)) {
            read = readCapped(file);
            result = loadRead(read, m_path);
        } else {
            result = WorkspaceLoader::loadFile(m_path); // reports why it cannot be read
        }
    }
    m_lastData = read;
    m_diagnostics = result.diagnostics;
    m_lastFailed = !result.ok();
    if (m_lastFailed) {
        Q_EMIT loadFailed(m_path, m_diagnostics);
        return false;
    }
    m_current = std::move(result.workspace);
    m_current->filePath = m_path;
    Q_EMIT workspaceLoaded(*m_current);
    return true;
}
