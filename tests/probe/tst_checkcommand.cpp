// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "../notify/notifyreceiver.h"
#include "cli/checkcommand.h"

#include <QDir>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// `opsdeck check` against the real demo service, which runs v2 with an elevated error rate so its /health says
// "degraded": the exit code depends on what the workspace asks of that body.
class TestCheckCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exitCodeFollowsTheWorkspace_data();
    void exitCodeFollowsTheWorkspace();
    void jsonOutput();
    void kpisJoinTheExitCode_data();
    void kpisJoinTheExitCode();
    void kpisInJson();
    void invalidWorkspaceIsUnknown();
    void headlessExecutable();
    void secretWaitsForTrust();
    void repeatedRunsAddUpInTheDataDir();
    void withoutADatabaseNothingIsWritten();

private:
    QString writeWorkspace(const QString &name, const QString &endpoints);
    int run(const QString &path, CheckCommand::Format format, QString *output);

    QProcess m_service;
    QUrl m_base;
    QTemporaryDir m_dir;
};

void TestCheckCommand::initTestCase()
{
    m_base = startDemoService(&m_service, {}, {});
    QVERIFY(m_base.isValid());
    // The error rate is measured over the last seconds of synthetic traffic: wait until /health reports it.
    QNetworkAccessManager nam;
    QTRY_VERIFY_WITH_TIMEOUT(sendRequest(&nam, "GET", m_base.resolved(QUrl(u"/health"_s))).json().value(u"status"_s)
            == QLatin1String("degraded"),
        20000);
}

void TestCheckCommand::cleanupTestCase()
{
    m_service.kill();
    m_service.waitForFinished();
}

QString TestCheckCommand::writeWorkspace(const QString &name, const QString &endpoints)
{
    QString yaml = u"workspace: { id: %1, title: Check test }\nendpoints:\n"_s.arg(name) + endpoints;
    yaml.replace(QLatin1String("BASE"), m_base.toString());
    const QString path = m_dir.filePath(name + QLatin1String(".yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml.toUtf8()) < 0) {
        return {};
    }
    return path;
}

int TestCheckCommand::run(const QString &path, CheckCommand::Format format, QString *output)
{
    QTextStream out(output);
    CheckCommand command(path, format, &out);
    QSignalSpy finished(&command, &CheckCommand::finished);
    command.start();
    if (!finished.wait(20000)) {
        return -1;
    }
    return finished.at(0).at(0).toInt();
}

void TestCheckCommand::exitCodeFollowsTheWorkspace_data()
{
    QTest::addColumn<QString>("endpoints");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("line");
    const QString status = u"  - name: health\n    url: BASE/health\n    conditions: [\"[STATUS] == 200\"]\n"_s;
    QTest::addRow("status only: OK") << status << 0 << u"health    OK"_s;
    QTest::addRow("healthy as a warn-condition: WARNING")
        << status + u"    warn-conditions: [\"[BODY].status == healthy\"]\n"_s << 1
        << u"[BODY].status (degraded) == healthy"_s;
    QTest::addRow("healthy as a condition: CRITICAL") << QStringLiteral(
        "  - name: health\n    url: BASE/health\n    conditions:\n      - \"[STATUS] == 200\"\n"
        "      - \"[BODY].status == healthy\"\n") << 2 << u"[BODY].status (degraded) == healthy"_s;
    QTest::addRow("worst of several wins")
        << status + u"  - name: down\n    url: http://127.0.0.1:1/\n    conditions: [\"[STATUS] == 200\"]\n"_s << 2
        << u"Connection refused"_s;
    QTest::addRow("a failure threshold does not hide a single check") << QStringLiteral(
        "  - name: down\n    url: http://127.0.0.1:1/\n    failure-threshold: 5\n"
        "    conditions: [\"[STATUS] == 200\"]\n") << 2 << u"down      CRITICAL"_s;
    QTest::addRow("an impacted endpoint names its root cause")
        << QStringLiteral("  - name: down\n    url: http://127.0.0.1:1/\n    conditions: [\"[STATUS] == 200\"]\n"
                          "  - name: app\n    url: BASE/health\n    depends-on: [down]\n"
                          "    conditions: [\"[BODY].status == healthy\"]\n")
        << 2 << u"impacted by down; [BODY].status (degraded) == healthy"_s;
}

void TestCheckCommand::exitCodeFollowsTheWorkspace()
{
    QFETCH(QString, endpoints);
    QFETCH(int, exitCode);
    QFETCH(QString, line);
    const QString path = writeWorkspace(u"ws%1"_s.arg(QTest::currentDataTag()[0] == 'w' ? 1 : 0), endpoints);
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Table, &output), exitCode);
    QVERIFY2(output.startsWith(QLatin1String("ENDPOINT")), qPrintable(output));
    QVERIFY2(output.contains(line), qPrintable(output));
}

void TestCheckCommand::jsonOutput()
{
    const QString path = writeWorkspace(
        u"json"_s, u"  - name: health\n    url: BASE/health\n    conditions: [\"[BODY].status == healthy\"]\n"_s);
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Json, &output), 2);
    const QJsonObject root = QJsonDocument::fromJson(output.toUtf8()).object();
    QCOMPARE(root.value(u"exitCode"_s).toInt(), 2);
    QCOMPARE(root.value(u"state"_s).toString(), u"CRITICAL"_s);
    const QJsonObject health = root.value(u"endpoints"_s).toArray().at(0).toObject();
    QCOMPARE(health.value(u"httpStatus"_s).toInt(), 200);
    QVERIFY(health.value(u"totalMs"_s).toDouble() > 0);
    const QJsonObject timings = health.value(u"timings"_s).toObject();
    QVERIFY2(timings.value(u"connectMs"_s).toDouble() > 0, qPrintable(output));
    QVERIFY(timings.value(u"firstByteMs"_s).toDouble() >= timings.value(u"connectMs"_s).toDouble());
    QCOMPARE(timings.value(u"totalMs"_s).toDouble(), health.value(u"totalMs"_s).toDouble());
    QVERIFY(!timings.contains(u"tlsMs"_s)); // plain http
    QCOMPARE(health.value(u"ip"_s).toString(), u"127.0.0.1"_s);
    const QJsonObject condition = health.value(u"conditions"_s).toArray().at(0).toObject();
    QCOMPARE(condition.value(u"verdict"_s).toString(), u"fail"_s);
    QStringList components;
    const QJsonArray list = health.value(u"components"_s).toArray();
    for (const QJsonValue &c : list) {
        components.append(c.toObject().value(u"name"_s).toString());
    }
    components.sort();
    QCOMPARE(components, QStringList({ u"database"_s, u"kakaoMaps"_s, u"redis"_s, u"stripe"_s }));
}

void TestCheckCommand::kpisJoinTheExitCode_data()
{
    QTest::addColumn<QString>("endpoints");
    QTest::addColumn<QString>("kpis");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("line");
    const QString ok = u"  - name: health\n    url: BASE/health\n    conditions: [\"[STATUS] == 200\"]\n"_s;
    const QString pool = QStringLiteral("  - id: pool\n    title: Pool size\n    decimals: 0\n"
                                        "    source: { metrics: { url: BASE/metrics, metric: db_connections_max } }\n");
    QTest::addRow("KPI normal") << ok << pool + u"    thresholds: { warn: 150, crit: 200 }\n"_s << 0
                                << u"pool  NORMAL    100  Pool size"_s;
    QTest::addRow("KPI warning") << ok << pool + u"    thresholds: { warn: 50, crit: 200 }\n"_s << 1
                                 << u"pool  WARNING    100  Pool size"_s;
    QTest::addRow("KPI critical, direction below")
        << ok << pool + u"    thresholds: { warn: 500, crit: 200, direction: below }\n"_s << 2
        << u"pool  CRITICAL    100  Pool size"_s;
    QTest::addRow("KPI without a value is unknown")
        << ok
        << QStringLiteral("  - id: gone\n    title: Gone\n"
                          "    source: { metrics: { url: BASE/metrics, metric: no_such_metric } }\n")
        << 3 << u"UNKNOWN      -  no sample no_such_metric in the scrape"_s;
    QTest::addRow("a critical endpoint beats a warning KPI")
        << ok + u"  - name: down\n    url: http://127.0.0.1:1/\n    conditions: [\"[STATUS] == 200\"]\n"_s
        << pool + u"    thresholds: { warn: 50 }\n"_s << 2 << u"pool  WARNING"_s;
    QTest::addRow("JSON field of the checked response")
        << ok
        << QStringLiteral("  - id: errors\n    title: Errors\n    decimals: 3\n    thresholds: { crit: 5 }\n"
                          "    source: { json: { endpoint: health, path: performance.errorRate } }\n")
        << 0 << u"errors  NORMAL  0.0"_s;
    QTest::addRow("a rate after two scrapes")
        << ok
        << QStringLiteral(
               "  - id: traffic\n    title: Traffic\n    unit: req/s\n    thresholds: { crit: 100000 }\n"
               "    source: { metrics: { url: BASE/metrics, metric: http_requests_total, aggregate: rate } }\n")
        << 0 << u" req/s  Traffic"_s;
}

void TestCheckCommand::kpisJoinTheExitCode()
{
    QFETCH(QString, endpoints);
    QFETCH(QString, kpis);
    QFETCH(int, exitCode);
    QFETCH(QString, line);
    const QString path = writeWorkspace(u"kpi"_s, endpoints + u"kpis:\n"_s + kpis);
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Table, &output), exitCode);
    QVERIFY2(output.contains(QLatin1String("\nKPI ")), qPrintable(output));
    QVERIFY2(output.contains(line), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("KPI(s) evaluated")), qPrintable(output));
}

void TestCheckCommand::kpisInJson()
{
    const QString path = writeWorkspace(u"kpijson"_s,
        QStringLiteral("  - name: health\n    url: BASE/health\n    conditions: [\"[STATUS] == 200\"]\n"
                       "kpis:\n  - id: pool\n    title: Pool\n    thresholds: { warn: 50 }\n"
                       "    source: { metrics: { url: BASE/metrics, metric: db_connections_max } }\n"));
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Json, &output), 1);
    const QJsonObject root = QJsonDocument::fromJson(output.toUtf8()).object();
    QCOMPARE(root.value(u"exitCode"_s).toInt(), 1);
    QCOMPARE(root.value(u"state"_s).toString(), u"WARNING"_s); // the KPI's, though every endpoint is OK
    const QJsonObject pool = root.value(u"kpis"_s).toArray().at(0).toObject();
    QCOMPARE(pool.value(u"id"_s).toString(), u"pool"_s);
    QCOMPARE(pool.value(u"state"_s).toString(), u"WARNING"_s);
    QCOMPARE(pool.value(u"value"_s).toDouble(), 100.0);
}

void TestCheckCommand::invalidWorkspaceIsUnknown()
{
    const QString path = writeWorkspace(u"bad"_s, u"  - name: x\n    interval: soon\n"_s);
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Table, &output), 3);
    QVERIFY2(output.contains(QLatin1String("endpoints[0]")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("nothing was checked")), qPrintable(output));
}

void TestCheckCommand::headlessExecutable()
{
    const QString path = writeWorkspace(
        u"cli"_s, u"  - name: health\n    url: BASE/health\n    conditions: [\"[BODY].status == healthy\"]\n"_s);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(OPSDECK_APP_PATH), { u"check"_s, path, u"--json"_s, u"--lang"_s, u"en"_s });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QJsonObject root = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(root.value(u"state"_s).toString(), u"CRITICAL"_s);
}

// Without a terminal and without --yes, an untrusted version sends its secret nowhere: that endpoint is UNKNOWN,
// "waiting for trust", and the one beside it is checked; --yes sends it for this run.
void TestCheckCommand::secretWaitsForTrust()
{
    qputenv("CHECK_TRUST_TOKEN", "ch3ck-t0ken");
    NotifyReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setAnswer("/secret", NotifyReceiver::ok());
    const QString yaml = u"workspace: { id: trust }\nsecrets:\n  - { name: CHECK_TRUST_TOKEN, description: token }\n"
                         "endpoints:\n  - { name: health, url: \"%1/health\", conditions: [\"[STATUS] == 200\"] }\n"
                         "  - name: secret\n    url: \"%2\"\n"
                         "    headers: { Authorization: \"Bearer ${CHECK_TRUST_TOKEN}\" }\n"
                         "    conditions: [\"[STATUS] == 200\"]\n"_s.arg(
                             m_base.toString(QUrl::StripTrailingSlash), receiver.url(u"/secret"_s).toString());
    const QString path = m_dir.filePath(u"trust.yaml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(yaml.toUtf8()) > 0);
    file.close();
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Table, &output), 3);
    QVERIFY2(output.contains(u"health    OK"_s), qPrintable(output));
    QVERIFY2(output.contains(u"secret    UNKNOWN"_s) && output.contains(u"waiting for trust"_s), qPrintable(output));
    QCOMPARE(receiver.count("/secret"), 0);

    QString yes;
    QString notes;
    QTextStream out(&yes);
    QTextStream err(&notes);
    CheckCommand command(path, CheckCommand::Format::Table, &out);
    command.setTrustAnswer(true, nullptr, &err);
    QSignalSpy finished(&command, &CheckCommand::finished);
    command.start();
    QVERIFY(finished.wait(20000));
    qunsetenv("CHECK_TRUST_TOKEN");
    QCOMPARE(finished.at(0).at(0).toInt(), 0);
    QCOMPARE(receiver.count("/secret"), 1);
    QCOMPARE(receiver.requests().constFirst().headers.value("authorization"), QByteArray("Bearer ch3ck-t0ken"));
    QVERIFY2(notes.contains(u"--yes"_s), qPrintable(notes));
}

// Two cron-like runs with --data-dir: each appends one result per endpoint to the history, and the second run's
// probe figures and error budget count the first run's result once, beside its own.
void TestCheckCommand::repeatedRunsAddUpInTheDataDir()
{
    QTemporaryDir data;
    const QString kpis
        = QStringLiteral("kpis:\n"
                         "  - id: failures\n    title: Failures\n    decimals: 1\n"
                         "    source: { probe: { endpoint: api, figure: failure-rate, window: 1h } }\n"
                         "  - id: budget\n    title: Budget\n    decimals: 3\n"
                         "    source: { error-budget: { endpoint: api, objective: 99.99, period: 1d } }\n");
    // First run: the service is down (nothing listens on port 1).
    const QString path = writeWorkspace(u"cron"_s,
        u"  - name: api\n    url: http://127.0.0.1:1/\n    conditions: [\"[STATUS] == 200\"]\n"
        "  - name: live\n    url: BASE/livez\n    conditions: [\"[STATUS] == 200\"]\n"_s
            + kpis);
    QString first;
    QString notes;
    {
        QTextStream out(&first);
        QTextStream err(&notes);
        CheckCommand command(path, CheckCommand::Format::Json, &out);
        command.setTrustAnswer(false, nullptr, &err);
        command.setStorage({}, data.path());
        QSignalSpy finished(&command, &CheckCommand::finished);
        command.start();
        QVERIFY(finished.wait(20000));
        QVERIFY(command.records());
        QCOMPARE(finished.at(0).at(0).toInt(), 2);
    }
    QVERIFY2(notes.isEmpty(), qPrintable(notes));
    QJsonArray figures = QJsonDocument::fromJson(first.toUtf8()).object().value(u"kpis"_s).toArray();
    QCOMPARE(figures.at(0).toObject().value(u"value"_s).toDouble(), 100.0); // one result, CRITICAL

    // Second run, through the executable: the service is back.
    QVERIFY(!writeWorkspace(u"cron"_s,
        u"  - name: api\n    url: BASE/livez\n    conditions: [\"[STATUS] == 200\"]\n"
        "  - name: live\n    url: BASE/livez\n    conditions: [\"[STATUS] == 200\"]\n"_s
            + kpis)
                 .isEmpty());
    QProcess process;
    process.start(QStringLiteral(OPSDECK_APP_PATH),
        { u"check"_s, path, u"--json"_s, u"--lang"_s, u"en"_s, u"--data-dir"_s, data.path() });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(process.readAllStandardError().isEmpty(), "nothing to report about the recording");
    const QJsonObject root = QJsonDocument::fromJson(process.readAllStandardOutput()).object();

    QList<qint64> at;
    QStringList states;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check-history"_s);
        db.setDatabaseName(QDir(data.path()).filePath(u"opsdeck.sqlite"_s));
        QVERIFY(db.open());
        QSqlQuery q(u"SELECT endpoint, at_ms, state, kind FROM probe_results WHERE workspace_id = 'cron' "
                    "ORDER BY endpoint, at_ms"_s,
            db);
        while (q.next()) {
            states << q.value(0).toString() + u' ' + q.value(2).toString() + u' ' + q.value(3).toString();
            if (q.value(0).toString() == u"api"_s) {
                at << q.value(1).toLongLong();
            }
        }
    }
    QSqlDatabase::removeDatabase(u"check-history"_s);
    QCOMPARE(states, QStringList({ u"api CRITICAL http"_s, u"api OK http"_s, u"live OK http"_s, u"live OK http"_s }));
    figures = root.value(u"kpis"_s).toArray();
    // One of two results failed: counted once each (50 %, not 0 % without the history, not 33 or 67 % twice).
    QCOMPARE(figures.at(0).toObject().value(u"value"_s).toDouble(), 50.0);
    // The budget: 0.01 % of a day is 8.64 s, spent from the failed result until the next one.
    const double allowedMs = 0.0001 * 86400000.0;
    const double expected = 100.0 * (allowedMs - double(at.at(1) - at.at(0))) / allowedMs;
    const double budget = figures.at(1).toObject().value(u"value"_s).toDouble();
    QVERIFY2(qAbs(budget - expected) < 0.001 && budget < 100.0,
        qPrintable(u"budget %1, expected %2"_s.arg(budget).arg(expected)));
}

void TestCheckCommand::withoutADatabaseNothingIsWritten()
{
    const QString path
        = writeWorkspace(u"plain"_s, u"  - name: live\n    url: BASE/livez\n    conditions: [\"[STATUS] == 200\"]\n"_s);
    QString ignored;
    QTextStream sink(&ignored);
    CheckCommand quiet(path, CheckCommand::Format::Json, &sink);
    QSignalSpy done(&quiet, &CheckCommand::finished);
    quiet.start();
    QVERIFY(done.wait(20000));
    QCOMPARE(done.at(0).at(0).toInt(), 0);
    QVERIFY(!quiet.records());
}

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
