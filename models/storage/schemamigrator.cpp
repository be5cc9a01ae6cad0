// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/schemamigrator.h"

#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

SchemaMigrator::SchemaMigrator(const QSqlDatabase &db, SqlDialect dialect, QList<Migration> migrations)
    : m_db(db)
    , m_dialect(dialect)
    , m_migrations(std::move(migrations))
{ }

QString SchemaMigrator::tableName()
{
    return u"schema_version"_s;
}

int SchemaMigrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

int SchemaMigrator::currentVersion()
{
    if (!m_db.tables().contains(tableName(), Qt::CaseInsensitive)) {
        return 0;
    }
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT MAX(version) FROM schema_version"_s) || !query.next()) {
        m_error = QCoreApplication::translate("Storage", "cannot read the schema version (%1)")
                      .arg(sqlErrorText(query.lastError()));
        return -1;
    }
    return query.value(0).isNull() ? 0 : query.value(0).toInt();
}

bool SchemaMigrator::migrate(int targetVersion)
{
    m_error.clear();
    const int latest = latestVersion();
    const int target = targetVersion < 0 ? latest : std::min(targetVersion, latest);
    const int current = currentVersion();
    if (current < 0) {
        return false;
    }
    if (current > latest) {
        m_error = QCoreApplication::translate(
            "Storage", "its schema version %1 is newer than this build of OpsDeck supports (%2); use a newer OpsDeck")
                      .arg(current)
                      .arg(latest);
        return false;
    }
    for (const Migration &migration : std::as_const(m_migrations)) {
        if (migration.version > current && migration.version <= target && !apply(migration)) {
            return false;
        }
    }
    return true;
}

bool SchemaMigrator::apply(const Migration &migration)
{
    QSqlQuery query(m_db);
    auto fail = [&](const QSqlError &error) {
        query.finish();
        m_db.rollback();
        m_error = QCoreApplication::translate("Storage", "migration to schema version %1 (%2) failed: %3")
                      .arg(migration.version)
                      .arg(migration.description, sqlErrorText(error));
        return false;
    };
    if (!m_db.transaction()) {
        return fail(m_db.lastError());
    }
    QStringList statements = migration.statements;
    statements.prepend(
        u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)"_s);
    for (const QString &statement : std::as_const(statements)) {
        const QString sql = Migrations::forDialect(statement, m_dialect);
        if (!sql.isEmpty() && !query.exec(sql)) {
            return fail(query.lastError());
        }
    }
    query.prepare(u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s);
    query.addBindValue(migration.version);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!query.exec()) {
        return fail(query.lastError());
    }
    query.finish();
    if (!m_db.commit()) {
        return fail(m_db.lastError());
    }
    return true;
}
