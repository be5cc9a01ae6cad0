// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/overviewpage.h"
#include "ui/languagemanager.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

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
    QVERIFY(manager.setLanguage(u"en"_s));
}

void TestLanguageManager::availableLanguages()
{
    QCOMPARE(LanguageManager::availableLanguages(), (QStringList { u"en"_s, u"ko"_s }));
    QCOMPARE(LanguageManager::nativeName(u"ko"_s), u"한국어"_s);
    QCOMPARE(LanguageManager::nativeName(u"en"_s), u"English"_s);
}

void TestLanguageManager::switchesPageTextsAtRunTime_data()
{
    QTest::addColumn<QString>("caption");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("korean");
    QTest::addRow("endpoints") << u"endpointCountCaption"_s << u"endpoints"_s << u"엔드포인트"_s;
    QTest::addRow("checklists") << u"checklistCountCaption"_s << u"checklists"_s << u"체크리스트"_s;
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
    QCOMPARE(widget->title(), u"Overview"_s);

    LanguageManager manager;
    QSignalSpy changed(&manager, &LanguageManager::languageChanged);
    QVERIFY(manager.setLanguage(u"ko"_s));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), u"ko"_s);
    QCOMPARE(manager.language(), u"ko"_s);
    // LanguageChange is posted; the page re-translates once it is delivered.
    QTRY_COMPARE(label->text(), korean);
    QCOMPARE(widget->title(), u"개요"_s);

    QVERIFY(manager.setLanguage(u"en"_s));
    QTRY_COMPARE(label->text(), english);
}

void TestLanguageManager::loadsQtTranslation()
{
    LanguageManager manager;
    QVERIFY(manager.setLanguage(u"ko"_s));
    QVERIFY(manager.isQtTranslationLoaded());
    // A string from Qt's own catalogue (standard dialog buttons).
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"취소"_s);
    QVERIFY(manager.setLanguage(u"en"_s));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
}

void TestLanguageManager::followsLocale()
{
    LanguageManager manager;
    QVERIFY(manager.setLanguage(u"ko"_s));
    QCOMPARE(QLocale().language(), QLocale::Korean);
    QCOMPARE(LanguageManager::uiLanguage(), u"ko"_s);
    QVERIFY(manager.setLanguage(u"en"_s));
    QCOMPARE(QLocale().language(), QLocale::English);
    QCOMPARE(LanguageManager::uiLanguage(), u"en"_s);
}

void TestLanguageManager::rejectsUnknownLanguage()
{
    LanguageManager manager;
    QVERIFY(manager.setLanguage(u"ko"_s));
    QSignalSpy changed(&manager, &LanguageManager::languageChanged);
    QVERIFY(!manager.setLanguage(u"xx"_s));
    QVERIFY(!manager.setLanguage(QString()));
    QCOMPARE(manager.language(), u"ko"_s);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(QCoreApplication::translate("ChartsPage", "Charts"), u"차트"_s);
}

QTEST_MAIN(TestLanguageManager)
#include "tst_languagemanager.moc"
