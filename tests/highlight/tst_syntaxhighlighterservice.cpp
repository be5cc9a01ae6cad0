// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "highlight/syntaxhighlighterservice.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace std::chrono_literals;

// Runs the real kate-syntax-highlighter (tools/dev.sh installs it); a stand-in script only where the real tool
// cannot misbehave on demand.
class TestSyntaxHighlighterService final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void highlightsJson_data();
    void highlightsJson();
    void cacheHitStartsNoProcess();
    void cacheEvictsLeastRecentlyUsed();
    void identicalRequestsShareOneProcess();
    void missingToolFailsWithHint();
    void unknownSyntaxFails();
    void concurrencyIsCapped();
    void cancelledRequestsAreDropped();
    void largeInputIsNotHighlighted();
    void hangingToolTimesOut();

private:
    static QString idsOf(const QSignalSpy &spy);
};

void TestSyntaxHighlighterService::initTestCase()
{
    SyntaxHighlighterService service;
    if (!service.isAvailable()) {
        QFAIL("kate-syntax-highlighter is not installed (tools/dev.sh deps installs it)");
    }
}

void TestSyntaxHighlighterService::highlightsJson_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<QString>("stringColour");
    // Breeze's colour for JSON string values differs between the light and the dark theme.
    QTest::addRow("light") << u"Breeze Light"_s << u"#bf0303"_s;
    QTest::addRow("dark") << u"Breeze Dark"_s << u"#f44f4f"_s;
}

void TestSyntaxHighlighterService::highlightsJson()
{
    QFETCH(QString, theme);
    QFETCH(QString, stringColour);
    SyntaxHighlighterService service;
    QSignalSpy done(&service, &SyntaxHighlighterService::highlighted);
    QSignalSpy failed(&service, &SyntaxHighlighterService::failed);
    const quint64 id = service.request(u"{\"status\": \"degraded\", \"n\": 3, \"note\": \"<b>\"}"_s, u"JSON"_s, theme);
    QTRY_COMPARE_WITH_TIMEOUT(done.size() + failed.size(), 1, 10000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(done.at(0).at(0).toULongLong(), id);
    const QString html = done.at(0).at(1).toString();
    QVERIFY2(html.startsWith(QLatin1String("<pre")), qPrintable(html));
    QVERIFY2(html.contains(QLatin1String("<span style=\"color:") + stringColour), qPrintable(html));
    QVERIFY(html.contains(QLatin1String("&quot;degraded&quot;")));
    QVERIFY(html.contains(QLatin1String("&lt;b&gt;"))); // the body's markup stays text
    QVERIFY(!html.contains(QLatin1String("<html")));
    QVERIFY(!html.contains(QLatin1String("<body")));
    QCOMPARE(service.processesStarted(), 1);
}

void TestSyntaxHighlighterService::cacheHitStartsNoProcess()
{
    SyntaxHighlighterService service;
    QSignalSpy done(&service, &SyntaxHighlighterService::highlighted);
    const QString text = u"name: opsdeck\nitems: [1, 2]\n"_s;
    service.request(text, u"YAML"_s, u"Breeze Light"_s);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QCOMPARE(service.processesStarted(), 1);

    const quint64 second = service.request(text, u"YAML"_s, u"Breeze Light"_s);
    QCOMPARE(done.size(), 1); // answered later, never from inside request()
    QTRY_COMPARE(done.size(), 2);
    QCOMPARE(done.at(1).at(0).toULongLong(), second);
    QCOMPARE(done.at(1).at(1).toString(), done.at(0).at(1).toString());
    QCOMPARE(service.processesStarted(), 1);

    // Another theme is another cache entry.
    service.request(text, u"YAML"_s, u"Breeze Dark"_s);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 3, 10000);
    QCOMPARE(service.processesStarted(), 2);
}

void TestSyntaxHighlighterService::cacheEvictsLeastRecentlyUsed()
{
    SyntaxHighlighterService service;
    QSignalSpy done(&service, &SyntaxHighlighterService::highlighted);
    const QString a = u"echo a\n"_s;
    const QString b = u"echo b\n"_s;
    const QString c = u"echo c\n"_s;
    const QString bash = u"Bash"_s;
    const QString light = u"Breeze Light"_s;
    service.request(a, bash, light);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    // Room for two entries of this size.
    service.setCacheLimit(done.at(0).at(1).toString().size() * 2 + 10);
    service.request(b, bash, light);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 10000);
    service.request(a, bash, light); // a is now the most recently used
    QTRY_COMPARE(done.size(), 3);
    QCOMPARE(service.processesStarted(), 2);
    service.request(c, bash, light); // evicts b
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 4, 10000);
    QCOMPARE(service.processesStarted(), 3);
    service.request(a, bash, light);
    QTRY_COMPARE(done.size(), 5);
    QCOMPARE(service.processesStarted(), 3);
    service.request(b, bash, light);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 6, 10000);
    QCOMPARE(service.processesStarted(), 4);
}

void TestSyntaxHighlighterService::identicalRequestsShareOneProcess()
{
    SyntaxHighlighterService service;
    QSignalSpy done(&service, &SyntaxHighlighterService::highlighted);
    const quint64 first = service.request(u"[1]"_s, u"JSON"_s, u"Breeze Light"_s);
    const quint64 second = service.request(u"[1]"_s, u"JSON"_s, u"Breeze Light"_s);
    QVERIFY(first != second);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 10000);
    QCOMPARE(idsOf(done), u"%1 %2"_s.arg(first).arg(second));
    QCOMPARE(service.processesStarted(), 1);
}

void TestSyntaxHighlighterService::missingToolFailsWithHint()
{
    SyntaxHighlighterService service;
    service.setProgram(u"/nonexistent/kate-syntax-highlighter"_s);
    QVERIFY(!service.isAvailable());
    QSignalSpy done(&service, &SyntaxHighlighterService::highlighted);
    QSignalSpy failed(&service, &SyntaxHighlighterService::failed);
    const quint64 id = service.request(u"{}"_s, u"JSON"_s, u"Breeze Light"_s);
    QCOMPARE(failed.size(), 0);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toULongLong(), id);
    QVERIFY2(failed.at(0).at(1).toString().contains(QLatin1String("/nonexistent/kate-syntax-highlighter")),
        qPrintable(failed.at(0).at(1).toString()));
    QCOMPARE(done.size(), 0);
    QCOMPARE(service.processesStarted(), 0);
    QVERIFY(SyntaxHighlighterService::unavailableHint().contains(QLatin1String("kate-syntax-highlighter")));

    service.setProgram(QString());
    QVERIFY(service.isAvailable());
}

void TestSyntaxHighlighterService::unknownSyntaxFails()
{
    SyntaxHighlighterService service;
    QSignalSpy failed(&service, &SyntaxHighlighterService::failed);
    service.request(u"x"_s, u"NoSuchSyntax"_s, u"Breeze Light"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY2(failed.at(0).at(1).toString().contains(QLatin1String("Unknown syntax")),
        qPrintable(failed.at(0).at(1).toString()));
}

void TestSyntaxHighlighterService::concurrencyIsCapped()
{
    SyntaxHighlighterService service;
    service.setMaxConcurrent(2);
    QSignalSpy done(&service, &SyntaxHighlighterService::highlighted);
    int worst = 0;
    connect(
        &service, &SyntaxHighlighterService::highlighted, this, [&] { worst = qMax(worst, service.runningCount()); });
    for (int i = 0; i < 6; ++i) {
        service.request(u"{\"i\": %1}"_s.arg(i), u"JSON"_s, u"Breeze Light"_s);
    }
    QCOMPARE(service.runningCount(), 2);
    QCOMPARE(service.queuedCount(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 6, 20000);
    QCOMPARE(service.processesStarted(), 6);
    QCOMPARE(service.peakRunning(), 2);
    QVERIFY(worst <= 2);
    QCOMPARE(service.runningCount(), 0);
}

void TestSyntaxHighlighterService::cancelledRequestsAreDropped()
{
    SyntaxHighlighterService service;
    service.setMaxConcurrent(1);
    QSignalSpy done(&service, &SyntaxHighlighterService::highlighted);
    QSignalSpy failed(&service, &SyntaxHighlighterService::failed);
    const QString light = u"Breeze Light"_s;
    const quint64 running = service.request(u"[1]"_s, u"JSON"_s, light);
    const quint64 queued = service.request(u"[2]"_s, u"JSON"_s, light);
    const quint64 latest = service.request(u"[3]"_s, u"JSON"_s, light);
    // A selection moved on twice: only the latest is still wanted.
    service.cancel(running);
    service.cancel(queued);
    QCOMPARE(service.queuedCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QCOMPARE(done.at(0).at(0).toULongLong(), latest);
    QCOMPARE(service.processesStarted(), 2); // the running one finished into the cache, the queued one never ran

    // The cancelled running one is in the cache; a cancelled cache hit is not delivered either.
    const quint64 hit = service.request(u"[1]"_s, u"JSON"_s, light);
    service.cancel(hit);
    const quint64 again = service.request(u"[1]"_s, u"JSON"_s, light);
    QTRY_COMPARE(done.size(), 2);
    QTest::qWait(50);
    QCOMPARE(idsOf(done), u"%1 %2"_s.arg(latest).arg(again));
    QCOMPARE(service.processesStarted(), 2);
    QCOMPARE(failed.size(), 0);
}

void TestSyntaxHighlighterService::largeInputIsNotHighlighted()
{
    SyntaxHighlighterService service;
    service.setMaxInputBytes(1024);
    QSignalSpy failed(&service, &SyntaxHighlighterService::failed);
    service.request(QString(2048, QLatin1Char('x')), u"JSON"_s, u"Breeze Light"_s);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(
        failed.at(0).at(1).toString().contains(QLatin1String("Too large")), qPrintable(failed.at(0).at(1).toString()));
    QCOMPARE(service.processesStarted(), 0);
}

void TestSyntaxHighlighterService::hangingToolTimesOut()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = dir.filePath(u"hang.sh"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\nexec sleep 30\n");
    file.close();
    file.setPermissions(file.permissions() | QFile::ExeOwner);

    SyntaxHighlighterService service;
    service.setProgram(script);
    service.setTimeout(300ms);
    QSignalSpy failed(&service, &SyntaxHighlighterService::failed);
    QElapsedTimer clock;
    clock.start();
    service.request(u"{}"_s, u"JSON"_s, u"Breeze Light"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QVERIFY(clock.elapsed() < 3000);
    QVERIFY2(
        failed.at(0).at(1).toString().contains(QLatin1String("300 ms")), qPrintable(failed.at(0).at(1).toString()));
    QCOMPARE(service.runningCount(), 0);
}

QString TestSyntaxHighlighterService::idsOf(const QSignalSpy &spy)
{
    QStringList ids;
    for (const QList<QVariant> &args : spy) {
        ids << QString::number(args.at(0).toULongLong());
    }
    return ids.join(QLatin1Char(' '));
}

QTEST_GUILESS_MAIN(TestSyntaxHighlighterService)
#include "tst_syntaxhighlighterservice.moc"
