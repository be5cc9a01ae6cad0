// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storage.h"

#include <QTest>

#include <optional>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace StorageTest {

// Spins the event loop until the job's future is resolved (it resolves on this thread); nullopt when it never was.
template <typename T> std::optional<StorageResult<T>> wait(const StorageFuture<T> &future, int timeoutMs = 10000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs) || future.future().isCanceled()) {
        return std::nullopt;
    }
    return future.future().result();
}

// Runs a read job and waits for its value; `fallback` when it failed or never finished.
template <typename F, typename T = std::remove_cvref_t<std::invoke_result_t<F &, QSqlDatabase &>>>
T read(Storage &storage, F job, std::type_identity_t<T> fallback = {})
{
    const auto result = wait(storage.read(u"A test's read"_s, std::move(job)));
    if (!result || !result->ok()) {
        qWarning("the read failed: %s", result ? qUtf8Printable(result->message()) : "it never finished");
        return fallback;
    }
    return result->value();
}

} // namespace StorageTest
