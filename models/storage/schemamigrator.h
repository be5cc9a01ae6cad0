// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/migration.h"

#include <QSqlDatabase>

// Brings a connection's schema forward: reads schema_version and applies every newer migration, each in its
// own transaction, so a failure leaves the database at the last version that fully applied.
class SchemaMigrator final
{
public:
    explicit SchemaMigrator(const QSqlDatabase &db, SqlDialect dialect = SqlDialect::SQLite,
        QList<Migration> migrations = Migrations::all());

    // MAX(version) in schema_version, 0 when the table does not exist yet; -1 on error (see errorString()).
    int currentVersion();
    int latestVersion() const;
    // Applies the migrations above the current version up to targetVersion (-1 = latest). Refuses a database
    // whose version is newer than latestVersion().
    bool migrate(int targetVersion = -1);
    QString errorString() const { return m_error; }

    static QString tableName();

private:
    bool apply(const Migration &migration);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    QList<Migration> m_migrations;
    QString m_error;
};
