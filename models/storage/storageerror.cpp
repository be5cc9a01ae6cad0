// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QSqlError>

StorageError::StorageError(const QString &message)
    : m_message(message)
    , m_utf8(message.toUtf8())
{ }

StorageError::StorageError(const QSqlError &error, const QString &sql)
    : StorageError(sqlStatementError(error, sql))
{ }

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
        throw StorageError(query.lastError(), sql);
    }
    return query;
}
