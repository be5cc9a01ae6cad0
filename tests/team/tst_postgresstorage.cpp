// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidenttesthelpers.h"
#include "storage/changefeed.h"
#include "storage/migration.h"
#include "teamtesthelpers.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

// Storage on PostgreSQL: the same migrations as on SQLite, the append-only rules enforced by the server, the
// change feed rows written by the database itself, and clear refusals.
class TestPostgresStorage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensAndMigratesOnce();
    void concurrentFirstOpen();
    void appendOnlyIsEnforced_data();
    void appendOnlyIsEnforced();
    void writesRecordChanges();
    void refusesForeignDatabase();
    void wrongPasswordIsNotShown();
    void unreachableServer();

private:
    PgTestServer m_server;
};

void TestPostgresStorage::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestPostgresStorage::opensAndMigratesOnce()
{
    const QString url = m_server.createDatabase();
    QVERIFY2(!url.isEmpty(), qPrintable(m_server.errorString()));
    {
        Storage storage;
        QCOMPARE(TeamTest::open(storage, url), QString());
        QCOMPARE(storage.schemaVersion(), Migrations::latestVersion());
        QVERIFY(storage.isTeam());
        QVERIFY(!storage.path().contains(u"${"_s));
        QCOMPARE(
            IncidentTest::scalar(storage, u"SELECT COUNT(*) FROM schema_version"_s), qint64(Migrations::all().size()));
    }
    Storage again;
    QCOMPARE(TeamTest::open(again, url), QString());
    QCOMPARE(again.schemaVersion(), Migrations::latestVersion());
    QCOMPARE(IncidentTest::scalar(again, u"SELECT COUNT(*) FROM schema_version"_s), qint64(Migrations::all().size()));
}

void TestPostgresStorage::concurrentFirstOpen()
{
    const QString url = m_server.createDatabase();
    Storage a;
    Storage b;
    QSignalSpy aOpened(&a, &Storage::opened);
    QSignalSpy bOpened(&b, &Storage::opened);
    QSignalSpy aFailed(&a, &Storage::openFailed);
    QSignalSpy bFailed(&b, &Storage::openFailed);
    a.open(url);
    b.open(url);
    QTRY_VERIFY_WITH_TIMEOUT(aOpened.size() + aFailed.size() == 1 && bOpened.size() + bFailed.size() == 1, 30000);
    QVERIFY2(aFailed.isEmpty(), qPrintable(aFailed.value(0).value(0).toString()));
    QVERIFY2(bFailed.isEmpty(), qPrintable(bFailed.value(0).value(0).toString()));
    QCOMPARE(IncidentTest::scalar(a, u"SELECT COUNT(*) FROM schema_version"_s), qint64(Migrations::all().size()));
}

void TestPostgresStorage::appendOnlyIsEnforced_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addRow("timeline update") << u"UPDATE incident_timeline SET text = 'rewritten'"_s;
    QTest::addRow("timeline delete") << u"DELETE FROM incident_timeline"_s;
    QTest::addRow("tick update") << u"UPDATE checklist_ticks SET action = 'untick'"_s;
    QTest::addRow("tick delete") << u"DELETE FROM checklist_ticks"_s;
}

void TestPostgresStorage::appendOnlyIsEnforced()
{
    QFETCH(QString, sql);
    Storage storage;
    QCOMPARE(TeamTest::open(storage, m_server.createDatabase()), QString());
    QCOMPARE(IncidentTest::runWrite(storage,
                 u"INSERT INTO incidents (workspace_id, title, severity, status, created_at_ms) "
                 u"VALUES ('ws', 'down', 'P1', 'detected', 1)"_s),
        QString());
    QCOMPARE(IncidentTest::runWrite(storage,
                 u"INSERT INTO incident_timeline (incident_id, kind, author, recorded_at_ms, occurred_at_ms, text) "
                 u"SELECT id, 'note', 'kim', 1, 1, 'original' FROM incidents"_s),
        QString());
    QCOMPARE(IncidentTest::runWrite(storage,
                 u"INSERT INTO checklist_instances (workspace_id, checklist_id, period_key, template_json, "
                 u"period_start_ms, due_at_ms, period_end_ms, created_at_ms) "
                 u"VALUES ('ws', 'morning', 'p1', '{}', 1, 2, 3, 1)"_s),
        QString());
    QCOMPARE(IncidentTest::runWrite(storage,
                 u"INSERT INTO checklist_ticks (instance_id, item_id, action, actor, at_ms, version) "
                 u"SELECT id, 'item-1', 'tick', 'kim', 1, 1 FROM checklist_instances"_s),
        QString());

    const std::optional<QString> error = IncidentTest::runWrite(storage, sql);
    QVERIFY(error.has_value());
    QVERIFY2(error->contains(u"append-only"_s), qPrintable(*error));
    // Not even the superuser's hand-written SQL gets past the server.
    QVERIFY(!m_server.psql(storage.path().section(u'/', -1), sql).has_value());
    QCOMPARE(IncidentTest::scalar(storage, u"SELECT COUNT(*) FROM incident_timeline WHERE text = 'original'"_s), 1);
    QCOMPARE(IncidentTest::scalar(storage, u"SELECT COUNT(*) FROM checklist_ticks WHERE action = 'tick'"_s), 1);
}

void TestPostgresStorage::writesRecordChanges()
{
    Storage storage;
    QCOMPARE(TeamTest::openOnline(storage, m_server.createDatabase()), QString());
    QSignalSpy changed(&storage, &Storage::changed);
    QCOMPARE(IncidentTest::runWrite(storage,
                 u"INSERT INTO incidents (workspace_id, title, severity, status, created_at_ms) "
                 u"VALUES ('ws', 'down', 'P1', 'detected', 1)"_s),
        QString());
    const qint64 id = IncidentTest::scalar(storage, u"SELECT MAX(id) FROM incidents"_s);
    QCOMPARE(IncidentTest::scalar(
                 storage, u"SELECT COUNT(*) FROM changes WHERE subject = 'incidents' AND row_id = %1"_s.arg(id)),
        1);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
    QCOMPARE(changed.constFirst().at(0).toString(), u"incidents"_s);
    QCOMPARE(changed.constFirst().at(1).toLongLong(), id);
    // A failed write leaves no change behind.
    QVERIFY(!IncidentTest::runWrite(storage, u"UPDATE incidents SET status = 'bogus'"_s)->isEmpty());
    QCOMPARE(IncidentTest::scalar(storage, u"SELECT COUNT(*) FROM changes"_s), 1);
}

void TestPostgresStorage::refusesForeignDatabase()
{
    const QString url = m_server.createDatabase();
    QVERIFY(m_server.psql(url.section(u'/', -1), u"CREATE TABLE payroll (id INTEGER)"_s).has_value());
    Storage storage;
    const QString error = TeamTest::open(storage, url);
    QVERIFY2(error.contains(u"not an OpsDeck one"_s) && error.contains(u"left untouched"_s), qPrintable(error));
    QCOMPARE(storage.state(), Storage::State::Failed);
    QCOMPARE(
        *m_server.psql(url.section(u'/', -1), u"SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"_s), u"1"_s);
}

void TestPostgresStorage::wrongPasswordIsNotShown()
{
    const QString url = m_server.createDatabase();
    const QByteArray good = qgetenv(PgTestServer::passwordVariable().toLatin1().constData());
    qputenv("OPSDECK_TEST_WRONG_PW", "wrong-password-xyz");
    Storage storage;
    QString wrongUrl = url;
    wrongUrl.replace(PgTestServer::passwordVariable(), u"OPSDECK_TEST_WRONG_PW"_s);
    const QString error = TeamTest::open(storage, wrongUrl);
    QVERIFY2(error.contains(u"password authentication failed"_s), qPrintable(error));
    QVERIFY(!error.contains(u"wrong-password-xyz"_s));
    QVERIFY(!error.contains(QString::fromLatin1(good)));
    QVERIFY(!storage.path().contains(u"wrong-password"_s));

    qunsetenv("OPSDECK_TEST_WRONG_PW");
    const QString unset = TeamTest::open(storage, wrongUrl);
    QVERIFY2(unset.contains(u"OPSDECK_TEST_WRONG_PW"_s) && unset.contains(u"not set"_s), qPrintable(unset));
}

void TestPostgresStorage::unreachableServer()
{
    QTcpServer reserve; // a port nobody answers PostgreSQL on: listening, then closed
    QVERIFY(reserve.listen(QHostAddress::LocalHost, 0));
    const quint16 port = reserve.serverPort();
    reserve.close();
    Storage storage;
    const QString error = TeamTest::open(storage, u"postgresql://ops@127.0.0.1:%1/ops"_s.arg(port));
    QVERIFY2(error.contains(u"cannot connect"_s) && error.contains(u"127.0.0.1:%1"_s.arg(port)), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPostgresStorage)
#include "tst_postgresstorage.moc"
