// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "highlight/highlighterprobe.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestHighlighterProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseVersion_data();
    void parseVersion();
    void reportsNotFound();
    void findsInstalledTool();
    void skipsProgramsWithoutVersion();
};

void TestHighlighterProbe::parseVersion_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("version");
    QTest::addRow("kf5") << QStringLiteral("kate-syntax-highlighter 5.103.0\n") << QStringLiteral("5.103.0");
    QTest::addRow("kf6") << QStringLiteral("ksyntaxhighlighter6 6.8.0") << QStringLiteral("6.8.0");
    QTest::addRow("two parts") << QStringLiteral("tool 1.2") << QStringLiteral("1.2");
    QTest::addRow("none") << QStringLiteral("usage: tool [options]") << QString();
    QTest::addRow("empty") << QString() << QString();
}

void TestHighlighterProbe::parseVersion()
{
    QFETCH(QString, output);
    QFETCH(QString, version);
    QCOMPARE(HighlighterProbe::parseVersion(output), version);
}

void TestHighlighterProbe::reportsNotFound()
{
    HighlighterProbe probe;
    probe.setPrograms({ QStringLiteral("opsdeck-no-such-highlighter") });
    QSignalSpy finished(&probe, &HighlighterProbe::finished);
    probe.start();
    QCOMPARE(finished.size(), 0); // asynchronous even when nothing is found
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().at(1).toString(), QString());
}

void TestHighlighterProbe::findsInstalledTool()
{
    if (QStandardPaths::findExecutable(QStringLiteral("kate-syntax-highlighter")).isEmpty()) {
        QSKIP("kate-syntax-highlighter is not installed");
    }
    HighlighterProbe probe;
    QSignalSpy finished(&probe, &HighlighterProbe::finished);
    probe.start();
    QVERIFY(probe.isRunning());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toString(), QStringLiteral("kate-syntax-highlighter"));
    QVERIFY(!finished.first().at(1).toString().isEmpty());
}

namespace {
QString writeScript(const QTemporaryDir &dir, const QString &name, const QByteArray &output)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    file.write("#!/bin/sh\necho '" + output + "'\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}
} // namespace

void TestHighlighterProbe::skipsProgramsWithoutVersion()
{
    QTemporaryDir dir;
    const QString noVersion = writeScript(dir, QStringLiteral("no-version"), "usage: no-version FILE");
    const QString fake = writeScript(dir, QStringLiteral("fake-highlighter"), "fake-highlighter 9.1.2");
    QVERIFY(!noVersion.isEmpty() && !fake.isEmpty());

    HighlighterProbe probe;
    probe.setPrograms({ dir.filePath(QStringLiteral("missing")), noVersion, fake });
    QSignalSpy finished(&probe, &HighlighterProbe::finished);
    probe.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toString(), fake);
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("9.1.2"));
}

QTEST_GUILESS_MAIN(TestHighlighterProbe)
#include "tst_highlighterprobe.moc"
