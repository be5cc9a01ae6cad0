// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/databasetarget.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDatabaseTarget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesUrls_data();
    void parsesUrls();
    void refusesMalformed_data();
    void refusesMalformed();
    void passwordComesFromEnvironment();
    void wholeUrlFromEnvironment();
    void filePathIsSqlite();
};

void TestDatabaseTarget::parsesUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("display");
    QTest::addRow("full") << u"postgresql://ops@db.example:6543/opsdeck"_s << u"ops"_s << u"db.example"_s << 6543
                          << u"opsdeck"_s << u"postgresql://ops@db.example:6543/opsdeck"_s;
    QTest::addRow("default port, postgres scheme") << u"postgres://ops@127.0.0.1/team"_s << u"ops"_s << u"127.0.0.1"_s
                                                   << 5432 << u"team"_s << u"postgresql://ops@127.0.0.1:5432/team"_s;
    QTest::addRow("password reference") << u"postgresql://ops:${DB_PASSWORD}@10.0.0.5:5432/ops"_s << u"ops"_s
                                        << u"10.0.0.5"_s << 5432 << u"ops"_s << u"postgresql://ops@10.0.0.5:5432/ops"_s;
    QTest::addRow("ipv6") << u"postgresql://ops@[::1]:5433/ops"_s << u"ops"_s << u"::1"_s << 5433 << u"ops"_s
                          << u"postgresql://ops@[::1]:5433/ops"_s;
    QTest::addRow("no user") << u"postgresql://db/ops"_s << QString() << u"db"_s << 5432 << u"ops"_s
                             << u"postgresql://db:5432/ops"_s;
}

void TestDatabaseTarget::parsesUrls()
{
    QFETCH(QString, url);
    DatabaseTarget t;
    QString error;
    QVERIFY2(DatabaseTarget::parse(url, &t, &error), qPrintable(error));
    QVERIFY(t.isPostgres());
    QTEST(t.user, "user");
    QTEST(t.host, "host");
    QTEST(t.port, "port");
    QTEST(t.database, "database");
    QTEST(t.displayName(), "display");
}

void TestDatabaseTarget::refusesMalformed_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::addRow("no database") << u"postgresql://ops@db:5432"_s << u"postgresql://user@host:port/database"_s;
    QTest::addRow("port out of range") << u"postgresql://ops@db:70000/x"_s << u"invalid port 70000"_s;
    QTest::addRow("literal password") << u"postgresql://ops:hunter22@db/x"_s << u"write ${NAME} instead"_s;
    QTest::addRow("unset variable") << u"${OPSDECK_TEST_NO_SUCH_URL}"_s << u"OPSDECK_TEST_NO_SUCH_URL"_s;
}

void TestDatabaseTarget::refusesMalformed()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    DatabaseTarget t;
    QString error;
    QVERIFY(!DatabaseTarget::parse(url, &t, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(!error.contains(u"hunter22"_s));
}

void TestDatabaseTarget::passwordComesFromEnvironment()
{
    DatabaseTarget t;
    QString error;
    QVERIFY(DatabaseTarget::parse(u"postgresql://ops:${OPSDECK_TEST_DBPW}@db/x"_s, &t, &error));
    QVERIFY(!t.displayName().contains(u"OPSDECK_TEST_DBPW"_s));
    QString password;
    qunsetenv("OPSDECK_TEST_DBPW");
    QVERIFY(!t.resolvePassword(&password, &error));
    QVERIFY2(error.contains(u"OPSDECK_TEST_DBPW"_s) && error.contains(u"not set"_s), qPrintable(error));
    qputenv("OPSDECK_TEST_DBPW", "s3cret-value");
    QVERIFY(t.resolvePassword(&password, &error));
    QCOMPARE(password, u"s3cret-value"_s);
    QVERIFY(!t.displayName().contains(u"s3cret"_s));
}

void TestDatabaseTarget::wholeUrlFromEnvironment()
{
    qputenv("OPSDECK_TEST_DBURL", "postgresql://team:literal-pw@db.internal:5555/ops");
    DatabaseTarget t;
    QString error;
    QVERIFY2(DatabaseTarget::parse(u"${OPSDECK_TEST_DBURL}"_s, &t, &error), qPrintable(error));
    QCOMPARE(t.host, u"db.internal"_s);
    QString password;
    QVERIFY(t.resolvePassword(&password, &error));
    QCOMPARE(password, u"literal-pw"_s);
    QCOMPARE(t.displayName(), u"postgresql://team@db.internal:5555/ops"_s);
}

void TestDatabaseTarget::filePathIsSqlite()
{
    DatabaseTarget t;
    QString error;
    QVERIFY(DatabaseTarget::parse(u"/var/lib/opsdeck/opsdeck.sqlite"_s, &t, &error));
    QVERIFY(!t.isPostgres());
    QCOMPARE(t.path, u"/var/lib/opsdeck/opsdeck.sqlite"_s);
}

QTEST_GUILESS_MAIN(TestDatabaseTarget)
#include "tst_databasetarget.moc"
