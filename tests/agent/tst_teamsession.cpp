// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Sessions in team mode, in one process, on a real PostgreSQL on loopback: notifications and automatic incidents
// follow the state over the locations, and a process whose team database is away at start probes on its own.
#include "../notify/notifyreceiver.h"
#include "pgtestserver.h"
#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "probe/probehistory.h"
#include "session/session.h"
#include "storage/proberelection.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// A TCP relay to PostgreSQL for one process: cut() drops its connections and refuses new ones (a network cut for
// that process alone), restore() lets it connect again.
class Relay final : public QTcpServer
{
public:
    explicit Relay(quint16 target)
        : m_target(target)
    { }
    void cut()
    {
        m_cut = true;
        for (QTcpSocket *s : findChildren<QTcpSocket *>()) {
            s->abort();
        }
    }
    void restore() { m_cut = false; }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *client = new QTcpSocket(this);
        client->setSocketDescriptor(handle);
        if (m_cut) {
            client->abort();
            client->deleteLater();
            return;
        }
        auto *server = new QTcpSocket(this);
        server->connectToHost(QHostAddress::LocalHost, m_target);
        connect(client, &QTcpSocket::readyRead, server, [client, server] { server->write(client->readAll()); });
        connect(server, &QTcpSocket::readyRead, client, [client, server] { client->write(server->readAll()); });
        for (auto [a, b] : { std::pair { client, server }, std::pair { server, client } }) {
            connect(a, &QTcpSocket::disconnected, b, [a, b] {
                b->disconnectFromHost();
                a->deleteLater();
            });
            connect(a, &QTcpSocket::errorOccurred, b, [b] { b->abort(); });
        }
    }

private:
    quint16 m_target;
    bool m_cut = false;
};

} // namespace

class TestTeamSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void quorumNotifiesOnce();
    void probesWhileDatabaseDownAtStart();
    void cutOffProberStepsDown();

private:
    // The workspace as seen from `location`: the same id and endpoint, probed at /<location> on the receiver.
    QString writeWorkspace(const QString &location, const QByteArray &extra = {});
    std::unique_ptr<Session> startSession(const QString &location, const QString &url, const QString &name = {});
    QStringList sent() const;
    int count(const QString &db, const QString &sql);

    QTemporaryDir m_dir;
    PgTestServer m_server;
    NotifyReceiver m_receiver;
};

void TestTeamSession::initTestCase()
{
    if (PgTestServer::binDir().isEmpty()) {
        QSKIP("no PostgreSQL server installed");
    }
    QVERIFY(m_receiver.start());
    m_receiver.setAnswer("/hook", NotifyReceiver::ok());
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

QString TestTeamSession::writeWorkspace(const QString &location, const QByteArray &extra)
{
    m_receiver.setAnswer('/' + location.toUtf8(), NotifyReceiver::ok());
    const QByteArray yaml = "workspace: { id: quorum, title: Quorum }\n"
                            "locations: { critical-when: 2 of 3 locations }\n"
                            "endpoints:\n  - { name: api, url: \""
        + m_receiver.url(u'/' + location).toString().toUtf8()
        + "\", interval: 1s, conditions: [\"[STATUS] == 200\"] }\n"
          "notifications:\n  providers:\n    - { id: hook, kind: slack, url: \""
        + m_receiver.url(u"/hook"_s).toString().toUtf8()
        + "\" }\n  routes:\n    - { id: pages, events: [endpoint], min-severity: critical, to: [hook] }\n"
          "incidents:\n  auto:\n    - { id: api-down, when: { endpoint: api }, for: 1s, severity: P1 }\n"
        + extra;
    const QString path = m_dir.filePath(location + u".yaml"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    file.write(yaml);
    return path;
}

std::unique_ptr<Session> TestTeamSession::startSession(const QString &location, const QString &url, const QString &name)
{
    Session::Options options;
    options.database = url;
    options.location = location;
    options.name = name.isEmpty() ? u"agent-"_s + location : name;
    options.dataDir = m_dir.filePath(options.name);
    auto session = std::make_unique<Session>(options);
    session->open(writeWorkspace(location));
    return session;
}

QStringList TestTeamSession::sent() const
{
    QStringList texts;
    for (const NotifyReceiver::Request &r : m_receiver.requests()) {
        if (r.path == "/hook") {
            texts << QJsonDocument::fromJson(r.body).object().value(u"text"_s).toString();
        }
    }
    return texts;
}

int TestTeamSession::count(const QString &db, const QString &sql)
{
    const auto out = m_server.psql(db, sql);
    return out ? out->trimmed().toInt() : -1;
}

// Three locations under "2 of 3 locations": one failing location makes the endpoint WARNING everywhere and pages
// nobody; two make it CRITICAL, which pages once (three processes, one delivery) and opens one incident.
void TestTeamSession::quorumNotifiesOnce()
{
    const QString url = m_server.createDatabase();
    QVERIFY2(!url.isEmpty(), qPrintable(m_server.errorString()));
    const QString db = QUrl(url).path().mid(1);
    std::vector<std::unique_ptr<Session>> sessions;
    for (const QString &location : { u"paris"_s, u"seoul"_s, u"tokyo"_s }) {
        sessions.push_back(startSession(location, url));
    }
    const auto all = [&](EndpointState state) {
        return std::all_of(sessions.cbegin(), sessions.cend(), [state](const auto &s) {
            const EndpointStatus *status = s->endpoints()->status(u"api"_s);
            return s->state(u"api"_s) == state && status && status->last && status->last->locations.size() == 3;
        });
    };
    // Each location has its own prober, and every process sees all three.
    QTRY_VERIFY_WITH_TIMEOUT(all(EndpointState::Ok), 30000);
    for (const auto &s : sessions) {
        QVERIFY(s->isProber());
    }

    const NotifyReceiver::Answer down { NotifyReceiver::Answer::Mode::Reply, 503, {}, "down" };
    m_receiver.setAnswer("/seoul", down);
    QTRY_VERIFY_WITH_TIMEOUT(all(EndpointState::Warning), 10000);
    QCOMPARE(sessions[1]->probes()->state(u"api"_s), EndpointState::Critical); // seoul's own reading
    QTest::qWait(7000); // several checks, and more than a tick of the incident rules after their 1 s
    QCOMPARE(sent(), QStringList());
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM incidents"_s), 0);

    m_receiver.setAnswer("/tokyo", down);
    QTRY_VERIFY_WITH_TIMEOUT(all(EndpointState::Critical), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 1, 10000);
    QVERIFY2(sent().at(0).startsWith(u"CRITICAL: endpoint api"_s), qPrintable(sent().at(0)));
    QTRY_COMPARE_WITH_TIMEOUT(count(db, u"SELECT COUNT(*) FROM incidents"_s), 1, 15000);
    QTest::qWait(7000);
    QCOMPARE(sent().size(), 1);
    QCOMPARE(count(db, u"SELECT COUNT(*) FROM incidents"_s), 1);

    // Back under the quorum: one resolution.
    m_receiver.setAnswer("/seoul", NotifyReceiver::ok());
    m_receiver.setAnswer("/tokyo", NotifyReceiver::ok());
    QTRY_VERIFY_WITH_TIMEOUT(all(EndpointState::Ok), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sent().size(), 2, 10000);
    QVERIFY2(sent().at(1).startsWith(u"RESOLVED: endpoint api"_s), qPrintable(sent().at(1)));
    QTest::qWait(3000);
    QCOMPARE(sent().size(), 2);
}

// PostgreSQL down when two processes of one location start: both probe on their own and keep their results;
// once it is up, one keeps probing, the other steps down, and each check is stored once.
void TestTeamSession::probesWhileDatabaseDownAtStart()
{
    const QString url = m_server.createDatabase();
    QVERIFY2(!url.isEmpty(), qPrintable(m_server.errorString()));
    const QString db = QUrl(url).path().mid(1);
    QVERIFY2(m_server.stop(), qPrintable(m_server.errorString()));
    const int before = m_receiver.count("/lyon");
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    auto first = startSession(u"lyon"_s, url, u"first"_s);
    auto second = startSession(u"lyon"_s, url, u"second"_s);
    QTRY_VERIFY_WITH_TIMEOUT(first->election()->isProvisional() && second->election()->isProvisional(), 10000);
    QVERIFY(first->isProber() && second->isProber());
    QTRY_VERIFY_WITH_TIMEOUT(m_receiver.count("/lyon") - before >= 6, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(first->endpoints()->status(u"api"_s) && first->endpoints()->status(u"api"_s)->last, 5000);
    QTest::qWait(3000);

    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    const qint64 upAt = QDateTime::currentMSecsSinceEpoch();
    // One of them holds the lock; the other follows it.
    QTRY_VERIFY_WITH_TIMEOUT(first->isProber() != second->isProber(), 30000);
    QVERIFY(!first->election()->isProvisional() && !second->election()->isProvisional());
    Session *prober = first->isProber() ? first.get() : second.get();
    Session *follower = first->isProber() ? second.get() : first.get();
    QTest::qWait(ProbeHistory::retryMs + 4000); // the follower's decision on what it held, and the retries
    const auto rows
        = [&](const QString &where) { return count(db, u"SELECT COUNT(*) FROM probe_results WHERE "_s + where); };
    // The outage is in the history (written once the database came back), from whoever covered it.
    const QString outage = u"at_ms < %1"_s.arg(upAt);
    const int stored = rows(outage);
    // No check counted twice: about one result per interval of the outage (two probing processes wrote two).
    const qint64 intervals = (upAt - start) / 1000;
    qInfo("outage: %lld intervals, %d results stored: %s", intervals, stored,
        qPrintable(m_server
                       .psql(db,
                           u"SELECT checked_by, at_ms - %1 FROM probe_results WHERE %2 ORDER BY at_ms"_s.arg(start).arg(
                               outage))
                       .value_or(QString())
                       .replace(u'\n', u' ')));
    QVERIFY2(stored >= intervals - 3 && stored <= intervals + 2, qPrintable(QString::number(stored)));
    const int proberRows = rows(u"checked_by = '%1'"_s.arg(prober->name()));
    QVERIFY(proberRows > 0);
    qInfo("database down %lld ms at start; %d results stored, %d by the prober, %d by %s", upAt - start,
        rows(u"TRUE"_s), proberRows, rows(u"checked_by = '%1'"_s.arg(follower->name())), qPrintable(follower->name()));
    // The follower shows the prober's results.
    QTRY_VERIFY_WITH_TIMEOUT(follower->endpoints()->status(u"api"_s)->last->checkedBy == prober->name(), 10000);
}

// The prober alone loses the database (the others still reach it): a follower takes over; the cut-off prober goes on
// probing but holds its results back, and once it reconnects it steps down and writes only what came before its
// successor's first result: the history has no gap and counts no check twice.
void TestTeamSession::cutOffProberStepsDown()
{
    const QString url = m_server.createDatabase();
    QVERIFY2(!url.isEmpty(), qPrintable(m_server.errorString()));
    const QString db = QUrl(url).path().mid(1);
    Relay relay(quint16(m_server.port()));
    QVERIFY(relay.listen(QHostAddress::LocalHost, 0));
    QString relayed = url;
    relayed.replace(u":%1/"_s.arg(m_server.port()), u":%1/"_s.arg(relay.serverPort()));
    auto first = startSession(u"oslo"_s, relayed, u"cut-off"_s);
    QTRY_VERIFY_WITH_TIMEOUT(first->election()->isRunning() && first->election()->isProber(), 15000);
    auto second = startSession(u"oslo"_s, url, u"successor"_s);
    QTRY_VERIFY_WITH_TIMEOUT(second->election()->isRunning() && second->election()->isOnline(), 15000);
    QVERIFY(!second->isProber());
    QTest::qWait(3000);

    const qint64 cutAt = QDateTime::currentMSecsSinceEpoch();
    relay.cut();
    QTRY_VERIFY_WITH_TIMEOUT(second->isProber(), 10000);
    qInfo("successor probing %lld ms after the cut", QDateTime::currentMSecsSinceEpoch() - cutAt);
    QVERIFY(first->isProber()); // it cannot know whether the database is down for everyone
    QTest::qWait(6000);
    relay.restore();
    const qint64 restoredAt = QDateTime::currentMSecsSinceEpoch();
    QTRY_VERIFY_WITH_TIMEOUT(!first->isProber(), 10000);
    qInfo("stepped down %lld ms after reconnecting", QDateTime::currentMSecsSinceEpoch() - restoredAt);
    QTest::qWait(ProbeHistory::retryMs + 4000); // what it held is decided and written
    const int requestsAfter = m_receiver.count("/oslo");
    QTest::qWait(3000);
    QVERIFY2(m_receiver.count("/oslo") - requestsAfter <= 4, "both still probing"); // one prober: 3 or 4 in 3 s

    const qint64 from = cutAt - 3000;
    const qint64 to = restoredAt + 3000;
    const auto list = m_server.psql(db,
        u"SELECT checked_by, at_ms - %1 FROM probe_results WHERE at_ms >= %1 AND at_ms < %2 ORDER BY at_ms"_s.arg(from)
            .arg(to));
    QVERIFY(list);
    const QStringList rows = list->split(u'\n', Qt::SkipEmptyParts);
    const qint64 intervals = (to - from) / 1000;
    qInfo(
        "%lld intervals around the cut, %lld results: %s", intervals, qint64(rows.size()), qPrintable(rows.join(u' ')));
    QVERIFY2(rows.size() >= intervals - 2 && rows.size() <= intervals + 2, qPrintable(QString::number(rows.size())));
    // No gap either: results of consecutive checks at most two intervals apart.
    qint64 last = -1;
    for (const QString &row : rows) {
        const qint64 at = row.section(u'|', 1).toLongLong();
        QVERIFY2(last < 0 || at - last <= 2100, qPrintable(row));
        last = at;
    }
}

QTEST_GUILESS_MAIN(TestTeamSession)
#include "tst_teamsession.moc"
