// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The same schema runs on SQLite (local) and PostgreSQL (team mode). Migration SQL is written in the common
// subset; the few unavoidable differences are placeholders that forDialect() substitutes:
//   {{ID}}    an auto-numbered 64-bit primary key
//   {{BLOB}}  a binary column
//   {{REJECT_UPDATE:table}}, {{REJECT_DELETE:table}}  a whole statement: a trigger that makes every UPDATE or
//             DELETE on the table fail (append-only tables)
//   {{NOTIFY_CHANGES:table:column:subject}}  a whole statement: after each row written to `table`, record
//             "<subject>:<column value>" in the changes table and NOTIFY opsdeck_changes with it, in the writing
//             transaction (team mode's live updates); nothing on SQLite, where there is no other console to tell
// Times: data columns hold integer epoch milliseconds UTC (BIGINT, named *_ms) so they sort, compare and index
// the same on both engines; schema_version.applied_at is ISO-8601 UTC text because only people read it.
enum class SqlDialect {
    SQLite,
    PostgreSQL,
};

struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

namespace Migrations {

// Ordered by version, starting at 1, without gaps. Adding a migration = appending one entry in migration.cpp.
const QList<Migration> &all();
int latestVersion();
// "" for a statement that has no equivalent in the dialect (skip it).
QString forDialect(const QString &sql, SqlDialect dialect);
// The statements of the notify_deliveries table (migrationnotify.cpp).
QStringList notifyDeliveries();
// The LISTEN/NOTIFY channel of the change feed.
QString changesChannel();
// The PostgreSQL advisory lock that write transactions hold, so change ids are assigned in commit order.
int changesLockKey();
// The meta key holding the newest change id pruned from the changes table.
QString changesPrunedKey();

} // namespace Migrations
