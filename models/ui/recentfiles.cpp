// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recentfiles.h"

#include "ui/settingskeys.h"

#include <QFileInfo>
#include <QSettings>

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
    , m_files(QSettings().value(SettingsKeys::recentWorkspaces()).toStringList())
{
    m_files.removeAll(QString());
    m_files.removeDuplicates();
    while (m_files.size() > MaxFiles) {
        m_files.removeLast();
    }
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!m_files.isEmpty() && m_files.first() == absolute) {
        return;
    }
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > MaxFiles) {
        m_files.removeLast();
    }
    save();
}

void RecentFiles::remove(const QString &path)
{
    if (m_files.removeAll(QFileInfo(path).absoluteFilePath()) > 0) {
        save();
    }
}

void RecentFiles::clear()
{
    if (!m_files.isEmpty()) {
        m_files.clear();
        save();
    }
}

void RecentFiles::save()
{
    QSettings().setValue(SettingsKeys::recentWorkspaces(), m_files);
    Q_EMIT changed();
}
