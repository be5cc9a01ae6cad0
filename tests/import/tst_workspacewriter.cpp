// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/workspacewriter.h"
#include "workspace/workspaceloader.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestWorkspaceWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("plain") << u"Error rate"_s;
        QTest::addRow("quotes and backslash") << u"say \"hi\" \\ there"_s;
        QTest::addRow("yaml indicators") << u"*alias &anchor !tag %x @y `z` [a] {b}: # c"_s;
        QTest::addRow("newlines and tabs") << u"line 1\nline 2\tend\r"_s;
        QTest::addRow("control characters") << u"bell\u0007 nul-free \u001b esc"_s;
        QTest::addRow("unicode") << u"디스크 사용률 ✓ \u2028 sep"_s;
        QTest::addRow("template braces") << u"{{ $labels.instance }} ${NOT_A_SECRET}"_s;
    }

    void roundTrip()
    {
        QFETCH(QString, text);
        ImportedKpi k;
        k.id = u"k"_s;
        k.title = text;
        k.description = text;
        k.group = text;
        k.origin = text;
        k.query = u"sum(rate(x{a=\"b\"}[5m]))"_s;
        k.unit = text;
        const QString yaml = WorkspaceWriter::write(text, { k }, { text });
        const LoadResult r = WorkspaceLoader::loadData(yaml.toUtf8(), u"w.yaml"_s);
        QVERIFY2(r.ok(), qPrintable(yaml));
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(r.diagnostics.value(0).toString()));
        QCOMPARE(r.workspace->kpis.size(), 1);
        const Kpi &kpi = r.workspace->kpis.first();
        QCOMPARE(kpi.title.en, text);
        QCOMPARE(kpi.title.ko, text);
        QCOMPARE(kpi.description.en, text);
        QCOMPARE(kpi.unit, text);
        QCOMPARE(kpi.source.query, k.query);
    }

    void thresholdsAndSource()
    {
        ImportedKpi k;
        k.id = u"cpu"_s;
        k.title = u"CPU"_s;
        k.query = u"cpu"_s;
        k.decimals = 3;
        k.warn = 20;
        k.crit = 1e300;
        ImportedKpi low = k;
        low.id = u"mem"_s;
        low.below = true;
        low.warn = 0.000001;
        low.crit.reset();
        const QString yaml = WorkspaceWriter::write(u"T"_s, { k, low }, { u"a.yaml"_s });
        QVERIFY(yaml.contains(u"url: \"${PROMETHEUS_URL}\""_s)); // a reference, never a resolved address
        const LoadResult r = WorkspaceLoader::loadData(yaml.toUtf8(), u"w.yaml"_s);
        QVERIFY2(r.ok(), qPrintable(yaml));
        const Kpi &cpu = r.workspace->kpis.at(0);
        QCOMPARE(cpu.decimals, 3);
        QCOMPARE(cpu.thresholds.warn, 20.0);
        QCOMPARE(cpu.thresholds.crit, 1e300);
        QCOMPARE(cpu.thresholds.direction, Thresholds::Direction::Above);
        const Kpi &mem = r.workspace->kpis.at(1);
        QCOMPARE(mem.thresholds.warn, 0.000001);
        QVERIFY(!mem.thresholds.crit);
        QCOMPARE(mem.thresholds.direction, Thresholds::Direction::Below);
        QCOMPARE(r.workspace->info.title.en, u"T"_s);
        QVERIFY(r.workspace->secretNames.contains(u"PROMETHEUS_URL"_s));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceWriter)
#include "tst_workspacewriter.moc"
