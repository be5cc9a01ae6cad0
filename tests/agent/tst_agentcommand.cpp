// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `opsdeck agent` as a subprocess against a real HTTP server on loopback, scraped by a real Prometheus.
#include "../demo/servicehelpers.h"
#include "../metrics/promservers.h"
#include "pgtestserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QByteArray workspace(const QByteArray &endpoint, quint16 port)
{
    return "workspace: { id: agt, title: Agent test }\nendpoints:\n  - name: " + endpoint
        + "\n    url: http://127.0.0.1:" + QByteArray::number(port) + "/" + endpoint
        + "\n    interval: 1s\n    conditions: [\"[STATUS] == 200\"]\n";
}

// A datagram socket standing in for systemd's $NOTIFY_SOCKET.
class NotifySocket
{
public:
    explicit NotifySocket(const QString &path)
        : m_path(path.toLocal8Bit())
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, m_path.constData(), sizeof address.sun_path);
        m_bound = ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    }
    ~NotifySocket() { ::close(m_fd); }
    bool bound() const { return m_bound; }
    QByteArray path() const { return m_path; }
    // What arrived so far, datagrams joined by newlines.
    QByteArray received()
    {
        char buffer[512];
        ssize_t n = 0;
        while ((n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT)) > 0) {
            m_received += QByteArray(buffer, n) + '\n';
        }
        return m_received;
    }

private:
    QByteArray m_path;
    int m_fd = -1;
    bool m_bound = false;
    QByteArray m_received;
};

} // namespace

class TestAgentCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void checkConfig();
    void badFirstVersionStops();
    void watchesReloadsServesAndStops();
    void writesToTheTeamDatabase();
    void impactedInMetrics();

private:
    QString readLog() { return m_log += QString::fromUtf8(m_agent.readAllStandardError()); }
    HttpResult get(const QString &path) { return sendRequest(&m_nam, "GET", QUrl(m_base + path)); }

    QTemporaryDir m_dir;
    QProcess m_site; // python3 -m http.server over m_dir/site
    quint16 m_sitePort = 0;
    QProcess m_agent;
    QString m_base;
    QString m_log;
    QNetworkAccessManager m_nam;
};

void TestAgentCommand::initTestCase()
{
    QVERIFY(QDir(m_dir.path()).mkpath(u"site"_s));
    writeFile(m_dir.filePath(u"site/a"_s), "a\n");
    writeFile(m_dir.filePath(u"site/b"_s), "b\n");
    m_sitePort = LoopbackServer::freePort();
    m_site.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_site.setStandardOutputFile(QProcess::nullDevice());
    m_site.setWorkingDirectory(m_dir.filePath(u"site"_s));
    m_site.start(u"python3"_s, { u"-m"_s, u"http.server"_s, QString::number(m_sitePort), u"--bind"_s, u"127.0.0.1"_s });
    QVERIFY(m_site.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(
        sendRequest(&m_nam, "GET", QUrl(u"http://127.0.0.1:%1/a"_s.arg(m_sitePort))).status, 200, 10000);
}

void TestAgentCommand::cleanupTestCase()
{
    if (m_agent.state() != QProcess::NotRunning) {
        m_agent.kill();
        m_agent.waitForFinished();
    }
    m_site.terminate();
    m_site.waitForFinished();
}

void TestAgentCommand::checkConfig()
{
    const QString good = m_dir.filePath(u"good.yaml"_s);
    writeFile(good, workspace("a", m_sitePort));
    QProcess p;
    p.start(QStringLiteral(OPSDECK_APP_PATH),
        { u"agent"_s, good, u"--check-config"_s, u"--listen"_s, u"9464"_s, u"--data-dir"_s, m_dir.filePath(u"cc"_s) });
    QVERIFY(p.waitForFinished(20000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(out.contains(u"probe a every 1s: http://127.0.0.1:"_s), qPrintable(out));
    QVERIFY2(out.contains(u"listen: 9464"_s), qPrintable(out));
    QVERIFY(!QFile::exists(m_dir.filePath(u"cc/opsdeck.sqlite"_s))); // nothing runs, nothing is written

    const QString bad = m_dir.filePath(u"bad.yaml"_s);
    writeFile(bad, "workspace: { id: x, title: X }\nendpoints:\n  - name: a\n    interval: soon\n");
    p.start(QStringLiteral(OPSDECK_APP_PATH), { u"agent"_s, bad, u"--check-config"_s });
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(p.readAllStandardOutput().contains("bad.yaml:4"), "the diagnostic names file:line");

    p.start(QStringLiteral(OPSDECK_APP_PATH), { u"agent"_s, good, u"--listen"_s, u"example:port"_s });
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 2); // bad usage
    QVERIFY(p.readAllStandardError().contains("--listen"));
}

void TestAgentCommand::badFirstVersionStops()
{
    const QString bad = m_dir.filePath(u"first-bad.yaml"_s);
    writeFile(bad, "workspace: { id: x, title: X }\nendpoints: [\n");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"JOURNAL_STREAM"_s, u"8:1234"_s); // as under systemd: priorities, no time stamps
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(OPSDECK_APP_PATH), { u"agent"_s, bad, u"--data-dir"_s, m_dir.filePath(u"fb"_s) });
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 1);
    const QStringList lines = QString::fromUtf8(p.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    QVERIFY2(lines.constFirst().startsWith(u"<6>"_s), qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.constLast().startsWith(u"<3>"_s) && lines.constLast().contains(u"first-bad.yaml"_s),
        qPrintable(lines.join(u'\n')));
}

void TestAgentCommand::watchesReloadsServesAndStops()
{
    const QString path = m_dir.filePath(u"ws.yaml"_s);
    writeFile(path, workspace("a", m_sitePort));
    const quint16 port = LoopbackServer::freePort();
    m_base = u"http://127.0.0.1:%1"_s.arg(port);
    NotifySocket systemd(m_dir.filePath(u"notify"_s));
    QVERIFY(systemd.bound());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NOTIFY_SOCKET"_s, QString::fromLocal8Bit(systemd.path()));
    m_agent.setProcessEnvironment(env);
    m_agent.start(QStringLiteral(OPSDECK_APP_PATH),
        { u"agent"_s, path, u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--listen"_s, QString::number(port),
            u"--location"_s, u"lab"_s, u"--lang"_s, u"en"_s });
    QVERIFY(m_agent.waitForStarted());

    // Ready once the workspace is loaded and the storage open; /healthz has seed 003's shape.
    QTRY_COMPARE_WITH_TIMEOUT(get(u"/readyz"_s).status, 200, 15000);
    const QJsonObject ready = get(u"/readyz"_s).json();
    QCOMPARE(ready.value(u"status"_s).toString(), u"healthy"_s);
    QCOMPARE(ready[u"services"_s][u"storage"_s][u"status"_s].toString(), u"healthy"_s);
    QCOMPARE(ready[u"services"_s][u"workspace"_s][u"status"_s].toString(), u"healthy"_s);
    QTRY_COMPARE_WITH_TIMEOUT(systemd.received(), "READY=1\n", 5000); // Type=notify
    const QString a = u"{workspace=\"agt\",location=\"lab\",endpoint=\"a\"}"_s;
    const QString b = u"{workspace=\"agt\",location=\"lab\",endpoint=\"b\"}"_s;
    QTRY_COMPARE_WITH_TIMEOUT(metricValue(get(u"/metrics"_s).body, u"probe_success"_s + a), 1.0, 15000);
    const HttpResult metrics = get(u"/metrics"_s);
    QVERIFY(metrics.contentType.startsWith("text/plain; version=0.0.4"));
    QCOMPARE(metricValue(metrics.body, u"probe_http_status_code"_s + a), 200.0);
    QVERIFY(metricValue(metrics.body, u"probe_duration_seconds"_s + a) > 0);
    const HttpResult health = get(u"/healthz"_s);
    QCOMPARE(health.status, 200);
    const QJsonObject h = health.json();
    QCOMPARE(h.value(u"status"_s).toString(), u"healthy"_s);
    QVERIFY(QDateTime::fromString(h.value(u"timestamp"_s).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(h.value(u"uptime"_s).isDouble());
    QCOMPARE(h[u"services"_s][u"probes"_s][u"endpoints"_s].toInt(), 1);
    QVERIFY(h[u"services"_s][u"probes"_s][u"responseTime"_s].isDouble());
    QCOMPARE(get(u"/nothing"_s).status, 404);
    QCOMPARE(sendRequest(&m_nam, "POST", QUrl(m_base + u"/metrics"_s)).status, 405);
    {
        // A request head over the cap is refused, not buffered.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /metrics HTTP/1.1\r\nX-Big: " + QByteArray(9000, 'x') + "\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(
            socket.bytesAvailable() > 0 || socket.state() != QAbstractSocket::ConnectedState, 5000);
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 431"));
    }

    // A new version of the file: picked up (by the file watch or SIGHUP), the new endpoint probed, the old one gone.
    writeFile(path, workspace("b", m_sitePort));
    ::kill(pid_t(m_agent.processId()), SIGHUP);
    QTRY_COMPARE_WITH_TIMEOUT(metricValue(get(u"/metrics"_s).body, u"probe_success"_s + b), 1.0, 15000);
    QCOMPARE(metricValue(get(u"/metrics"_s).body, u"probe_success"_s + a), -1.0);
    QTRY_VERIFY_WITH_TIMEOUT(readLog().contains(u"reloading "_s), 5000);

    // SIGHUP alone reloads too.
    const QString loads = u"opsdeck_agent_reloads_total{workspace=\"agt\",location=\"lab\"}"_s;
    const double before = metricValue(get(u"/metrics"_s).body, loads);
    ::kill(pid_t(m_agent.processId()), SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(metricValue(get(u"/metrics"_s).body, loads) > before, 10000);

    // A broken version: logged with file:line, the last good one keeps running.
    writeFile(path, "workspace: { id: agt, title: Agent test }\nendpoints:\n  - name: b\n    interval: never\n");
    ::kill(pid_t(m_agent.processId()), SIGHUP);
    const QString loaded = u"opsdeck_agent_workspace_loaded{workspace=\"agt\",location=\"lab\"}"_s;
    QTRY_COMPARE_WITH_TIMEOUT(metricValue(get(u"/metrics"_s).body, loaded), 0.0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(readLog().contains(u"ws.yaml:4"_s), 5000);
    QVERIFY(m_log.contains(u"keeps watching"_s));
    QCOMPARE(get(u"/healthz"_s).json().value(u"status"_s).toString(), u"degraded"_s);
    const QString checkedB = u"opsdeck_endpoint_last_check_timestamp_seconds"_s + b;
    const double lastCheck = metricValue(get(u"/metrics"_s).body, checkedB);
    QTRY_VERIFY_WITH_TIMEOUT(metricValue(get(u"/metrics"_s).body, checkedB) > lastCheck, 5000);

    // A real Prometheus scrapes the agent and answers for the endpoint.
    LoopbackServer prometheus;
    QVERIFY2(prometheus.startPrometheus(u"127.0.0.1:%1"_s.arg(port)), qPrintable(prometheus.error()));
    QUrl query = prometheus.url().resolved(QUrl(u"/api/v1/query"_s));
    query.setQuery(QUrlQuery { { u"query"_s, u"probe_success{endpoint=\"b\",location=\"lab\"}"_s } });
    const auto promValue = [&] {
        const QJsonArray result = sendRequest(&m_nam, "GET", query).json()[u"data"_s][u"result"_s].toArray();
        return result.size() == 1 ? result.at(0)[u"value"_s].toArray().at(1).toString() : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(promValue(), u"1"_s, 30000);
    prometheus.stop();

    // SIGTERM: a clean stop, well within systemd's patience.
    QElapsedTimer stopping;
    stopping.start();
    m_agent.terminate();
    QVERIFY(m_agent.waitForFinished(5000));
    const qint64 stopMs = stopping.elapsed();
    qInfo("stopped in %lld ms", stopMs);
    QCOMPARE(m_agent.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_agent.exitCode(), 0);
    QVERIFY2(stopMs < 2000, qPrintable(QString::number(stopMs)));
    QVERIFY(readLog().contains(u"stopped in"_s));
    QCOMPARE(systemd.received(), "READY=1\nSTOPPING=1\n");

    // The results went into the data dir's database, for both versions of the file.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"agent"_s);
        db.setDatabaseName(m_dir.filePath(u"data/opsdeck.sqlite"_s));
        QVERIFY(db.open());
        for (const QString &endpoint : { u"a"_s, u"b"_s }) {
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT count(*) FROM probe_results WHERE workspace_id = 'agt' AND endpoint = '%1' "
                           "AND state = 'OK'"_s.arg(endpoint)));
            QVERIFY(q.next());
            QVERIFY2(q.value(0).toInt() >= 1, qPrintable(endpoint));
        }
    }
    QSqlDatabase::removeDatabase(u"agent"_s);
}

void TestAgentCommand::writesToTheTeamDatabase()
{
    if (PgTestServer::binDir().isEmpty()) {
        QSKIP("no PostgreSQL server installed");
    }
    PgTestServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString url = server.createDatabase();
    QVERIFY2(!url.isEmpty(), qPrintable(server.errorString()));
    const QString path = m_dir.filePath(u"team.yaml"_s);
    writeFile(path, workspace("a", m_sitePort));
    const quint16 port = LoopbackServer::freePort();
    QProcess agent;
    agent.start(QStringLiteral(OPSDECK_APP_PATH),
        { u"agent"_s, path, u"--database"_s, url, u"--listen"_s, QString::number(port), u"--lang"_s, u"en"_s });
    QVERIFY(agent.waitForStarted());
    const QUrl ready(u"http://127.0.0.1:%1/readyz"_s.arg(port));
    QTRY_COMPARE_WITH_TIMEOUT(sendRequest(&m_nam, "GET", ready).status, 200, 20000);
    QCOMPARE(sendRequest(&m_nam, "GET", ready).json()[u"services"_s][u"storage"_s][u"team"_s].toBool(), true);
    const QString name = QUrl(url).path().mid(1);
    const auto count = [&] {
        return server.psql(name, u"SELECT count(*) FROM probe_results WHERE endpoint = 'a' AND state = 'OK'"_s)
            .value_or(QString())
            .trimmed()
            .toInt();
    };
    QTRY_VERIFY_WITH_TIMEOUT(count() >= 2, 20000);
    QElapsedTimer stopping;
    stopping.start();
    agent.terminate();
    QVERIFY(agent.waitForFinished(5000));
    QCOMPARE(agent.exitCode(), 0);
    QVERIFY2(stopping.elapsed() < 2000, qPrintable(QString::number(stopping.elapsed())));
    // The password came from the environment; it is nowhere in the log.
    const QByteArray log = agent.readAllStandardError();
    QVERIFY(!log.contains(qgetenv(PgTestServer::passwordVariable().toLatin1().constData())));
    QVERIFY2(log.contains("storage postgresql://"), log.constData());
}

// An endpoint failing because what it depends on is CRITICAL says so in /metrics, with its root cause, as a real
// Prometheus reads it.
void TestAgentCommand::impactedInMetrics()
{
    const QString path = m_dir.filePath(u"impact.yaml"_s);
    const QByteArray site = "http://127.0.0.1:" + QByteArray::number(m_sitePort);
    const QByteArray checks = "interval: 1s, conditions: [\"[STATUS] == 200\"]";
    writeFile(path,
        "workspace: { id: imp, title: Impact }\nendpoints:\n  - { name: db, url: \"" + site + "/db-gone\", " + checks
            + " }\n  - { name: app, url: \"" + site + "/app-gone\", depends-on: [db], " + checks
            + " }\n  - { name: a, url: \"" + site + "/a\", depends-on: [db], " + checks + " }\n");
    const quint16 port = LoopbackServer::freePort();
    QProcess agent;
    agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    agent.start(QStringLiteral(OPSDECK_APP_PATH),
        { u"agent"_s, path, u"--data-dir"_s, m_dir.filePath(u"impact"_s), u"--listen"_s, QString::number(port),
            u"--lang"_s, u"en"_s });
    QVERIFY(agent.waitForStarted());
    LoopbackServer prometheus;
    QVERIFY2(prometheus.startPrometheus(u"127.0.0.1:%1"_s.arg(port)), qPrintable(prometheus.error()));
    const auto series = [&](const QString &endpoint) {
        QUrl query = prometheus.url().resolved(QUrl(u"/api/v1/query"_s));
        query.setQuery(QUrlQuery { { u"query"_s, u"opsdeck_endpoint_impacted{endpoint=\"%1\"}"_s.arg(endpoint) } });
        const QJsonArray result = sendRequest(&m_nam, "GET", query).json()[u"data"_s][u"result"_s].toArray();
        return result.size() == 1 ? result.at(0).toObject() : QJsonObject();
    };
    const auto value = [](const QJsonObject &s) { return s[u"value"_s].toArray().at(1).toString(); };
    QTRY_COMPARE_WITH_TIMEOUT(value(series(u"app"_s)), u"1"_s, 30000);
    QCOMPARE(series(u"app"_s)[u"metric"_s][u"impacted_by"_s].toString(), u"db"_s);
    QCOMPARE(value(series(u"db"_s)), u"0"_s); // the root cause itself
    QCOMPARE(value(series(u"a"_s)), u"0"_s); // depends on db, but fine itself
    QCOMPARE(series(u"a"_s)[u"metric"_s][u"impacted_by"_s].toString(), QString());
    prometheus.stop();
    agent.terminate();
    QVERIFY(agent.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(TestAgentCommand)
#include "tst_agentcommand.moc"
