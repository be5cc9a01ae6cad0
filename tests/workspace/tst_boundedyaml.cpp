// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/boundedyaml.h"
#include "workspace/workspaceloader.h"

#include <QElapsedTimer>
#include <QTemporaryFile>
#include <QTest>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The text of issue 16: yaml-cpp 0.7's LoadAll() allocates without end on these 17 bytes.
const QByteArray commaAfterDocument = "{a: 1},\nb: true\n";

// Billion laughs: nine levels of nine aliases each, 9^9 nodes once the aliases are expanded.
QByteArray aliasBomb()
{
    QByteArray out = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        const QByteArray previous = "*a" + QByteArray::number(level - 1);
        QByteArray items;
        for (int i = 0; i < 9; ++i) {
            items += (i ? ", " : "") + previous;
        }
        out += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [" + items + "]\n";
    }
    return out;
}

QByteArray nested(int depth, const QByteArray &open, const QByteArray &close)
{
    return open.repeated(depth) + close.repeated(depth) + '\n';
}

// The peak resident memory of this process in MB: it must stay small, whatever the limits of the machine.
qint64 peakMegabytes()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

class TestBoundedYaml final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each hostile text is refused with its named diagnostic, in bounded time and memory.
    void refused_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::addRow("17 bytes that make LoadAll loop")
            << commaAfterDocument << u"bomb.yaml:1:7: unexpected \",\" after the end of the document"_s;
        QTest::addRow("billion laughs")
            << aliasBomb()
            << u"bomb.yaml:6:20: more than 250000 YAML nodes (an alias counts as a copy of what it refers to)"_s;
        QTest::addRow("10,000 nested lists")
            << nested(10'000, "[", "]") << u"bomb.yaml:1:65: mappings and lists nested deeper than 64 levels"_s;
        QTest::addRow("10,000 nested mappings")
            << nested(10'000, "{a: ", "}") << u"bomb.yaml:1:257: mappings and lists nested deeper than 64 levels"_s;
        QTest::addRow("alias to itself") << QByteArray("a: &x [1, *x]\n")
                                         << u"bomb.yaml:1:11: an alias inside the node it refers to (a cycle)"_s;
        QTest::addRow("stray flow end after a mapping")
            << QByteArray("a: 1\n}\n") << u"bomb.yaml:2:1: invalid YAML: illegal flow end"_s;
    }
    void refused()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        QElapsedTimer clock;
        clock.start();
        const LoadResult result = WorkspaceLoader::loadData(yaml, u"bomb.yaml"_s);
        const qint64 elapsed = clock.elapsed();
        QVERIFY(!result.ok());
        QCOMPARE(result.diagnostics.size(), 1);
        QCOMPARE(result.diagnostics.first().toString(), expected);
        QVERIFY2(elapsed < 10'000, qPrintable(u"took %1 ms"_s.arg(elapsed)));
        QVERIFY2(peakMegabytes() < 512, qPrintable(u"peak %1 MB"_s.arg(peakMegabytes())));
    }

    void fiftyMegabyteFileIsNotRead()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        QVERIFY(file.resize(50 * 1024 * 1024)); // sparse: no 50 MB written
        file.close();
        QElapsedTimer clock;
        clock.start();
        const LoadResult result = WorkspaceLoader::loadFile(file.fileName());
        QVERIFY(clock.elapsed() < 10'000);
        QVERIFY(!result.ok());
        QCOMPARE(result.diagnostics.size(), 1);
        QCOMPARE(result.diagnostics.first().message, u"the file is 50.0 MB; a workspace file may be at most 8 MB"_s);
        QVERIFY2(peakMegabytes() < 512, qPrintable(u"peak %1 MB"_s.arg(peakMegabytes())));
    }

    void fiftyMegabytesOfDataAreNotParsed()
    {
        const QByteArray yaml = QByteArray("a: ") + QByteArray(50 * 1024 * 1024, 'x');
        const LoadResult result = WorkspaceLoader::loadData(yaml, u"big.yaml"_s);
        QVERIFY(!result.ok());
        QCOMPARE(result.diagnostics.first().toString(),
            u"big.yaml: the file is 50.0 MB; a workspace file may be at most 8 MB"_s);
    }

    // A file that reports no size (a pipe, a device) is read only up to the cap.
    void endlessFileIsReadUpToTheCap()
    {
#ifdef Q_OS_LINUX
        const LoadResult result = WorkspaceLoader::loadFile(u"/dev/zero"_s);
        QVERIFY(!result.ok());
        QCOMPARE(result.diagnostics.first().message, u"the file is 8.0 MB; a workspace file may be at most 8 MB"_s);
#else
        QSKIP("needs /dev/zero");
#endif
    }

    void timeBound()
    {
        QByteArray yaml = "items:\n";
        for (int i = 0; i < 5000; ++i) {
            yaml += "  - " + QByteArray::number(i) + '\n';
        }
        YamlLimits limits;
        limits.maxTime = 0ms;
        const YamlParse parsed = BoundedYaml::parse(yaml.toStdString(), limits);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error, u"parsing took longer than 0 ms"_s);
        QVERIFY(parsed.errorMark.line > 0);
    }

    void documentCountBound()
    {
        const QByteArray yaml = QByteArray("a: 1\n") + QByteArray("---\nb: 2\n").repeated(100);
        const YamlParse parsed = BoundedYaml::parse(yaml.toStdString());
        QCOMPARE(parsed.error, u"more than 64 YAML documents"_s);
    }

    // Aliases within the bounds are fine: a workspace may share a block of headers.
    void modestAliasesAreRead()
    {
        const YamlParse parsed = BoundedYaml::parse(
            "common: &h { Accept: application/json }\nendpoints:\n  - headers: *h\n  - headers: *h\n");
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.documents, 1);
        QCOMPARE(parsed.document["endpoints"][1]["headers"]["Accept"].as<std::string>(), "application/json");
    }

    void secondDocumentIsCountedNotRead()
    {
        const YamlParse parsed = BoundedYaml::parse("a: 1\n---\nb: 2\n");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.documents, 2);
        QCOMPARE(parsed.secondDocument.line, 2); // its first node, `b` (yaml-cpp counts lines from 0)
        QVERIFY(parsed.document["a"].IsDefined());
        QVERIFY(!parsed.document["b"].IsDefined());
    }
};

QTEST_GUILESS_MAIN(TestBoundedYaml)
#include "tst_boundedyaml.moc"
