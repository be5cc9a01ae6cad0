// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../demo/servicehelpers.h"
#include "runbook/runbookrunner.h"
#include "workspace/workspaceloader.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QByteArray token = QByteArrayLiteral("example-runbooks-token");
}

// The seeds' runbooks in the example workspaces, pointed at the demo service instead of the guide's hosts: every
// step the demo has an endpoint for runs and succeeds (manual steps are confirmed as `--yes` would; command steps
// need the guide's own hosts and are not run here).
class TestExampleRunbooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void networkStepsRunAgainstTheDemo_data();
    void networkStepsRunAgainstTheDemo();

private:
    QProcess m_service;
    QUrl m_base;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;
};

void TestExampleRunbooks::initTestCase()
{
    m_base = startDemoService(&m_service, { u"--exit-with-stdin"_s, u"--seed"_s, u"11"_s }, token);
    QVERIFY2(m_base.isValid(), m_service.readAllStandardError().constData());
    qputenv("ADMIN_TOKEN", token);
    // The guides' runbooks run against a service that already works again (their rollback steps are manual).
    const QUrl rollback = m_base.resolved(QUrl(u"/admin/rollback"_s));
    QCOMPARE(sendRequest(&m_nam, "POST", rollback, R"({"version":"v1"})", "Bearer " + token).status, 200);
    const auto health = [this] { return sendRequest(&m_nam, "GET", m_base.resolved(QUrl(u"/health"_s))).json(); };
    QVERIFY(QTest::qWaitFor([&] { return health().value(u"status"_s).toString() == u"healthy"_s; }, 20000));
}

void TestExampleRunbooks::init()
{
    // Seed 004 warns below a 70 % cache hit rate; after a cache clear (seed 003's rollback does one) the rate is
    // noise until enough lookups have been counted again.
    const auto settled = [this] {
        const QUrl url = m_base.resolved(QUrl(u"/admin/cache-stats"_s));
        const QJsonObject stats = sendRequest(&m_nam, "GET", url, {}, "Bearer " + token).json();
        return stats.value(u"hits"_s).toDouble() + stats.value(u"misses"_s).toDouble() >= 100
            && stats.value(u"hit_rate"_s).toDouble() > 75;
    };
    QVERIFY(QTest::qWaitFor(settled, 30000));
}

void TestExampleRunbooks::cleanupTestCase()
{
    qunsetenv("ADMIN_TOKEN");
    m_service.closeWriteChannel();
    if (!m_service.waitForFinished(5000)) {
        m_service.kill();
        m_service.waitForFinished();
    }
}

void TestExampleRunbooks::networkStepsRunAgainstTheDemo_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("origin"); // the guide's host, replaced by the demo's
    QTest::addColumn<QString>("runbook");
    QTest::addColumn<QStringList>("steps"); // the steps the demo can answer
    const QString meetpin = u"https://meetpin-weld.vercel.app"_s;
    const QString posture = u"https://posture.example.com"_s;
    const QString shorts = u"https://api.yourservice.com"_s;
    QTest::addRow("003 emergency rollback")
        << u"meetpin"_s << meetpin << u"emergency-rollback"_s << QStringList { u"cache-clear"_s, u"verify"_s };
    QTest::addRow("002 restore") << u"posture"_s << posture << u"restore"_s << QStringList { u"health"_s };
    QTest::addRow("004 restart the API") << u"shorts-curation"_s << shorts << u"restart-api"_s
                                         << QStringList { u"verify"_s };
    QTest::addRow("004 reset the pool") << u"shorts-curation"_s << shorts << u"reset-db-pool"_s
                                        << QStringList { u"reset"_s, u"verify"_s };
    QTest::addRow("004 flush the cache") << u"shorts-curation"_s << shorts << u"flush-cache"_s
                                         << QStringList { u"flush"_s, u"stats"_s };
    QTest::addRow("004 scale out") << u"shorts-curation"_s << shorts << u"scale-out"_s
                                   << QStringList { u"scale"_s, u"verify"_s };
}

void TestExampleRunbooks::networkStepsRunAgainstTheDemo()
{
    QFETCH(QString, file);
    QFETCH(QString, origin);
    QFETCH(QString, runbook);
    QFETCH(QStringList, steps);

    QFile example(QStringLiteral(OPSDECK_SOURCE_DIR "/examples/%1.yaml").arg(file));
    QVERIFY(example.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(example.readAll());
    QVERIFY(text.contains(origin));
    text.replace(origin, m_base.toString(QUrl::StripTrailingSlash));
    const QString path = m_dir.filePath(file + u".yaml"_s);
    QFile copy(path);
    QVERIFY(copy.open(QIODevice::WriteOnly) && copy.write(text.toUtf8()) > 0);
    copy.close();
    const LoadResult loaded = WorkspaceLoader::loadFile(path);
    QVERIFY(loaded.ok());
    Workspace workspace = *loaded.workspace;
    // The demo speaks plain HTTP: certificate conditions cannot apply to it.
    for (Endpoint &endpoint : workspace.endpoints) {
        endpoint.warnConditions.removeIf([](const QString &c) { return c.contains(u"[CERTIFICATE_EXPIRATION]"_s); });
    }

    RunbookRunner runner;
    QVERIFY(runner.setRunbook(workspace, runbook));
    runner.setAutoConfirm(true);
    QStringList ran;
    for (int i = 0; i < runner.stepCount(); ++i) {
        const RunbookStep &step = runner.runbook().steps.at(i);
        if (!steps.contains(step.id)) {
            continue;
        }
        QSignalSpy finished(&runner, &RunbookRunner::runFinished);
        QCOMPARE(runner.runStep(i), QString());
        QVERIFY(finished.count() > 0 || finished.wait(60000)); // a manual step confirmed by --yes ends at once
        QVERIFY2(
            runner.stepRun(i).state == StepState::Succeeded, qPrintable(step.id + u": "_s + runner.stepRun(i).message));
        ran << step.id;
    }
    QCOMPARE(ran, steps);
}

QTEST_GUILESS_MAIN(TestExampleRunbooks)
#include "tst_examplerunbooks.moc"
