// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storageresult.h"

#include <QFuture>
#include <QPointer>
#include <QThread>

#include <utility>

// The handle Storage::read() and write() return: a QFuture of the job's StorageResult, resolved on Storage's
// (the GUI) thread, with a then() that is safe when its context object goes away first.
//
//   m_storage->write(tr("Saving the tick on %1").arg(item), [=](QSqlDatabase &db) { return ...; })
//       .then(this, [this](const StorageResult<ChecklistWriteResult> &r) { ... });
//
// Why not QFuture::then(context, f) itself: in Qt 6.4 a context destroyed before the job finishes trips
// Q_ASSERT(context) inside qfuture_impl.h (debug builds abort), and release builds read the QPointer on the thread
// that fulfils the promise. Here the promise is fulfilled on Storage's thread and the continuation runs there
// synchronously, checking the context on the same thread it is destroyed on.
template <typename T> class StorageFuture final
{
public:
    explicit StorageFuture(QFuture<StorageResult<T>> future)
        : m_future(std::move(future))
    { }

    // Calls f(const StorageResult<T> &) on Storage's thread once the job has committed or failed, unless `context`
    // (which must live on that thread) has been destroyed by then. One continuation per job: a second replaces the
    // first. Already finished: f runs now.
    template <typename F> void then(QObject *context, F &&f) const
    {
        Q_ASSERT(context && context->thread() == QThread::currentThread());
        QFuture<StorageResult<T>> future = m_future;
        future.then(QtFuture::Launch::Sync,
            [guard = QPointer<QObject>(context), f = std::forward<F>(f)](const StorageResult<T> &result) mutable {
                if (guard) {
                    f(result);
                }
            });
    }

    // For tests and for callers that combine futures; resolved on Storage's thread, so never wait for it there with
    // waitForFinished() (that thread's event loop fulfils it).
    QFuture<StorageResult<T>> future() const { return m_future; }
    bool isFinished() const { return m_future.isFinished(); }

private:
    QFuture<StorageResult<T>> m_future;
};
