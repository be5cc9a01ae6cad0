// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Every subcommand of the program, used wrongly: exit 2 and a message naming the problem (CommandLine::parse and the
// commands' own argument checks), never the window, a crash or a hang.
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

class TestCommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void wrongUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString ws = QStringLiteral(OPSDECK_EXAMPLE);
        const auto row = [](const char *name, const QStringList &arguments, const QString &message) {
            QTest::newRow(name) << arguments << message;
        };
        // Any subcommand, or none.
        row("unknown option", { u"--frobnicate"_s }, u"Unknown option 'frobnicate'"_s);
        row("option without its value", { u"--data-dir"_s }, u"Missing value after '--data-dir'"_s);
        row("two workspaces", { ws, ws }, u"only one workspace file can be opened; got 2"_s);
        row("demo and a workspace", { u"--demo"_s, ws }, u"--demo opens the demo workspace"_s);
        row("unknown language", { u"--lang"_s, u"xx"_s, ws }, u"unknown language \"xx\" for --lang"_s);
        row("screenshot delay", { u"--screenshot-delay"_s, u"soon"_s, ws },
            u"--screenshot-delay expects milliseconds, got \"soon\""_s);
        row("database not postgres", { u"--database"_s, u"mysql://db/x"_s, u"check"_s, ws }, u"--database:"_s);
        row("--yes for the window", { u"--yes"_s, ws }, u"--yes only applies to the runbook, check, trust"_s);
        row("--json for the window", { u"--json"_s, ws }, u"--json only applies to the check subcommand"_s);
        row("--by for the window", { u"--by"_s, u"kim"_s, ws }, u"--by only applies to the ack subcommand"_s);
        row("-o for the window", { u"-o"_s, u"x.yaml"_s, ws }, u"only apply to the import subcommand"_s);
        row("--listen for the window", { u"--listen"_s, u"9"_s, ws }, u"only apply to the agent subcommand"_s);
        // validate
        row("validate: no file", { u"validate"_s }, u"usage: opsdeck validate FILE"_s);
        row("validate: two files", { u"validate"_s, ws, ws }, u"usage: opsdeck validate FILE"_s);
        row("validate: unknown option", { u"validate"_s, u"--strict"_s, ws }, u"Unknown option 'strict'"_s);
        row("validate: --json", { u"validate"_s, u"--json"_s, ws }, u"--json only applies to the check"_s);
        row("validate: --yes", { u"validate"_s, u"--yes"_s, ws }, u"--yes only applies to the runbook, check"_s);
        // check
        row("check: no workspace", { u"check"_s }, u"usage: opsdeck check WORKSPACE"_s);
        row("check: two workspaces", { u"check"_s, ws, ws }, u"usage: opsdeck check WORKSPACE"_s);
        row("check: --check-config", { u"check"_s, u"--check-config"_s, ws }, u"only apply to the agent"_s);
        row("check: --var", { u"check"_s, u"--var"_s, u"A=1"_s, ws }, u"only apply to the import subcommand"_s);
        // runbook
        row("runbook: nothing", { u"runbook"_s }, u"usage: opsdeck runbook WORKSPACE RUNBOOK-ID"_s);
        row("runbook: no id", { u"runbook"_s, ws }, u"usage: opsdeck runbook WORKSPACE RUNBOOK-ID"_s);
        row("runbook: extra", { u"runbook"_s, ws, u"a"_s, u"b"_s }, u"usage: opsdeck runbook WORKSPACE"_s);
        row("runbook: --json", { u"runbook"_s, ws, u"a"_s, u"--json"_s }, u"--json only applies to the check"_s);
        row("runbook: --list-ids twice", { u"runbook"_s, u"--list-ids"_s, ws, ws },
            u"usage: opsdeck runbook --list-ids WORKSPACE"_s);
        row("runbook: unknown option", { u"runbook"_s, u"--dry-run"_s, ws, u"a"_s }, u"Unknown option 'dry-run'"_s);
        // trust
        row("trust: no workspace", { u"trust"_s }, u"usage: opsdeck trust WORKSPACE"_s);
        row("trust: --json", { u"trust"_s, u"--json"_s, ws }, u"usage: opsdeck trust WORKSPACE"_s);
        // secret
        row("secret: nothing", { u"secret"_s }, u"usage: opsdeck secret set|delete NAME"_s);
        row("secret: no name", { u"secret"_s, u"set"_s }, u"usage: opsdeck secret set|delete NAME"_s);
        row("secret: unknown action", { u"secret"_s, u"get"_s, u"TOKEN"_s }, u"usage: opsdeck secret"_s);
        row("secret: bad name", { u"secret"_s, u"delete"_s, u"1-TOKEN"_s }, u"\"1-TOKEN\" is not a secret name"_s);
        row("secret: --yes", { u"secret"_s, u"--yes"_s, u"set"_s, u"T"_s }, u"--yes only applies to the runbook"_s);
        // import
        row("import: nothing", { u"import"_s }, u"usage: opsdeck import"_s);
        row("import: unknown kind", { u"import"_s, u"nagios"_s, ws }, u"usage: opsdeck import"_s);
        row("import: no file", { u"import"_s, u"gatus"_s }, u"usage: opsdeck import"_s);
        row("import: --var without =", { u"import"_s, u"grafana"_s, ws, u"--var"_s, u"X"_s },
            u"--var expects NAME=VALUE, got \"X\""_s);
        row("import: --yes", { u"import"_s, u"gatus"_s, ws, u"--yes"_s }, u"--yes only applies to the runbook"_s);
        row("import: -o without a file", { u"import"_s, u"gatus"_s, ws, u"-o"_s }, u"Missing value after '-o'"_s);
        // agent
        row("agent: no workspace", { u"agent"_s }, u"usage: opsdeck agent WORKSPACE"_s);
        row("agent: two workspaces", { u"agent"_s, ws, ws }, u"usage: opsdeck agent WORKSPACE"_s);
        row("agent: --json", { u"agent"_s, u"--json"_s, ws }, u"usage: opsdeck agent WORKSPACE"_s);
        row("agent: bad --listen", { u"agent"_s, ws, u"--listen"_s, u"here"_s },
            u"--listen expects ADDR:PORT or PORT, got \"here\""_s);
        // ack
        row("ack: no incident", { u"ack"_s, ws }, u"usage: opsdeck ack WORKSPACE INCIDENT"_s);
        row("ack: extra", { u"ack"_s, ws, u"1"_s, u"2"_s }, u"usage: opsdeck ack WORKSPACE INCIDENT"_s);
        row("ack: not a number", { u"ack"_s, ws, u"latest"_s },
            u"the incident is given by its number (as in #12), got \"latest\""_s);
        row("ack: zero", { u"ack"_s, ws, u"#0"_s }, u"got \"#0\""_s);
        row("ack: --by without a name", { u"ack"_s, ws, u"1"_s, u"--by"_s }, u"Missing value after '--by'"_s);
    }

    void wrongUsageExitsTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // never the user's keychain
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"LANG"_s, u"C"_s);
        env.insert(u"LC_ALL"_s, u"C"_s);
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_dir.path()); // an import's -o or a database could only land here
        // Ours first, so a row's option left without its value stays the last argument. --lang: English messages.
        const QStringList all
            = QStringList { u"--lang"_s, u"en"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s) } + arguments;
        process.start(QStringLiteral(OPSDECK_APP_PATH), all);
        QVERIFY(process.waitForStarted(10000));
        process.closeWriteChannel();
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            QFAIL("opsdeck did not exit within 60 s");
        }
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY2(process.exitCode() == 2, qPrintable(u"exit %1: %2"_s.arg(process.exitCode()).arg(err)));
        QCOMPARE(process.readAllStandardOutput(), QByteArray()); // no half-done work reported
    }

    // Hostile workspaces through the program itself: refused with a message, in bounded time and memory.
    void hostileWorkspaceIsRefused_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("message");
        QByteArray bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (int level = 1; level <= 9; ++level) {
            const QByteArray previous = "*a" + QByteArray::number(level - 1);
            bomb += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [" + previous;
            for (int i = 1; i < 9; ++i) {
                bomb += ", " + previous;
            }
            bomb += "]\n";
        }
        QTest::addRow("billion laughs") << bomb << qint64(0) << u"more than 250000 YAML nodes"_s;
        QTest::addRow("50 MB") << QByteArray("endpoints:\n") << qint64(50) * 1024 * 1024
                               << u"the file is 50.0 MB; a workspace file may be at most 8 MB"_s;
        QTest::addRow("LoadAll loop") << QByteArray("{a: 1},\nb: true\n") << qint64(0)
                                      << u"unexpected \",\" after the end of the document"_s;
    }

    void hostileWorkspaceIsRefused()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(qint64, size);
        QFETCH(QString, message);
        const QString path
            = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".yaml"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(yaml), yaml.size());
        if (size > 0) {
            QVERIFY(file.resize(size)); // sparse: the rest reads as zero bytes
        }
        file.close();
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer clock;
        clock.start();
        process.start(QStringLiteral(OPSDECK_APP_PATH), { u"--lang"_s, u"en"_s, u"validate"_s, path });
        QVERIFY(process.waitForStarted(10000));
        QVERIFY2(process.waitForFinished(60000), "validate did not finish within 60 s");
        const qint64 elapsed = clock.elapsed();
        const QString output = QString::fromUtf8(process.readAll());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(output.contains(path + u':') && output.contains(message), qPrintable(output));
        QVERIFY2(elapsed < 30'000, qPrintable(u"took %1 ms"_s.arg(elapsed)));
        rusage children {};
        getrusage(RUSAGE_CHILDREN, &children); // the largest child so far: every validate of this test
        QVERIFY2(children.ru_maxrss / 1024 < 512, qPrintable(u"peak %1 MB"_s.arg(children.ru_maxrss / 1024)));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
