// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migration.h"
#include "storagetesthelpers.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDatabase final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstRunCreatesFolderAndFile();
    void emptyFileIsFirstRun();
    void reopenKeepsData();
    void refusesDamagedFile_data();
    void refusesDamagedFile();
    void refusesFolderInPlaceOfFile();
    void reportsUncreatableFolder();

private:
    // A healthy database at the latest version holding some events, closed (so the WAL is checkpointed).
    static void makeHealthyDatabase(const QString &path);
};

void TestDatabase::makeHealthyDatabase(const QString &path)
{
    {
        Database db(u"make-healthy"_s);
        QVERIFY2(db.open(path), qPrintable(db.errorString()));
        QSqlQuery query(db.connection());
        QVERIFY(db.connection().transaction());
        QVERIFY(
            query.prepare(u"INSERT INTO events (at_ms, workspace_id, kind, source, payload) VALUES (?, ?, ?, ?, ?)"_s));
        for (int i = 0; i < 400; ++i) {
            query.addBindValue(1'700'000'000'000LL + i);
            query.addBindValue(u"meetpin"_s);
            query.addBindValue(u"probe"_s);
            query.addBindValue(u"health"_s);
            query.addBindValue(QString(200, QLatin1Char('x')));
            QVERIFY(query.exec());
        }
        QVERIFY(db.connection().commit());
    }
    QVERIFY(!QFile::exists(path + u"-wal"_s));
}

void TestDatabase::firstRunCreatesFolderAndFile()
{
    QTemporaryDir tmp;
    // Characters that mean something in a file: URI must reach SQLite as a plain file name.
    const QString path = tmp.filePath(u"on call #1/데이터 100%?/opsdeck.sqlite"_s);
    Database db(u"first-run"_s);
    QVERIFY2(db.open(path), qPrintable(db.errorString()));
    QVERIFY(db.isOpen());
    QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
    QVERIFY(QFileInfo(path).isFile());
    QCOMPARE(scalar(db.connection(), u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(scalar(db.connection(), u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(scalar(db.connection(), u"PRAGMA busy_timeout"_s).toInt(), Database::DefaultBusyTimeoutMs);
}

void TestDatabase::emptyFileIsFirstRun()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"opsdeck.sqlite"_s);
    writeFile(path, {});
    Database db(u"empty-file"_s);
    QVERIFY2(db.open(path), qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
}

void TestDatabase::reopenKeepsData()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"opsdeck.sqlite"_s);
    makeHealthyDatabase(path);
    Database db(u"reopen"_s);
    QVERIFY2(db.open(path), qPrintable(db.errorString()));
    QVERIFY2(db.open(path), qPrintable(db.errorString()));
    QCOMPARE(scalar(db.connection(), u"SELECT COUNT(*) FROM events"_s).toInt(), 400);
    QCOMPARE(scalar(db.connection(), u"SELECT COUNT(*) FROM schema_version"_s).toInt(), Migrations::latestVersion());
}

void TestDatabase::refusesDamagedFile_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("cause");

    QTest::addRow("random bytes") << u"random"_s << u"not an SQLite database (file is not a database)"_s;
    QTest::addRow("text file") << u"text"_s << u"not an SQLite database (file is not a database)"_s;
    QTest::addRow("header cut short") << u"cut-header"_s << u"truncated (50 bytes, shorter than the 100-byte"_s;
    QTest::addRow("truncated to half") << u"cut-half"_s << u"truncated ("_s;
    QTest::addRow("page overwritten") << u"page"_s << u"damaged (database disk image is malformed)"_s;
    QTest::addRow("row edited behind an index") << u"row"_s << u"failed the integrity check (row "_s;
    QTest::addRow("someone else's database")
        << u"foreign"_s << u"not an OpsDeck one (it has no schema_version table)"_s;
    QTest::addRow("newer schema") << u"newer"_s
                                  << u"written by a newer OpsDeck (schema version 99; this build supports up to"_s;
}

void TestDatabase::refusesDamagedFile()
{
    QFETCH(QString, damage);
    QFETCH(QString, cause);
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"opsdeck.sqlite"_s);

    if (damage == u"random") {
        QByteArray bytes(64 * 1024, Qt::Uninitialized);
        QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        writeFile(path, bytes);
    } else if (damage == u"text") {
        writeFile(path, "workspace: { id: meetpin }\n");
    } else if (damage == u"foreign") {
        withRawConnection(path, [](QSqlDatabase &db) { execOrFail(db, u"CREATE TABLE photos (id INTEGER)"_s); });
    } else {
        makeHealthyDatabase(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        if (damage == u"cut-header") {
            QVERIFY(file.resize(50));
        } else if (damage == u"cut-half") {
            QVERIFY(file.resize(size / 2));
        } else if (damage == u"page") {
            // Page 4 of 4096 bytes belongs to the events table; garbage in it breaks its b-tree.
            QVERIFY(file.seek(3 * 4096));
            QCOMPARE(file.write(QByteArray(4096, '\x5a')), 4096);
        } else if (damage == u"row") {
            // A table row no longer matching its index entry: the file reads fine, only integrity_check sees it.
            const QByteArray bytes = file.readAll();
            const qsizetype at = bytes.indexOf("meetpinprobehealth");
            QVERIFY(at > 0);
            QVERIFY(file.seek(at + 6));
            QCOMPARE(file.write("x"), 1);
        } else if (damage == u"newer") {
            file.close();
            withRawConnection(path, [](QSqlDatabase &db) {
                execOrFail(
                    db, u"INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01T00:00:00Z')"_s);
            });
        }
    }
    if (QTest::currentTestFailed()) {
        return;
    }
    ageFile(path);
    const FileFingerprint before = fingerprint(path);
    const QStringList entriesBefore = folderEntries(tmp.path());

    Database db(u"damaged"_s);
    QVERIFY(!db.open(path));
    QVERIFY(!db.isOpen());
    const QString error = db.errorString();
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(path) + u": "_s), qPrintable(error));
    QVERIFY2(error.contains(cause), qPrintable(error));
    QVERIFY2(error.endsWith(u"; the file was left untouched"_s), qPrintable(error));
    db.close();

    QCOMPARE(fingerprint(path), before);
    QCOMPARE(folderEntries(tmp.path()), entriesBefore); // no -wal, -shm or -journal left behind
}

void TestDatabase::refusesFolderInPlaceOfFile()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"opsdeck.sqlite"_s);
    QVERIFY(QDir().mkdir(path));
    writeFile(path + u"/keep.txt"_s, "mine");

    Database db(u"folder"_s);
    QVERIFY(!db.open(path));
    QCOMPARE(db.errorString(),
        QDir::toNativeSeparators(path)
            + u": a folder is in the place of the database file; the file was left untouched"_s);
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(folderEntries(path), QStringList { u"keep.txt"_s });
    QCOMPARE(folderEntries(tmp.path()), QStringList { u"opsdeck.sqlite"_s });
}

void TestDatabase::reportsUncreatableFolder()
{
    QTemporaryDir tmp;
    const QString blocker = tmp.filePath(u"data"_s);
    writeFile(blocker, "a file where the data folder should be");
    const QString path = blocker + u"/opsdeck.sqlite"_s;

    Database db(u"no-folder"_s);
    QVERIFY(!db.open(path));
    QVERIFY2(db.errorString().contains(u"cannot create the folder "_s + QDir::toNativeSeparators(blocker)),
        qPrintable(db.errorString()));
    QCOMPARE(fingerprint(blocker).size, 38);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
