// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/incidentexport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

QDateTime at(const char *hhmm)
{
    return QDateTime(QDate(2024, 1, 15), QTime::fromString(QString::fromLatin1(hhmm), u"HH:mm"_s), QTimeZone::utc());
}

TimelineEntry entry(qint64 id, const char *when, TimelineKind kind, const QString &text)
{
    TimelineEntry e;
    e.id = id;
    e.kind = kind;
    e.author = u"Kim"_s;
    e.occurredAt = at(when);
    e.recordedAt = at("16:00");
    e.text = text;
    return e;
}

TimelineEntry status(qint64 id, const char *when, const QString &from, const QString &to)
{
    TimelineEntry e = entry(id, when, TimelineKind::StatusChange, {});
    e.subject = u"status"_s;
    e.from = from;
    e.to = to;
    return e;
}

// Seed 000's example incident, recorded through OpsDeck: a correction, an automatic endpoint entry.
Incident seedIncident()
{
    Incident i;
    i.id = 12;
    i.title = u"Login skin fails to load"_s;
    i.severity = u"P1"_s;
    i.status = IncidentStatus::Resolved;
    i.commander = u"Lee"_s;
    i.responders = { u"Park"_s, u"Choi"_s };
    i.scope = u"Login skin loading fails"_s;
    i.affectedUsers = 5000;
    i.services = { u"skin-cdn"_s };
    i.revenue = u"$2,000"_s;
    i.startedAt = at("14:30");
    i.detectedAt = at("14:40");
    i.acknowledgedAt = at("14:45");
    i.mitigatedAt = at("15:15");
    i.resolvedAt = at("15:45");
    i.postMortem.rootCause = u"A configuration error during CDN cache invalidation applied a wrong cache rule."_s;
    i.postMortem.contributingFactors = u"No cache check in the deploy\nAlert thresholds too loose\n\n"
                                       u"Manual invalidation is error-prone"_s;
    i.postMortem.resolution = u"Rolled back the wrong cache rule\nRe-applied the right settings\nWarmed the cache"_s;
    i.postMortem.preventionImmediate = u"Add a cache check to the deploy checklist"_s;
    i.postMortem.preventionLongTerm = u"Canary deploys | gradual rollout"_s;
    i.postMortem.lessons = u"Manual processes fail\nAlerts fired too late"_s;
    TimelineEntry endpoint = entry(4, "14:40", TimelineKind::EndpointState, u"HTTP 503 in 35 ms"_s);
    endpoint.subject = u"skin-cdn"_s;
    endpoint.from = u"OK"_s;
    endpoint.to = u"CRITICAL"_s;
    endpoint.author = u"opsdeck"_s;
    TimelineEntry correction = entry(6, "14:32", TimelineKind::Note, u"Cache invalidation ran (rule v2)"_s);
    correction.correctsId = 2;
    i.timeline = { status(1, "14:40", {}, u"detected"_s), entry(2, "14:33", TimelineKind::Note, u"Cache ran"_s),
        entry(3, "14:30", TimelineKind::Note, u"Deploy started"_s), endpoint,
        status(5, "14:45", u"detected"_s, u"investigating"_s), correction,
        status(7, "15:15", u"investigating"_s, u"mitigated"_s), status(8, "15:45", u"mitigated"_s, u"resolved"_s) };
    i.actionItems
        = { { 1, 12, u"Automate cache checks"_s, u"Engineering Team"_s, QDate(2024, 1, 22), ActionStatus::InProgress },
              { 2, 12, u"Tune alert thresholds"_s, u"DevOps Team"_s, QDate(2024, 1, 17), ActionStatus::Done },
              { 3, 12, u"Update the deploy checklist"_s, u"Release Team"_s, QDate(), ActionStatus::Open } };
    return i;
}

QString readGolden(const QString &name)
{
    QFile file(QFINDTESTDATA(u"data/"_s + name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestIncidentExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void openIncidentHasNoDuration();
    void hostileTextsStayInTheirCells();
    void duration_data();
    void duration();
    void pdf();
    void pdfToUnwritablePath();
};

void TestIncidentExport::golden_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
    QTest::addRow("en") << u"en"_s << u"postmortem_en.md"_s;
    QTest::addRow("ko") << u"ko"_s << u"postmortem_ko.md"_s;
}

void TestIncidentExport::golden()
{
    QFETCH(QString, language);
    QFETCH(QString, file);
    QTranslator translator;
    if (language == u"ko"_s) {
        QVERIFY(translator.load(QStringLiteral(OPSDECK_INCIDENT_TEST_QM)));
        QCoreApplication::installTranslator(&translator);
    }
    const QLocale locale(language == u"ko"_s ? QLocale::Korean : QLocale::English);
    const QString md = IncidentExport::markdown(seedIncident(), locale, QTimeZone::utc());
    QCoreApplication::removeTranslator(&translator);
    const QString golden = readGolden(file);
    if (md != golden) {
        QFile out(QDir::temp().filePath(file));
        if (out.open(QIODevice::WriteOnly)) {
            out.write(md.toUtf8());
        }
    }
    QCOMPARE(md, golden);
}

void TestIncidentExport::openIncidentHasNoDuration()
{
    Incident i = seedIncident();
    i.resolvedAt = {};
    i.status = IncidentStatus::Investigating;
    i.actionItems.clear();
    const QString md = IncidentExport::markdown(i, QLocale(QLocale::English), QTimeZone::utc());
    QVERIFY(md.contains(u"- **Resolved**: not resolved yet\n"_s));
    QVERIFY(md.contains(u"- **Duration**: (not recorded)\n"_s));
    QVERIFY(md.endsWith(u"|------|--------|------|------|\n"_s));
}

// Found by the postmortem_export fuzzer: a carriage return ends a Markdown line as a newline does, and a backslash
// before a pipe undid its escape, so one-line texts could add headings or table cells.
void TestIncidentExport::hostileTextsStayInTheirCells()
{
    Incident i = seedIncident();
    i.title = u"DB down\r# Forged heading"_s;
    i.actionItems = { ActionItem { 0, 0, u"back\\|slash"_s, u"kim\r| x | y |"_s, {}, ActionStatus::Open } };
    const QString md = IncidentExport::markdown(i, QLocale(QLocale::English), QTimeZone::utc());
    QVERIFY(!md.contains(u'\r'));
    QVERIFY(md.startsWith(u"# Incident report: DB down # Forged heading\n"_s));
    QVERIFY(md.endsWith(u"| back\\\\\\|slash | kim \\| x \\| y \\| |  | Open |\n"_s));
}

void TestIncidentExport::duration_data()
{
    QTest::addColumn<qint64>("minutes");
    QTest::addColumn<QString>("text");
    QTest::addRow("zero") << qint64(0) << u"0 min"_s;
    QTest::addRow("minutes") << qint64(45) << u"45 min"_s;
    QTest::addRow("hour") << qint64(60) << u"1 h"_s;
    QTest::addRow("seed") << qint64(75) << u"1 h 15 min"_s;
    QTest::addRow("days") << qint64(1440 * 2 + 61) << u"2 d 1 h 1 min"_s;
}

void TestIncidentExport::duration()
{
    QFETCH(qint64, minutes);
    QFETCH(QString, text);
    QCOMPARE(IncidentExport::duration(minutes * 60000), text);
}

void TestIncidentExport::pdf()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"postmortem.pdf"_s);
    QCOMPARE(IncidentExport::writePdf(seedIncident(), QLocale(QLocale::English), QTimeZone::utc(), path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.size() > 1000);
    QVERIFY(pdf.contains("/Title"));
}

void TestIncidentExport::pdfToUnwritablePath()
{
    const QString path = u"/nonexistent-dir/postmortem.pdf"_s;
    const QString error = IncidentExport::writePdf(seedIncident(), QLocale(), QTimeZone::utc(), path);
    QVERIFY2(error.startsWith(u"cannot write /nonexistent-dir/postmortem.pdf"_s), qPrintable(error));
}

QTEST_MAIN(TestIncidentExport)
#include "tst_incidentexport.moc"
