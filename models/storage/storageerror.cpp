// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QSqlError>

StorageError::StorageError(const QString &message)
    : m_message(message)
    , m_utf8(message.toUtf8())
{ }

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
        const QSqlError error = query.lastError();
        const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
        throw StorageError(QCoreApplication::translate("Storage", "%1 (in: %2)").arg(text, sql.left(120)));
    }
    return query;
}
