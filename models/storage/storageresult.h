// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

// What a Storage job came to: its value, or why it failed. Failures are values, never exceptions: the job's own
// exception (StorageError, see sqlExec()) becomes error(), and what() is the description the job was submitted with
// (translated, e.g. "Saving the tick on Health"), so message() can say what failed and why.
class StorageResultBase
{
public:
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    // The description given at submission.
    const QString &what() const { return m_what; }
    // Why it failed (the database's text, e.g. "database is locked"); empty on success.
    const QString &error() const { return m_error; }
    // "<what>: <error>", for the operator; empty on success.
    QString message() const;

protected:
    StorageResultBase() = default;
    StorageResultBase(bool ok, QString what, QString error)
        : m_ok(ok)
        , m_what(std::move(what))
        , m_error(std::move(error))
    { }

private:
    bool m_ok = false;
    QString m_what;
    QString m_error;
};

template <typename T> class StorageResult final : public StorageResultBase
{
public:
    StorageResult() = default; // a failure with no text; QFuture needs a default
    static StorageResult success(QString what, T value)
    {
        StorageResult r(true, std::move(what), {});
        r.m_value.emplace(std::move(value));
        return r;
    }
    static StorageResult failure(QString what, QString error)
    {
        return StorageResult(false, std::move(what), std::move(error));
    }

    // Only when ok().
    const T &value() const { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }

private:
    using StorageResultBase::StorageResultBase;
    std::optional<T> m_value;
};

template <> class StorageResult<void> final : public StorageResultBase
{
public:
    StorageResult() = default;
    static StorageResult success(QString what) { return StorageResult(true, std::move(what), {}); }
    static StorageResult failure(QString what, QString error)
    {
        return StorageResult(false, std::move(what), std::move(error));
    }

private:
    using StorageResultBase::StorageResultBase;
};
