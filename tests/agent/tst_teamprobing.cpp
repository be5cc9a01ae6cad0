// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// One prober per location in team mode, end to end: `opsdeck agent` processes and in-process consoles (Sessions) on
// one real PostgreSQL, probing a loopback HTTP server that counts every request it gets.
#include "pgtestserver.h"
#include "probe/endpointmodel.h"
#include "session/session.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSysInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <climits>
#include <csignal>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int Endpoints = 200;
constexpr int IntervalMs = 3000;
constexpr int BoundMs = std::max(2 * IntervalMs, 10000); // the fail-over bound of the issue

// Answers every GET with 200 "ok" (keep-alive) and counts requests per path.
class CountingServer final : public QTcpServer
{
public:
    QHash<QString, int> counts;
    int total = 0;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            qsizetype end = 0;
            while ((end = buffer->indexOf("\r\n\r\n")) >= 0) {
                const QByteArray head = buffer->left(end);
                buffer->remove(0, end + 4);
                const QList<QByteArray> words = head.left(head.indexOf("\r\n")).split(' ');
                ++counts[QString::fromLatin1(words.value(1))];
                ++total;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

QString endpointName(int i)
{
    return u"e%1"_s.arg(i, 3, 10, QLatin1Char('0'));
}

struct Row
{
    QString endpoint;
    qint64 atMs = 0;
    QString checkedBy;
};

} // namespace

class TestTeamProbing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void oneProberFailOverAndOutage();

private:
    QList<Row> rows(qint64 sinceMs);
    QString startAgent();
    QString m_db;
    QString m_url;
    QString m_path;
    QTemporaryDir m_dir;
    PgTestServer m_server;
    CountingServer m_target;
    std::vector<std::unique_ptr<QProcess>> m_agents;
    std::vector<std::unique_ptr<Session>> m_consoles;
};

void TestTeamProbing::initTestCase()
{
    if (PgTestServer::binDir().isEmpty()) {
        QSKIP("no PostgreSQL server installed");
    }
    QVERIFY(m_target.listen(QHostAddress::LocalHost, 0));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_url = m_server.createDatabase();
    QVERIFY2(!m_url.isEmpty(), qPrintable(m_server.errorString()));
    m_db = QUrl(m_url).path().mid(1);
    QByteArray yaml = "workspace: { id: team, title: Team probing }\nendpoints:\n";
    for (int i = 0; i < Endpoints; ++i) {
        yaml += "  - { name: " + endpointName(i).toLatin1() + ", url: \"http://127.0.0.1:"
            + QByteArray::number(m_target.serverPort()) + '/' + endpointName(i).toLatin1()
            + "\", interval: " + QByteArray::number(IntervalMs / 1000) + "s, conditions: [\"[STATUS] == 200\"] }\n";
    }
    m_path = m_dir.filePath(u"team.yaml"_s);
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(yaml);
}

void TestTeamProbing::cleanupTestCase()
{
    m_consoles.clear();
    for (auto &agent : m_agents) {
        if (agent->state() != QProcess::NotRunning) {
            agent->kill();
            agent->waitForFinished();
        }
    }
}

QList<Row> TestTeamProbing::rows(qint64 sinceMs)
{
    const auto out = m_server.psql(m_db,
        u"SELECT endpoint, at_ms, checked_by FROM probe_results WHERE at_ms >= %1 ORDER BY endpoint, at_ms"_s.arg(
            sinceMs));
    QList<Row> list;
    for (const QString &line : out.value_or(QString()).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.split(u'|');
        if (f.size() == 3) {
            list.append({ f[0], f[1].toLongLong(), f[2] });
        }
    }
    return list;
}

QString TestTeamProbing::startAgent()
{
    auto agent = std::make_unique<QProcess>();
    agent->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    agent->start(QStringLiteral(OPSDECK_APP_PATH),
        { u"agent"_s, m_path, u"--database"_s, m_url, u"--lang"_s, u"en"_s, u"--data-dir"_s,
            m_dir.filePath(u"agent%1"_s.arg(m_agents.size())) });
    if (!agent->waitForStarted()) {
        return {};
    }
    m_agents.push_back(std::move(agent));
    return QSysInfo::machineHostName() + u'/' + QString::number(m_agents.back()->processId());
}

void TestTeamProbing::oneProberFailOverAndOutage()
{
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    QStringList agentNames;
    for (int i = 0; i < 3; ++i) {
        agentNames << startAgent();
        QVERIFY(!agentNames.last().isEmpty());
    }
    // One of the agents probes; which one the results say.
    QTRY_VERIFY_WITH_TIMEOUT(rows(start).size() >= Endpoints, 60000);
    const QString prober = rows(start).constLast().checkedBy;
    QVERIFY2(agentNames.contains(prober), qPrintable(prober));
    for (int i = 0; i < 5; ++i) {
        Session::Options options;
        options.database = m_url;
        options.dataDir = m_dir.filePath(u"console%1"_s.arg(i));
        options.name = u"console-%1"_s.arg(i);
        m_consoles.push_back(std::make_unique<Session>(options));
        m_consoles.back()->open(m_path);
    }
    // Every console shows every endpoint, checked by the prober, without probing itself.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(m_consoles.cbegin(), m_consoles.cend(),
                                 [](const auto &c) {
                                     for (int i = 0; i < Endpoints; ++i) {
                                         const EndpointStatus *s = c->endpoints()->status(endpointName(i));
                                         if (!s || !s->last) {
                                             return false;
                                         }
                                     }
                                     return true;
                                 }),
        30000);
    const EndpointStatus *shown = m_consoles.front()->endpoints()->status(endpointName(7));
    QCOMPARE(shown->last->checkedBy, prober);
    for (const auto &c : m_consoles) {
        QVERIFY(!c->isProber());
    }

    // Steady state: each endpoint is requested once per interval at the target, and stored once per probe.
    const QHash<QString, int> before = m_target.counts;
    const qint64 windowStart = QDateTime::currentMSecsSinceEpoch();
    QTest::qWait(4 * IntervalMs);
    const qint64 windowEnd = QDateTime::currentMSecsSinceEpoch();
    int minCount = INT_MAX;
    int maxCount = 0;
    for (int i = 0; i < Endpoints; ++i) {
        const QString path = u'/' + endpointName(i);
        const int n = m_target.counts.value(path) - before.value(path);
        minCount = std::min(minCount, n);
        maxCount = std::max(maxCount, n);
    }
    qInfo("requests per endpoint in %lld ms (interval %d ms): min %d, max %d", windowEnd - windowStart, IntervalMs,
        minCount, maxCount);
    QVERIFY2(minCount >= 3 && maxCount <= 5, qPrintable(u"%1..%2"_s.arg(minCount).arg(maxCount)));
    QSet<QString> writers;
    for (const Row &r : rows(windowStart)) {
        writers.insert(r.checkedBy);
    }
    QCOMPARE(writers, QSet<QString> { prober });

    // kill -9 the prober: another takes over within the bound, with no gap and no double check.
    const int victim = int(agentNames.indexOf(prober));
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(::kill(pid_t(m_agents[victim]->processId()), SIGKILL), 0);
    QString successor;
    qint64 firstNew = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Row &r : rows(killedAt)) {
                if (r.checkedBy != prober && (firstNew == 0 || r.atMs < firstNew)) {
                    firstNew = r.atMs;
                    successor = r.checkedBy;
                }
            }
            return firstNew != 0;
        }(),
        BoundMs + 10000);
    qInfo("fail-over: %s took over %lld ms after the kill", qPrintable(successor), firstNew - killedAt);
    QVERIFY2(firstNew - killedAt <= BoundMs, qPrintable(QString::number(firstNew - killedAt)));
    QTest::qWait(3 * IntervalMs);
    const auto spacing = [&](qint64 from, qint64 *maxGap, qint64 *minGap) {
        const QList<Row> list = rows(from);
        *maxGap = 0;
        *minGap = LLONG_MAX;
        for (qsizetype i = 1; i < list.size(); ++i) {
            if (list[i].endpoint == list[i - 1].endpoint) {
                *maxGap = std::max(*maxGap, list[i].atMs - list[i - 1].atMs);
                *minGap = std::min(*minGap, list[i].atMs - list[i - 1].atMs);
            }
        }
    };
    qint64 maxGap = 0;
    qint64 minGap = 0;
    spacing(killedAt - 2 * IntervalMs, &maxGap, &minGap);
    qInfo("history around the fail-over: largest gap %lld ms, smallest spacing %lld ms", maxGap, minGap);
    QVERIFY2(maxGap <= 2 * IntervalMs + 1000, qPrintable(QString::number(maxGap)));
    QVERIFY2(minGap >= IntervalMs / 2, qPrintable(QString::number(minGap)));

    // PostgreSQL away for a while: the prober keeps probing and buffers, then catches up without loss.
    const int requestsBefore = m_target.total;
    const qint64 downAt = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(m_server.stop(), qPrintable(m_server.errorString()));
    QTest::qWait(4 * IntervalMs);
    const int requestsDuring = m_target.total - requestsBefore;
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    const qint64 upAt = QDateTime::currentMSecsSinceEpoch();
    qInfo("database down %lld ms: %d requests meanwhile", upAt - downAt, requestsDuring);
    QVERIFY2(requestsDuring >= Endpoints * 3, qPrintable(QString::number(requestsDuring)));
    // Every endpoint has its results of the outage once the buffers are written.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QSet<QString> seen;
            for (const Row &r : rows(downAt + IntervalMs)) {
                if (r.atMs < upAt - IntervalMs) {
                    seen.insert(r.endpoint);
                }
            }
            return seen.size() == Endpoints;
        }(),
        40000);
    QTest::qWait(2 * IntervalMs);
    spacing(downAt - IntervalMs, &maxGap, &minGap);
    qInfo("history across the outage: largest gap %lld ms, smallest spacing %lld ms", maxGap, minGap);
    QVERIFY2(maxGap <= 2 * IntervalMs + 1000, qPrintable(QString::number(maxGap)));
}

QTEST_GUILESS_MAIN(TestTeamProbing)
#include "tst_teamprobing.moc"
