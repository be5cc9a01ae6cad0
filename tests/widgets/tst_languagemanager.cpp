// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/languagemanager.h"
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
    QTest::addColumn<QString>("caption");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("korean");
    QTest::addRow("endpoints") << QStringLiteral("endpointCountCaption") << QStringLiteral("endpoints")
                               << QStringLiteral("엔드포인트");
    QTest::addRow("checklists") << QStringLiteral("checklistCountCaption") << QStringLiteral("checklists")
                                << QStringLiteral("체크리스트");
}

// A live page (not a copy of the texts): the labels it already shows change when the language does.
void TestLanguageManager::switchesPageTextsAtRunTime()
{
    QFETCH(QString, caption);
    QFETCH(QString, english);
    QFETCH(QString, korean);

    auto widget = std::make_unique<OverviewPage>();
    widget->show();
    auto *label = widget->findChild<QLabel *>(caption);
    QVERIFY(label);
    QCOMPARE(label->text(), english);
    QCOMPARE(widget->title(), QStringLiteral("Overview"));

    LanguageManager manager;
    QSignalSpy changed(&manager, &LanguageManager::languageChanged);
    QVERIFY(manager.setLanguage(QStringLiteral("ko")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), QStringLiteral("ko"));
    QCOMPARE(manager.language(), QStringLiteral("ko"));
    // LanguageChange is posted; the page re-translates once it is delivered.
    QTRY_COMPARE(label->text(), korean);
    QCOMPARE(widget->title(), QStringLiteral("개요"));

    QVERIFY(manager.setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(label->text(), english);
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
