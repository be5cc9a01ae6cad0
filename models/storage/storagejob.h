// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storageresult.h"

#include <QFuture>
#include <QPromise>
#include <QSqlDatabase>

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

// What a job callable returns when run with a QSqlDatabase &: the T of its StorageResult<T>.
template <typename F> using StorageJobValue = std::remove_cvref_t<std::invoke_result_t<F &, QSqlDatabase &>>;

// One job as StorageWorker sees it, whatever its result type: run() on the worker thread, then resolve() on
// Storage's thread once its transaction has committed (or failed). Storage::read() and write() make them.
class StorageJob
{
public:
    explicit StorageJob(QString what)
        : m_what(std::move(what))
    { }
    virtual ~StorageJob() = default;
    Q_DISABLE_COPY_MOVE(StorageJob)

    const QString &what() const { return m_what; }
    // Worker thread: runs the job and keeps its value for resolve(); throws (StorageError, any std::exception) when
    // it fails.
    virtual void run(QSqlDatabase &db) = 0;
    // Storage's thread: fulfils the future with the kept value, or with `error` when !ok. Once.
    virtual void resolve(bool ok, const QString &error) = 0;

private:
    QString m_what;
};

template <typename T> class TypedStorageJob final : public StorageJob
{
public:
    using Function = std::function<T(QSqlDatabase &)>;

    TypedStorageJob(QString what, Function function)
        : StorageJob(std::move(what))
        , m_function(std::move(function))
    {
        m_promise.start();
    }

    QFuture<StorageResult<T>> future() { return m_promise.future(); }

    void run(QSqlDatabase &db) override
    {
        // Whatever the job captured is released here, on the worker, whether it succeeds or throws.
        const Function function = std::exchange(m_function, nullptr);
        if constexpr (std::is_void_v<T>) {
            function(db);
            m_value.emplace();
        } else {
            m_value.emplace(function(db));
        }
    }

    void resolve(bool ok, const QString &error) override
    {
        if (!ok || !m_value) {
            m_promise.addResult(StorageResult<T>::failure(what(), error));
        } else if constexpr (std::is_void_v<T>) {
            m_promise.addResult(StorageResult<T>::success(what()));
        } else {
            m_promise.addResult(StorageResult<T>::success(what(), std::move(*m_value)));
        }
        m_value.reset();
        // Runs the continuation (StorageFuture::then()) here, on Storage's thread.
        m_promise.finish();
    }

private:
    Function m_function;
    std::optional<std::conditional_t<std::is_void_v<T>, std::monostate, T>> m_value;
    QPromise<StorageResult<T>> m_promise; // not fulfilled (Storage destroyed first): the future is cancelled
};
