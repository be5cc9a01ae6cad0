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

class TestProbeHistory final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fullBatchIsWrittenAtOnce();
    void partialBatchWaitsAtMostOneSecond();
    void storesVerdictsButNeverTheBody();
    void failedBatchReachesTheOperator();

private:
    static ProbeResult result(int i);
    QVariantList readColumn(const QString &sql) const;

    QTemporaryDir m_dir;
    QString m_path;
    Storage *m_storage = nullptr;
};

void TestProbeHistory::init()
{
    m_path = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
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
    r.endpoint = QStringLiteral("e%1").arg(i % 3);
    r.startedAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + i * 1000, Qt::UTC);
    r.state = i % 2 ? EndpointState::Critical : EndpointState::Ok;
    r.httpStatus = i % 2 ? 503 : 200;
    r.totalMs = 10.5 + i;
    r.body = "{\"token\":\"s3cr3t\"}";
    ConditionResult c;
    c.condition = QStringLiteral("[STATUS] == 200");
    c.actual = QString::number(r.httpStatus);
    c.verdict = i % 2 ? ConditionResult::Verdict::Fail : ConditionResult::Verdict::Pass;
    r.conditions = { c };
    return r;
}

QVariantList TestProbeHistory::readColumn(const QString &sql) const
{
    QVariantList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        db.setDatabaseName(m_path);
        if (db.open()) {
            QSqlQuery q(sql, db);
            while (q.next()) {
                out.append(q.value(0));
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
    return out;
}

void TestProbeHistory::fullBatchIsWrittenAtOnce()
{
    ProbeHistory history(m_storage, QStringLiteral("ws"));
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
    QCOMPARE(readColumn(QStringLiteral("SELECT COUNT(*) FROM probe_results")).value(0).toInt(), ProbeHistory::maxBatch);
}

void TestProbeHistory::partialBatchWaitsAtMostOneSecond()
{
    ProbeHistory history(m_storage, QStringLiteral("ws"));
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

void TestProbeHistory::storesVerdictsButNeverTheBody()
{
    QSignalSpy committed(m_storage, &Storage::batchCommitted);
    {
        ProbeHistory history(m_storage, QStringLiteral("ws"));
        history.add(result(1));
        history.add(result(2));
    } // the destructor flushes
    QVERIFY(committed.wait(5000));
    const QVariantList rows = readColumn(QStringLiteral(
        "SELECT workspace_id || '|' || endpoint || '|' || at_ms || '|' || state || '|' || http_status || '|' || "
        "total_ms || '|' || conditions_json FROM probe_results ORDER BY at_ms"));
    QCOMPARE(rows.size(), 2);
    const QStringList first = rows[0].toString().split(QLatin1Char('|'));
    QCOMPARE(first.mid(0, 6),
        QStringList({ QStringLiteral("ws"), QStringLiteral("e1"), QStringLiteral("1700000001000"),
            QStringLiteral("CRITICAL"), QStringLiteral("503"), QStringLiteral("11.5") }));
    const QJsonArray conditions = QJsonDocument::fromJson(first[6].toUtf8()).array();
    QCOMPARE(conditions.size(), 1);
    QCOMPARE(conditions[0].toObject().value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
    QCOMPARE(conditions[0].toObject().value(QStringLiteral("actual")).toString(), QStringLiteral("503"));
    // Nothing from the body is stored anywhere in the row.
    const QVariantList all = readColumn(QStringLiteral("SELECT * FROM probe_results"));
    for (const QVariant &v : all) {
        QVERIFY(!v.toString().contains(QLatin1String("s3cr3t")));
    }
    QVERIFY(!rows[1].toString().contains(QLatin1String("s3cr3t")));
    const QVariantList indexes = readColumn(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'probe_results'"));
    QVERIFY(indexes.contains(QStringLiteral("probe_results_endpoint_at")));
}

void TestProbeHistory::failedBatchReachesTheOperator()
{
    QVERIFY(StorageTest::wait(m_storage->write(QStringLiteral("A test's write"),
        [](QSqlDatabase &db) { sqlExec(db, QStringLiteral("ALTER TABLE probe_results RENAME TO gone")); })));
    QSignalSpy writeFailed(m_storage, &Storage::writeFailed);
    ProbeHistory history(m_storage, QStringLiteral("ws"));
    QSignalSpy written(&history, &ProbeHistory::batchWritten);
    history.add(result(1));
    history.add(result(2));
    history.flush();
    QVERIFY(writeFailed.wait(10000));
    // "Saving 2 probe results" once the English translation is installed; the source text here.
    QCOMPARE(writeFailed.at(0).at(0).toString(), QStringLiteral("Saving 2 probe result(s)"));
    QVERIFY2(writeFailed.at(0).at(1).toString().startsWith(QStringLiteral("no such table: probe_results")),
        qPrintable(writeFailed.at(0).at(1).toString()));
    QCOMPARE(written.size(), 0);
}

QTEST_GUILESS_MAIN(TestProbeHistory)
#include "tst_probehistory.moc"
