// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

// Writes an export to a file without blocking the window: PDF rendering and the write run on a worker thread,
// the file is replaced atomically (QSaveFile), and finished() says where it went or what failed.
class FileExporter final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // `markdown` is the record; with `pdf` it is rendered to PDF first.
    void write(const QString &path, const QString &markdown, const QString &title, bool pdf);
    bool isBusy() const { return m_busy > 0; }

Q_SIGNALS:
    void finished(const QString &path, const QString &error);

private:
    int m_busy = 0;
};
