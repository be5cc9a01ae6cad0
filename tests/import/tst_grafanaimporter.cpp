// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/grafanaimporter.h"

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
} // namespace

class TestGrafanaImporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void currentSchema()
    {
        QSet<QString> ids;
        const ImportResult r = GrafanaImporter::importFile(
            QFINDTESTDATA("data/dashboard-current.json"), { { u"job"_s, u"web"_s } }, ids);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.title, u"Service overview"_s);
        QCOMPARE(r.report.groups, 2);
        QCOMPARE(r.report.created.size(), 4); // panels
        QCOMPARE(r.kpis.size(), 5); // tiles: the timeseries has two visible targets
        QCOMPARE(r.report.skipped.size(), 2);

        const ImportedKpi *errors = kpi(r, u"error-rate"_s);
        QVERIFY(errors);
        QCOMPARE(errors->query, u"sum(rate(errors_total{job=\"web\",instance=~\".*\"}[5m])) * 100"_s);
        QCOMPARE(errors->unit, u"%"_s);
        QCOMPARE(errors->decimals, 2);
        QCOMPARE(errors->warn, 1.0);
        QCOMPARE(errors->crit, 5.0);
        QCOMPARE(errors->group, u"Traffic"_s);
        QVERIFY(errors->origin.endsWith(u"dashboard-current.json#/panels/1"_s));

        const ImportedKpi *availability = kpi(r, u"availability"_s);
        QVERIFY(availability);
        QVERIFY(availability->below);
        QCOMPARE(availability->warn, 99.9);
        QCOMPARE(availability->crit, 99.0);
        QCOMPARE(availability->query, u"avg(up{job=\"web\"}) * 100"_s);

        const ImportedKpi *total = kpi(r, u"requests-total"_s);
        QVERIFY(total);
        QCOMPARE(total->title, u"Requests: total"_s);
        QCOMPARE(total->unit, u"req/s"_s);
        QCOMPARE(total->query, u"sum(rate(requests_total{job=\"web\"}[1m]))"_s);
        QVERIFY(!total->warn && !total->crit); // thresholdsStyle is off on the timeseries
        QCOMPARE(total->group, u"Details"_s);
        QVERIFY(kpi(r, u"requests-errors"_s));

        QCOMPARE(r.report.unresolvedVariables, QStringList { u"$cluster"_s });
        QStringList skipped;
        for (const ImportItem &item : r.report.skipped) {
            skipped << item.origin.section(u'#', 1) + u' ' + item.reason;
        }
        QCOMPARE(skipped,
            (QStringList { u"/panels/3/panels/1 a \"table\" panel has no KPI tile equivalent"_s,
                u"/panels/3/panels/2 not backed by Prometheus"_s }));
    }

    void oldSchema()
    {
        QSet<QString> ids;
        const ImportResult r = GrafanaImporter::importFile(QFINDTESTDATA("data/dashboard-old.json"), {}, ids);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.kpis.size(), 3);
        QCOMPARE(r.report.groups, 2);
        const ImportedKpi *cpu = kpi(r, u"cpu-busy"_s);
        QVERIFY(cpu);
        QCOMPARE(cpu->warn, 80.0);
        QCOMPARE(cpu->crit, 90.0);
        QCOMPARE(cpu->decimals, 1);
        QVERIFY(cpu->query.contains(u"instance=\"host1:9100\""_s));
        QCOMPARE(cpu->group, u"CPU"_s);
        const ImportedKpi *memory = kpi(r, u"free-memory"_s);
        QVERIFY(memory);
        QVERIFY(memory->below);
        QCOMPARE(memory->warn, 20.0);
        QCOMPARE(memory->crit, 10.0);
        const ImportedKpi *disk = kpi(r, u"disk-io"_s);
        QVERIFY(disk);
        QCOMPARE(disk->unit, u"B/s"_s);
        QCOMPARE(disk->warn, 50.0);
        QCOMPARE(disk->crit, 90.0);
        QCOMPARE(disk->group, u"Disk"_s);
        QCOMPARE(r.report.skipped.size(), 1);
        QVERIFY(r.report.skipped[0].origin.endsWith(u"#/rows/1/panels/1"_s));
    }

    void variableOverridesAndBuiltins()
    {
        // single quotes stand for double quotes in the JSON, backquotes for an escaped double quote
        const QByteArray json = QByteArray("{'panels': [{'type': 'stat', 'title': 'T', 'targets': [{'expr': "
                                           "'rate(x{a=`${a:regex}`,b=`[[b]]`}[$__rate_interval])'}]}],"
                                           " 'templating': {'list': [{'name': 'a', 'current': {'value': ['one', "
                                           "'two']}}]}}")
                                    .replace('\'', '"')
                                    .replace("`", "\\\"");
        QSet<QString> ids;
        const ImportResult r = GrafanaImporter::importData(
            json, u"v.json"_s, { { u"b"_s, u"bee"_s }, { u"__rate_interval"_s, u"2m"_s } }, ids);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.kpis.size(), 1);
        QCOMPARE(r.kpis[0].query, u"rate(x{a=\"one\",b=\"bee\"}[2m])"_s);
        QVERIFY(r.report.unresolvedVariables.isEmpty());
    }

    void oddShapes()
    {
        // wrong types everywhere: nothing may crash, every panel is accounted for
        const QByteArray json
            = QByteArray("{'title': 5, 'templating': {'list': [{'name': 'v', 'current': {'value': []}}, 7]},"
                         " 'panels': [3, null, {'type': 'graph', 'yaxes': [], 'targets': 'x'},"
                         " {'type': 'graph', 'yaxes': [], 'thresholds': 'x', 'targets': [{'expr': 'up{a=`$v`}'}]},"
                         " {'type': 'stat', 'fieldConfig': {'defaults': {'thresholds': {'steps': 'x'},"
                         " 'decimals': 99}}, 'targets': [{'expr': 'up', 'hide': 'no'}, 5]},"
                         " {'type': 'row', 'panels': {'type': 'stat'}}]}")
                  .replace('\'', '"')
                  .replace("`", "\\\"");
        QSet<QString> ids;
        const ImportResult r = GrafanaImporter::importData(json, u"odd.json"_s, {}, ids);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.report.created.size() + r.report.skipped.size(), 5);
        QCOMPARE(r.kpis.size(), 2);
        QCOMPARE(r.kpis[0].query, u"up{a=\"$v\"}"_s);
        QCOMPARE(r.kpis[1].decimals, 6);
        QCOMPARE(r.report.unresolvedVariables, QStringList { u"$v"_s });
    }

    void errors_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("error");
        QTest::addRow("malformed") << u"data/malformed.json"_s << u"malformed.json:1:48: invalid JSON"_s;
        QTest::addRow("deep nesting") << u"data/deep.json"_s << u"deep.json:1:"_s;
        QTest::addRow("not a dashboard") << u"data/notdashboard.json"_s << u"not a Grafana dashboard"_s;
        QTest::addRow("yaml") << u"data/rules-plain.yaml"_s << u"rules-plain.yaml:1:2: invalid JSON"_s;
    }

    void errors()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, error);
        QSet<QString> ids;
        const ImportResult r = GrafanaImporter::importFile(QFINDTESTDATA(fixture), {}, ids);
        QVERIFY(r.failed());
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
        QVERIFY(r.kpis.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGrafanaImporter)
#include "tst_grafanaimporter.moc"
