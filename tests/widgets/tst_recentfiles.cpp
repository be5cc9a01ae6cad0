// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recentfiles.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRecentFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void newestFirstWithoutDuplicates();
    void keepsAtMostEight();
    void persistsAndClears();
};

void TestRecentFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_recentfiles"_s);
}

void TestRecentFiles::init()
{
    QSettings().clear();
}

void TestRecentFiles::newestFirstWithoutDuplicates()
{
    RecentFiles recent;
    QSignalSpy changed(&recent, &RecentFiles::changed);
    recent.add(u"/w/a.yaml"_s);
    recent.add(u"/w/b.yaml"_s);
    recent.add(u"/w/a.yaml"_s);
    QCOMPARE(recent.files(), (QStringList { u"/w/a.yaml"_s, u"/w/b.yaml"_s }));
    QCOMPARE(changed.size(), 3);
    recent.add(u"/w/a.yaml"_s); // already first: nothing changes
    QCOMPARE(changed.size(), 3);
    recent.remove(u"/w/b.yaml"_s);
    QCOMPARE(recent.files(), QStringList { u"/w/a.yaml"_s });
}

void TestRecentFiles::keepsAtMostEight()
{
    RecentFiles recent;
    for (int i = 0; i < 10; ++i) {
        recent.add(u"/w/%1.yaml"_s.arg(i));
    }
    QCOMPARE(recent.files().size(), RecentFiles::MaxFiles);
    QCOMPARE(recent.files().first(), u"/w/9.yaml"_s);
    QCOMPARE(recent.files().last(), u"/w/2.yaml"_s);
}

void TestRecentFiles::persistsAndClears()
{
    {
        RecentFiles recent;
        recent.add(u"/w/a.yaml"_s);
    }
    RecentFiles reopened;
    QCOMPARE(reopened.files(), QStringList { u"/w/a.yaml"_s });
    QSignalSpy changed(&reopened, &RecentFiles::changed);
    reopened.clear();
    QVERIFY(reopened.files().isEmpty());
    QCOMPARE(changed.size(), 1);
    QVERIFY(RecentFiles().files().isEmpty());
}

QTEST_GUILESS_MAIN(TestRecentFiles)
#include "tst_recentfiles.moc"
