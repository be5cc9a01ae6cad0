// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/migration.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

// Where Storage keeps its data: a local SQLite file, or a shared PostgreSQL database (team mode) named by
//   postgresql://user[:${PASSWORD_VARIABLE}]@host[:port]/database
// The password is never written in the URL itself: it is a ${NAME} reference resolved from the environment only
// when connecting (a URL that is a single ${NAME} reference is resolved as a whole, and may then carry one).
// Without a password libpq's usual sources apply (PGPASSWORD, ~/.pgpass).
struct DatabaseTarget
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseTarget)

public:
    SqlDialect dialect = SqlDialect::SQLite;
    QString path; // SQLite
    QString user; // PostgreSQL
    QString passwordTemplate; // "${NAME}" or empty; a literal only when it came from a resolved ${URL}
    QString host;
    int port = 5432;
    QString database;

    static bool isPostgresUrl(const QString &text);
    // A postgresql:// URL or a ${NAME} reference is PostgreSQL, anything else a file path. False with a message
    // (that never contains a password) when the URL is malformed.
    static bool parse(const QString &text, DatabaseTarget *target, QString *error);
    static DatabaseTarget sqlite(const QString &path);

    bool isPostgres() const { return dialect == SqlDialect::PostgreSQL; }
    // For logs, the status bar and error messages: the file, or postgresql://user@host:port/database.
    QString displayName() const;
    // The password at connection time; false with a message naming the missing variable.
    bool resolvePassword(QString *password, QString *error) const;
    // PostgreSQL: adds the QPSQL connection `connectionName` to this server (as application_name, for
    // pg_stat_activity) and connects, with timeouts that notice a dead server or network within seconds, not at
    // the TCP default of minutes. False with a message that never contains the password. The connection stays
    // registered either way; the caller removes it.
    bool connectPostgres(
        QSqlDatabase *db, const QString &connectionName, const QString &applicationName, QString *error) const;
};
