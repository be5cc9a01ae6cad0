// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/databasetarget.h"

#include <QSqlDatabase>
#include <QString>

// One connection on the current thread: opens the SQLite file or connects to the PostgreSQL database, checks it,
// and migrates it to the latest schema.
// Used by StorageWorker (on its thread) and directly by command-line paths that have no event loop.
//
// An existing file that is not a healthy OpsDeck database (not SQLite, truncated, failing integrity_check,
// someone else's database, a newer schema) is refused with a message naming the file and the cause, and is never
// written to: checks run on a connection that cannot create the file and before anything that writes
// (journal mode, migrations). A missing file is a first run and is created, with its folder.
class Database final
{
public:
    static constexpr int DefaultBusyTimeoutMs = 5000;

    // connectionName must be unique in the process (QSqlDatabase connections are registered by name).
    explicit Database(const QString &connectionName);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // How long a statement waits for another connection's lock before failing with "database is locked".
    void setBusyTimeout(int ms) { m_busyTimeoutMs = ms; }

    bool open(const QString &path);
    bool open(const DatabaseTarget &target);
    void close();
    bool isOpen() const { return m_db.isOpen(); }

    // The file, or the PostgreSQL URL without password.
    QString path() const { return m_path; }
    const DatabaseTarget &target() const { return m_target; }
    SqlDialect dialect() const { return m_target.dialect; }
    int schemaVersion() const { return m_schemaVersion; }
    // Set when open() returns false: "<file>: <cause>".
    QString errorString() const { return m_error; }
    QSqlDatabase &connection() { return m_db; }

private:
    bool openSqlite(const QString &path);
    bool openPostgres(const DatabaseTarget &target);
    bool migratePostgres();
    bool openConnection(bool mayCreate, QString *error);
    QString checkExisting();
    bool refuse(const QString &cause);
    bool fail(const QString &cause);

    QString m_connectionName;
    DatabaseTarget m_target;
    QSqlDatabase m_db;
    QString m_path;
    QString m_error;
    int m_schemaVersion = 0;
    int m_busyTimeoutMs = DefaultBusyTimeoutMs;
};
