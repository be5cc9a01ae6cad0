// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "thememanager.h"

#include <QApplication>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

using namespace Qt::StringLiterals;

class TestThemeManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void switchesPalettes();
};

void TestThemeManager::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ThemeManager::Theme>("theme");
    QTest::addColumn<bool>("known");
    QTest::addRow("system") << u"system"_s << ThemeManager::Theme::System << true;
    QTest::addRow("light") << u"light"_s << ThemeManager::Theme::Light << true;
    QTest::addRow("dark") << u"dark"_s << ThemeManager::Theme::Dark << true;
    QTest::addRow("unknown") << u"neon"_s << ThemeManager::Theme::System << false;
    QTest::addRow("empty") << QString() << ThemeManager::Theme::System << false;
}

void TestThemeManager::names()
{
    QFETCH(QString, name);
    QFETCH(ThemeManager::Theme, theme);
    QFETCH(bool, known);
    bool ok = !known;
    QCOMPARE(ThemeManager::fromString(name, &ok), theme);
    QCOMPARE(ok, known);
    if (known) {
        QCOMPARE(ThemeManager::toString(theme), name);
    }
}

void TestThemeManager::switchesPalettes()
{
    const QColor systemWindow = QApplication::palette().color(QPalette::Window);
    ThemeManager themes;
    QSignalSpy changed(&themes, &ThemeManager::themeChanged);

    themes.setTheme(ThemeManager::Theme::Dark);
    QCOMPARE(themes.theme(), ThemeManager::Theme::Dark);
    QVERIFY(themes.isDark());
    QCOMPARE(QApplication::palette().color(QPalette::Window), ThemeManager::darkPalette().color(QPalette::Window));
    QCOMPARE(QApplication::style()->name(), u"fusion"_s);

    themes.setTheme(ThemeManager::Theme::Light);
    QVERIFY(!themes.isDark());
    QCOMPARE(QApplication::palette().color(QPalette::Window), ThemeManager::lightPalette().color(QPalette::Window));

    themes.setTheme(ThemeManager::Theme::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
    QCOMPARE(changed.size(), 3);
    themes.setTheme(ThemeManager::Theme::System);
    QCOMPARE(changed.size(), 3); // no change, no signal
}

QTEST_MAIN(TestThemeManager)
#include "tst_thememanager.moc"
