// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

// What opsdeck_add_test() gives every test without asking: test mode, and a home of its own.
class TestTestMode final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testModeIsOn();
    void settingsGoToTheTestLocation();
    void homeIsTheTestsOwn();
};

void TestTestMode::initTestCase()
{
    // As the app does; without an organization QSettings reports AccessError even where it writes.
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
}

void TestTestMode::testModeIsOn()
{
    QVERIFY(QStandardPaths::isTestModeEnabled());
}

void TestTestMode::settingsGoToTheTestLocation()
{
    QSettings settings;
    settings.setValue(u"operator/name"_s, u"test"_s);
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
    QVERIFY2(
        settings.fileName().startsWith(QDir::homePath() + QLatin1String("/.qttest/")), qPrintable(settings.fileName()));
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY2(data.startsWith(QDir::homePath() + QLatin1String("/.qttest/")), qPrintable(data));
    settings.clear();
}

void TestTestMode::homeIsTheTestsOwn()
{
    const QString build = qEnvironmentVariable("OPSDECK_BUILD_DIR");
    QVERIFY(!build.isEmpty());
    QVERIFY2(QDir::homePath().startsWith(QDir(build).absolutePath() + QLatin1String("/test-homes/")),
        qPrintable(QDir::homePath()));
    QVERIFY(qEnvironmentVariable("XDG_CONFIG_HOME").startsWith(QDir::homePath()));
}

QTEST_GUILESS_MAIN(TestTestMode)
#include "tst_testmode.moc"
