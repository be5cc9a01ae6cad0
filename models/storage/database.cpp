// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"

#include "storage/schemamigrator.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QtEndian>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDatabase, "opsdeck.storage")

namespace {

// Looks at the raw header so that a file which is plainly not a database never reaches SQLite at all.
QString checkHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QCoreApplication::translate("Storage", "cannot be read (%1)").arg(file.errorString());
    }
    const QByteArray header = file.read(100);
    const QByteArray magic("SQLite format 3\0", 16);
    if (!magic.startsWith(header.left(16))) {
        return QCoreApplication::translate("Storage", "not an SQLite database (file is not a database)");
    }
    if (header.size() < 100) {
        return QCoreApplication::translate("Storage", "truncated (%1 bytes, shorter than the 100-byte SQLite header)")
            .arg(file.size());
    }
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint32 rawPageSize = qFromBigEndian<quint16>(bytes + 16);
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 pageCount = qFromBigEndian<quint32>(bytes + 28);
    // The in-header page count is only valid when the change counter matches "version-valid-for", and after a
    // crash a WAL or hot journal next to the database may legitimately disagree with the main file's size.
    const bool countValid = qFromBigEndian<quint32>(bytes + 24) == qFromBigEndian<quint32>(bytes + 92);
    const bool sidecar = QFileInfo::exists(path + u"-wal"_s) || QFileInfo::exists(path + u"-journal"_s);
    if (countValid && pageCount > 0 && !sidecar && pageSize * pageCount > file.size()) {
        return QCoreApplication::translate("Storage", "truncated (%1 bytes, its header says %2)")
            .arg(file.size())
            .arg(pageSize * pageCount);
    }
    return {};
}

QString classifyReadError(const QSqlError &error)
{
    const QString text = sqlErrorText(error);
    if (text.contains(u"not a database"_s)) {
        return QCoreApplication::translate("Storage", "not an SQLite database (%1)").arg(text);
    }
    if (text.contains(u"malformed"_s)) {
        return QCoreApplication::translate("Storage", "damaged (%1)").arg(text);
    }
    return QCoreApplication::translate("Storage", "cannot be read (%1)").arg(text);
}

} // namespace

Database::Database(const QString &connectionName)
    : m_connectionName(connectionName)
{ }

Database::~Database()
{
    close();
}

void Database::close()
{
    m_db.close();
    m_db = QSqlDatabase();
    // Also after a failed addDatabase() (a missing driver), which registers the name all the same.
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::refuse(const QString &cause)
{
    close();
    m_error = m_target.isPostgres()
        ? QCoreApplication::translate("Storage", "%1: %2; the database was left untouched").arg(m_path, cause)
        : QCoreApplication::translate("Storage", "%1: %2; the file was left untouched")
              .arg(QDir::toNativeSeparators(m_path), cause);
    return false;
}

bool Database::fail(const QString &cause)
{
    close();
    m_error = QCoreApplication::translate("Storage", "%1: %2").arg(QDir::toNativeSeparators(m_path), cause);
    return false;
}

bool Database::openConnection(bool mayCreate, QString *error)
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!m_db.isValid()) {
        *error = QCoreApplication::translate("Storage", "the Qt SQLite driver (QSQLITE) is not available");
        return false;
    }
    // mode=rw makes SQLite fail instead of creating a new, empty file if the existing one vanished meanwhile.
    const QString uri = QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath()).toString(QUrl::FullyEncoded)
        + (mayCreate ? u"?mode=rwc"_s : u"?mode=rw"_s);
    m_db.setConnectOptions(u"QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_busyTimeoutMs));
    m_db.setDatabaseName(uri);
    if (!m_db.open()) {
        *error = sqlErrorText(m_db.lastError());
        return false;
    }
    return true;
}

QString Database::checkExisting()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA integrity_check(20)"_s)) {
        return classifyReadError(query.lastError());
    }
    QStringList problems;
    while (query.next()) {
        problems.append(query.value(0).toString());
    }
    if (query.lastError().isValid()) {
        return classifyReadError(query.lastError());
    }
    if (problems != QStringList { u"ok"_s }) {
        return QCoreApplication::translate("Storage", "failed the integrity check (%1)")
            .arg(problems.join(u"; "_s).left(400));
    }
    query.finish();

    QStringList tables = m_db.tables();
    tables.removeIf([](const QString &name) { return name.startsWith(u"sqlite_"_s); });
    if (!tables.isEmpty() && !tables.contains(SchemaMigrator::tableName())) {
        return QCoreApplication::translate("Storage", "an SQLite database, but not an OpsDeck one (it has no %1 table)")
            .arg(SchemaMigrator::tableName());
    }
    SchemaMigrator migrator(m_db);
    const int version = migrator.currentVersion();
    if (version < 0) {
        return migrator.errorString();
    }
    if (version > migrator.latestVersion()) {
        return QCoreApplication::translate(
            "Storage", "written by a newer OpsDeck (schema version %1; this build supports up to %2)")
            .arg(version)
            .arg(migrator.latestVersion());
    }
    return {};
}

bool Database::open(const QString &path)
{
    return open(DatabaseTarget::sqlite(path));
}

bool Database::open(const DatabaseTarget &target)
{
    m_target = target;
    return target.isPostgres() ? openPostgres(target) : openSqlite(target.path);
}

bool Database::openPostgres(const DatabaseTarget &target)
{
    close();
    m_path = target.displayName();
    m_error.clear();
    m_schemaVersion = 0;
    QString error;
    if (!target.connectPostgres(&m_db, m_connectionName, u"opsdeck"_s, &error)) {
        return fail(error);
    }
    // Ignore the NOTICEs of CREATE ... IF NOT EXISTS and friends.
    QSqlQuery(m_db).exec(u"SET client_min_messages = warning"_s);
    return migratePostgres();
}

bool Database::migratePostgres()
{
    QStringList tables = m_db.tables();
    if (!tables.isEmpty() && !tables.contains(SchemaMigrator::tableName())) {
        return refuse(
            QCoreApplication::translate("Storage", "a PostgreSQL database, but not an OpsDeck one (it has no %1 table)")
                .arg(SchemaMigrator::tableName()));
    }
    // Several consoles may start at once against an empty database: one migrates, the others wait for it.
    QSqlQuery lock(m_db);
    if (!lock.exec(u"SELECT pg_advisory_lock(5381001)"_s)) {
        return fail(sqlErrorText(lock.lastError()));
    }
    SchemaMigrator migrator(m_db, SqlDialect::PostgreSQL);
    const bool migrated = migrator.migrate();
    m_schemaVersion = migrated ? migrator.currentVersion() : 0;
    lock.exec(u"SELECT pg_advisory_unlock(5381001)"_s);
    lock = QSqlQuery();
    if (!migrated) {
        const QString version = migrator.errorString();
        return fail(version);
    }
    return true;
}

bool Database::openSqlite(const QString &path)
{
    close();
    m_path = path;
    m_error.clear();
    m_schemaVersion = 0;

    const QFileInfo info(path);
    if (info.isDir()) {
        return refuse(QCoreApplication::translate("Storage", "a folder is in the place of the database file"));
    }
    // An empty file holds nothing to lose; SQLite itself treats it as a new database.
    const bool existing = info.exists() && info.size() > 0;
    if (existing) {
        const QString cause = checkHeader(path);
        if (!cause.isEmpty()) {
            return refuse(cause);
        }
    } else if (!QDir().mkpath(info.absolutePath())) {
        return fail(QCoreApplication::translate("Storage", "cannot create the folder %1")
                        .arg(QDir::toNativeSeparators(info.absolutePath())));
    }

    QString error;
    if (!openConnection(!existing, &error)) {
        return existing ? refuse(QCoreApplication::translate("Storage", "cannot be opened (%1)").arg(error))
                        : fail(QCoreApplication::translate("Storage", "cannot be created (%1)").arg(error));
    }
    if (QSqlQuery query(m_db); !query.exec(u"PRAGMA foreign_keys = ON"_s)) {
        const QString cause = classifyReadError(query.lastError());
        query = QSqlQuery();
        return refuse(cause);
    }
    if (existing) {
        const QString cause = checkExisting();
        if (!cause.isEmpty()) {
            return refuse(cause);
        }
    }
    // The first write to an existing file; only a file that passed the checks gets here.
    if (QSqlQuery query(m_db); !query.exec(u"PRAGMA journal_mode = WAL"_s) || !query.next()
        || query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        qCWarning(lcDatabase) << "cannot switch" << path << "to WAL mode:" << sqlErrorText(query.lastError());
    }

    SchemaMigrator migrator(m_db);
    if (!migrator.migrate()) {
        return fail(migrator.errorString());
    }
    m_schemaVersion = migrator.currentVersion();
    return true;
}
