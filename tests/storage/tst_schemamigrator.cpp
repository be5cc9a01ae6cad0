// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migration.h"
#include "storage/schemamigrator.h"
#include "storagetesthelpers.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSchemaMigrator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyDatabaseGetsEveryMigration();
    void handMadeV1DatabaseIsUpgraded();
    void migratingTwiceChangesNothing();
    void stopsAtTargetVersion();
    void refusesNewerSchema();
    void failedMigrationRollsBackOnlyItself();

private:
    QStringList tables() const;

    QTemporaryDir m_tmp;
    QSqlDatabase m_db;
};

void TestSchemaMigrator::init()
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"migrator"_s);
    m_db.setDatabaseName(m_tmp.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))));
    QVERIFY(m_db.open());
    execOrFail(m_db, u"PRAGMA foreign_keys = ON"_s);
}

void TestSchemaMigrator::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"migrator"_s);
}

QStringList TestSchemaMigrator::tables() const
{
    QStringList list = m_db.tables();
    list.removeIf([](const QString &name) { return name.startsWith(u"sqlite_"_s); });
    list.sort();
    return list;
}

void TestSchemaMigrator::emptyDatabaseGetsEveryMigration()
{
    SchemaMigrator migrator(m_db);
    QCOMPARE(migrator.currentVersion(), 0);
    QVERIFY2(migrator.migrate(), qPrintable(migrator.errorString()));
    QCOMPARE(migrator.currentVersion(), Migrations::latestVersion());
    // Later migrations add tables; the foundation's must all be there.
    const QStringList present = tables();
    for (const QString &table : { u"events"_s, u"meta"_s, u"samples"_s, u"schema_version"_s, u"series"_s }) {
        QVERIFY2(present.contains(table), qPrintable(table));
    }

    QSqlQuery query(m_db);
    QVERIFY(query.exec(u"SELECT version, applied_at FROM schema_version ORDER BY version"_s));
    for (int version = 1; version <= Migrations::latestVersion(); ++version) {
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), version);
        const QDateTime applied = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        QVERIFY2(applied.isValid() && applied.timeSpec() == Qt::UTC, qPrintable(query.value(1).toString()));
        QVERIFY(qAbs(applied.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }
    QVERIFY(!query.next());
}

void TestSchemaMigrator::handMadeV1DatabaseIsUpgraded()
{
    // Written out by hand as a v1 build left it, independent of the migration list.
    execOrFail(m_db, u"CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)"_s);
    execOrFail(m_db, u"INSERT INTO schema_version VALUES (1, '2026-01-05T09:00:00.000Z')"_s);
    execOrFail(m_db, u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s);
    execOrFail(m_db,
        u"CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms BIGINT NOT NULL, workspace_id TEXT NOT "
        u"NULL, "
        u"kind TEXT NOT NULL, source TEXT NOT NULL, payload TEXT)"_s);
    execOrFail(m_db, u"INSERT INTO meta VALUES ('last-workspace', '/home/oncall/meetpin.yaml')"_s);
    execOrFail(m_db,
        u"INSERT INTO events (at_ms, workspace_id, kind, source, payload) VALUES "
        u"(1767603600000, 'meetpin', 'endpoint.critical', 'health', '{\"status\":503}')"_s);
    if (QTest::currentTestFailed()) {
        return;
    }

    SchemaMigrator migrator(m_db);
    QCOMPARE(migrator.currentVersion(), 1);
    QVERIFY2(migrator.migrate(), qPrintable(migrator.errorString()));
    QCOMPARE(migrator.currentVersion(), Migrations::latestVersion());

    QCOMPARE(scalar(m_db, u"SELECT value FROM meta WHERE key = 'last-workspace'"_s).toString(),
        u"/home/oncall/meetpin.yaml"_s);
    QCOMPARE(scalar(m_db, u"SELECT payload FROM events WHERE kind = 'endpoint.critical'"_s).toString(),
        u"{\"status\":503}"_s);
    QCOMPARE(scalar(m_db, u"SELECT applied_at FROM schema_version WHERE version = 1"_s).toString(),
        u"2026-01-05T09:00:00.000Z"_s);

    // v2 works as designed: unique names per workspace, samples go with their series.
    execOrFail(m_db, u"INSERT INTO series (workspace_id, name, unit) VALUES ('meetpin', 'error-rate', '%')"_s);
    QSqlQuery duplicate(m_db);
    QVERIFY(!duplicate.exec(u"INSERT INTO series (workspace_id, name, unit) VALUES ('meetpin', 'error-rate', '%')"_s));
    execOrFail(m_db,
        u"INSERT INTO samples (series_id, at_ms, value) VALUES (1, 1767603600000, 0.4), (1, 1767603601000, 0.5)"_s);
    QSqlQuery orphan(m_db);
    QVERIFY(!orphan.exec(u"INSERT INTO samples (series_id, at_ms, value) VALUES (42, 0, 1)"_s));
    execOrFail(m_db, u"DELETE FROM series WHERE id = 1"_s);
    QCOMPARE(scalar(m_db, u"SELECT COUNT(*) FROM samples"_s).toInt(), 0);
    QVERIFY(scalar(m_db, u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'samples_series_at'"_s).toInt() == 1);
}

void TestSchemaMigrator::migratingTwiceChangesNothing()
{
    QVERIFY(SchemaMigrator(m_db).migrate());
    execOrFail(m_db, u"INSERT INTO meta VALUES ('k', 'v')"_s);
    SchemaMigrator again(m_db);
    QVERIFY2(again.migrate(), qPrintable(again.errorString()));
    QCOMPARE(again.currentVersion(), Migrations::latestVersion());
    QCOMPARE(scalar(m_db, u"SELECT COUNT(*) FROM schema_version"_s).toInt(), Migrations::latestVersion());
    QCOMPARE(scalar(m_db, u"SELECT value FROM meta WHERE key = 'k'"_s).toString(), u"v"_s);
}

void TestSchemaMigrator::stopsAtTargetVersion()
{
    SchemaMigrator migrator(m_db);
    QVERIFY(migrator.migrate(1));
    QCOMPARE(migrator.currentVersion(), 1);
    QCOMPARE(tables(), (QStringList { u"events"_s, u"meta"_s, u"schema_version"_s }));
}

void TestSchemaMigrator::refusesNewerSchema()
{
    execOrFail(m_db, u"CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)"_s);
    execOrFail(m_db, u"INSERT INTO schema_version VALUES (99, '2030-01-01T00:00:00.000Z')"_s);
    SchemaMigrator migrator(m_db);
    QVERIFY(!migrator.migrate());
    QCOMPARE(migrator.errorString(),
        u"its schema version 99 is newer than this build of OpsDeck supports (%1); use a newer OpsDeck"_s.arg(
            Migrations::latestVersion()));
    QCOMPARE(tables(), QStringList { u"schema_version"_s });
}

void TestSchemaMigrator::failedMigrationRollsBackOnlyItself()
{
    const QList<Migration> migrations = {
        { 1, u"good"_s, { u"CREATE TABLE first (id {{ID}})"_s } },
        { 2, u"bad"_s, { u"CREATE TABLE second (id {{ID}})"_s, u"INSERT INTO nowhere VALUES (1)"_s } },
    };
    SchemaMigrator migrator(m_db, SqlDialect::SQLite, migrations);
    QVERIFY(!migrator.migrate());
    QVERIFY2(migrator.errorString().startsWith(u"migration to schema version 2 (bad) failed: no such table: nowhere"_s),
        qPrintable(migrator.errorString()));
    QCOMPARE(migrator.currentVersion(), 1);
    QCOMPARE(tables(), (QStringList { u"first"_s, u"schema_version"_s }));
}

QTEST_GUILESS_MAIN(TestSchemaMigrator)
#include "tst_schemamigrator.moc"
