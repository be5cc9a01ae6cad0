// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "highlight/highlighterprobe.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

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
    QTest::addRow("kf5") << u"kate-syntax-highlighter 5.103.0\n"_s << u"5.103.0"_s;
    QTest::addRow("kf6") << u"ksyntaxhighlighter6 6.8.0"_s << u"6.8.0"_s;
    QTest::addRow("two parts") << u"tool 1.2"_s << u"1.2"_s;
    QTest::addRow("none") << u"usage: tool [options]"_s << QString();
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
    probe.setPrograms({ u"opsdeck-no-such-highlighter"_s });
    QSignalSpy finished(&probe, &HighlighterProbe::finished);
    probe.start();
    QCOMPARE(finished.size(), 0); // asynchronous even when nothing is found
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().at(1).toString(), QString());
}

void TestHighlighterProbe::findsInstalledTool()
{
    if (QStandardPaths::findExecutable(u"kate-syntax-highlighter"_s).isEmpty()) {
        QSKIP("kate-syntax-highlighter is not installed");
    }
    HighlighterProbe probe;
    QSignalSpy finished(&probe, &HighlighterProbe::finished);
    probe.start();
    QVERIFY(probe.isRunning());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toString(), u"kate-syntax-highlighter"_s);
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
    const QString noVersion = writeScript(dir, u"no-version"_s, "usage: no-version FILE");
    const QString fake = writeScript(dir, u"fake-highlighter"_s, "fake-highlighter 9.1.2");
    QVERIFY(!noVersion.isEmpty() && !fake.isEmpty());

    HighlighterProbe probe;
    probe.setPrograms({ dir.filePath(u"missing"_s), noVersion, fake });
    QSignalSpy finished(&probe, &HighlighterProbe::finished);
    probe.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toString(), fake);
    QCOMPARE(finished.first().at(1).toString(), u"9.1.2"_s);
}

QTEST_GUILESS_MAIN(TestHighlighterProbe)
#include "tst_highlighterprobe.moc"
