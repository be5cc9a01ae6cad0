// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `opsdeck ack` against a real SQLite database in a temporary data directory.
#include "cli/ackcommand.h"
#include "incident/incidentlifecycle.h"
#include "incident/incidentsql.h"
#include "incidenttesthelpers.h"
#include "notifyreceiver.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace IncidentTest;

class TestAckCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void acknowledgesAndRecordsWho();
    void refusals_data();
    void refusals();
    void invalidWorkspaceIsBadUsage();
    void pagedPagerDutyIsAcknowledged();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QString &incident, const QString &by = u"Lee"_s, const QString &workspace = {});
    qint64 seed(const QString &title, IncidentStatus status = IncidentStatus::Detected, const QString &paged = {});
    Incident stored(qint64 id);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void TestAckCommand::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_ackcommand"_s);
    QSettings().setValue(u"operator/name"_s, u"Kim"_s);
}

void TestAckCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = m_dir->filePath(u"test-ws.opsdeck.yaml"_s);
    QFile f(m_workspace);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        "workspace: { id: test-ws }\nendpoints:\n  - { name: api-health, group: api, url: \"http://127.0.0.1:1/\" }\n");
}

void TestAckCommand::cleanup()
{
    m_dir.reset();
}

qint64 TestAckCommand::seed(const QString &title, IncidentStatus status, const QString &paged)
{
    Storage storage;
    if (!openStorage(storage, Storage::databasePath(m_dir->path()))) {
        return 0;
    }
    IncidentStore store(&storage);
    store.setWorkspace(workspace());
    if (!refreshAndWait(store)) {
        return 0;
    }
    const qint64 id = createAndWait(store, draft(title));
    if (id > 0 && status != IncidentStatus::Detected) {
        store.setStatus(id, IncidentStatus::Resolved);
        settle(store, id);
    }
    if (id > 0 && !paged.isEmpty()) {
        TimelineEntry e;
        e.kind = TimelineKind::Notification;
        e.subject = paged;
        e.to = u"sent"_s;
        e.occurredAt = QDateTime::currentDateTimeUtc();
        e.text = u"CRITICAL: incident opened sent to %1 by route critical (HTTP 202)"_s.arg(paged);
        store.appendEntry(id, e);
        settle(store, id);
    }
    return id;
}

Incident TestAckCommand::stored(qint64 id)
{
    Storage storage;
    if (!openStorage(storage, Storage::databasePath(m_dir->path()))) {
        return {};
    }
    return StorageTest::read(storage, [id](QSqlDatabase &db) { return IncidentSql::loadIncident(db, id); });
}

TestAckCommand::Run TestAckCommand::run(const QString &incident, const QString &by, const QString &workspace)
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    Run r;
    {
        AckCommand command({ workspace.isEmpty() ? m_workspace : workspace, incident, by, QString(), m_dir->path() },
            &outStream, &errStream);
        QSignalSpy finished(&command, &AckCommand::finished);
        command.start();
        if (finished.wait(20000)) {
            r.exitCode = finished.constFirst().at(0).toInt();
        }
    }
    r.out = out;
    r.err = err;
    return r;
}

void TestAckCommand::acknowledgesAndRecordsWho()
{
    const qint64 id = seed(u"Checkout down"_s);
    QVERIFY(id > 0);
    const Run r = run(u"#"_s + QString::number(id), u"Lee"_s);
    QCOMPARE(r.exitCode, int(AckCommand::Acknowledged));
    QVERIFY2(r.out.contains(u"acknowledged by Lee"_s), qPrintable(r.out));
    const Incident i = stored(id);
    QVERIFY(i.acknowledgedAt.isValid());
    QCOMPARE(i.status, IncidentStatus::Detected); // acknowledging is not a status change
    QCOMPARE(i.timeline.constLast().kind, TimelineKind::Acknowledged);
    QCOMPARE(i.timeline.constLast().author, u"Lee"_s);
    // Twice: refused, naming who was first.
    const Run again = run(QString::number(id), u"Park"_s);
    QCOMPARE(again.exitCode, int(AckCommand::AlreadyAcknowledged));
    QVERIFY2(again.err.contains(u"already acknowledged"_s) && again.err.contains(u"Lee"_s), qPrintable(again.err));
}

void TestAckCommand::refusals_data()
{
    QTest::addColumn<QString>("incident");
    QTest::addColumn<bool>("resolved");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addRow("unknown") << u"999"_s << false << int(AckCommand::UnknownIncident) << u"no incident 999"_s;
    QTest::addRow("resolved") << QString() << true << int(AckCommand::NotOpen) << u"nothing to acknowledge"_s;
    QTest::addRow("not a number") << u"twelve"_s << false << int(AckCommand::BadUsage) << u"\"twelve\""_s;
}

void TestAckCommand::refusals()
{
    QFETCH(QString, incident);
    QFETCH(bool, resolved);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const qint64 id = seed(u"Search slow"_s, resolved ? IncidentStatus::Resolved : IncidentStatus::Detected);
    QVERIFY(id > 0);
    const Run r = run(incident.isEmpty() ? QString::number(id) : incident);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    const Incident after = stored(id);
    QVERIFY(std::none_of(after.timeline.cbegin(), after.timeline.cend(),
        [](const TimelineEntry &e) { return e.kind == TimelineKind::Acknowledged; }));
}

void TestAckCommand::invalidWorkspaceIsBadUsage()
{
    const QString bad = m_dir->filePath(u"bad.yaml"_s);
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("endpoints: 12\n");
    f.close();
    const Run r = run(u"1"_s, u"Lee"_s, bad);
    QCOMPARE(r.exitCode, int(AckCommand::BadUsage));
    QVERIFY2(r.err.contains(u"not valid"_s), qPrintable(r.err));
}

// A route paged PagerDuty about the incident: `opsdeck ack` tells it (acknowledge, the trigger's dedup key), once.
void TestAckCommand::pagedPagerDutyIsAcknowledged()
{
    NotifyReceiver pagerDuty;
    QVERIFY(pagerDuty.start());
    pagerDuty.setAnswer("/enqueue",
        { NotifyReceiver::Answer::Mode::Reply, 202, "Content-Type: application/json\r\n", R"({"status":"success"})" });
    QFile f(m_workspace);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(
        "workspace: { id: test-ws }\nendpoints:\n  - { name: api-health, group: api, url: \"http://127.0.0.1:1/\" }\n"
        "notifications:\n  providers:\n    - { id: oncall, kind: pagerduty, key: R0UTINGKEY, url: \""
        + pagerDuty.url(u"/enqueue"_s).toString().toUtf8() + "\" }\n");
    f.close();
    const qint64 id = seed(u"Checkout down"_s, IncidentStatus::Detected, u"oncall"_s);
    QVERIFY(id > 0);
    const Run r = run(QString::number(id), u"Lee"_s);
    QCOMPARE(r.exitCode, int(AckCommand::Acknowledged));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY2(r.out.contains(u"PagerDuty (oncall) told"_s), qPrintable(r.out));
    QCOMPARE(pagerDuty.count("/enqueue"), 1);
    const QJsonObject body = QJsonDocument::fromJson(pagerDuty.requests().constFirst().body).object();
    QCOMPARE(body.value(u"event_action"_s).toString(), u"acknowledge"_s);
    QCOMPARE(body.value(u"routing_key"_s).toString(), u"R0UTINGKEY"_s);
    QCOMPARE(body.value(u"dedup_key"_s).toString(), u"opsdeck/test-ws/incident/%1"_s.arg(id));
    const Incident i = stored(id);
    QVERIFY(std::any_of(i.timeline.cbegin(), i.timeline.cend(), [](const TimelineEntry &e) {
        return e.kind == TimelineKind::Notification && e.subject == u"oncall"_s && e.to == u"acknowledged"_s;
    }));
    QCOMPARE(run(QString::number(id), u"Park"_s).exitCode, int(AckCommand::AlreadyAcknowledged));
    QCOMPARE(pagerDuty.count("/enqueue"), 1);
}

QTEST_GUILESS_MAIN(TestAckCommand)
#include "tst_ackcommand.moc"
