// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/pdfdocument.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The PDF is checked by reading its text back with pdftotext (poppler-utils, installed by tools/dev.sh).
class TestPdfDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textReadsBackInBothLanguages();
    void longRecordsBreakIntoPages();

private:
    QString textOf(const QByteArray &pdf, int *pages = nullptr);
    QTemporaryDir m_dir;
};

QString TestPdfDocument::textOf(const QByteArray &pdf, int *pages)
{
    const QString tool = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (tool.isEmpty()) {
        qWarning("pdftotext is missing: install poppler-utils (tools/dev.sh deps)");
        return {};
    }
    const QString path = m_dir.filePath(u"out.pdf"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size()) {
        return {};
    }
    file.close();
    QProcess process;
    process.start(tool, { u"-layout"_s, path, u"-"_s });
    process.waitForFinished(30000);
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    if (pages) {
        *pages = int(text.count(u'\f'));
    }
    return text;
}

void TestPdfDocument::textReadsBackInBothLanguages()
{
    const QString markdown = u"# 아침 점검 — Morning check\n\n"
                             u"- [x] 서버 상태 확인 (Server status) — 09:02 by kim\n"
                             u"- [ ] 백업 확인\n\n"
                             u"**Signed** by 김민수 at 2026-03-02 09:40\n"_s;
    const QByteArray pdf = PdfDocument::fromMarkdown(markdown, u"아침 점검"_s);
    QVERIFY(pdf.startsWith("%PDF-"));
    const QString text = textOf(pdf);
    QVERIFY2(text.contains(u"아침 점검"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Morning check"_s), qPrintable(text));
    QVERIFY2(text.contains(u"서버 상태 확인"_s), qPrintable(text));
    QVERIFY2(text.contains(u"김민수"_s), qPrintable(text));
}

void TestPdfDocument::longRecordsBreakIntoPages()
{
    QString markdown = u"# History\n\n"_s;
    for (int i = 1; i <= 300; ++i) {
        markdown += u"- entry %1\n"_s.arg(i);
    }
    int pages = 0;
    const QString text = textOf(PdfDocument::fromMarkdown(markdown, u"History"_s), &pages);
    QVERIFY2(pages >= 3, qPrintable(u"%1 pages"_s.arg(pages)));
    QVERIFY(text.contains(u"entry 300"_s));
}

QTEST_MAIN(TestPdfDocument)
#include "tst_pdfdocument.moc"
