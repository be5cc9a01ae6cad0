// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/prometheusrulesimporter.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const ImportedKpi *kpi(const ImportResult &r, const QString &id)
{
    for (const ImportedKpi &k : r.kpis) {
        if (k.id == id) {
            return &k;
        }
    }
    return nullptr;
}
QString skipReason(const ImportResult &r, const QString &name)
{
    for (const ImportItem &item : r.report.skipped) {
        if (item.name == name) {
            return item.origin + u": "_s + item.reason;
        }
    }
    return {};
}
} // namespace

class TestPrometheusRulesImporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainFile()
    {
        QSet<QString> ids;
        const ImportResult r = PrometheusRulesImporter::importFile(QFINDTESTDATA("data/rules-plain.yaml"), ids);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.kpis.size(), 4);
        QCOMPARE(r.report.created.size() + r.report.skipped.size(), 10); // 9 alerts + 1 recording rule

        const ImportedKpi *errors = kpi(r, u"high-error-rate"_s);
        QVERIFY(errors);
        QCOMPARE(errors->query, u"job:http_errors:ratio5m"_s);
        QCOMPARE(errors->warn, 0.05);
        QCOMPARE(errors->crit, 0.2); // the multi-line critical rule on the same query
        QVERIFY(!errors->below);
        QCOMPARE(errors->group, u"api"_s);
        QVERIFY(errors->description.contains(u"Error rate above 5%"_s));
        QVERIFY(errors->description.contains(u"https://runbooks.example/high-error-rate"_s));
        QVERIFY(errors->origin.endsWith(u"rules-plain.yaml:6:9"_s));

        const ImportedKpi *availability = kpi(r, u"low-availability"_s);
        QVERIFY(availability);
        QCOMPARE(availability->query, u"avg(up{job=\"api\"})"_s);
        QCOMPARE(availability->crit, 0.95);
        QVERIFY(availability->below);

        const ImportedKpi *disk = kpi(r, u"disk-almost-full"_s);
        QVERIFY(disk);
        QCOMPARE(disk->warn, 10.0);
        QVERIFY(disk->below);

        const ImportedKpi *probe = kpi(r, u"probe-down"_s);
        QVERIFY(probe);
        QCOMPARE(probe->query, u"(probe_success) == bool 0"_s);
        QCOMPARE(probe->crit, 0.0);
        QVERIFY(!probe->below);

        QVERIFY(skipReason(r, u"job:http_errors:ratio5m"_s).contains(u"recording rule"_s));
        QVERIFY(skipReason(r, u"Either"_s).contains(u"\"or\""_s));
        QVERIFY(skipReason(r, u"Either"_s).contains(u"rules-plain.yaml:28:9"_s));
        QVERIFY(skipReason(r, u"Absent"_s).contains(u"no comparison"_s));
        QVERIFY(skipReason(r, u"TwoQueries"_s).contains(u"two queries"_s));
        QVERIFY(skipReason(r, u"InfoOnly"_s).contains(u"info"_s));

        // for: is reported as not carried over on the created item
        bool holdReported = false;
        for (const ImportItem &item : r.report.created) {
            holdReported |= item.name == u"HighErrorRate" && item.reason.contains(u"for: 5m"_s);
        }
        QVERIFY(holdReported);
    }

    void customResource()
    {
        QSet<QString> ids { u"slow-requests"_s };
        const ImportResult r = PrometheusRulesImporter::importFile(QFINDTESTDATA("data/rules-crd.yaml"), ids);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.kpis.size(), 1);
        QCOMPARE(r.kpis[0].id, u"slow-requests-2"_s); // the id was taken by an earlier file
        QCOMPARE(r.kpis[0].warn, 1.0);
        QCOMPARE(r.kpis[0].crit, 3.0);
        QCOMPARE(r.report.created.size(), 2);
    }

    void duplicateSeverity()
    {
        QSet<QString> ids;
        const ImportResult r = PrometheusRulesImporter::importData(
            "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: x > 1\n    labels: {severity: warning}\n"
            "  - alert: B\n    expr: x > 2\n    labels: {severity: warning}\n",
            u"dup.yaml"_s, ids);
        QCOMPARE(r.kpis.size(), 1);
        QCOMPARE(r.kpis[0].warn, 1.0);
        QCOMPARE(r.report.skipped.size(), 1);
        QVERIFY(r.report.skipped[0].reason.contains(u"already has a warn line"_s));
        QCOMPARE(r.report.skipped[0].origin, u"dup.yaml:7:5"_s);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("error");
        QTest::addRow("malformed") << u"data/malformed.yaml"_s << u"malformed.yaml:6:8: invalid YAML"_s;
        QTest::addRow("deep nesting") << u"data/deep.yaml"_s
                                      << u"deep.yaml:1:10009: invalid YAML: nested deeper than"_s;
        QTest::addRow("not rules") << u"data/dashboard-old.json"_s << u"not a Prometheus rule file"_s;
    }

    void errors()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, error);
        QSet<QString> ids;
        const ImportResult r = PrometheusRulesImporter::importFile(QFINDTESTDATA(fixture), ids);
        QVERIFY(r.failed());
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
        QVERIFY(r.kpis.isEmpty());
        QVERIFY(ids.isEmpty());
    }

    void hugeNumbers()
    {
        QSet<QString> ids;
        const ImportResult r = PrometheusRulesImporter::importFile(QFINDTESTDATA("data/huge.yaml"), ids);
        QVERIFY(!r.failed());
        QCOMPARE(r.kpis.size(), 1);
        QCOMPARE(r.kpis[0].crit, 1e300);
        QVERIFY(skipReason(r, u"Huge"_s).contains(u"not a finite number"_s));
    }

    void notUtf8()
    {
        QSet<QString> ids;
        const ImportResult r = PrometheusRulesImporter::importData("groups: \xff\xfe\n", u"bin.yaml"_s, ids);
        QVERIFY(r.failed());
        QVERIFY(r.error.contains(u"UTF-8"_s));
    }

    void ids_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::addRow("camel") << u"NodeFilesystemAlmostOutOfSpace"_s << u"node-filesystem-almost-out-of-space"_s;
        QTest::addRow("acronym") << u"NodeRAIDDegraded"_s << u"node-raid-degraded"_s;
        QTest::addRow("words") << u"CPU busy (%)"_s << u"cpu-busy"_s;
        QTest::addRow("korean only") << u"디스크"_s << u"kpi"_s;
    }

    void ids()
    {
        QFETCH(QString, name);
        QFETCH(QString, id);
        QSet<QString> used;
        QCOMPARE(ImportIds::unique(name, used), id);
        QCOMPARE(ImportIds::unique(name, used), id + u"-2"_s);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusRulesImporter)
#include "tst_prometheusrulesimporter.moc"
