// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <exception>

// Thrown by a Storage job to report failure; the worker catches it (or any std::exception), rolls the job's
// work back and emits jobFailed with message().
class StorageError final : public std::exception
{
public:
    explicit StorageError(const QString &message);
    const char *what() const noexcept override { return m_utf8.constData(); }
    QString message() const { return m_message; }

private:
    QString m_message;
    QByteArray m_utf8;
};

// Prepares `sql`, binds `values` positionally and runs it; throws StorageError carrying the database's error
// text (e.g. "database is locked", "database or disk is full") when anything fails.
QSqlQuery sqlExec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
