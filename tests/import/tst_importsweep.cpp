// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Imports every Prometheus rule file, Grafana dashboard and Gatus configuration of ../shared/importer-corpus (beside
// the source tree, never copied into it), validates each generated workspace with the real loader and compares the
// counts with MANIFEST.md.
#include "import/blackboximporter.h"
#include "import/gatusendpoints.h"
#include "import/gatusimporter.h"
#include "import/grafanaimporter.h"
#include "import/prometheusrulesimporter.h"
#include "import/uptimekumaimporter.h"
#include "import/workspacewriter.h"
#include "workspace/workspaceloader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
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
int count(const QString &text, const QString &what, const QString &end = u"\\b"_s)
{
    int sum = 0;
    QRegularExpression re(u"(\\d+) "_s + what + end);
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

void validateChecks(const ImportResult &result, const QString &file)
{
    const QString yaml = WorkspaceWriter::writeChecks(result, { file });
    const LoadResult loaded = WorkspaceLoader::loadData(yaml.toUtf8(), u"sweep.yaml"_s);
    QVERIFY2(loaded.errors().isEmpty(), qPrintable(loaded.errors().value(0).toString() + u'\n' + yaml));
    QCOMPARE(loaded.workspace->endpoints.size(), result.endpoints.size());
    QCOMPARE(loaded.workspace->notifications.providers.size(), result.providers.size());
    QCOMPARE(loaded.workspace->maintenance.size(), result.maintenance.size());
    // Literal webhook URLs and keys never reach the workspace: every provider's url and key is a reference.
    for (const ImportedProvider &p : result.providers) {
        QVERIFY2(p.url.isEmpty() || p.url.contains(u"${"_s), qPrintable(p.url));
        QVERIFY2(p.key.isEmpty() || p.key.contains(u"${"_s), qPrintable(p.key));
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

    void gatus_data()
    {
        QTest::addColumn<QString>("file");
        QStringList files;
        for (QDirIterator it(corpusDir() + u"/gatus"_s, { u"*.yaml"_s }, QDir::Files, QDirIterator::Subdirectories);
             it.hasNext();) {
            files << it.next();
        }
        files.sort();
        QCOMPARE(files.size(), 47); // 12 examples, 30 README blocks, 5 third-party
        for (const QString &file : files) {
            QTest::addRow("%s", qPrintable(QFileInfo(file).fileName())) << file;
        }
    }

    void gatus()
    {
        QFETCH(QString, file);
        QSet<QString> names;
        const ImportResult r = GatusImporter::importPaths({ file }, names);
        const QString name = QFileInfo(file).fileName();
        QString row = manifestRow(QDir(corpusDir() + u"/gatus"_s).relativeFilePath(file));
        QVERIFY2(!row.isEmpty(), qPrintable(name));
        row = row.section(u" | "_s, -1); // the contents column
        // "7 endpoints: 5 http, ...", "1 http endpoint", "1 tcp:// endpoint", "3 icmp endpoints"
        const int endpoints = count(row, u"(?:[\\w:/]+ )?endpoints?"_s);
        // The sqlite example's row says "the same 5 endpoints" as the postgres one.
        const QString kinds = row.contains(u"the same 5 endpoints"_s)
            ? manifestRow(u"twin-gatus/examples-docker-compose-postgres-storage-config.yaml"_s)
            : row;
        const int network = count(kinds, u"(?:dns|icmp|tcp://|tls://|starttls://)"_s, QString());
        const int external = count(row, u"external-endpoints?"_s);
        const int suites = count(row, u"suites?"_s);
        if (row.contains(u"top-level client block only"_s)) {
            // Not a configuration Gatus acts on: the key is listed, nothing else.
            QVERIFY2(!r.failed(), qPrintable(r.error));
            QCOMPARE(r.report.skipped.size(), 1);
            QVERIFY(r.isEmpty());
            return;
        }
        QVERIFY2(!r.failed(), qPrintable(r.error));
        const qsizetype created = r.report.count(u"endpoint"_s, true);
        const qsizetype skipped = r.report.count(u"endpoint"_s, false);
        qsizetype unsupported = 0;
        for (const ImportItem &i : r.report.skipped) {
            unsupported += i.reason.contains(u"not supported by this build"_s) ? 1 : 0;
        }
        qInfo("%s: %d endpoints (%d network) -> %lld created, %lld listed (%lld network); %lld providers, %lld "
              "routes, %lld windows, %lld secrets",
            qPrintable(name), endpoints, network, qlonglong(created), qlonglong(skipped), qlonglong(unsupported),
            qlonglong(r.providers.size()), qlonglong(r.routes.size()), qlonglong(r.maintenance.size()),
            qlonglong(r.secrets.size()));
        QCOMPARE(created + skipped, endpoints);
        QCOMPARE(unsupported, GatusEndpoints::NonHttpEndpoints ? 0 : network);
        QCOMPARE(r.report.count(u"external"_s, false), external);
        QCOMPARE(r.report.count(u"suite"_s, false), suites);
        if (!r.isEmpty()) {
            validateChecks(r, file);
        }
    }

    // The 1.x kuma.db template: its schema is read, and it has no rows (MANIFEST: "no rows").
    void uptimeKuma()
    {
        const QString file = corpusDir() + u"/uptime-kuma/louislam-uptime-kuma__db-kuma.db"_s;
        const QString row = manifestRow(u"louislam-uptime-kuma__db-kuma.db"_s);
        QVERIFY(row.contains(u"no rows"_s));
        QSet<QString> names;
        const ImportResult r = UptimeKumaImporter::importFile(file, names);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.report.created.size() + r.report.skipped.size(), 0);
    }

    void blackbox_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(corpusDir() + u"/blackbox"_s);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 5);
        for (const QString &file : files) {
            QTest::addRow("%s", qPrintable(file)) << dir.filePath(file);
        }
    }

    // Every module is an endpoint or listed with the reason; the count is MANIFEST's ("14 modules (6 tcp, ...)").
    void blackbox()
    {
        QFETCH(QString, file);
        QSet<QString> names;
        const ImportResult r = BlackboxImporter::importPaths({ file }, names);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        const QString row = manifestRow(QFileInfo(file).fileName()).section(u" | "_s, -1);
        QVERIFY(!row.isEmpty());
        const int modules = count(row, u"modules?"_s);
        QVERIFY(modules > 0);
        const qsizetype created = r.report.count(u"endpoint"_s, true);
        const qsizetype skipped = r.report.count(u"endpoint"_s, false);
        qInfo("%s: %d modules -> %lld endpoints, %lld modules listed, %lld keys listed, %lld secrets",
            qPrintable(QFileInfo(file).fileName()), modules, qlonglong(created), qlonglong(skipped),
            qlonglong(r.report.count(u"key"_s, false)), qlonglong(r.secrets.size()));
        QCOMPARE(created + skipped, modules);
        QCOMPARE(created, r.endpoints.size());
        for (const ImportedEndpoint &e : r.endpoints) {
            QVERIFY(!e.enabled);
            QVERIFY2(e.url.contains(u"target.invalid"_s), qPrintable(e.url));
        }
        if (!r.isEmpty()) {
            validateChecks(r, file);
            // No password, token or credential of the file reaches the workspace.
            const QString yaml = WorkspaceWriter::writeChecks(r, { file });
            for (const char *secret : { "mysecret", "secret_token", "client_secret", "Bearer token" }) {
                QVERIFY2(!yaml.contains(QLatin1String(secret)), secret);
            }
        }
    }

    // The three files of the multiple-config-files example as the directory Gatus reads.
    void gatusDirectory()
    {
        QTemporaryDir dir;
        for (const char *part : { "global", "backend", "frontend" }) {
            const QString name = u"examples-multiple-config-files-%1.yaml"_s.arg(QLatin1String(part));
            QVERIFY(QFile::copy(corpusDir() + u"/gatus/twin-gatus/"_s + name, dir.filePath(name)));
        }
        QSet<QString> names;
        const ImportResult r = GatusImporter::importPaths({ dir.path() }, names);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.report.count(u"endpoint"_s, true) + r.report.count(u"endpoint"_s, false), 4);
        QCOMPARE(r.endpoints.size(), GatusEndpoints::NonHttpEndpoints ? 4 : 3);
        validateChecks(r, dir.path());
    }
};

QTEST_GUILESS_MAIN(TestImportSweep)
#include "tst_importsweep.moc"
