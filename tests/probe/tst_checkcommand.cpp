// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "cli/checkcommand.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// `opsdeck check` against the real demo service, which runs v2 with an elevated error rate so its /health says
// "degraded": the exit code depends on what the workspace asks of that body.
class TestCheckCommand final : public QObject
{
    Q_OBJECT

private slots:
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
    QTRY_VERIFY_WITH_TIMEOUT(sendRequest(&nam, "GET", m_base.resolved(QUrl(QStringLiteral("/health"))))
                                 .json()
                                 .value(QStringLiteral("status"))
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
    QString yaml = QStringLiteral("workspace: { id: %1, title: Check test }\nendpoints:\n").arg(name) + endpoints;
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
    const QString status
        = QStringLiteral("  - name: health\n    url: BASE/health\n    conditions: [\"[STATUS] == 200\"]\n");
    QTest::addRow("status only: OK") << status << 0 << QStringLiteral("health    OK");
    QTest::addRow("healthy as a warn-condition: WARNING")
        << status + QStringLiteral("    warn-conditions: [\"[BODY].status == healthy\"]\n") << 1
        << QStringLiteral("[BODY].status (degraded) == healthy");
    QTest::addRow("healthy as a condition: CRITICAL") << QStringLiteral(
        "  - name: health\n    url: BASE/health\n    conditions:\n      - \"[STATUS] == 200\"\n"
        "      - \"[BODY].status == healthy\"\n") << 2 << QStringLiteral("[BODY].status (degraded) == healthy");
    QTest::addRow("worst of several wins") << status
            + QStringLiteral("  - name: down\n    url: http://127.0.0.1:1/\n    conditions: [\"[STATUS] == 200\"]\n")
                                           << 2 << QStringLiteral("Connection refused");
    QTest::addRow("a failure threshold does not hide a single check") << QStringLiteral(
        "  - name: down\n    url: http://127.0.0.1:1/\n    failure-threshold: 5\n"
        "    conditions: [\"[STATUS] == 200\"]\n") << 2 << QStringLiteral("down      CRITICAL");
}

void TestCheckCommand::exitCodeFollowsTheWorkspace()
{
    QFETCH(QString, endpoints);
    QFETCH(int, exitCode);
    QFETCH(QString, line);
    const QString path
        = writeWorkspace(QStringLiteral("ws%1").arg(QTest::currentDataTag()[0] == 'w' ? 1 : 0), endpoints);
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Table, &output), exitCode);
    QVERIFY2(output.startsWith(QLatin1String("ENDPOINT")), qPrintable(output));
    QVERIFY2(output.contains(line), qPrintable(output));
}

void TestCheckCommand::jsonOutput()
{
    const QString path = writeWorkspace(QStringLiteral("json"),
        QStringLiteral("  - name: health\n    url: BASE/health\n    conditions: [\"[BODY].status == healthy\"]\n"));
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Json, &output), 2);
    const QJsonObject root = QJsonDocument::fromJson(output.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("exitCode")).toInt(), 2);
    QCOMPARE(root.value(QStringLiteral("state")).toString(), QStringLiteral("CRITICAL"));
    const QJsonObject health = root.value(QStringLiteral("endpoints")).toArray().at(0).toObject();
    QCOMPARE(health.value(QStringLiteral("httpStatus")).toInt(), 200);
    QVERIFY(health.value(QStringLiteral("totalMs")).toDouble() > 0);
    const QJsonObject condition = health.value(QStringLiteral("conditions")).toArray().at(0).toObject();
    QCOMPARE(condition.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
    QStringList components;
    const QJsonArray list = health.value(QStringLiteral("components")).toArray();
    for (const QJsonValue &c : list) {
        components.append(c.toObject().value(QStringLiteral("name")).toString());
    }
    components.sort();
    QCOMPARE(components,
        QStringList({ QStringLiteral("database"), QStringLiteral("kakaoMaps"), QStringLiteral("redis"),
            QStringLiteral("stripe") }));
}

void TestCheckCommand::kpisJoinTheExitCode_data()
{
    QTest::addColumn<QString>("endpoints");
    QTest::addColumn<QString>("kpis");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("line");
    const QString ok
        = QStringLiteral("  - name: health\n    url: BASE/health\n    conditions: [\"[STATUS] == 200\"]\n");
    const QString pool = QStringLiteral("  - id: pool\n    title: Pool size\n    decimals: 0\n"
                                        "    source: { metrics: { url: BASE/metrics, metric: db_connections_max } }\n");
    QTest::addRow("KPI normal") << ok << pool + QStringLiteral("    thresholds: { warn: 150, crit: 200 }\n") << 0
                                << QStringLiteral("pool  NORMAL    100  Pool size");
    QTest::addRow("KPI warning") << ok << pool + QStringLiteral("    thresholds: { warn: 50, crit: 200 }\n") << 1
                                 << QStringLiteral("pool  WARNING    100  Pool size");
    QTest::addRow("KPI critical, direction below")
        << ok << pool + QStringLiteral("    thresholds: { warn: 500, crit: 200, direction: below }\n") << 2
        << QStringLiteral("pool  CRITICAL    100  Pool size");
    QTest::addRow("KPI without a value is unknown")
        << ok
        << QStringLiteral("  - id: gone\n    title: Gone\n"
                          "    source: { metrics: { url: BASE/metrics, metric: no_such_metric } }\n")
        << 3 << QStringLiteral("UNKNOWN      -  no sample no_such_metric in the scrape");
    QTest::addRow("a critical endpoint beats a warning KPI")
        << ok + QStringLiteral("  - name: down\n    url: http://127.0.0.1:1/\n    conditions: [\"[STATUS] == 200\"]\n")
        << pool + QStringLiteral("    thresholds: { warn: 50 }\n") << 2 << QStringLiteral("pool  WARNING");
    QTest::addRow("JSON field of the checked response")
        << ok
        << QStringLiteral("  - id: errors\n    title: Errors\n    decimals: 3\n    thresholds: { crit: 5 }\n"
                          "    source: { json: { endpoint: health, path: performance.errorRate } }\n")
        << 0 << QStringLiteral("errors  NORMAL  0.0");
    QTest::addRow("a rate after two scrapes")
        << ok
        << QStringLiteral(
               "  - id: traffic\n    title: Traffic\n    unit: req/s\n    thresholds: { crit: 100000 }\n"
               "    source: { metrics: { url: BASE/metrics, metric: http_requests_total, aggregate: rate } }\n")
        << 0 << QStringLiteral(" req/s  Traffic");
}

void TestCheckCommand::kpisJoinTheExitCode()
{
    QFETCH(QString, endpoints);
    QFETCH(QString, kpis);
    QFETCH(int, exitCode);
    QFETCH(QString, line);
    const QString path = writeWorkspace(QStringLiteral("kpi"), endpoints + QStringLiteral("kpis:\n") + kpis);
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Table, &output), exitCode);
    QVERIFY2(output.contains(QLatin1String("\nKPI ")), qPrintable(output));
    QVERIFY2(output.contains(line), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("KPI(s) evaluated")), qPrintable(output));
}

void TestCheckCommand::kpisInJson()
{
    const QString path = writeWorkspace(QStringLiteral("kpijson"),
        QStringLiteral("  - name: health\n    url: BASE/health\n    conditions: [\"[STATUS] == 200\"]\n"
                       "kpis:\n  - id: pool\n    title: Pool\n    thresholds: { warn: 50 }\n"
                       "    source: { metrics: { url: BASE/metrics, metric: db_connections_max } }\n"));
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Json, &output), 1);
    const QJsonObject root = QJsonDocument::fromJson(output.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("exitCode")).toInt(), 1);
    const QJsonObject pool = root.value(QStringLiteral("kpis")).toArray().at(0).toObject();
    QCOMPARE(pool.value(QStringLiteral("id")).toString(), QStringLiteral("pool"));
    QCOMPARE(pool.value(QStringLiteral("state")).toString(), QStringLiteral("WARNING"));
    QCOMPARE(pool.value(QStringLiteral("value")).toDouble(), 100.0);
}

void TestCheckCommand::invalidWorkspaceIsUnknown()
{
    const QString path = writeWorkspace(QStringLiteral("bad"), QStringLiteral("  - name: x\n    interval: soon\n"));
    QString output;
    QCOMPARE(run(path, CheckCommand::Format::Table, &output), 3);
    QVERIFY2(output.contains(QLatin1String("endpoints[0]")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("nothing was checked")), qPrintable(output));
}

void TestCheckCommand::headlessExecutable()
{
    const QString path = writeWorkspace(QStringLiteral("cli"),
        QStringLiteral("  - name: health\n    url: BASE/health\n    conditions: [\"[BODY].status == healthy\"]\n"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(OPSDECK_APP_PATH),
        { QStringLiteral("check"), path, QStringLiteral("--json"), QStringLiteral("--lang"), QStringLiteral("en") });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QJsonObject root = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(root.value(QStringLiteral("state")).toString(), QStringLiteral("CRITICAL"));
}

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
