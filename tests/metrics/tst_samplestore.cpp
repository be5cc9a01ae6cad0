// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "samples/samplesql.h"
#include "samples/samplestore.h"
#include "storage/storage.h"
#include "storage/storageerror.h"
#include "storagewait.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

bool openStorage(Storage &storage, const QString &path)
{
    QSignalSpy opened(&storage, &Storage::opened);
    storage.open(path);
    return opened.wait(10000);
}

// The rows a read job returns, each as its columns.
QList<QVariantList> rows(Storage &storage, const QString &sql)
{
    return StorageTest::read(storage, [sql](QSqlDatabase &db) {
        QSqlQuery q = sqlExec(db, sql);
        QList<QVariantList> out;
        while (q.next()) {
            QVariantList row;
            for (int c = 0; c < q.record().count(); ++c) {
                row.append(q.value(c));
            }
            out.append(row);
        }
        return out;
    });
}

qint64 count(Storage &storage, const QString &table)
{
    const QList<QVariantList> r = rows(storage, u"SELECT COUNT(*) FROM "_s + table);
    return r.isEmpty() ? -1 : r.constFirst().constFirst().toLongLong();
}

bool waitWritten(SampleStore &store)
{
    QSignalSpy written(&store, &SampleStore::batchWritten);
    QSignalSpy failed(&store, &SampleStore::writeFailed);
    store.flush();
    return QTest::qWaitFor([&] { return !written.isEmpty() || !failed.isEmpty(); }, 10000) && failed.isEmpty();
}

SampleRange runQuery(SampleStore &store, const SampleQuery &query, QString *error = nullptr)
{
    SampleRange out;
    bool done = false;
    QObject context;
    store.query(query, &context, [&](const SampleRange &range, const QString &e) {
        out = range;
        if (error) {
            *error = e;
        }
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000)) {
        qWarning("query did not finish");
    }
    return out;
}

} // namespace

class TestSampleStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fiveHundredSamplesAreOneTransaction();
    void timerFlushesAFewSamples();
    void rollupsMatchHandComputedTable();
    void resolutionForRange_data();
    void resolutionForRange();
    void queryReadsTheChosenResolution();
    void retentionDeletesOldRowsKeepsNew();
    void survivesReopening();
    void nonFiniteValuesAreRefused();
    void workspacesAreSeparate();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
    QString m_path;
};

void TestSampleStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"opsdeck.sqlite"_s);
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_path));
}

void TestSampleStore::cleanup()
{
    m_storage.reset();
    m_dir.reset();
}

void TestSampleStore::fiveHundredSamplesAreOneTransaction()
{
    SampleStore store(m_storage.get());
    store.setWorkspaceId(u"ws"_s);
    QSignalSpy submitted(&store, &SampleStore::batchSubmitted);
    QSignalSpy committed(m_storage.get(), &Storage::batchCommitted);
    QSignalSpy written(&store, &SampleStore::batchWritten);
    const qint64 t0 = utcMs("2026-01-05T10:00:00Z");
    for (int i = 0; i < SampleStore::maxBatch - 1; ++i) {
        QVERIFY(store.add({ u"kpi-%1"_s.arg(i % 5), t0 + i * 1000, double(i) }));
    }
    QCOMPARE(submitted.size(), 0);
    QCOMPARE(store.pending(), qsizetype(SampleStore::maxBatch - 1));
    QVERIFY(store.add({ u"kpi-0"_s, t0 + 999'000, 1.5 }));
    // The 500th sample submits the batch at once, as one job.
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.constFirst().at(0).toInt(), SampleStore::maxBatch);
    QCOMPARE(store.pending(), qsizetype(0));
    QVERIFY(written.wait(10000));
    QCOMPARE(written.constFirst().at(0).toInt(), SampleStore::maxBatch);
    // One transaction holding that one job (reported right after the job's own result).
    QTRY_COMPARE(committed.size(), 1);
    QCOMPARE(committed.constFirst().at(0).toInt(), 1);
    QCOMPARE(count(*m_storage, u"samples"_s), qint64(SampleStore::maxBatch));
    QCOMPARE(count(*m_storage, u"series"_s), 5LL);
}

void TestSampleStore::timerFlushesAFewSamples()
{
    SampleStore store(m_storage.get());
    QSignalSpy submitted(&store, &SampleStore::batchSubmitted);
    QSignalSpy written(&store, &SampleStore::batchWritten);
    const qint64 t0 = utcMs("2026-01-05T10:00:00Z");
    for (int i = 0; i < 3; ++i) {
        QVERIFY(store.add({ u"latency"_s, t0 + i * 1000, 10.0 + i }));
    }
    QCOMPARE(submitted.size(), 0);
    QVERIFY(written.wait(10000)); // the flush timer, not a full batch
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.constFirst().at(0).toInt(), 3);
    QCOMPARE(store.pending(), qsizetype(0));
    QCOMPARE(count(*m_storage, u"samples"_s), 3LL);
}

void TestSampleStore::rollupsMatchHandComputedTable()
{
    SampleStore store(m_storage.get());
    store.setWorkspaceId(u"ws"_s);
    const auto at = [](const char *time) -> qint64 {
        return utcMs(QByteArray(QByteArray("2026-01-05T") + time + 'Z').constData());
    };
    // Two batches: the second folds into buckets the first created; 10:00:30 arrives after 10:00:50, so the
    // minute's last value stays that of 10:00:50.
    for (const auto &[time, value] :
        { std::pair { "10:00:10", 2.0 }, { "10:00:50", 4.0 }, { "10:01:05", 1.0 }, { "10:59:59", 7.0 } }) {
        QVERIFY(store.add({ u"err"_s, at(time), value }));
    }
    QVERIFY(waitWritten(store));
    for (const auto &[time, value] : { std::pair { "10:00:30", 9.0 }, { "10:01:40", 3.0 }, { "11:00:00", 5.0 } }) {
        QVERIFY(store.add({ u"err"_s, at(time), value }));
    }
    QVERIFY(waitWritten(store));

    using Row = QVariantList;
    const auto table = [this](const QString &name) {
        return rows(*m_storage,
            u"SELECT bucket_ms, min_value, max_value, sum_value, sample_count, last_value, last_ms FROM %1 "
            u"ORDER BY bucket_ms"_s.arg(name));
    };
    const QList<Row> minutes = table(u"samples_minute"_s);
    const QList<Row> expectedMinutes {
        { at("10:00:00"), 2.0, 9.0, 15.0, 3, 4.0, at("10:00:50") },
        { at("10:01:00"), 1.0, 3.0, 4.0, 2, 3.0, at("10:01:40") },
        { at("10:59:00"), 7.0, 7.0, 7.0, 1, 7.0, at("10:59:59") },
        { at("11:00:00"), 5.0, 5.0, 5.0, 1, 5.0, at("11:00:00") },
    };
    QCOMPARE(minutes.size(), expectedMinutes.size());
    for (qsizetype i = 0; i < minutes.size(); ++i) {
        for (qsizetype c = 0; c < expectedMinutes[i].size(); ++c) {
            QCOMPARE(minutes[i][c].toDouble(), expectedMinutes[i][c].toDouble());
        }
    }
    const QList<Row> hours = table(u"samples_hour"_s);
    const QList<Row> expectedHours {
        { at("10:00:00"), 1.0, 9.0, 26.0, 6, 7.0, at("10:59:59") },
        { at("11:00:00"), 5.0, 5.0, 5.0, 1, 5.0, at("11:00:00") },
    };
    QCOMPARE(hours.size(), expectedHours.size());
    for (qsizetype i = 0; i < hours.size(); ++i) {
        for (qsizetype c = 0; c < expectedHours[i].size(); ++c) {
            QCOMPARE(hours[i][c].toDouble(), expectedHours[i][c].toDouble());
        }
    }
    QCOMPARE(count(*m_storage, u"samples"_s), 7LL);
}

void TestSampleStore::resolutionForRange_data()
{
    QTest::addColumn<qint64>("rangeMs");
    QTest::addColumn<int>("maxPoints");
    QTest::addColumn<qint64>("endAgoMs"); // how long before now the range ends
    QTest::addColumn<SampleResolution>("expected");
    constexpr qint64 min = 60'000;
    constexpr qint64 hour = 60 * min;
    constexpr qint64 day = 24 * hour;
    QTest::addRow("15 m, 1600 px") << 15 * min << 1600 << 0LL << SampleResolution::Raw;
    QTest::addRow("24 h, 1600 px") << day << 1600 << 0LL << SampleResolution::Raw;
    QTest::addRow("24 h, 1000 px") << day << 1000 << 0LL << SampleResolution::Minute;
    QTest::addRow("7 d, 1600 px") << 7 * day << 1600 << 0LL << SampleResolution::Minute;
    QTest::addRow("30 d, 1600 px") << 30 * day << 1600 << 0LL << SampleResolution::Minute;
    QTest::addRow("30 d, 500 px") << 30 * day << 500 << 0LL << SampleResolution::Hour;
    QTest::addRow("1 h, 3 days ago: raw is gone") << hour << 1600 << 3 * day << SampleResolution::Minute;
    QTest::addRow("1 h, 60 days ago: minutes are gone") << hour << 1600 << 60 * day << SampleResolution::Hour;
    QTest::addRow("48 h, exactly the raw retention") << 2 * day << 4000 << 0LL << SampleResolution::Raw;
}

void TestSampleStore::resolutionForRange()
{
    QFETCH(qint64, rangeMs);
    QFETCH(int, maxPoints);
    QFETCH(qint64, endAgoMs);
    QFETCH(SampleResolution, expected);
    const qint64 now = utcMs("2026-01-05T10:00:00Z");
    const SampleQuery q { u"x"_s, now - endAgoMs - rangeMs, now - endAgoMs, maxPoints };
    // The default retention: raw 48 h, minutes 30 d, hours 400 d.
    QCOMPARE(SampleSql::resolutionFor(q, now + 500, SampleRetention {}), expected);
}

void TestSampleStore::queryReadsTheChosenResolution()
{
    SampleStore store(m_storage.get());
    store.setWorkspaceId(u"ws"_s);
    const qint64 now = utcMs("2026-01-05T12:00:00Z");
    store.setClock([now] { return now; });
    // Every 10 s over the last two hours; the value is the minute's number, so each minute averages to it.
    for (qint64 t = now - 2 * 3600'000; t < now; t += 10'000) {
        QVERIFY(store.add({ u"rps"_s, t, double((t - (now - 2 * 3600'000)) / 60'000) }));
    }
    QVERIFY(waitWritten(store));

    QString error;
    const SampleRange raw = runQuery(store, { u"rps"_s, now - 600'000, now, 1000 }, &error);
    QCOMPARE(error, QString());
    QCOMPARE(raw.resolution, SampleResolution::Raw);
    QCOMPARE(raw.points.size(), 60);
    QCOMPARE(raw.points.constFirst(), QPointF(double(now - 600'000), 110.0));
    QCOMPARE(raw.points.constLast(), QPointF(double(now - 10'000), 119.0));

    const SampleRange minutes = runQuery(store, { u"rps"_s, now - 2 * 3600'000, now, 60 });
    QCOMPARE(minutes.resolution, SampleResolution::Minute);
    QCOMPARE(minutes.stepMs, 120'000LL);
    QCOMPARE(minutes.points.size(), 60);
    // Each point covers two minutes (n and n+1): the mean is n + 0.5, the range [n, n+1].
    QCOMPARE(minutes.points.at(5), QPointF(double(now - 2 * 3600'000 + 10 * 60'000), 10.5));
    QCOMPARE(minutes.mins.at(5), 10.0);
    QCOMPARE(minutes.maxes.at(5), 11.0);

    const SampleRange hours = runQuery(store, { u"rps"_s, now - 30LL * 86400'000, now, 100 });
    QCOMPARE(hours.resolution, SampleResolution::Hour);
    QCOMPARE(hours.stepMs, 8 * 3600'000LL);
    QCOMPARE(hours.points.size(), 1);
    QCOMPARE(hours.points.constFirst().y(), 59.5);
    QCOMPARE(hours.mins.constFirst(), 0.0);
    QCOMPARE(hours.maxes.constFirst(), 119.0);

    QVERIFY(runQuery(store, { u"no-such-series"_s, now - 600'000, now, 100 }).points.isEmpty());
}

void TestSampleStore::retentionDeletesOldRowsKeepsNew()
{
    SampleStore store(m_storage.get());
    const qint64 now = utcMs("2026-01-05T12:00:00Z");
    store.setClock([now] { return now; });
    store.setRetention({ 1h, 24h, 10 * 24h });
    const qint64 ages[] = { 30 * 60'000LL, 2 * 3600'000LL, 3 * 86400'000LL, 20 * 86400'000LL };
    for (const qint64 age : ages) {
        QVERIFY(store.add({ u"cpu"_s, now - age, double(age) }));
    }
    QVERIFY(waitWritten(store));
    QSignalSpy pruned(&store, &SampleStore::pruned);
    store.prune();
    QVERIFY(pruned.wait(10000));
    // raw: 3 of 4 older than 1 h; minutes: 2 older than a day; hours: 1 older than 10 days.
    QCOMPARE(pruned.constFirst().at(0).toLongLong(), 6LL);
    const auto ats = [this](const QString &sql) {
        QList<qint64> out;
        for (const QVariantList &row : rows(*m_storage, sql)) {
            out.append(row.constFirst().toLongLong());
        }
        return out;
    };
    QCOMPARE(ats(u"SELECT at_ms FROM samples"_s), QList<qint64> { now - 30 * 60'000 });
    QCOMPARE(ats(u"SELECT last_ms FROM samples_minute ORDER BY last_ms DESC"_s),
        (QList<qint64> { now - 30 * 60'000, now - 2 * 3600'000 }));
    QCOMPARE(ats(u"SELECT last_ms FROM samples_hour ORDER BY last_ms DESC"_s),
        (QList<qint64> { now - 30 * 60'000, now - 2 * 3600'000, now - 3 * 86400'000 }));

    // Pruning again deletes nothing more.
    store.prune();
    QVERIFY(pruned.wait(10000));
    QCOMPARE(pruned.at(1).at(0).toLongLong(), 0LL);
}

void TestSampleStore::survivesReopening()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        SampleStore store(m_storage.get());
        store.setWorkspaceId(u"ws"_s);
        for (int i = 0; i < 30; ++i) {
            QVERIFY(store.add({ u"uptime"_s, now - 3600'000 + i * 60'000, 99.0 + i / 100.0 }));
        }
        // Destroyed with the samples pending: the destructor hands them to the storage, which writes them before
        // it closes.
    }
    m_storage.reset();
    m_storage = std::make_unique<Storage>();
    QVERIFY(openStorage(*m_storage, m_path));
    SampleStore store(m_storage.get());
    store.setWorkspaceId(u"ws"_s);
    const SampleRange range = runQuery(store, { u"uptime"_s, now - 7200'000, now, 1000 });
    QCOMPARE(range.resolution, SampleResolution::Raw);
    QCOMPARE(range.points.size(), 30);
    QCOMPARE(range.points.constLast().y(), 99.29);
}

void TestSampleStore::nonFiniteValuesAreRefused()
{
    SampleStore store(m_storage.get());
    const qint64 t0 = utcMs("2026-01-05T10:00:00Z");
    QVERIFY(!store.add({ u"ratio"_s, t0, std::numeric_limits<double>::quiet_NaN() }));
    QVERIFY(!store.add({ u"ratio"_s, t0 + 1, std::numeric_limits<double>::infinity() }));
    QVERIFY(!store.add({ u"ratio"_s, t0 + 2, -std::numeric_limits<double>::infinity() }));
    QCOMPARE(store.rejected(), 3LL);
    QCOMPARE(store.pending(), qsizetype(0));
    QVERIFY(store.add({ u"ratio"_s, t0 + 3, 0.25 }));
    // The same reading seen again (same series and time) is not stored twice, and is not an error.
    QVERIFY(!store.add({ u"ratio"_s, t0 + 3, 0.25 }));
    QCOMPARE(store.rejected(), 3LL);
    QVERIFY(waitWritten(store));
    const QList<QVariantList> stored = rows(*m_storage, u"SELECT at_ms, value FROM samples"_s);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().at(1).toDouble(), 0.25);
    const QVariantList hour = rows(*m_storage, u"SELECT sum_value, sample_count FROM samples_hour"_s).value(0);
    QCOMPARE(hour.value(0).toDouble(), 0.25);
    QCOMPARE(hour.value(1).toLongLong(), 1LL);
}

void TestSampleStore::workspacesAreSeparate()
{
    SampleStore store(m_storage.get());
    const qint64 now = utcMs("2026-01-05T12:00:00Z");
    store.setClock([now] { return now; });
    store.setWorkspaceId(u"a"_s);
    QVERIFY(store.add({ u"cpu"_s, now - 60'000, 1.0 }));
    store.setWorkspaceId(u"b"_s); // writes a's pending sample first
    QVERIFY(store.add({ u"cpu"_s, now - 60'000, 2.0 }));
    QVERIFY(waitWritten(store));
    const SampleRange b = runQuery(store, { u"cpu"_s, now - 600'000, now, 100 });
    QCOMPARE(b.points.size(), 1);
    QCOMPARE(b.points.constFirst().y(), 2.0);
    store.setWorkspaceId(u"a"_s);
    QCOMPARE(runQuery(store, { u"cpu"_s, now - 600'000, now, 100 }).points.constFirst().y(), 1.0);
}

QTEST_GUILESS_MAIN(TestSampleStore)
#include "tst_samplestore.moc"
