// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importpipeline.h"
#include "workspace/workspaceloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestImportPipeline final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kinds()
    {
        for (const QString &name :
            { u"prometheus-rules"_s, u"grafana"_s, u"gatus"_s, u"uptime-kuma"_s, u"blackbox"_s }) {
            ImportRequest::Kind kind {};
            QVERIFY(ImportRequest::kindFromString(name, &kind));
            QCOMPARE(ImportRequest::kindToString(kind), name);
        }
        ImportRequest::Kind kind {};
        QVERIFY(!ImportRequest::kindFromString(u"statping"_s, &kind));
    }

    void ok_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("file");
        QTest::newRow("gatus") << int(ImportRequest::Kind::Gatus) << u"data/gatus-full.yaml"_s;
        QTest::newRow("rules") << int(ImportRequest::Kind::PrometheusRules) << u"data/rules-plain.yaml"_s;
        QTest::newRow("grafana") << int(ImportRequest::Kind::Grafana) << u"data/dashboard-current.json"_s;
        QTest::newRow("blackbox") << int(ImportRequest::Kind::Blackbox) << u"data/blackbox.yml"_s;
    }

    void ok()
    {
        QFETCH(int, kind);
        QFETCH(QString, file);
        ImportRequest request;
        request.kind = ImportRequest::Kind(kind);
        request.files = { QFINDTESTDATA(file) };
        const ImportOutcome outcome = ImportPipeline::run(request);
        QVERIFY2(outcome.ok(), qPrintable(outcome.errors.join(u'\n')));
        QVERIFY(!outcome.result.report.created.isEmpty());
        const LoadResult loaded = WorkspaceLoader::loadData(outcome.text.toUtf8(), u"x.yaml"_s);
        QVERIFY(loaded.ok());
    }

    void failures_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("error");
        const int gatus = int(ImportRequest::Kind::Gatus);
        QTest::newRow("none") << gatus << QStringList() << u"no file to import"_s;
        QTest::newRow("missing") << gatus << QStringList { u"/nonexistent/config.yaml"_s } << u"/nonexistent"_s;
        QTest::newRow("malformed") << gatus << QStringList { QFINDTESTDATA("data/gatus-malformed.yaml") }
                                   << u"gatus-malformed.yaml:"_s;
        QTest::newRow("two kuma") << int(ImportRequest::Kind::UptimeKuma) << QStringList { u"a.db"_s, u"b.db"_s }
                                  << u"give one kuma.db"_s;
        QTest::newRow("blackbox malformed")
            << int(ImportRequest::Kind::Blackbox) << QStringList { QFINDTESTDATA("data/malformed.yaml") }
            << u"malformed.yaml:"_s;
    }

    void failures()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, files);
        QFETCH(QString, error);
        ImportRequest request;
        request.kind = ImportRequest::Kind(kind);
        request.files = files;
        const ImportOutcome outcome = ImportPipeline::run(request);
        QCOMPARE(outcome.status, ImportOutcome::Status::Failed);
        QVERIFY(outcome.text.isEmpty());
        QVERIFY2(outcome.errors.join(u'\n').contains(error), qPrintable(outcome.errors.join(u'\n')));
        QCOMPARE(outcome.errors.last(), u"nothing written"_s);
    }

    void nothing()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"only-grpc.yml"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("modules:\n  g: { prober: grpc }\n");
        f.close();
        ImportRequest request;
        request.kind = ImportRequest::Kind::Blackbox;
        request.files = { file };
        const ImportOutcome outcome = ImportPipeline::run(request);
        QCOMPARE(outcome.status, ImportOutcome::Status::Nothing);
        QVERIFY(outcome.text.isEmpty());
        QCOMPARE(outcome.result.report.skipped.size(), 1);
    }

    void merge()
    {
        QTemporaryDir dir;
        const QString existing = dir.filePath(u"team.yaml"_s);
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# our team\nendpoints:\n  - name: http_2xx\n    url: https://team.example/health\n");
        f.close();
        ImportRequest request;
        request.kind = ImportRequest::Kind::Blackbox;
        request.files = { QFINDTESTDATA("data/blackbox.yml") };
        request.merge = existing;
        const ImportOutcome outcome = ImportPipeline::run(request);
        QVERIFY2(outcome.ok(), qPrintable(outcome.errors.join(u'\n')));
        QVERIFY(outcome.text.startsWith(u"# our team\n"_s));
        QVERIFY(outcome.text.contains(u"name: \"ssh_banner\""_s));
        // The existing endpoint is kept; the imported one of the same name is listed.
        QCOMPARE(outcome.text.count(u"name: http_2xx"_s), 1);
        QVERIFY(!outcome.text.contains(u"name: \"http_2xx\""_s));
        bool listed = false;
        for (const ImportItem &i : outcome.result.report.skipped) {
            listed |= i.name == u"http_2xx"_s && i.reason.contains(u"already has an endpoint"_s);
        }
        QVERIFY(listed);
        const LoadResult loaded = WorkspaceLoader::loadData(outcome.text.toUtf8(), u"team.yaml"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors().value(0).toString()));
    }
};

QTEST_GUILESS_MAIN(TestImportPipeline)
#include "tst_importpipeline.moc"
