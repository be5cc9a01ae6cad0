// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/recentfiles.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

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
    QCoreApplication::setOrganizationName(QStringLiteral("OpsDeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_recentfiles"));
}

void TestRecentFiles::init()
{
    QSettings().clear();
}

void TestRecentFiles::newestFirstWithoutDuplicates()
{
    RecentFiles recent;
    QSignalSpy changed(&recent, &RecentFiles::changed);
    recent.add(QStringLiteral("/w/a.yaml"));
    recent.add(QStringLiteral("/w/b.yaml"));
    recent.add(QStringLiteral("/w/a.yaml"));
    QCOMPARE(recent.files(), (QStringList { QStringLiteral("/w/a.yaml"), QStringLiteral("/w/b.yaml") }));
    QCOMPARE(changed.size(), 3);
    recent.add(QStringLiteral("/w/a.yaml")); // already first: nothing changes
    QCOMPARE(changed.size(), 3);
    recent.remove(QStringLiteral("/w/b.yaml"));
    QCOMPARE(recent.files(), QStringList { QStringLiteral("/w/a.yaml") });
}

void TestRecentFiles::keepsAtMostEight()
{
    RecentFiles recent;
    for (int i = 0; i < 10; ++i) {
        recent.add(QStringLiteral("/w/%1.yaml").arg(i));
    }
    QCOMPARE(recent.files().size(), RecentFiles::MaxFiles);
    QCOMPARE(recent.files().first(), QStringLiteral("/w/9.yaml"));
    QCOMPARE(recent.files().last(), QStringLiteral("/w/2.yaml"));
}

void TestRecentFiles::persistsAndClears()
{
    {
        RecentFiles recent;
        recent.add(QStringLiteral("/w/a.yaml"));
    }
    RecentFiles reopened;
    QCOMPARE(reopened.files(), QStringList { QStringLiteral("/w/a.yaml") });
    QSignalSpy changed(&reopened, &RecentFiles::changed);
    reopened.clear();
    QVERIFY(reopened.files().isEmpty());
    QCOMPARE(changed.size(), 1);
    QVERIFY(RecentFiles().files().isEmpty());
}

QTEST_GUILESS_MAIN(TestRecentFiles)
#include "tst_recentfiles.moc"
