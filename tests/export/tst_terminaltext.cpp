// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/terminaltext.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestTerminalText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void widths_data();
    void widths();
    void paddingLinesUpMixedScripts();
};

void TestTerminalText::widths_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cells");
    QTest::addRow("ascii") << u"livez"_s << 5;
    QTest::addRow("hangul") << u"위험"_s << 4;
    QTest::addRow("mixed") << u"알 수 없음"_s << 10;
    QTest::addRow("cjk ideograph") << u"漢字"_s << 4;
    QTest::addRow("full-width digit") << u"１"_s << 2;
    QTest::addRow("combining mark") << u"e\u0301"_s << 1;
    QTest::addRow("empty") << QString() << 0;
}

void TestTerminalText::widths()
{
    QFETCH(QString, text);
    QFETCH(int, cells);
    QCOMPARE(TerminalText::width(text), cells);
}

void TestTerminalText::paddingLinesUpMixedScripts()
{
    QCOMPARE(TerminalText::padRight(u"위험"_s, 8), u"위험    "_s);
    QCOMPARE(TerminalText::padRight(u"OK"_s, 8), u"OK      "_s);
    QCOMPARE(TerminalText::padLeft(u"2 ms"_s, 6), u"  2 ms"_s);
    QCOMPARE(TerminalText::padRight(u"too long"_s, 3), u"too long"_s); // never cut
}

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
