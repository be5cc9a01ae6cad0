// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/probehistory.h"
#include "storage/storage.h"
#include "storage/storageerror.h"
#include "storagewait.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

class TestProbeHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fullBatchIsWrittenAtOnce();
    void partialBatchWaitsAtMostOneSecond();
    void oneOffBatchWaitsForTheFlush();
    void storesVerdictsButNeverTheBody();
    void storesPhaseTimings();
    void storesKindRcodeAndCertificateExpiry();
    void failedBatchReachesTheOperator();
    void failedBatchIsWrittenLater();
    void storesLocationAndProber();

private:
    static ProbeResult result(int i);
    QVariantList readColumn(const QString &sql) const;

    QTemporaryDir m_dir;
    QString m_path;
    Storage *m_storage = nullptr;
};

void TestProbeHistory::init()
{
    m_path = m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    m_storage = new Storage;
    QSignalSpy opened(m_storage, &Storage::opened);
    m_storage->open(m_path);
    QVERIFY(opened.wait(10000));
}

void TestProbeHistory::cleanup()
{
    delete m_storage; // runs the pending jobs
    m_storage = nullptr;
}

ProbeResult TestProbeHistory::result(int i)
{
    ProbeResult r;
    r.endpoint = u"e%1"_s.arg(i % 3);
    r.startedAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + i * 1000, Qt::UTC);
    r.state = i % 2 ? EndpointState::Critical : EndpointState::Ok;
    r.httpStatus = i % 2 ? 503 : 200;
    r.totalMs = 10.5 + i;
    r.body = "{\"token\":\"s3cr3t\"}";
    ConditionResult c;
    c.condition = u"[STATUS] == 200"_s;
    c.actual = QString::number(r.httpStatus);
    c.verdict = i % 2 ? ConditionResult::Verdict::Fail : ConditionResult::Verdict::Pass;
    r.conditions = { c };
    return r;
}

QVariantList TestProbeHistory::readColumn(const QString &sql) const
{
    QVariantList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"reader"_s);
        db.setDatabaseName(m_path);
        if (db.open()) {
            QSqlQuery q(sql, db);
            while (q.next()) {
                out.append(q.value(0));
            }
        }
    }
    QSqlDatabase::removeDatabase(u"reader"_s);
    return out;
}

void TestProbeHistory::fullBatchIsWrittenAtOnce()
{
    ProbeHistory history(m_storage, u"ws"_s);
    QSignalSpy batches(&history, &ProbeHistory::batchSubmitted);
    QSignalSpy done(&history, &ProbeHistory::batchWritten);
    QSignalSpy failed(m_storage, &Storage::writeFailed);
    for (int i = 0; i < ProbeHistory::maxBatch - 1; ++i) {
        history.add(result(i));
    }
    QCOMPARE(batches.size(), 0);
    history.add(result(ProbeHistory::maxBatch - 1));
    QCOMPARE(batches.size(), 1); // at once, no timer
    QCOMPARE(batches[0].at(0).toInt(), ProbeHistory::maxBatch);
    QCOMPARE(history.pending(), 0);
    QTRY_VERIFY(!done.isEmpty() || !failed.isEmpty());
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0].at(1).toString()));
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.last().at(0).toInt(), ProbeHistory::maxBatch);
    QCOMPARE(readColumn(u"SELECT COUNT(*) FROM probe_results"_s).value(0).toInt(), ProbeHistory::maxBatch);
}

void TestProbeHistory::partialBatchWaitsAtMostOneSecond()
{
    ProbeHistory history(m_storage, u"ws"_s);
    QSignalSpy batches(&history, &ProbeHistory::batchSubmitted);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 5; ++i) {
        history.add(result(i));
    }
    QVERIFY(batches.wait(3000));
    QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(batches.size(), 1);
    QCOMPARE(batches[0].at(0).toInt(), 5);
}

// As `opsdeck check` records: every result in one write, when it is flushed.
void TestProbeHistory::oneOffBatchWaitsForTheFlush()
{
    ProbeHistory history(m_storage, u"ws"_s);
    history.setBatching(std::numeric_limits<int>::max(), 0);
    QSignalSpy batches(&history, &ProbeHistory::batchSubmitted);
    QSignalSpy done(&history, &ProbeHistory::batchWritten);
    for (int i = 0; i < 3 * ProbeHistory::maxBatch; ++i) {
        history.add(result(i));
    }
    QVERIFY(!batches.wait(1500)); // neither full nor timed
    QCOMPARE(history.pending(), 3 * ProbeHistory::maxBatch);
    history.flush();
    QCOMPARE(batches.size(), 1);
    QCOMPARE(batches[0].at(0).toInt(), 3 * ProbeHistory::maxBatch);
    QVERIFY(done.wait(5000));
    QCOMPARE(readColumn(u"SELECT COUNT(*) FROM probe_results"_s).value(0).toInt(), 3 * ProbeHistory::maxBatch);
}

void TestProbeHistory::storesVerdictsButNeverTheBody()
{
    QSignalSpy committed(m_storage, &Storage::batchCommitted);
    {
        ProbeHistory history(m_storage, u"ws"_s);
        history.add(result(1));
        history.add(result(2));
    } // the destructor flushes
    QVERIFY(committed.wait(5000));
    const QVariantList rows = readColumn(QStringLiteral(
        "SELECT workspace_id || '|' || endpoint || '|' || at_ms || '|' || state || '|' || http_status || '|' || "
        "total_ms || '|' || conditions_json FROM probe_results ORDER BY at_ms"));
    QCOMPARE(rows.size(), 2);
    const QStringList first = rows[0].toString().split(QLatin1Char('|'));
    QCOMPARE(
        first.mid(0, 6), QStringList({ u"ws"_s, u"e1"_s, u"1700000001000"_s, u"CRITICAL"_s, u"503"_s, u"11.5"_s }));
    const QJsonArray conditions = QJsonDocument::fromJson(first[6].toUtf8()).array();
    QCOMPARE(conditions.size(), 1);
    QCOMPARE(conditions[0].toObject().value(u"verdict"_s).toString(), u"fail"_s);
    QCOMPARE(conditions[0].toObject().value(u"actual"_s).toString(), u"503"_s);
    // Nothing from the body is stored anywhere in the row.
    const QVariantList all = readColumn(u"SELECT * FROM probe_results"_s);
    for (const QVariant &v : all) {
        QVERIFY(!v.toString().contains(QLatin1String("s3cr3t")));
    }
    QVERIFY(!rows[1].toString().contains(QLatin1String("s3cr3t")));
    const QVariantList indexes
        = readColumn(u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'probe_results'"_s);
    QVERIFY(indexes.contains(u"probe_results_endpoint_at"_s));
}

void TestProbeHistory::storesPhaseTimings()
{
    QSignalSpy committed(m_storage, &Storage::batchCommitted);
    {
        ProbeHistory history(m_storage, u"ws"_s);
        ProbeResult tls = result(1);
        tls.dnsMs = 0.5;
        tls.connectMs = 1.25;
        tls.tlsMs = 4.5;
        tls.firstByteMs = 9.75;
        history.add(tls);
        history.add(result(2)); // nothing measured: NULL, not -1
    }
    QVERIFY(committed.wait(5000));
    const QVariantList rows = readColumn(QStringLiteral(
        "SELECT coalesce(dns_ms, 'null') || '|' || coalesce(connect_ms, 'null') || '|' || coalesce(tls_ms, 'null') || "
        "'|' || coalesce(first_byte_ms, 'null') FROM probe_results ORDER BY at_ms"));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].toString(), u"0.5|1.25|4.5|9.75"_s);
    QCOMPARE(rows[1].toString(), u"null|null|null|null"_s);
}

void TestProbeHistory::storesKindRcodeAndCertificateExpiry()
{
    QSignalSpy committed(m_storage, &Storage::batchCommitted);
    const QDateTime expiry = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
    {
        ProbeHistory history(m_storage, u"ws"_s);
        ProbeResult tls = result(0);
        tls.kind = u"tls"_s;
        tls.httpStatus = 0;
        tls.certificateExpiry = expiry;
        tls.certificateChain = { u"CN=localhost"_s };
        ProbeResult dns = result(2);
        dns.kind = u"dns"_s;
        dns.dnsRcode = u"NXDOMAIN"_s;
        history.add(tls);
        history.add(dns);
        history.add(result(4)); // an http check without a certificate
    }
    QVERIFY(committed.wait(5000));
    const QVariantList rows = readColumn(QStringLiteral(
        "SELECT kind || '|' || dns_rcode || '|' || coalesce(certificate_expiry_ms, 'null') FROM probe_results "
        "ORDER BY at_ms"));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].toString(), u"tls||%1"_s.arg(expiry.toMSecsSinceEpoch()));
    QCOMPARE(rows[1].toString(), u"dns|NXDOMAIN|null"_s);
    QCOMPARE(rows[2].toString(), u"http||null"_s);
}

void TestProbeHistory::failedBatchReachesTheOperator()
{
    QVERIFY(StorageTest::wait(m_storage->write(
        u"A test's write"_s, [](QSqlDatabase &db) { sqlExec(db, u"ALTER TABLE probe_results RENAME TO gone"_s); })));
    QSignalSpy writeFailed(m_storage, &Storage::writeFailed);
    ProbeHistory history(m_storage, u"ws"_s);
    QSignalSpy written(&history, &ProbeHistory::batchWritten);
    history.add(result(1));
    history.add(result(2));
    history.flush();
    QVERIFY(writeFailed.wait(10000));
    // "Saving 2 probe results" once the English translation is installed; the source text here.
    QCOMPARE(writeFailed.at(0).at(0).toString(), u"Saving 2 probe result(s)"_s);
    QVERIFY2(writeFailed.at(0).at(1).toString().startsWith(u"no such table: probe_results"_s),
        qPrintable(writeFailed.at(0).at(1).toString()));
    QCOMPARE(written.size(), 0);
}

// A database that is away (a team database offline) loses no result: the batch is kept and written again.
void TestProbeHistory::failedBatchIsWrittenLater()
{
    QVERIFY(StorageTest::wait(m_storage->write(
        u"A test's write"_s, [](QSqlDatabase &db) { sqlExec(db, u"ALTER TABLE probe_results RENAME TO gone"_s); })));
    ProbeHistory history(m_storage, u"ws"_s);
    QSignalSpy written(&history, &ProbeHistory::batchWritten);
    history.add(result(1));
    history.add(result(2));
    history.flush();
    QTRY_COMPARE_WITH_TIMEOUT(history.buffered(), 2, 5000);
    history.add(result(3));
    history.flush();
    QTRY_COMPARE_WITH_TIMEOUT(history.buffered(), 3, 5000);
    QVERIFY(StorageTest::wait(m_storage->write(
        u"A test's write"_s, [](QSqlDatabase &db) { sqlExec(db, u"ALTER TABLE gone RENAME TO probe_results"_s); })));
    QTRY_COMPARE_WITH_TIMEOUT(history.buffered(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(readColumn(u"SELECT at_ms FROM probe_results ORDER BY id"_s).size(), 3, 5000);
    const QVariantList at = readColumn(u"SELECT at_ms FROM probe_results ORDER BY id"_s);
    QVERIFY(at[0].toLongLong() < at[1].toLongLong() && at[1].toLongLong() < at[2].toLongLong()); // in order
}

void TestProbeHistory::storesLocationAndProber()
{
    QSignalSpy committed(m_storage, &Storage::batchCommitted);
    {
        ProbeHistory history(m_storage, u"ws"_s);
        ProbeResult seoul = result(1);
        seoul.location = u"seoul"_s;
        seoul.checkedBy = u"host/42"_s;
        history.add(seoul);
        history.add(result(2));
    }
    QVERIFY(committed.wait(5000));
    const QVariantList rows = readColumn(u"SELECT location || '|' || checked_by FROM probe_results ORDER BY at_ms"_s);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].toString(), u"seoul|host/42"_s);
    QCOMPARE(rows[1].toString(), u"|"_s);
}

QTEST_GUILESS_MAIN(TestProbeHistory)
#include "tst_probehistory.moc"
