// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "samples/samplestore.h"
#include "storage/storageerror.h"
#include "storagewait.h"
#include "teamtesthelpers.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The sample store on PostgreSQL: the same upserts into the roll-ups, range reads and pruning as on SQLite.
class TestTeamSamples final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rollupsQueryAndPrune();

private:
    PgTestServer m_server;
};

namespace {

qint64 at(const char *time)
{
    return QDateTime::fromString(QString::fromLatin1(QByteArray(QByteArray("2026-01-05T") + time + 'Z')), Qt::ISODate)
        .toMSecsSinceEpoch();
}

bool written(SampleStore &store)
{
    QSignalSpy done(&store, &SampleStore::batchWritten);
    QSignalSpy failed(&store, &SampleStore::writeFailed);
    store.flush();
    if (!QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 30000)) {
        return false;
    }
    if (!failed.isEmpty()) {
        qWarning("%s", qPrintable(failed.constFirst().at(0).toString()));
    }
    return failed.isEmpty();
}

QStringList rows(Storage &storage, const QString &sql)
{
    const auto result = StorageTest::wait(storage.read(u"A test's read"_s,
                                              [sql](QSqlDatabase &db) {
                                                  QSqlQuery q = sqlExec(db, sql);
                                                  QStringList out;
                                                  while (q.next()) {
                                                      QStringList row;
                                                      for (int c = 0; c < q.record().count(); ++c) {
                                                          row.append(QString::number(q.value(c).toDouble(), 'g', 15));
                                                      }
                                                      out.append(row.join(u' '));
                                                  }
                                                  return out;
                                              }),
        30000);
    if (!result) {
        qWarning("read timed out");
        return {};
    }
    return result->ok() ? result->value() : QStringList { result->error() };
}

} // namespace

void TestTeamSamples::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestTeamSamples::rollupsQueryAndPrune()
{
    Storage storage;
    QCOMPARE(TeamTest::open(storage, m_server.createDatabase()), QString());
    SampleStore store(&storage);
    store.setWorkspaceId(u"ws"_s);
    const qint64 now = at("12:00:00");
    store.setClock([now] { return now; });
    for (const auto &[time, value] : { std::pair { "10:00:10", 2.0 }, { "10:00:50", 4.0 }, { "10:01:05", 1.0 } }) {
        QVERIFY(store.add({ u"err"_s, at(time), value }));
    }
    QVERIFY(written(store));
    for (const auto &[time, value] : { std::pair { "10:00:30", 9.0 }, { "10:01:40", 3.0 } }) {
        QVERIFY(store.add({ u"err"_s, at(time), value }));
    }
    QVERIFY(written(store));
    const auto line = [](const char *bucket, const char *rest, const char *last) -> QString {
        return QString::number(at(bucket)) + u' ' + QLatin1String(rest) + u' ' + QString::number(at(last));
    };
    QCOMPARE(rows(storage,
                 u"SELECT bucket_ms, min_value, max_value, sum_value, sample_count, last_value, last_ms "
                 u"FROM samples_minute ORDER BY bucket_ms"_s),
        (QStringList { line("10:00:00", "2 9 15 3 4", "10:00:50"), line("10:01:00", "1 3 4 2 3", "10:01:40") }));
    QCOMPARE(rows(storage,
                 u"SELECT bucket_ms, min_value, max_value, sum_value, sample_count, last_value, last_ms "
                 u"FROM samples_hour"_s),
        QStringList { line("10:00:00", "1 9 19 5 3", "10:01:40") });

    SampleRange range;
    QObject context;
    bool done = false;
    store.query({ u"err"_s, at("10:00:00"), at("10:02:00"), 1 }, &context, [&](const SampleRange &r, const QString &e) {
        QCOMPARE(e, QString());
        range = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QCOMPARE(range.resolution, SampleResolution::Minute);
    QCOMPARE(range.points, QList<QPointF> { QPointF(double(at("10:00:00")), 19.0 / 5) });

    store.setRetention({ 1h, 24h, 400 * 24h });
    QSignalSpy pruned(&store, &SampleStore::pruned);
    store.prune();
    QVERIFY(pruned.wait(30000));
    QCOMPARE(pruned.constFirst().at(0).toLongLong(), 5LL); // the raw rows, all older than an hour
    QCOMPARE(rows(storage, u"SELECT COUNT(*) FROM samples_minute"_s), QStringList { u"2"_s });
}

QTEST_GUILESS_MAIN(TestTeamSamples)
#include "tst_teamsamples.moc"
