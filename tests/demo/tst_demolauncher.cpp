// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demolauncher.h"
#include "servicehelpers.h"
#include "workspace/workspaceloader.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

class tst_DemoLauncher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void ready_data();
    void ready();
    void missingBinary();
    void searchesInstalledPlaceRelativeToProgram();
    void badChild_data();
    void badChild();
    void destructorEndsChild();

private:
    int get(const QUrl &url, const QByteArray &authorization = {});
    QString writeScript(const QByteArray &body);

    QNetworkAccessManager m_nam;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_DemoLauncher::init()
{
    qunsetenv("OPSDECK_DEMO_SERVICE");
    qunsetenv("DEMO_ADMIN_TOKEN");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_DemoLauncher::cleanup()
{
    qunsetenv("OPSDECK_DEMO_SERVICE");
    m_dir.reset();
}

int tst_DemoLauncher::get(const QUrl &url, const QByteArray &authorization)
{
    return sendRequest(&m_nam, "GET", url, {}, authorization).status;
}

QString tst_DemoLauncher::writeScript(const QByteArray &body)
{
    const QString path = m_dir->filePath(u"fake-service.sh"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("#!/bin/sh\n" + body) < 0) {
        return {};
    }
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void tst_DemoLauncher::searchesInstalledPlaceRelativeToProgram()
{
    // An installed opsdeck in <prefix>/bin finds <prefix>/libexec/opsdeck/opsdeck-demo-service, whatever the prefix.
    const QStringList paths = DemoLauncher::searchPaths();
    const QString installed
        = QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../libexec/opsdeck/opsdeck-demo-service"_s);
    QVERIFY2(paths.contains(installed), qPrintable(paths.join(u", "_s)));
    QCOMPARE(paths.indexOf(installed), 1); // right after "next to the program"
}

void tst_DemoLauncher::ready_data()
{
    QTest::addColumn<bool>("override");
    QTest::addRow("found in the build tree") << false;
    QTest::addRow("OPSDECK_DEMO_SERVICE") << true;
}

void tst_DemoLauncher::ready()
{
    QFETCH(bool, override);
    if (override) {
        qputenv("OPSDECK_DEMO_SERVICE", QByteArrayLiteral(OPSDECK_DEMO_SERVICE_PATH));
    }
    DemoLauncher launcher;
    QSignalSpy ready(&launcher, &DemoLauncher::ready);
    QSignalSpy failed(&launcher, &DemoLauncher::failed);
    QSignalSpy stopped(&launcher, &DemoLauncher::stopped);
    const QString dataDir = m_dir->filePath(u"data/nested"_s);
    launcher.start(dataDir);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 15000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));

    const QString workspacePath = ready.first().at(0).toString();
    const QUrl baseUrl = ready.first().at(1).toUrl();
    QCOMPARE(workspacePath, dataDir + u"/demo-workspace.yaml"_s);
    QCOMPARE(baseUrl.host(), u"127.0.0.1"_s);
    QVERIFY(baseUrl.port() > 0);
    QCOMPARE(launcher.baseUrl(), baseUrl);
    QVERIFY(launcher.isRunning());
    QCOMPARE(get(baseUrl.resolved(QUrl(u"/health"_s))), 200);

    const QByteArray token = qgetenv("DEMO_ADMIN_TOKEN");
    QVERIFY(token.size() >= 32);
    QCOMPARE(get(baseUrl.resolved(QUrl(u"/admin/deployments"_s)), "Bearer " + token), 200);

    QFile file(workspacePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains(QByteArray(baseUrl.toString().toUtf8() + "/health")));
    QVERIFY(!text.contains("@DEMO_URL@"));
    QVERIFY2(!text.contains(token), "the admin token must never be written to the workspace");
    const LoadResult loaded = WorkspaceLoader::loadFile(workspacePath);
    QVERIFY2(loaded.ok(), loaded.errors().isEmpty() ? "" : qPrintable(loaded.errors().first().toString()));

    const qint64 pid = launcher.processId();
    QVERIFY(pid > 0);
    launcher.stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 5000);
    QVERIFY(!launcher.isRunning());
    QCOMPARE(::kill(pid_t(pid), 0), -1); // gone and reaped
    QCOMPARE(get(baseUrl.resolved(QUrl(u"/livez"_s))), 0); // connection refused
    QVERIFY(qgetenv("DEMO_ADMIN_TOKEN").isEmpty());
    QCOMPARE(failed.size(), 0);
}

void tst_DemoLauncher::missingBinary()
{
    const QByteArray bogus = m_dir->filePath(u"no/such/opsdeck-demo-service"_s).toUtf8();
    qputenv("OPSDECK_DEMO_SERVICE", bogus);
    DemoLauncher launcher;
    QSignalSpy ready(&launcher, &DemoLauncher::ready);
    QSignalSpy failed(&launcher, &DemoLauncher::failed);
    launcher.start(m_dir->path());
    QVERIFY(failed.isEmpty()); // reported asynchronously
    QTRY_COMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QString::fromUtf8(bogus)), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("OPSDECK_DEMO_SERVICE")), qPrintable(message));
    QCOMPARE(ready.size(), 0);
    QVERIFY(!launcher.isRunning());
    QVERIFY(!QFile::exists(m_dir->filePath(u"demo-workspace.yaml"_s)));
}

void tst_DemoLauncher::badChild_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("exits early") << QByteArray("echo 'cannot listen: boom' >&2\nexit 3\n")
                                 << QStringList { u"exit code 3"_s, u"cannot listen: boom"_s };
    QTest::addRow("wrong first line") << QByteArray("echo 'hello there'\nsleep 30\n")
                                      << QStringList { u"unexpected first line"_s, u"hello there"_s };
    QTest::addRow("not on loopback") << QByteArray("echo 'opsdeck-demo-service listening on http://10.0.0.1:80'\n"
                                                   "sleep 30\n")
                                     << QStringList { u"unexpected first line"_s };
    QTest::addRow("silent") << QByteArray("echo 'starting slowly' >&2\nsleep 30\n")
                            << QStringList { u"within 10 seconds"_s, u"starting slowly"_s };
}

void tst_DemoLauncher::badChild()
{
    QFETCH(QByteArray, script);
    QFETCH(QStringList, expected);
    const QString path = writeScript(script);
    QVERIFY(!path.isEmpty());
    qputenv("OPSDECK_DEMO_SERVICE", path.toUtf8());
    DemoLauncher launcher;
    QSignalSpy ready(&launcher, &DemoLauncher::ready);
    QSignalSpy failed(&launcher, &DemoLauncher::failed);
    launcher.start(m_dir->path());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(path), qPrintable(message));
    for (const QString &part : std::as_const(expected)) {
        QVERIFY2(message.contains(part), qPrintable(message));
    }
    QCOMPARE(ready.size(), 0);
    QTRY_VERIFY(!launcher.isRunning());
}

void tst_DemoLauncher::destructorEndsChild()
{
    auto launcher = std::make_unique<DemoLauncher>();
    QSignalSpy ready(launcher.get(), &DemoLauncher::ready);
    launcher->start(m_dir->path());
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
    const qint64 pid = launcher->processId();
    const QUrl baseUrl = ready.first().at(1).toUrl();
    QVERIFY(pid > 0);
    launcher.reset();
    QCOMPARE(::kill(pid_t(pid), 0), -1);
    QCOMPARE(get(baseUrl.resolved(QUrl(u"/livez"_s))), 0);
}

QTEST_GUILESS_MAIN(tst_DemoLauncher)
#include "tst_demolauncher.moc"
