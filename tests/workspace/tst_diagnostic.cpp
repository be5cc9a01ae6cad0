// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/diagnostic.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDiagnostic final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toString_data()
    {
        QTest::addColumn<bool>("warning");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::addRow("error") << false << 14 << 7 << u"endpoints[2].interval"_s
                               << u"meetpin.yaml:14:7: endpoints[2].interval: expected a duration like 30s, got "
                                  "\"soon\""_s;
        QTest::addRow("warning") << true << 3 << 5 << u"endpoints[0].alerts"_s
                                 << u"meetpin.yaml:3:5: warning: endpoints[0].alerts: expected a duration like 30s, "
                                    "got \"soon\""_s;
        QTest::addRow("no path") << false << 1 << 1 << QString()
                                 << u"meetpin.yaml:1:1: expected a duration like 30s, got \"soon\""_s;
        QTest::addRow("no position") << false << 0 << 0 << QString()
                                     << u"meetpin.yaml: expected a duration like 30s, got \"soon\""_s;
        QTest::addRow("line only") << true << 2 << 0 << u"kpis"_s
                                   << u"meetpin.yaml:2: warning: kpis: expected a duration like 30s, got \"soon\""_s;
    }
    void toString()
    {
        QFETCH(bool, warning);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const Diagnostic d { warning ? Diagnostic::Severity::Warning : Diagnostic::Severity::Error, u"meetpin.yaml"_s,
            line, column, path, u"expected a duration like 30s, got \"soon\""_s };
        QCOMPARE(d.toString(), expected);
        QCOMPARE(d.isError(), !warning);
    }

    void errorsOf()
    {
        const Diagnostic w { Diagnostic::Severity::Warning, u"a"_s, 1, 1, {}, u"w"_s };
        const Diagnostic e1 { Diagnostic::Severity::Error, u"a"_s, 2, 1, {}, u"e1"_s };
        const Diagnostic e2 { Diagnostic::Severity::Error, u"a"_s, 3, 1, {}, u"e2"_s };
        QCOMPARE(::errorsOf({ w, e1, w, e2 }), (QList<Diagnostic> { e1, e2 }));
        QVERIFY(::errorsOf({ w }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiagnostic)
#include "tst_diagnostic.moc"
