// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/fileexporter.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestFileExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesMarkdownAndPdf();
    void unwritablePathReportsAndLeavesOldFile();

private:
    static QString run(FileExporter &exporter, const QString &path, bool pdf, const QString &markdown);
};

QString TestFileExporter::run(FileExporter &exporter, const QString &path, bool pdf, const QString &markdown)
{
    QSignalSpy finished(&exporter, &FileExporter::finished);
    exporter.write(path, markdown, u"Morning check"_s, pdf);
    if (finished.count() != 0 || !exporter.isBusy()) {
        return u"answered from inside write()"_s;
    }
    if (!finished.wait(30000)) {
        return u"timeout"_s;
    }
    if (finished.at(0).at(0).toString() != path) {
        return u"wrong path"_s;
    }
    return finished.at(0).at(1).toString();
}

void TestFileExporter::writesMarkdownAndPdf()
{
    QTemporaryDir dir;
    FileExporter exporter;
    const QString md = dir.filePath(u"morning.md"_s);
    QCOMPARE(run(exporter, md, false, u"# 오전 점검\n"_s), QString());
    QFile mdFile(md);
    QVERIFY(mdFile.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(mdFile.readAll()), u"# 오전 점검\n"_s);

    const QString pdf = dir.filePath(u"morning.pdf"_s);
    QCOMPARE(run(exporter, pdf, true, u"# 오전 점검\n"_s), QString());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.readAll().startsWith("%PDF-"));
    QVERIFY(!exporter.isBusy());
}

void TestFileExporter::unwritablePathReportsAndLeavesOldFile()
{
    QTemporaryDir dir;
    FileExporter exporter;
    const QString error = run(exporter, dir.filePath(u"missing-folder/out.md"_s), false, u"x"_s);
    QVERIFY2(!error.isEmpty(), "a write into a missing folder must fail with a reason");
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

QTEST_MAIN(TestFileExporter)
#include "tst_fileexporter.moc"
