// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "filelimits.h"
#include "storage/database.h"
#include "storage/migration.h"
#include "storage/storage.h"
#include "storage/storageerror.h"
#include "storagetesthelpers.h"
#include "storagewait.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unistd.h>

using namespace Qt::StringLiterals;
using StorageTest::FileSizeLimit;
using StorageTest::wait;
using StorageTest::WithoutFileCapabilities;

namespace {

auto insertMeta(const QString &key)
{
    return [key](QSqlDatabase &db) {
        return sqlExec(db, u"INSERT INTO meta (key, value) VALUES (?, 'v')"_s, { key }).numRowsAffected();
    };
}

int countMeta(QSqlDatabase &db)
{
    QSqlQuery query = sqlExec(db, u"SELECT COUNT(*) FROM meta"_s);
    query.next();
    return query.value(0).toInt();
}

QString what(const char *text)
{
    return QString::fromLatin1(text);
}

auto insertBig(const QString &key)
{
    return [key](QSqlDatabase &db) {
        return sqlExec(db, u"INSERT INTO meta (key, value) VALUES (?, ?)"_s, { key, QString(2 << 20, u'x') })
            .numRowsAffected();
    };
}

QStringList metaKeys(QSqlDatabase &db)
{
    QSqlQuery query = sqlExec(db, u"SELECT key FROM meta ORDER BY key"_s);
    QStringList keys;
    while (query.next()) {
        keys.append(query.value(0).toString());
    }
    return keys;
}

} // namespace

class TestStorage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paths();
    void opensWithoutBlocking();
    void openFailureIsReported();
    void supersededOpenIsIgnored();
    void jobsRunOffTheCallingThread();
    void resultsAreTypedValues();
    void failureIsAValueNamingWhatFailed();
    void continuationsRunInSubmissionOrder();
    void destroyedContextSkipsContinuation();
    void droppedJobIsCancelledNotContinued();
    void queuedWritesShareOneTransaction();
    void failingJobDoesNotTakeOthersDown();
    void lostTransactionFailsTheJobsItHeld();
    void failedWritesReachWriteFailed();
    void diskFullIsReportedAndRetryWorks();
    void fileSizeLimitKeepsLastGoodState();
    void readOnlyFolderIsReportedAndLeftUntouched();
    void lockedPastBusyTimeoutIsReportedAndRetryWorks();
    void jobsWaitForOpening();
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
    storage.write(what("blocking the worker"), [started, proceed](QSqlDatabase &) {
        started->release();
        proceed->acquire();
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
    QSignalSpy failed(&storage, &Storage::openFailed);
    QSignalSpy writeFailed(&storage, &Storage::writeFailed);
    storage.open(path);
    QVERIFY(failed.wait());
    const QString expected = path + u": not an SQLite database (file is not a database); the file was left untouched"_s;
    QCOMPARE(failed.at(0).at(0).toString(), expected);
    QCOMPARE(storage.state(), Storage::State::Failed);
    QCOMPARE(storage.errorString(), expected);

    // A job for a failed database resolves with an error value; the file is never touched.
    const auto lost = wait(storage.write(what("Saving lost"), insertMeta(u"lost"_s)));
    QVERIFY(lost && !lost->ok());
    QCOMPARE(lost->error(), u"the database is not open"_s);
    QCOMPARE(writeFailed.size(), 1);
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
    openFresh(storage);
    auto threadOf = [](QSqlDatabase &) { return quintptr(QThread::currentThread()); };
    const auto write = storage.write(what("write"), threadOf);
    const auto read = storage.read(what("read"), threadOf);
    const auto written = wait(write);
    const auto wasRead = wait(read);
    QVERIFY(written && written->ok() && wasRead && wasRead->ok());
    const auto testThread = quintptr(QThread::currentThread());
    QVERIFY(written->value() != testThread);
    QVERIFY(written->value() != 0);
    QCOMPARE(wasRead->value(), written->value());
}

void TestStorage::resultsAreTypedValues()
{
    Storage storage;
    openFresh(storage);
    const StorageFuture<int> inserted = storage.write(what("Saving one"), insertMeta(u"one"_s));
    const StorageFuture<void> nothing = storage.write(what("Saving two"),
        [](QSqlDatabase &db) { sqlExec(db, u"INSERT INTO meta (key, value) VALUES ('two', 'v')"_s); });
    const StorageFuture<QStringList> keys = storage.read(what("Listing the keys"), [](QSqlDatabase &db) {
        QSqlQuery query = sqlExec(db, u"SELECT key FROM meta WHERE key IN ('one', 'two') ORDER BY key"_s);
        QStringList list;
        while (query.next()) {
            list.append(query.value(0).toString());
        }
        return list;
    });

    const auto one = wait(inserted);
    QVERIFY(one && one->ok());
    QCOMPARE(one->value(), 1);
    QCOMPARE(one->what(), u"Saving one"_s);
    QVERIFY(one->error().isEmpty() && one->message().isEmpty());
    const auto two = wait(nothing);
    QVERIFY(two && two->ok());
    const auto list = wait(keys);
    QVERIFY(list && list->ok());
    QCOMPARE(list->value(), (QStringList { u"one"_s, u"two"_s }));
    QCOMPARE(list->valueOr({}), (QStringList { u"one"_s, u"two"_s }));
}

void TestStorage::failureIsAValueNamingWhatFailed()
{
    Storage storage;
    openFresh(storage);
    const auto bad = wait(storage.read(
        what("Reading nowhere"), [](QSqlDatabase &db) { return sqlExec(db, u"SELECT * FROM nowhere"_s).size(); }));
    QVERIFY(bad && !bad->ok());
    QCOMPARE(bad->what(), u"Reading nowhere"_s);
    QVERIFY2(bad->error().startsWith(u"no such table: nowhere (in: SELECT * FROM nowhere"_s), qPrintable(bad->error()));
    QCOMPARE(bad->message(), u"Reading nowhere: "_s + bad->error());
    QCOMPARE(bad->valueOr(-7), -7);

    // Any std::exception is a failure too, and an exception without text still says something.
    const auto thrown = wait(
        storage.write(what("Throwing"), [](QSqlDatabase &) -> int { throw std::runtime_error("no probe data"); }));
    QVERIFY(thrown && !thrown->ok());
    QCOMPARE(thrown->error(), u"no probe data"_s);
    const auto silent = wait(storage.write(what("Throwing nothing"), [](QSqlDatabase &) { throw 42; }));
    QVERIFY(silent && !silent->ok());
    QCOMPARE(silent->error(), u"the job failed with an unknown exception"_s);

    // Without a description a job still names something.
    const auto unnamed
        = wait(storage.read(QString(), [](QSqlDatabase &db) { return sqlExec(db, u"nonsense"_s).size(); }));
    QVERIFY(unnamed && !unnamed->ok());
    QCOMPARE(unnamed->what(), u"A database job"_s);
}

void TestStorage::continuationsRunInSubmissionOrder()
{
    Storage storage;
    openFresh(storage);
    QObject context;
    QList<int> order;
    QList<bool> onThisThread;
    auto proceed = blockWorker(storage);
    for (int i = 0; i < 30; ++i) {
        const auto note = [&, i](const StorageResultBase &r) {
            order.append(r.ok() ? i : -i);
            onThisThread.append(QThread::currentThread() == context.thread());
        };
        // Writes and reads interleaved, one of them failing: all resolve in the order submitted.
        if (i % 3 == 0) {
            storage.read(what("read"), countMeta).then(&context, note);
        } else if (i == 10) {
            storage.write(what("failing"), [](QSqlDatabase &db) { return sqlExec(db, u"nonsense"_s).size(); })
                .then(&context, note);
        } else {
            storage.write(what("write"), insertMeta(u"order-%1"_s.arg(i))).then(&context, note);
        }
    }
    QCOMPARE(order.size(), 0); // nothing runs from inside write() or read()
    proceed->release();
    QTRY_COMPARE(order.size(), 30);
    QList<int> expected;
    for (int i = 0; i < 30; ++i) {
        expected.append(i == 10 ? -10 : i);
    }
    QCOMPARE(order, expected);
    QVERIFY(!onThisThread.contains(false));
}

void TestStorage::destroyedContextSkipsContinuation()
{
    Storage storage;
    openFresh(storage);
    auto proceed = blockWorker(storage);
    auto context = std::make_unique<QObject>();
    bool ran = false;
    const auto future = storage.write(what("Saving gone"), insertMeta(u"gone"_s));
    future.then(context.get(), [&ran](const StorageResult<int> &) { ran = true; });
    context.reset(); // e.g. the page that asked was closed
    proceed->release();

    const auto result = wait(future);
    QVERIFY(result && result->ok()); // the job itself still ran and committed
    QCoreApplication::processEvents();
    QVERIFY(!ran);
    QCOMPARE(StorageTest::read(storage, countMeta, -1), 1);

    // then() on a job already resolved runs at once, with a live context.
    QObject live;
    future.then(&live, [&ran](const StorageResult<int> &r) { ran = r.ok(); });
    QVERIFY(ran);
}

void TestStorage::droppedJobIsCancelledNotContinued()
{
    // What happens to the jobs still queued when a Storage goes away before running them: the promise is dropped.
    bool ran = false;
    QObject context;
    QFuture<StorageResult<int>> raw;
    {
        auto job = std::make_shared<TypedStorageJob<int>>(what("never run"), [](QSqlDatabase &) { return 1; });
        const StorageFuture<int> future(job->future());
        raw = future.future();
        future.then(&context, [&ran](const StorageResult<int> &) { ran = true; });
    }
    QVERIFY(raw.isFinished());
    QVERIFY(raw.isCanceled());
    QVERIFY(!ran);
}

void TestStorage::queuedWritesShareOneTransaction()
{
    Storage storage;
    openFresh(storage);
    QSignalSpy batches(&storage, &Storage::batchCommitted);

    auto proceed = blockWorker(storage);
    QList<StorageFuture<int>> writes;
    for (int i = 0; i < 20; ++i) {
        writes.append(storage.write(what("write"), insertMeta(u"key-%1"_s.arg(i))));
    }
    const auto count = storage.read(what("count"), countMeta);
    proceed->release();

    const auto counted = wait(count);
    QVERIFY(counted && counted->ok());
    for (const auto &write : std::as_const(writes)) {
        QVERIFY(write.isFinished()); // resolved before the read that follows them
        QCOMPARE(write.future().result().value(), 1);
    }
    QCOMPARE(counted->value(), 20);
    QCOMPARE(batches.size(), 2);
    QCOMPARE(batches.at(0).at(0).toInt(), 1); // the blocking job alone
    QCOMPARE(batches.at(1).at(0).toInt(), 20);
}

void TestStorage::failingJobDoesNotTakeOthersDown()
{
    Storage storage;
    openFresh(storage);
    QSignalSpy batches(&storage, &Storage::batchCommitted);

    auto proceed = blockWorker(storage);
    const auto first = storage.write(what("first"), insertMeta(u"first"_s));
    const auto badSql = storage.write(what("bad SQL"), [](QSqlDatabase &db) {
        sqlExec(db, u"INSERT INTO meta (key, value) VALUES ('half-done', 'v')"_s);
        return sqlExec(db, u"INSERT INTO nowhere VALUES (1)"_s).numRowsAffected();
    });
    const auto thrown
        = storage.write(what("thrown"), [](QSqlDatabase &) -> int { throw std::runtime_error("no probe data"); });
    const auto last = storage.write(what("last"), insertMeta(u"last"_s));
    proceed->release();

    QVERIFY(wait(last));
    QCOMPARE(first.future().result().value(), 1);
    const QString badError = badSql.future().result().error();
    QVERIFY2(badError.startsWith(u"no such table: nowhere (in: INSERT INTO nowhere"_s), qPrintable(badError));
    QCOMPARE(thrown.future().result().error(), u"no probe data"_s);
    QCOMPARE(last.future().result().value(), 1);
    QTRY_COMPARE(batches.size(), 2);
    QCOMPARE(batches.at(1).at(0).toInt(), 2);

    const QStringList keys = StorageTest::read(storage, [](QSqlDatabase &db) {
        QSqlQuery query = sqlExec(db, u"SELECT key FROM meta ORDER BY key"_s);
        QStringList list;
        while (query.next()) {
            list.append(query.value(0).toString());
        }
        return list;
    });
    QCOMPARE(keys, (QStringList { u"first"_s, u"last"_s }));
}

void TestStorage::lostTransactionFailsTheJobsItHeld()
{
    Storage storage;
    openFresh(storage);
    QSignalSpy writeFailed(&storage, &Storage::writeFailed);

    auto proceed = blockWorker(storage);
    const auto before = storage.write(what("Saving before"), insertMeta(u"before"_s));
    // What SQLite does on its own after some I/O errors: the whole transaction is gone, not just this job's part.
    const auto breaker = storage.write(what("Breaking"), [](QSqlDatabase &db) -> int {
        sqlExec(db, u"ROLLBACK"_s);
        throw StorageError(u"disk I/O error"_s);
    });
    const auto after = storage.write(what("Saving after"), insertMeta(u"after"_s));
    const auto count = storage.read(what("count"), countMeta);
    proceed->release();

    const auto counted = wait(count);
    QVERIFY(counted);
    QCOMPARE(before.future().result().error(), u"rolled back with a failed job: disk I/O error"_s);
    QCOMPARE(breaker.future().result().error(), u"disk I/O error"_s);
    QCOMPARE(after.future().result().value(), 1);
    QCOMPARE(counted->value(), 1);
    // The write undone with the failed one is reported too.
    QCOMPARE(writeFailed.size(), 2);
    QCOMPARE(writeFailed.at(0).at(0).toString(), u"Saving before"_s);
    QCOMPARE(writeFailed.at(1).at(0).toString(), u"Breaking"_s);
}

void TestStorage::failedWritesReachWriteFailed()
{
    Storage storage;
    openFresh(storage);
    QSignalSpy writeFailed(&storage, &Storage::writeFailed);
    const QString description = u"Saving the tick on %1"_s.arg(u"Health"_s);

    // Nobody continues this one: the failure still reaches the operator.
    storage.write(description, [](QSqlDatabase &db) { sqlExec(db, u"INSERT INTO nowhere VALUES (1)"_s); });
    QVERIFY(writeFailed.wait(10000));
    QCOMPARE(writeFailed.size(), 1);
    QCOMPARE(writeFailed.at(0).at(0).toString(), description);
    QVERIFY2(writeFailed.at(0).at(1).toString().startsWith(u"no such table: nowhere"_s),
        qPrintable(writeFailed.at(0).at(1).toString()));

    // Reads and successful writes are not reported; failed reads are the caller's to show.
    QVERIFY(
        wait(storage.read(what("Reading nowhere"), [](QSqlDatabase &db) { sqlExec(db, u"SELECT * FROM nowhere"_s); })));
    QVERIFY(wait(storage.write(what("Saving fine"), insertMeta(u"fine"_s))));
    QCOMPARE(writeFailed.size(), 1);

    // The continuation sees the failure before the signal goes out.
    QObject context;
    QStringList seen;
    connect(
        &storage, &Storage::writeFailed, &context, [&seen](const QString &what) { seen.append(u"signal "_s + what); });
    storage.write(what("Saving twice"), insertMeta(u"fine"_s)).then(&context, [&seen](const StorageResult<int> &r) {
        seen.append(u"continuation "_s + r.what());
    });
    QTRY_COMPARE(seen.size(), 2);
    QCOMPARE(seen, (QStringList { u"continuation Saving twice"_s, u"signal Saving twice"_s }));
}

void TestStorage::diskFullIsReportedAndRetryWorks()
{
    Storage storage;
    openFresh(storage);
    // max_page_count makes SQLite answer exactly as on a full disk (SQLITE_FULL).
    const auto full = wait(storage.write(what("Saving big"), [](QSqlDatabase &db) {
        sqlExec(db, u"PRAGMA max_page_count = 1"_s);
        return sqlExec(db, u"INSERT INTO meta (key, value) VALUES ('big', ?)"_s, { QString(1 << 20, u'x') })
            .numRowsAffected();
    }));
    QVERIFY(full && !full->ok());
    QVERIFY2(full->error().startsWith(u"database or disk is full"_s), qPrintable(full->error()));

    const auto retry = wait(storage.write(what("Saving big again"), [](QSqlDatabase &db) {
        sqlExec(db, u"PRAGMA max_page_count = 1073741823"_s);
        return sqlExec(db, u"INSERT INTO meta (key, value) VALUES ('big', ?)"_s, { QString(1 << 20, u'x') })
            .numRowsAffected();
    }));
    QVERIFY(retry && retry->ok());
    QCOMPARE(retry->value(), 1);
    QCOMPARE(storage.state(), Storage::State::Open);
}

// A real write failure under the database (the file system refuses to grow the files): the job fails naming what it
// was doing, nothing of it is stored, the last good rows stay readable and intact, and a later write succeeds.
void TestStorage::fileSizeLimitKeepsLastGoodState()
{
    Storage storage;
    openFresh(storage);
    const auto good = wait(storage.write(what("Saving good"), insertMeta(u"good"_s)));
    QVERIFY(good && good->ok());
    QSignalSpy writeFailed(&storage, &Storage::writeFailed);
    {
        FileSizeLimit limit(1 << 20); // the database and its WAL are far below 1 MiB; the 4 MB row is not
        QVERIFY(limit.ok());
        const auto big = wait(storage.write(what("Saving big"), insertBig(u"big"_s)));
        QVERIFY(big && !big->ok());
        QCOMPARE(big->what(), u"Saving big"_s);
        // SQLite's "disk I/O error" and the system's reason, which tells a size limit from a full disk.
        QVERIFY2(big->error().contains(u"disk"_s), qPrintable(big->error()));
        QVERIFY2(big->error().contains(QString::fromLocal8Bit(strerror(EFBIG))), qPrintable(big->error()));
        QTRY_COMPARE(writeFailed.size(), 1);
        const auto keys = wait(storage.read(what("Listing"), metaKeys));
        QVERIFY(keys && keys->ok());
        QVERIFY2(keys->value().contains(u"good"_s) && !keys->value().contains(u"big"_s),
            qPrintable(keys->value().join(u", "_s)));
    }
    const auto checked = wait(storage.read(what("Checking"), [](QSqlDatabase &db) {
        QSqlQuery query = sqlExec(db, u"PRAGMA integrity_check"_s);
        query.next();
        return query.value(0).toString();
    }));
    QVERIFY(checked && checked->ok());
    QCOMPARE(checked->value(), u"ok"_s);
    const auto retry = wait(storage.write(what("Saving big again"), insertBig(u"big"_s)));
    QVERIFY2(retry && retry->ok(), retry ? qPrintable(retry->error()) : "no result");
    QCOMPARE(storage.state(), Storage::State::Open);
}

// The data folder cannot be written (a read-only mount, wrong owner): opening fails with the path and the reason,
// the database that was there is left byte for byte, and nothing is created beside it.
void TestStorage::readOnlyFolderIsReportedAndLeftUntouched()
{
    const QString folder = m_tmp.filePath(u"readonly"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString path = Storage::databasePath(folder);
    {
        Storage first;
        first.open(path);
        QTRY_COMPARE(first.state(), Storage::State::Open);
        const auto good = wait(first.write(what("Saving good"), insertMeta(u"good"_s)));
        QVERIFY(good && good->ok());
    } // closed: checkpointed, its WAL and shared-memory files removed
    const QStringList before = folderEntries(folder);
    ageFile(path);
    const FileFingerprint print = fingerprint(path);
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
    // Root writes through permission bits: the storage's thread is started without that power.
    std::optional<WithoutFileCapabilities> asUser;
    if (geteuid() == 0) {
        asUser.emplace();
        QVERIFY2(asUser->ok(), "cannot drop CAP_DAC_OVERRIDE for the test thread");
    }
    Storage storage;
    QSignalSpy failed(&storage, &Storage::openFailed);
    storage.open(path);
    const bool reported = failed.wait(20000);
    asUser.reset();
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY2(reported, "opening a database in a read-only folder did not fail");
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.startsWith(path + u": "_s), qPrintable(message));
    QCOMPARE(storage.state(), Storage::State::Failed);
    QCOMPARE(folderEntries(folder), before);
    QCOMPARE(fingerprint(path), print);
}

void TestStorage::lockedPastBusyTimeoutIsReportedAndRetryWorks()
{
    Storage storage;
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
        const auto blocked = storage.write(what("Saving blocked"), insertMeta(u"blocked"_s));
        const auto read = storage.read(what("count"), countMeta);
        QVERIFY2(timer.elapsed() < 100, "write() waited for the lock"); // the caller never waits on SQL
        const auto counted = wait(read);
        QVERIFY(counted);
        QVERIFY2(timer.elapsed() >= 250, "the busy timeout was not honoured");
        QCOMPARE(blocked.future().result().error(), u"database is locked"_s);
        QCOMPARE(counted->value(), 0); // WAL readers are not blocked by the writer

        execOrFail(locker, u"ROLLBACK"_s);
        locker.close();
    }
    QSqlDatabase::removeDatabase(lockerName);

    const auto retry = wait(storage.write(what("Saving blocked again"), insertMeta(u"blocked"_s)));
    QVERIFY(retry && retry->ok());
    QCOMPARE(retry->value(), 1);
}

void TestStorage::jobsWaitForOpening()
{
    Storage storage;
    storage.open(m_tmp.filePath(u"waiting.sqlite"_s));
    QCOMPARE(storage.state(), Storage::State::Opening);
    // Submitted while the worker is still opening (and migrating): they run once it is open.
    const auto write = storage.write(what("Saving early"), insertMeta(u"early"_s));
    const auto read = storage.read(what("count"), countMeta);
    const auto written = wait(write);
    QVERIFY(written && written->ok());
    QCOMPARE(storage.state(), Storage::State::Open);
    const auto counted = wait(read);
    QVERIFY(counted && counted->ok());
    QCOMPARE(counted->value(), 1);
}

void TestStorage::closedStorageFailsJobs()
{
    Storage storage;
    QSignalSpy writeFailed(&storage, &Storage::writeFailed);
    // Before any open(): there is nothing to wait for.
    const auto early = storage.write(what("Saving before open"), insertMeta(u"before-open"_s));
    openFresh(storage, u"closed.sqlite"_s);
    const auto beforeOpen = wait(early);
    QVERIFY(beforeOpen && !beforeOpen->ok());
    QCOMPARE(beforeOpen->error(), u"the database is not open"_s);

    storage.close();
    QCOMPARE(storage.state(), Storage::State::Closed);
    const auto late = wait(storage.write(what("Saving after close"), insertMeta(u"after-close"_s)));
    QVERIFY(late && !late->ok());
    QCOMPARE(late->error(), u"the database is not open"_s);
    QCOMPARE(late->message(), u"Saving after close: the database is not open"_s);
    const auto read = wait(storage.read(what("count"), countMeta));
    QVERIFY(read && !read->ok());
    QCOMPARE(writeFailed.size(), 2);
    QCOMPARE(writeFailed.at(1).at(0).toString(), u"Saving after close"_s);
}

void TestStorage::shutdownFlushesQueuedWrites()
{
    const QString path = m_tmp.filePath(u"flush.sqlite"_s);
    {
        Storage storage;
        storage.open(path);
        for (int i = 0; i < 1200; ++i) { // more than one batch, all queued while still opening
            storage.write(what("write"), insertMeta(u"row-%1"_s.arg(i)));
        }
    }
    Database db(u"flush-check"_s);
    QVERIFY2(db.open(path), qPrintable(db.errorString()));
    QCOMPARE(scalar(db.connection(), u"SELECT COUNT(*) FROM meta"_s).toInt(), 1200);
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
