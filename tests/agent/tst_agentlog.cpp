// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/agentlog.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAgentLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainLinesCarryTimeAndLevel();
    void journalLinesCarryPriority();
    void secretsNeverReachTheLine();
};

void TestAgentLog::plainLinesCarryTimeAndLevel()
{
    qunsetenv("JOURNAL_STREAM");
    const AgentLog log;
    QVERIFY(!log.journal());
    const QString line = log.format(AgentLog::Level::Warning, u"endpoint a: OK -> CRITICAL\nsecond line"_s);
    QVERIFY2(QRegularExpression(
                 u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ warning: endpoint a: OK -> CRITICAL second line$"_s)
                 .match(line)
                 .hasMatch(),
        qPrintable(line));
}

void TestAgentLog::journalLinesCarryPriority()
{
    qputenv("JOURNAL_STREAM", "8:12345");
    const AgentLog log;
    qunsetenv("JOURNAL_STREAM");
    QVERIFY(log.journal());
    QCOMPARE(log.format(AgentLog::Level::Error, u"x"_s), u"<3>x"_s);
    QCOMPARE(log.format(AgentLog::Level::Warning, u"x"_s), u"<4>x"_s);
    QCOMPARE(log.format(AgentLog::Level::Info, u"x"_s), u"<6>x"_s);
}

void TestAgentLog::secretsNeverReachTheLine()
{
    AgentLog log;
    log.setSecrets({ { u"s3cr3t-token"_s, u"${API_TOKEN}"_s } });
    const QString line
        = log.format(AgentLog::Level::Error, u"GET https://127.0.0.1/?key=s3cr3t-token failed: s3cr3t-token"_s);
    QVERIFY2(!line.contains(u"s3cr3t"_s), qPrintable(line));
    QVERIFY(line.contains(u"key=${API_TOKEN}"_s));
}

QTEST_GUILESS_MAIN(TestAgentLog)
#include "tst_agentlog.moc"
