// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

// A child process ticks items and prints each tick the store reported saved; it is killed with SIGKILL at random
// moments. Every acknowledged tick must be in the database afterwards, and the database must pass integrity_check.
class TestTickDurability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acknowledgedTicksSurviveSigkill();
};

namespace {
QSet<QString> storedNotes(const QString &path, QString *integrity)
{
    QSet<QString> notes;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(path);
        if (!db.open()) {
            *integrity = db.lastError().text();
            return notes;
        }
        QSqlQuery query(db);
        query.exec(u"PRAGMA integrity_check"_s);
        *integrity = query.next() ? query.value(0).toString() : query.lastError().text();
        query.exec(u"SELECT note FROM checklist_ticks"_s);
        while (query.next()) {
            notes.insert(query.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(u"check"_s);
    return notes;
}
} // namespace

void TestTickDurability::acknowledgedTicksSurviveSigkill()
{
    const int rounds = qEnvironmentVariableIntValue("OPSDECK_DURABILITY_ROUNDS") > 0
        ? qEnvironmentVariableIntValue("OPSDECK_DURABILITY_ROUNDS")
        : 200;
    const quint32 seed = qEnvironmentVariableIsSet("OPSDECK_DURABILITY_SEED")
        ? quint32(qEnvironmentVariableIntValue("OPSDECK_DURABILITY_SEED"))
        : QRandomGenerator::global()->generate();
    qInfo("rounds %d, seed %u (OPSDECK_DURABILITY_SEED repeats a run)", rounds, seed);
    QRandomGenerator random(seed);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"opsdeck.sqlite"_s);
    const QString writer = QCoreApplication::applicationDirPath() + u"/tickwriter"_s;

    qint64 acknowledged = 0;
    int killedMidWrite = 0;
    QSet<QString> acked;
    for (int round = 1; round <= rounds; ++round) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(writer, { path, u"r%1"_s.arg(round) });
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        // Sometimes before the database is open, mostly in the middle of a stream of writes: after its first
        // acknowledged tick, however long starting took (a sanitized writer needs far longer to start).
        if (random.bounded(4) != 0) {
            QVERIFY2(QTest::qWaitFor([&] { return child.canReadLine(); }, 20000), "the writer acknowledged nothing");
        }
        const int delayMs = int(random.bounded(10, 400));
        QTest::qWait(delayMs);
        QCOMPARE(child.state(), QProcess::Running); // it must not have died on its own
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("ack ")) {
                acked.insert(QString::fromUtf8(line.mid(4)));
                ++acknowledged;
            } else if (!line.isEmpty()) {
                ++killedMidWrite; // a partial line: killed while printing
            }
        }
        if (round % 50 == 0 || round == rounds) {
            QString integrity;
            const QSet<QString> stored = storedNotes(path, &integrity);
            QCOMPARE(integrity, u"ok"_s);
            for (const QString &note : std::as_const(acked)) {
                QVERIFY2(stored.contains(note), qPrintable(u"acknowledged tick %1 is missing"_s.arg(note)));
            }
        }
    }
    qInfo("%d kills, %lld acknowledged ticks, all present; %d partial lines", rounds, acknowledged, killedMidWrite);
    QVERIFY(acknowledged > rounds); // the writer made real progress between kills
}

QTEST_GUILESS_MAIN(TestTickDurability)
#include "tst_tickdurability.moc"
