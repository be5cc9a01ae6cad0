// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importreport.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

class TestImportReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text()
    {
        ImportReport r;
        r.created.append({ u"A"_s, u"r.yaml:3:5"_s, u"a"_s, u"for: 5m (KPIs have no hold time)"_s, {} });
        r.created.append({ u"A2"_s, u"r.yaml:9:5"_s, u"a"_s, QString(), {} });
        r.created.append({ u"Panel"_s, u"d.json#/panels/1"_s, u"p-1, p-2"_s, QString(), {} });
        r.skip(u"B"_s, u"r.yaml:12:5"_s, u"compares two queries"_s);
        r.created.append({ u"Deep"_s, u"d.json#/panels/10/panels/0"_s, u"d"_s, QString(), {} });
        r.skip(u"T"_s, u"d.json#/panels/2"_s, u"a \"table\" panel has no KPI tile equivalent"_s);
        r.note(u"runbook"_s);
        r.note(u"runbook"_s);
        r.unresolvedVariables << u"$cluster"_s;
        QCOMPARE(r.toText(),
            u"r.yaml:3:5: A -> KPI a (not carried over: for: 5m (KPIs have no hold time))\n"
            "r.yaml:9:5: A2 -> KPI a\n"
            "r.yaml:12:5: skipped B: compares two queries\n"
            "d.json#/panels/1: Panel -> KPI p-1, p-2\n"
            "d.json#/panels/2: skipped T: a \"table\" panel has no KPI tile equivalent\n"
            "d.json#/panels/10/panels/0: Deep -> KPI d\n"
            "not carried over: runbook\n"
            "unresolved template variables (left as written): $cluster\n"
            "4 KPI tiles from 4 items, 2 skipped\n"_s);
    }

    void json()
    {
        ImportReport r;
        r.created.append({ u"A"_s, u"r.yaml:3:5"_s, u"a"_s, u"lost"_s, {} });
        r.skip(u"B"_s, u"r.yaml:12:5"_s, u"why"_s);
        const QJsonObject o = r.toJson();
        QCOMPARE(o.value(u"created"_s).toArray().at(0).toObject().value(u"kpi"_s).toString(), u"a"_s);
        QCOMPARE(o.value(u"created"_s).toArray().at(0).toObject().value(u"notCarriedOver"_s).toString(), u"lost"_s);
        QCOMPARE(o.value(u"skipped"_s).toArray().at(0).toObject().value(u"reason"_s).toString(), u"why"_s);
        QCOMPARE(o.value(u"skipped"_s).toArray().at(0).toObject().value(u"origin"_s).toString(), u"r.yaml:12:5"_s);
    }

    void append()
    {
        ImportReport a;
        a.note(u"n"_s);
        a.unresolvedVariables << u"$x"_s;
        a.groups = 1;
        ImportReport b;
        b.skip(u"B"_s, u"f:1:1"_s, u"why"_s);
        b.note(u"n"_s);
        b.note(u"m"_s);
        b.unresolvedVariables << u"$x"_s << u"$y"_s;
        b.groups = 2;
        a.append(b);
        QCOMPARE(a.skipped.size(), 1);
        QCOMPARE(a.notes, (QStringList { u"n"_s, u"m"_s }));
        QCOMPARE(a.unresolvedVariables, (QStringList { u"$x"_s, u"$y"_s }));
        QCOMPARE(a.groups, 3);
    }
};

QTEST_GUILESS_MAIN(TestImportReport)
#include "tst_importreport.moc"
