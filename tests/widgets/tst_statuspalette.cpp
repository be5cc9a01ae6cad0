// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuspalette.h"
#include "thememanager.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Tone = StatusPalette::Tone;

class TestStatusPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contrastRatio();
    void darkness();
    void tones_data();
    void tones();
    void lightKeepsItsColours();
};

void TestStatusPalette::contrastRatio()
{
    QCOMPARE(StatusPalette::contrast(Qt::black, Qt::white), 21.0);
    QCOMPARE(StatusPalette::contrast(Qt::white, Qt::black), 21.0);
    QCOMPARE(StatusPalette::contrast(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
    // #767676 on white is the usual 4.5:1 example.
    QVERIFY(qAbs(StatusPalette::contrast(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
}

void TestStatusPalette::darkness()
{
    QVERIFY(StatusPalette::isDark(ThemeManager::darkPalette()));
    QVERIFY(!StatusPalette::isDark(ThemeManager::lightPalette()));
    QVERIFY(!StatusPalette::color(Tone::Normal, ThemeManager::darkPalette()).isValid());
}

void TestStatusPalette::tones_data()
{
    QTest::addColumn<Tone>("tone");
    QTest::addRow("good") << Tone::Good;
    QTest::addRow("caution") << Tone::Caution;
    QTest::addRow("bad (overdue, missed, breached)") << Tone::Bad;
    QTest::addRow("muted (superseded)") << Tone::Muted;
}

void TestStatusPalette::tones()
{
    QFETCH(Tone, tone);
    const QPalette light = ThemeManager::lightPalette();
    const QPalette dark = ThemeManager::darkPalette();
    const QColor onLight = StatusPalette::color(tone, light);
    const QColor onDark = StatusPalette::color(tone, dark);
    QVERIFY(onLight.isValid());
    QVERIFY(onDark.isValid());
    QVERIFY(onLight != onDark);
    // Readable as text on every background a view or label draws it on (WCAG's 3:1 for large and bold text).
    for (const auto &[palette, color] : { std::pair { light, onLight }, std::pair { dark, onDark } }) {
        for (QPalette::ColorRole background : { QPalette::Base, QPalette::AlternateBase, QPalette::Window }) {
            const double ratio = StatusPalette::contrast(color, palette.color(background));
            if (ratio < 3.0) {
                QFAIL(qPrintable(u"%1 on %2 (role %3): %4:1"_s.arg(color.name(), palette.color(background).name())
                                     .arg(int(background))
                                     .arg(ratio, 0, 'f', 2)));
            }
        }
    }
}

void TestStatusPalette::lightKeepsItsColours()
{
    // The light theme shows what the models used to colour themselves with.
    const QPalette light = ThemeManager::lightPalette();
    QCOMPARE(StatusPalette::color(Tone::Bad, light), QColor(0xc6, 0x28, 0x28));
    QCOMPARE(StatusPalette::color(Tone::Caution, light), QColor(0xb2, 0x6a, 0x00));
    QCOMPARE(StatusPalette::color(Tone::Good, light), QColor(0x2e, 0x7d, 0x32));
    QCOMPARE(StatusPalette::color(Tone::Muted, light), QColor(0x75, 0x75, 0x75));
}

QTEST_MAIN(TestStatusPalette)
#include "tst_statuspalette.moc"
