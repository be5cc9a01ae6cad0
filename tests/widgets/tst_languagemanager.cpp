// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"
#include "pages/chartspage.h"
#include "overview/overviewpage.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestLanguageManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void availableLanguages();
    void switchesPageTextsAtRunTime_data();
    void switchesPageTextsAtRunTime();
    void loadsQtTranslation();
    void followsLocale();
    void rejectsUnknownLanguage();
};

void TestLanguageManager::init()
{
    // Each test starts from English.
    LanguageManager manager;
    QVERIFY(manager.setLanguage(QStringLiteral("en")));
}

void TestLanguageManager::availableLanguages()
{
    QCOMPARE(LanguageManager::availableLanguages(), (QStringList { QStringLiteral("en"), QStringLiteral("ko") }));
    QCOMPARE(LanguageManager::nativeName(QStringLiteral("ko")), QStringLiteral("한국어"));
    QCOMPARE(LanguageManager::nativeName(QStringLiteral("en")), QStringLiteral("English"));
}

void TestLanguageManager::switchesPageTextsAtRunTime_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("korean");
    QTest::addRow("charts") << QStringLiteral("charts") << QStringLiteral("Charts") << QStringLiteral("차트");
}

void TestLanguageManager::switchesPageTextsAtRunTime()
{
    QFETCH(QString, page);
    QFETCH(QString, english);
    QFETCH(QString, korean);

    QCOMPARE(page, QStringLiteral("charts")); // the one page still "coming"
    std::unique_ptr<ComingPage> widget = std::make_unique<ChartsPage>();
    widget->show();
    auto *heading = widget->findChild<QLabel *>(QStringLiteral("pageHeading"));
    auto *status = widget->findChild<QLabel *>(QStringLiteral("comingStatus"));
    auto *description = widget->findChild<QLabel *>(QStringLiteral("comingDescription"));
    QVERIFY(heading && status && description);
    QCOMPARE(heading->text(), english);
    QCOMPARE(status->text(), QStringLiteral("Coming in a later version"));
    const QString englishDescription = description->text();

    LanguageManager manager;
    QSignalSpy changed(&manager, &LanguageManager::languageChanged);
    QVERIFY(manager.setLanguage(QStringLiteral("ko")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), QStringLiteral("ko"));
    QCOMPARE(manager.language(), QStringLiteral("ko"));
    // LanguageChange is posted; the page re-translates once it is delivered.
    QTRY_COMPARE(heading->text(), korean);
    QCOMPARE(widget->title(), korean);
    QCOMPARE(status->text(), QStringLiteral("이후 버전에서 제공 예정"));
    QVERIFY(description->text() != englishDescription);

    QVERIFY(manager.setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(heading->text(), english);
    QCOMPARE(description->text(), englishDescription);
}

void TestLanguageManager::loadsQtTranslation()
{
    LanguageManager manager;
    QVERIFY(manager.setLanguage(QStringLiteral("ko")));
    QVERIFY(manager.isQtTranslationLoaded());
    // A string from Qt's own catalogue (standard dialog buttons).
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("취소"));
    QVERIFY(manager.setLanguage(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

void TestLanguageManager::followsLocale()
{
    LanguageManager manager;
    QVERIFY(manager.setLanguage(QStringLiteral("ko")));
    QCOMPARE(QLocale().language(), QLocale::Korean);
    QCOMPARE(LanguageManager::uiLanguage(), QStringLiteral("ko"));
    QVERIFY(manager.setLanguage(QStringLiteral("en")));
    QCOMPARE(QLocale().language(), QLocale::English);
    QCOMPARE(LanguageManager::uiLanguage(), QStringLiteral("en"));
}

void TestLanguageManager::rejectsUnknownLanguage()
{
    LanguageManager manager;
    QVERIFY(manager.setLanguage(QStringLiteral("ko")));
    QSignalSpy changed(&manager, &LanguageManager::languageChanged);
    QVERIFY(!manager.setLanguage(QStringLiteral("xx")));
    QVERIFY(!manager.setLanguage(QString()));
    QCOMPARE(manager.language(), QStringLiteral("ko"));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(QCoreApplication::translate("ChartsPage", "Charts"), QStringLiteral("차트"));
}

QTEST_MAIN(TestLanguageManager)
#include "tst_languagemanager.moc"
