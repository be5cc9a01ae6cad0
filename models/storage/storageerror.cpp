// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>

#include <cstring>
#include <sqlite3.h>

StorageError::StorageError(const QString &message)
    : m_message(message)
    , m_utf8(message.toUtf8())
{ }

StorageError::StorageError(const QSqlError &error, const QString &sql)
    : StorageError(sqlStatementError(error, sql))
{ }

StorageError::StorageError(const QSqlError &error, const QSqlDatabase &db, const QString &sql)
    : StorageError(QCoreApplication::translate("Storage", "%1 (in: %2)").arg(sqlErrorText(error, db), sql.left(120)))
{ }

QString sqlErrorText(const QSqlError &error, const QSqlDatabase &db)
{
    const QString text = sqlErrorText(error);
    // QSQLITE turns on extended result codes (778 is SQLITE_IOERR_WRITE): the primary code is the low byte.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    if (code != SQLITE_IOERR && code != SQLITE_FULL && code != SQLITE_CANTOPEN) {
        return text;
    }
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return text;
    }
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    const int systemError = connection ? sqlite3_system_errno(connection) : 0;
    if (systemError == 0) {
        return text;
    }
    return QCoreApplication::translate("Storage", "%1 (%2)")
        .arg(text, QString::fromLocal8Bit(std::strerror(systemError)));
}

QString sqlErrorText(const QSqlError &error, const QString &ifEmpty)
{
    const QString db = error.databaseText().trimmed();
    const QString text = db.isEmpty() ? error.text().trimmed() : db;
    if (!text.isEmpty()) {
        return text;
    }
    return ifEmpty.isEmpty() ? QCoreApplication::translate("Storage", "the database gave no reason") : ifEmpty;
}

QString sqlStatementError(const QSqlError &error, const QString &sql)
{
    return QCoreApplication::translate("Storage", "%1 (in: %2)").arg(sqlErrorText(error), sql.left(120));
}

QSqlQuery sqlExec(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    bool ok = query.prepare(sql);
    if (ok) {
        for (const QVariant &value : values) {
            query.addBindValue(value);
        }
        ok = query.exec();
    }
    if (!ok) {
        throw StorageError(query.lastError(), db, sql);
    }
    return query;
}
