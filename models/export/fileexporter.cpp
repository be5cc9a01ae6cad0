// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/fileexporter.h"

#include "export/pdfdocument.h"

#include <QPointer>
#include <QSaveFile>
#include <QThread>

#include <memory>

void FileExporter::write(const QString &path, const QString &markdown, const QString &title, bool pdf)
{
    auto error = std::make_shared<QString>();
    QThread *thread = QThread::create([path, markdown, title, pdf, error] {
        const QByteArray bytes = pdf ? PdfDocument::fromMarkdown(markdown, title) : markdown.toUtf8();
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            *error = file.errorString();
        }
    });
    ++m_busy;
    QPointer<FileExporter> self(this);
    connect(thread, &QThread::finished, thread, [self, thread, path, error] {
        thread->deleteLater();
        if (self) {
            --self->m_busy;
            Q_EMIT self->finished(path, *error);
        }
    });
    thread->start();
}
