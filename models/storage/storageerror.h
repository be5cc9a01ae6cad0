// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <exception>

class QSqlError;

// Thrown by a Storage job to report failure; the worker catches it (or any std::exception), rolls the job's
// work back and resolves the job's future with message() as the error.
class StorageError final : public std::exception
{
public:
    explicit StorageError(const QString &message);
    // The database's text for `error`, and the statement it came from (see sqlStatementError()).
    StorageError(const QSqlError &error, const QString &sql);
    // The same, with the operating system's reason for an SQLite I/O error (see sqlErrorText(error, db)).
    StorageError(const QSqlError &error, const QSqlDatabase &db, const QString &sql);
    const char *what() const noexcept override { return m_utf8.constData(); }
    QString message() const { return m_message; }

private:
    QString m_message;
    QByteArray m_utf8;
};

// The one way OpsDeck words a database error: the database's own text ("database is locked", "database or disk is
// full", PostgreSQL's message), else Qt's; `ifEmpty` (else a generic text) when a closed connection gives neither.
QString sqlErrorText(const QSqlError &error, const QString &ifEmpty = {});
// sqlErrorText(), and for an SQLite I/O, disk-full or cannot-open error the operating system's reason after it
// ("disk I/O error (File too large)"): SQLite's own text does not say whether a quota, a size limit or a full disk
// stopped the write.
QString sqlErrorText(const QSqlError &error, const QSqlDatabase &db);
// "<sqlErrorText> (in: <the first 120 characters of sql>)".
QString sqlStatementError(const QSqlError &error, const QString &sql);

// Prepares `sql`, binds `values` positionally and runs it; throws StorageError carrying the database's error
// text (e.g. "database is locked", "database or disk is full") when anything fails.
QSqlQuery sqlExec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
