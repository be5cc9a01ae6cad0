// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// One prober per (workspace, location) through an advisory lock on a real PostgreSQL server.
#include "pgtestserver.h"
#include "storage/proberelection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

int probers(const std::vector<std::unique_ptr<ProberElection>> &elections)
{
    int n = 0;
    for (const auto &e : elections) {
        n += e && e->isProber() ? 1 : 0;
    }
    return n;
}

} // namespace

class TestProberElection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (PgTestServer::binDir().isEmpty()) {
            QSKIP("no PostgreSQL server installed");
        }
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        const QString url = m_server.createDatabase();
        QVERIFY2(!url.isEmpty(), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(DatabaseTarget::parse(url, &m_target, &error), qPrintable(error));
    }

    void keyIsStable()
    {
        QCOMPARE(ProberElection::lockKey(u"ws"_s, u"seoul"_s), ProberElection::lockKey(u"ws"_s, u"seoul"_s));
        QVERIFY(ProberElection::lockKey(u"ws"_s, u"seoul"_s) != ProberElection::lockKey(u"ws"_s, u"tokyo"_s));
        QVERIFY(ProberElection::lockKey(u"ws"_s, QString()) != ProberElection::lockKey(u"ws2"_s, QString()));
    }

    // Three contenders for one location: exactly one probes; when it goes, another takes over within a poll.
    void oneProberAndFailOver()
    {
        std::vector<std::unique_ptr<ProberElection>> elections;
        for (int i = 0; i < 3; ++i) {
            elections.push_back(std::make_unique<ProberElection>());
            elections.back()->setOptions({ 300, 3 });
            elections.back()->start(m_target, u"ws"_s, u"seoul"_s);
        }
        QTRY_COMPARE_WITH_TIMEOUT(probers(elections), 1, 10000);
        QTest::qWait(1000); // polls go on: still one
        QCOMPARE(probers(elections), 1);
        for (int round = 0; round < 2; ++round) {
            auto holder
                = std::find_if(elections.begin(), elections.end(), [](const auto &e) { return e && e->isProber(); });
            QVERIFY(holder != elections.end());
            QElapsedTimer timer;
            timer.start();
            holder->reset(); // its connection closes: the lock is free
            QTRY_COMPARE_WITH_TIMEOUT(probers(elections), 1, 5000);
            QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        }
    }

    // Each location has its own prober; a workspace's location does not block another workspace's.
    void locationsAreSeparate()
    {
        ProberElection seoul;
        ProberElection tokyo;
        ProberElection other;
        for (ProberElection *e : { &seoul, &tokyo, &other }) {
            e->setOptions({ 300, 3 });
        }
        seoul.start(m_target, u"ws"_s, u"seoul"_s);
        tokyo.start(m_target, u"ws"_s, u"tokyo"_s);
        other.start(m_target, u"ws2"_s, u"seoul"_s);
        QTRY_VERIFY_WITH_TIMEOUT(seoul.isProber() && tokyo.isProber() && other.isProber(), 10000);
    }

    // The server goes away: the prober stays the prober (the history buffers); when the server is back, one prober
    // again.
    void serverRestart()
    {
        ProberElection a;
        ProberElection b;
        a.setOptions({ 300, 3 });
        b.setOptions({ 300, 3 });
        a.start(m_target, u"ws"_s, u"restart"_s);
        QTRY_VERIFY_WITH_TIMEOUT(a.isProber(), 10000);
        b.start(m_target, u"ws"_s, u"restart"_s);
        QTRY_VERIFY_WITH_TIMEOUT(b.isOnline(), 10000);
        QVERIFY(!b.isProber());
        QSignalSpy offline(&a, &ProberElection::onlineChanged);
        QVERIFY2(m_server.stop(), qPrintable(m_server.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!a.isOnline(), 10000);
        QVERIFY(a.isProber());
        QVERIFY(!b.isProber());
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(a.isOnline() && b.isOnline(), 20000);
        QTest::qWait(1000);
        QCOMPARE(int(a.isProber()) + int(b.isProber()), 1);
    }

private:
    PgTestServer m_server;
    DatabaseTarget m_target;
};

QTEST_GUILESS_MAIN(TestProberElection)
#include "tst_proberelection.moc"
