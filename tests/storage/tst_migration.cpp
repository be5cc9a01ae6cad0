// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/migration.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMigration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionsAreConsecutive();
    void forDialect_data();
    void forDialect();
    void rejectTriggers();
    void notifyTriggers();
    void postgresSqlHasNoSqliteSyntax_data();
    void postgresSqlHasNoSqliteSyntax();
};

void TestMigration::versionsAreConsecutive()
{
    const QList<Migration> &list = Migrations::all();
    QVERIFY(!list.isEmpty());
    for (qsizetype i = 0; i < list.size(); ++i) {
        QCOMPARE(list.at(i).version, int(i) + 1);
        QVERIFY(!list.at(i).description.isEmpty());
        QVERIFY(!list.at(i).statements.isEmpty());
    }
    QCOMPARE(Migrations::latestVersion(), list.constLast().version);
}

void TestMigration::forDialect_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("expected");
    QTest::addRow("sqlite") << SqlDialect::SQLite << u"CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, b BLOB)"_s;
    QTest::addRow("postgresql") << SqlDialect::PostgreSQL
                                << u"CREATE TABLE t (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, b BYTEA)"_s;
}

void TestMigration::forDialect()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, expected);
    QCOMPARE(Migrations::forDialect(u"CREATE TABLE t (id {{ID}}, b {{BLOB}})"_s, dialect), expected);
}

void TestMigration::rejectTriggers()
{
    QCOMPARE(Migrations::forDialect(u"{{REJECT_DELETE:log}}"_s, SqlDialect::SQLite),
        u"CREATE TRIGGER log_reject_delete BEFORE DELETE ON log BEGIN SELECT RAISE(ABORT, "
        u"'log is append-only: DELETE is not allowed'); END"_s);
    const QString pg = Migrations::forDialect(u"{{REJECT_UPDATE:log}}"_s, SqlDialect::PostgreSQL);
    QVERIFY2(pg.startsWith(u"DO $do$"_s) && pg.contains(u"BEFORE UPDATE ON log FOR EACH ROW"_s)
            && pg.contains(u"RAISE EXCEPTION ''log is append-only: UPDATE is not allowed''"_s),
        qPrintable(pg));
    // Only a whole statement is a placeholder.
    QCOMPARE(Migrations::forDialect(u"SELECT '{{REJECT_UPDATE:log}}'"_s, SqlDialect::SQLite),
        u"SELECT '{{REJECT_UPDATE:log}}'"_s);
}

void TestMigration::notifyTriggers()
{
    // Nothing to notify on a local file: the statement is skipped.
    QCOMPARE(
        Migrations::forDialect(u"{{NOTIFY_CHANGES:ticks:instance_id:instances}}"_s, SqlDialect::SQLite), QString());
    const QString pg
        = Migrations::forDialect(u"{{NOTIFY_CHANGES:ticks:instance_id:instances}}"_s, SqlDialect::PostgreSQL);
    QVERIFY2(pg.contains(u"AFTER INSERT OR UPDATE OR DELETE ON ticks FOR EACH ROW"_s)
            && pg.contains(u"row_id := NEW.instance_id"_s) && pg.contains(u"INSERT INTO changes"_s)
            && pg.contains(u"pg_notify('%1', 'instances:' || row_id)"_s.arg(Migrations::changesChannel())),
        qPrintable(pg));
}

void TestMigration::postgresSqlHasNoSqliteSyntax_data()
{
    QTest::addColumn<QString>("sql");
    for (const Migration &migration : Migrations::all()) {
        for (qsizetype i = 0; i < migration.statements.size(); ++i) {
            QTest::addRow("v%d statement %d", migration.version, int(i) + 1)
                << Migrations::forDialect(migration.statements.at(i), SqlDialect::PostgreSQL);
        }
    }
}

void TestMigration::postgresSqlHasNoSqliteSyntax()
{
    QFETCH(QString, sql);
    static const QRegularExpression sqliteOnly(
        uR"(\{\{|AUTOINCREMENT|INTEGER PRIMARY KEY|WITHOUT ROWID|PRAGMA|\bBLOB\b|\bREAL\b|\bDATETIME\b|"|`|\bIF NOT EXISTS\b.*\bINDEX\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = sqliteOnly.match(sql);
    QVERIFY2(!match.hasMatch(), qPrintable(u"%1: %2"_s.arg(match.captured(), sql)));
}

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
