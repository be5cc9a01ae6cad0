// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Imports every Prometheus rule file and Grafana dashboard of ../shared/importer-corpus (beside the source tree, never
// copied into it), validates each generated workspace with the real loader and compares the counts with MANIFEST.md.
#include "import/grafanaimporter.h"
#include "import/prometheusrulesimporter.h"
#include "import/workspacewriter.h"
#include "workspace/workspaceloader.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString corpusDir()
{
    const QString source = qEnvironmentVariable("OPSDECK_SOURCE_DIR");
    return source.isEmpty() ? QString() : QDir(source).absoluteFilePath(u"../shared/importer-corpus"_s);
}

// The MANIFEST.md table row of `file` (its last column describes the contents).
QString manifestRow(const QString &file)
{
    QFile manifest(corpusDir() + u"/MANIFEST.md"_s);
    if (!manifest.open(QIODevice::ReadOnly)) {
        return {};
    }
    for (const QString &line : QString::fromUtf8(manifest.readAll()).split(u'\n')) {
        if (line.startsWith(u"| "_s + file + u" |"_s)) {
            return line;
        }
    }
    return {};
}

// The sum of every "<n> <what>" in `text`.
int count(const QString &text, const QString &what)
{
    int sum = 0;
    QRegularExpression re(u"(\\d+) "_s + what + u"\\b"_s);
    for (auto it = re.globalMatch(text); it.hasNext();) {
        sum += it.next().captured(1).toInt();
    }
    return sum;
}

void validate(const ImportResult &result, const QString &file)
{
    const QString yaml = WorkspaceWriter::write(result.title, result.kpis, { file });
    const LoadResult loaded = WorkspaceLoader::loadData(yaml.toUtf8(), u"sweep.yaml"_s);
    QVERIFY2(loaded.errors().isEmpty(), qPrintable(loaded.errors().value(0).toString()));
    QCOMPARE(loaded.workspace->kpis.size(), result.kpis.size());
    for (const ImportItem &item : result.report.created) {
        for (const QString &id : item.kpiId.split(u", "_s)) {
            QVERIFY2(loaded.workspace->kpi(id), qPrintable(id));
        }
    }
}

} // namespace

class TestImportSweep final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QDir(corpusDir()).exists()) {
            QSKIP("../shared/importer-corpus is not beside the source tree");
        }
    }

    void prometheusRules_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(corpusDir() + u"/prometheus-rules"_s);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 8);
        for (const QString &file : files) {
            QTest::addRow("%s", qPrintable(file)) << dir.filePath(file);
        }
    }

    void prometheusRules()
    {
        QFETCH(QString, file);
        QSet<QString> ids;
        const ImportResult r = PrometheusRulesImporter::importFile(file, ids);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        const QString row = manifestRow(QFileInfo(file).fileName());
        QVERIFY(!row.isEmpty());
        const int rules = count(row, u"alerts"_s) + count(row, u"recording rules"_s);
        QVERIFY(rules > 0);
        const qsizetype created = r.report.created.size();
        const qsizetype skipped = r.report.skipped.size();
        qInfo("%s: %lld rules -> %lld tiles from %lld rules, %lld listed", qPrintable(QFileInfo(file).fileName()),
            qlonglong(rules), qlonglong(r.kpis.size()), qlonglong(created), qlonglong(skipped));
        QCOMPARE(created + skipped, rules);
        validate(r, file);
    }

    void grafana_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(corpusDir() + u"/grafana"_s);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 6);
        for (const QString &file : files) {
            QTest::addRow("%s", qPrintable(file)) << dir.filePath(file);
        }
    }

    void grafana()
    {
        QFETCH(QString, file);
        QSet<QString> ids;
        const ImportResult r = GrafanaImporter::importFile(file, {}, ids);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        const QString row = manifestRow(QFileInfo(file).fileName());
        QVERIFY(!row.isEmpty());
        const int panels = count(row, u"panels"_s);
        const int rowPanels = count(row, u"row"_s); // `row` panels of the current layout; not in rows[] layout
        QVERIFY(panels > 0);
        const qsizetype created = r.report.created.size();
        const qsizetype skipped = r.report.skipped.size();
        qInfo("%s: %d panels (%d rows) -> %lld tiles from %lld panels, %lld listed, %d groups",
            qPrintable(QFileInfo(file).fileName()), panels, rowPanels, qlonglong(r.kpis.size()), qlonglong(created),
            qlonglong(skipped), r.report.groups);
        QCOMPARE(created + skipped + rowPanels, panels);
        QVERIFY(r.report.groups >= rowPanels);
        validate(r, file);
    }
};

QTEST_GUILESS_MAIN(TestImportSweep)
#include "tst_importsweep.moc"
