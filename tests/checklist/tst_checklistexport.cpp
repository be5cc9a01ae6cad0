// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistexport.h"

#include <QFile>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

QDateTime at(const char *iso)
{
    QDateTime dt = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    dt.setTimeZone(QTimeZone::utc());
    return dt;
}

ChecklistTick tick(const QString &item, TickAction action, const char *when, const QString &actor)
{
    ChecklistTick t;
    t.itemId = item;
    t.action = action;
    t.at = at(when);
    t.actor = actor;
    return t;
}

// A signed morning check: a verified tick, an unverified one, a skip, and an untick/re-tick with a conflict.
ChecklistInstance signedInstance()
{
    ChecklistInstance i;
    i.id = 7;
    i.checklistId = u"morning"_s;
    i.periodKey = u"morning@2026-11-23"_s;
    i.title = { u"Morning check"_s, u"오전 점검"_s };
    const auto item = [](const QString &id, const QString &en, const QString &ko) {
        ChecklistItem it;
        it.id = id;
        it.text = { en, ko };
        return it;
    };
    i.items = { item(u"health"_s, u"API health is OK"_s, u"API 헬스 정상"_s),
        item(u"errors"_s, u"Error rate below 1 %"_s, u"에러율 1 % 미만"_s),
        item(u"backup"_s, u"Last night's backup finished"_s, u"어젯밤 백업 완료"_s) };
    i.period = { i.periodKey, QDate(2026, 11, 23), at("2026-11-22T15:00:00"), at("2026-11-23T00:00:00"),
        at("2026-11-23T15:00:00") };
    ChecklistTick health = tick(u"health"_s, TickAction::Tick, "2026-11-23T00:05:00", u"김민수"_s);
    health.evidence
        = { u"endpoint:health"_s, true, true, u"ok"_s, u"ok"_s, u"200 in 35 ms"_s, at("2026-11-23T00:04:30") };
    health.note = u"All green | fast"_s;
    ChecklistTick errors = tick(u"errors"_s, TickAction::Tick, "2026-11-23T00:06:00", u"김민수"_s);
    errors.evidence.target = u"kpi:error-rate"_s;
    ChecklistTick undo = tick(u"errors"_s, TickAction::Untick, "2026-11-23T00:07:00", u"Jane Doe"_s);
    undo.conflict = true;
    undo.note = u"stale window"_s;
    ChecklistTick skip = tick(u"backup"_s, TickAction::Skip, "2026-11-23T00:08:00", u"Jane Doe"_s);
    skip.skipReason = u"Backup server in maintenance"_s;
    i.history = { health, errors, undo, skip };
    i.signedBy = u"Jane Doe"_s;
    i.signedAt = at("2026-11-23T00:10:00");
    i.signComment = u"Checked with the DBA"_s;
    return i;
}

} // namespace

class TestChecklistExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void unsignedInstance();
    void hostileTextsStayOnTheirLines();
    void rangeKeepsSignedInstancesOfThoseDays();
    void emptyRangeSaysSo();
};

void TestChecklistExport::golden_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("en") << u"en"_s;
    QTest::addRow("ko") << u"ko"_s;
}

void TestChecklistExport::golden()
{
    QFETCH(QString, language);
    QTranslator translator;
    if (language == u"ko"_s) {
        QVERIFY(translator.load(QStringLiteral(OPSDECK_CHECKLIST_TEST_QM)));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    const QString md
        = ChecklistExport::markdown(signedInstance(), language, QLocale(language), QTimeZone("Asia/Seoul"));
    QCoreApplication::removeTranslator(&translator);

    const QString path = QFINDTESTDATA(u"data/export_%1.md"_s.arg(language));
    if (qEnvironmentVariableIsSet("OPSDECK_UPDATE_GOLDEN")) {
        QFile out(QFileInfo(QFINDTESTDATA(u"data"_s)).absoluteFilePath() + u"/export_%1.md"_s.arg(language));
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(md.toUtf8());
        QSKIP("golden file written");
    }
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    QCOMPARE(md, QString::fromUtf8(file.readAll()));
}

void TestChecklistExport::unsignedInstance()
{
    ChecklistInstance i = signedInstance();
    i.signedAt = {};
    i.history.removeLast();
    const QString md = ChecklistExport::markdown(i, u"en"_s, QLocale(u"en"_s), QTimeZone("Asia/Seoul"));
    QVERIFY(md.contains(u"- Not signed off\n"_s));
    QVERIFY(md.contains(u"- Progress: 2/3\n"_s));
    QVERIFY(md.contains(u"- [ ] Last night's backup finished\n"_s));
}

// Found by the checklist_export fuzzer: a carriage return ends a Markdown line as a newline does, the period key and
// the evidence's target and state were written as they came, and a backslash before a pipe undid its escape.
void TestChecklistExport::hostileTextsStayOnTheirLines()
{
    ChecklistInstance i = signedInstance();
    i.periodKey = u"morning\n## Forged"_s;
    i.history[0].evidence.state = u"ok\r# Forged"_s;
    i.history[0].evidence.target = u"endpoint:a\nb"_s;
    i.history[3].skipReason = u"back\\|slash"_s;
    const QString md = ChecklistExport::markdown(i, u"en"_s, QLocale(u"en"_s), QTimeZone("Asia/Seoul"));
    QVERIFY(!md.contains(u'\r'));
    QVERIFY(md.contains(u"- Period: morning ## Forged\n"_s));
    QVERIFY(md.contains(u"  - Evidence: endpoint:a b: ok # Forged (200 in 35 ms) at 2026-11-23 09:04\n"_s));
    QVERIFY(md.contains(u"| skipped | back\\\\\\|slash |\n"_s));
}

void TestChecklistExport::rangeKeepsSignedInstancesOfThoseDays()
{
    const ChecklistInstance day23 = signedInstance();
    ChecklistInstance day24 = signedInstance();
    day24.id = 8;
    day24.periodKey = u"morning@2026-11-24"_s;
    day24.period.date = QDate(2026, 11, 24);
    day24.period.start = day23.period.start.addDays(1);
    ChecklistInstance unsigned25 = signedInstance();
    unsigned25.periodKey = u"morning@2026-11-25"_s;
    unsigned25.period.date = QDate(2026, 11, 25);
    unsigned25.signedAt = {};
    ChecklistInstance day30 = day24;
    day30.periodKey = u"morning@2026-11-30"_s;
    day30.period.date = QDate(2026, 11, 30);

    const QString md = ChecklistExport::markdownRange({ day24, unsigned25, day30, day23 }, QDate(2026, 11, 23),
        QDate(2026, 11, 29), u"en"_s, QLocale(u"en"_s), QTimeZone("Asia/Seoul"));
    QVERIFY(md.startsWith(u"# Signed checklists, 2026-11-23 to 2026-11-29\n\n2 signed checklist(s).\n"_s));
    const qsizetype first = md.indexOf(u"Period: morning@2026-11-23"_s);
    const qsizetype second = md.indexOf(u"Period: morning@2026-11-24"_s);
    QVERIFY(first > 0 && second > first); // oldest first
    QVERIFY(!md.contains(u"morning@2026-11-25"_s)); // not signed
    QVERIFY(!md.contains(u"morning@2026-11-30"_s)); // outside
    QCOMPARE(md.count(u"\n## Morning check\n"_s), 2); // each record one level down
    QVERIFY(!md.contains(u"\n# Morning check"_s));
}

void TestChecklistExport::emptyRangeSaysSo()
{
    const QString md = ChecklistExport::markdownRange({ signedInstance() }, QDate(2026, 12, 1), QDate(2026, 12, 7),
        u"en"_s, QLocale(u"en"_s), QTimeZone("Asia/Seoul"));
    QVERIFY(md.endsWith(u"No checklist was signed off in this period.\n"_s));
}

QTEST_GUILESS_MAIN(TestChecklistExport)
#include "tst_checklistexport.moc"
