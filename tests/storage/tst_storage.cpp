// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migration.h"
#include "storage/storage.h"
#include "storage/storageerror.h"
#include "storagetesthelpers.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace {

// Records every job outcome a Storage reports, so a test can wait for a given id.
class JobResults final
{
public:
    explicit JobResults(Storage *storage)
        : m_finished(storage, &Storage::jobFinished)
        , m_failed(storage, &Storage::jobFailed)
    { }

    bool wait(quint64 id)
    {
        return QTest::qWaitFor([&] { return result(id) || error(id); }, 10000);
    }
    std::optional<QVariant> result(quint64 id) const { return find(m_finished, id); }
    std::optional<QString> error(quint64 id) const
    {
        const auto value = find(m_failed, id);
        return value ? std::optional<QString>(value->toString()) : std::nullopt;
    }
    qsizetype failedCount() const { return m_failed.size(); }

private:
    static std::optional<QVariant> find(const QSignalSpy &spy, quint64 id)
    {
        for (const QList<QVariant> &args : spy) {
            if (args.at(0).toULongLong() == id) {
                return args.at(1);
            }
        }
        return std::nullopt;
    }

    QSignalSpy m_finished;
    QSignalSpy m_failed;
};

Storage::Job insertMeta(const QString &key)
{
    return [key](QSqlDatabase &db) {
        return sqlExec(db, u"INSERT INTO meta (key, value) VALUES (?, 'v')"_s, { key }).numRowsAffected();
    };
}

QVariant countMeta(QSqlDatabase &db)
{
    QSqlQuery query = sqlExec(db, u"SELECT COUNT(*) FROM meta"_s);
    query.next();
    return query.value(0);
}

} // namespace

class TestStorage final : public QObject
{
    Q_OBJECT

private slots:
    void paths();
    void opensWithoutBlocking();
    void openFailureIsReported();
    void supersededOpenIsIgnored();
    void jobsRunOffTheCallingThread();
    void queuedWritesShareOneTransaction();
    void failingJobDoesNotTakeOthersDown();
    void lostTransactionFailsTheJobsItHeld();
    void diskFullIsReportedAndRetryWorks();
    void lockedPastBusyTimeoutIsReportedAndRetryWorks();
    void closedStorageFailsJobs();
    void shutdownFlushesQueuedWrites();

private:
    // Opens `storage` on a new database in m_tmp (named after the test unless given) and waits for it.
    void openFresh(Storage &storage, const QString &name = {});
    // Submits a job that blocks the worker until the returned semaphore is released, and waits until it runs.
    std::shared_ptr<QSemaphore> blockWorker(Storage &storage);

    QTemporaryDir m_tmp;
};

void TestStorage::openFresh(Storage &storage, const QString &name)
{
    storage.open(
        m_tmp.filePath(name.isEmpty() ? QString::fromLatin1(QTest::currentTestFunction()) + u".sqlite"_s : name));
    QTRY_COMPARE(storage.state(), Storage::State::Open);
}

std::shared_ptr<QSemaphore> TestStorage::blockWorker(Storage &storage)
{
    auto started = std::make_shared<QSemaphore>();
    auto proceed = std::make_shared<QSemaphore>();
    storage.submit([started, proceed](QSqlDatabase &) {
        started->release();
        proceed->acquire();
        return QVariant();
    });
    if (!started->tryAcquire(1, 10000)) {
        qWarning("the worker never started the blocking job");
    }
    return proceed;
}

void TestStorage::paths()
{
    QCOMPARE(Storage::databasePath(u"/var/lib/opsdeck"_s), u"/var/lib/opsdeck/opsdeck.sqlite"_s);
    QCOMPARE(Storage::databasePath(u"/var/lib/opsdeck/"_s), u"/var/lib/opsdeck/opsdeck.sqlite"_s);
    QVERIFY2(Storage::defaultDataDir().endsWith(u'/' + QCoreApplication::applicationName()),
        qPrintable(Storage::defaultDataDir()));
}

void TestStorage::opensWithoutBlocking()
{
    Storage storage;
    QSignalSpy states(&storage, &Storage::stateChanged);
    QSignalSpy opened(&storage, &Storage::opened);
    QCOMPARE(storage.state(), Storage::State::Closed);

    storage.open(m_tmp.filePath(u"nonblocking/opsdeck.sqlite"_s));
    QCOMPARE(storage.state(), Storage::State::Opening); // nothing has happened on this thread yet
    QVERIFY(opened.wait());
    QCOMPARE(opened.at(0).at(0).toInt(), Migrations::latestVersion());
    QCOMPARE(storage.state(), Storage::State::Open);
    QCOMPARE(storage.schemaVersion(), Migrations::latestVersion());
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<Storage::State>(), Storage::State::Opening);
    QCOMPARE(states.at(1).at(0).value<Storage::State>(), Storage::State::Open);
}

void TestStorage::openFailureIsReported()
{
    const QString path = m_tmp.filePath(u"garbage.sqlite"_s);
    writeFile(path, QByteArray(8192, '\x7f'));
    ageFile(path);
    const FileFingerprint before = fingerprint(path);

    Storage storage;
    JobResults results(&storage);
    QSignalSpy failed(&storage, &Storage::openFailed);
    storage.open(path);
    QVERIFY(failed.wait());
    const QString expected = path + u": not an SQLite database (file is not a database); the file was left untouched"_s;
    QCOMPARE(failed.at(0).at(0).toString(), expected);
    QCOMPARE(storage.state(), Storage::State::Failed);
    QCOMPARE(storage.errorString(), expected);

    const quint64 id = storage.submit(insertMeta(u"lost"_s));
    QVERIFY(results.wait(id));
    QCOMPARE(results.error(id), u"the database is not open"_s);
    QCOMPARE(fingerprint(path), before);

    openFresh(storage, u"good.sqlite"_s); // a failed open leaves the facade usable
    QVERIFY(storage.errorString().isEmpty());
}

void TestStorage::supersededOpenIsIgnored()
{
    const QString bad = m_tmp.filePath(u"superseded-bad.sqlite"_s);
    writeFile(bad, "not a database at all, just text that is long enough to be refused");
    Storage storage;
    QSignalSpy states(&storage, &Storage::stateChanged);
    QSignalSpy failed(&storage, &Storage::openFailed);
    storage.open(bad);
    storage.open(m_tmp.filePath(u"superseded-good.sqlite"_s));
    QTRY_COMPARE(storage.state(), Storage::State::Open);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(states.size(), 2);
}

void TestStorage::jobsRunOffTheCallingThread()
{
    Storage storage;
    JobResults results(&storage);
    openFresh(storage);
    auto threadOf = [](QSqlDatabase &) { return QVariant::fromValue(quintptr(QThread::currentThread())); };
    const quint64 write = storage.submit(threadOf);
    const quint64 read = storage.submitRead(threadOf);
    QVERIFY(results.wait(write) && results.wait(read));
    const auto testThread = quintptr(QThread::currentThread());
    QVERIFY(results.result(write)->value<quintptr>() != testThread);
    QVERIFY(results.result(write)->value<quintptr>() != 0);
    QCOMPARE(results.result(read)->value<quintptr>(), results.result(write)->value<quintptr>());
}

void TestStorage::queuedWritesShareOneTransaction()
{
    Storage storage;
    JobResults results(&storage);
    openFresh(storage);
    QSignalSpy batches(&storage, &Storage::batchCommitted);

    auto proceed = blockWorker(storage);
    QList<quint64> ids;
    for (int i = 0; i < 20; ++i) {
        ids.append(storage.submit(insertMeta(u"key-%1"_s.arg(i))));
    }
    const quint64 count = storage.submitRead(countMeta);
    proceed->release();

    QVERIFY(results.wait(count));
    for (quint64 id : std::as_const(ids)) {
        QCOMPARE(results.result(id), QVariant(1));
    }
    QCOMPARE(results.result(count), QVariant(20));
    QCOMPARE(batches.size(), 2);
    QCOMPARE(batches.at(0).at(0).toInt(), 1); // the blocking job alone
    QCOMPARE(batches.at(1).at(0).toInt(), 20);
}

void TestStorage::failingJobDoesNotTakeOthersDown()
{
    Storage storage;
    JobResults results(&storage);
    openFresh(storage);
    QSignalSpy batches(&storage, &Storage::batchCommitted);

    auto proceed = blockWorker(storage);
    const quint64 first = storage.submit(insertMeta(u"first"_s));
    const quint64 badSql = storage.submit([](QSqlDatabase &db) {
        sqlExec(db, u"INSERT INTO meta (key, value) VALUES ('half-done', 'v')"_s);
        return sqlExec(db, u"INSERT INTO nowhere VALUES (1)"_s).numRowsAffected();
    });
    const quint64 thrown
        = storage.submit([](QSqlDatabase &) -> QVariant { throw std::runtime_error("no probe data"); });
    const quint64 last = storage.submit(insertMeta(u"last"_s));
    proceed->release();

    QVERIFY(results.wait(last));
    QCOMPARE(results.result(first), QVariant(1));
    QVERIFY2(results.error(badSql)->startsWith(u"no such table: nowhere (in: INSERT INTO nowhere"_s),
        qPrintable(*results.error(badSql)));
    QCOMPARE(results.error(thrown), u"no probe data"_s);
    QCOMPARE(results.result(last), QVariant(1));
    QTRY_COMPARE(batches.size(), 2);
    QCOMPARE(batches.at(1).at(0).toInt(), 2);

    const quint64 keys = storage.submitRead([](QSqlDatabase &db) {
        QSqlQuery query = sqlExec(db, u"SELECT key FROM meta ORDER BY key"_s);
        QStringList list;
        while (query.next()) {
            list.append(query.value(0).toString());
        }
        return list;
    });
    QVERIFY(results.wait(keys));
    QCOMPARE(results.result(keys)->toStringList(), (QStringList { u"first"_s, u"last"_s }));
}

void TestStorage::lostTransactionFailsTheJobsItHeld()
{
    Storage storage;
    JobResults results(&storage);
    openFresh(storage);

    auto proceed = blockWorker(storage);
    const quint64 before = storage.submit(insertMeta(u"before"_s));
    // What SQLite does on its own after some I/O errors: the whole transaction is gone, not just this job's part.
    const quint64 breaker = storage.submit([](QSqlDatabase &db) -> QVariant {
        sqlExec(db, u"ROLLBACK"_s);
        throw StorageError(u"disk I/O error"_s);
    });
    const quint64 after = storage.submit(insertMeta(u"after"_s));
    const quint64 count = storage.submitRead(countMeta);
    proceed->release();

    QVERIFY(results.wait(count));
    QCOMPARE(results.error(before), u"rolled back with a failed job: disk I/O error"_s);
    QCOMPARE(results.error(breaker), u"disk I/O error"_s);
    QCOMPARE(results.result(after), QVariant(1));
    QCOMPARE(results.result(count), QVariant(1));
}

void TestStorage::diskFullIsReportedAndRetryWorks()
{
    Storage storage;
    JobResults results(&storage);
    openFresh(storage);
    // max_page_count makes SQLite answer exactly as on a full disk (SQLITE_FULL).
    const quint64 full = storage.submit([](QSqlDatabase &db) {
        sqlExec(db, u"PRAGMA max_page_count = 1"_s);
        return sqlExec(db, u"INSERT INTO meta (key, value) VALUES ('big', ?)"_s, { QString(1 << 20, u'x') })
            .numRowsAffected();
    });
    QVERIFY(results.wait(full));
    QVERIFY2(results.error(full)->startsWith(u"database or disk is full"_s), qPrintable(*results.error(full)));

    const quint64 retry = storage.submit([](QSqlDatabase &db) {
        sqlExec(db, u"PRAGMA max_page_count = 1073741823"_s);
        return sqlExec(db, u"INSERT INTO meta (key, value) VALUES ('big', ?)"_s, { QString(1 << 20, u'x') })
            .numRowsAffected();
    });
    QVERIFY(results.wait(retry));
    QCOMPARE(results.result(retry), QVariant(1));
    QCOMPARE(storage.state(), Storage::State::Open);
}

void TestStorage::lockedPastBusyTimeoutIsReportedAndRetryWorks()
{
    Storage storage;
    JobResults results(&storage);
    storage.setBusyTimeout(300);
    openFresh(storage, u"locked.sqlite"_s);

    const QString lockerName = u"locker"_s;
    {
        QSqlDatabase locker = QSqlDatabase::addDatabase(u"QSQLITE"_s, lockerName);
        locker.setDatabaseName(storage.path());
        QVERIFY(locker.open());
        execOrFail(locker, u"BEGIN IMMEDIATE"_s);

        QElapsedTimer timer;
        timer.start();
        const quint64 blocked = storage.submit(insertMeta(u"blocked"_s));
        const quint64 read = storage.submitRead(countMeta);
        QVERIFY2(timer.elapsed() < 100, "submit() waited for the lock"); // the caller never waits on SQL
        QVERIFY(results.wait(read));
        QVERIFY2(timer.elapsed() >= 250, "the busy timeout was not honoured");
        QCOMPARE(results.error(blocked), u"database is locked"_s);
        QCOMPARE(results.result(read), QVariant(0)); // WAL readers are not blocked by the writer

        execOrFail(locker, u"ROLLBACK"_s);
        locker.close();
    }
    QSqlDatabase::removeDatabase(lockerName);

    const quint64 retry = storage.submit(insertMeta(u"blocked"_s));
    QVERIFY(results.wait(retry));
    QCOMPARE(results.result(retry), QVariant(1));
}

void TestStorage::closedStorageFailsJobs()
{
    Storage storage;
    JobResults results(&storage);
    const quint64 early = storage.submit(insertMeta(u"before-open"_s));
    openFresh(storage, u"closed.sqlite"_s);
    QVERIFY(results.wait(early));
    QCOMPARE(results.error(early), u"the database is not open"_s);

    storage.close();
    QCOMPARE(storage.state(), Storage::State::Closed);
    const quint64 late = storage.submit(insertMeta(u"after-close"_s));
    QVERIFY(results.wait(late));
    QCOMPARE(results.error(late), u"the database is not open"_s);
}

void TestStorage::shutdownFlushesQueuedWrites()
{
    const QString path = m_tmp.filePath(u"flush.sqlite"_s);
    {
        Storage storage;
        storage.open(path);
        for (int i = 0; i < 1200; ++i) { // more than one batch, all queued while still opening
            storage.submit(insertMeta(u"row-%1"_s.arg(i)));
        }
    }
    Database db(u"flush-check"_s);
    QVERIFY2(db.open(path), qPrintable(db.errorString()));
    QCOMPARE(scalar(db.connection(), u"SELECT COUNT(*) FROM meta"_s).toInt(), 1200);
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
