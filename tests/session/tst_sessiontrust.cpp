// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../notify/notifyreceiver.h"
#include "kpi/kpimodel.h"
#include "notify/notifier.h"
#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "runbook/workspacetrust.h"
#include "session/session.h"
#include "workspace/workspaceloader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

// The Session's trust gate against a real loopback receiver: a workspace version that is not trusted makes OpsDeck
// send its secret nowhere (probes, metrics scrapes, notification deliveries), while what needs no secret runs; the
// answer, whenever it comes, releases them without a reload; a new version asks again.
class TestSessionTrust final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void untrustedSendsNoSecret();
    void identicalContentStaysTrustedChangedAsksAgain();
    void allowedForThisSessionOnly();

private:
    QByteArray workspaceText(const NotifyReceiver &receiver) const;
    QString write(const QString &name, const QByteArray &text);
    // Every request the receiver got that carries the secret anywhere.
    int carrying(const NotifyReceiver &receiver) const;

    QByteArray m_canary;
    QTemporaryDir m_dir;
};

void TestSessionTrust::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_sessiontrust"_s);
    QSettings().remove(u"trust"_s);
    m_canary = "CANARY" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    qputenv("TRUST_TOKEN", m_canary);
}

void TestSessionTrust::cleanupTestCase()
{
    qunsetenv("TRUST_TOKEN");
}

QByteArray TestSessionTrust::workspaceText(const NotifyReceiver &receiver) const
{
    QByteArray text = R"(workspace: { id: trust }
secrets:
  - { name: TRUST_TOKEN, description: Token of the status API }
endpoints:
  - { name: open, url: "BASE/open", interval: 1s, conditions: ["[STATUS] == 200"] }
  - { name: flaky, url: "BASE/flaky", interval: 1s, conditions: ["[STATUS] == 200"] }
  - name: secret
    url: "BASE/secret"
    interval: 1s
    headers: { Authorization: "Bearer ${TRUST_TOKEN}" }
    conditions: ["[STATUS] == 200"]
kpis:
  - { id: scraped, title: Scraped, interval: 1s, source: { metrics: { url: "BASE/metrics/${TRUST_TOKEN}", metric: up } } }
notifications:
  providers:
    - { id: hook, kind: webhook, url: "BASE/hook", headers: { X-Token: "${TRUST_TOKEN}" } }
  routes:
    - { id: all, events: [endpoint], to: [hook] }
)";
    text.replace("BASE", receiver.url(QString()).toString().toUtf8());
    return text;
}

QString TestSessionTrust::write(const QString &name, const QByteArray &text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size()) {
        return {};
    }
    return path;
}

int TestSessionTrust::carrying(const NotifyReceiver &receiver) const
{
    int n = 0;
    for (const NotifyReceiver::Request &request : receiver.requests()) {
        bool found = request.path.contains(m_canary) || request.body.contains(m_canary);
        for (const QByteArray &value : request.headers) {
            found = found || value.contains(m_canary);
        }
        n += found ? 1 : 0;
    }
    return n;
}

void TestSessionTrust::untrustedSendsNoSecret()
{
    NotifyReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setAnswer("/open", NotifyReceiver::ok());
    receiver.setAnswer("/secret", NotifyReceiver::ok());
    receiver.setAnswer("/hook", NotifyReceiver::ok());
    receiver.setAnswer("/metrics/" + m_canary, { NotifyReceiver::Answer::Mode::Reply, 200, {}, "up 1\n" });
    // A secret-free endpoint that changes state: its event goes to a provider whose header holds the secret.
    receiver.setAnswers("/flaky", { NotifyReceiver::ok(), { NotifyReceiver::Answer::Mode::Reply, 503, {}, "down" } });
    const QString path = write(u"untrusted.yaml"_s, workspaceText(receiver));
    const LoadResult loaded = WorkspaceLoader::loadFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));

    Session session({ Session::Mode::Watch, {}, m_dir.path(), false });
    int asked = 0;
    QStringList shownCommands;
    std::function<void(const Session::TrustAnswer &)> reply;
    session.setTrustAsk([&](const Workspace &shown, const QStringList &commands, auto answer) {
        ++asked;
        QCOMPARE(shown.contentHash, loaded.workspace->contentHash);
        shownCommands = commands;
        reply = answer; // the operator has not answered yet
    });
    QSignalSpy ready(&session, &Session::workspaceReady);
    QSignalSpy trust(&session, &Session::trustChanged);
    session.adopt(*loaded.workspace);
    QVERIFY(ready.count() == 1 || ready.wait(5000));
    QCOMPARE(asked, 1);
    QVERIFY(session.waitingForTrust());
    QCOMPARE(session.heldForTrust().endpoints, QSet<QString> { u"secret"_s });
    QCOMPARE(session.heldForTrust().kpis, QSet<QString> { u"scraped"_s });
    QCOMPARE(session.heldForTrust().providers, QSet<QString> { u"hook"_s });

    // Everything else runs: the open endpoint is probed, the flaky one changes state and its event is routed...
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count("/flaky") >= 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!session.notifier()->log().isEmpty(), 10000);
    QTest::qWait(1500); // a few more intervals in which a held request could slip out
    QVERIFY(receiver.count("/open") >= 2);
    // ...but nothing carrying the secret reached the server.
    QCOMPARE(receiver.count("/secret"), 0);
    QCOMPARE(receiver.count("/hook"), 0);
    QCOMPARE(receiver.count("/metrics/" + m_canary), 0);
    QCOMPARE(carrying(receiver), 0);

    // The held parts show "waiting for trust": no state, not a failure, the delivery logged as not sent.
    const EndpointStatus *status = session.endpoints()->status(u"secret"_s);
    QVERIFY(status && status->waitingForTrust && !status->last);
    QCOMPARE(session.endpoints()->data(session.endpoints()->indexOf(u"secret"_s, EndpointModel::StateColumn)),
        QVariant(EndpointModel::waitingForTrustText()));
    QCOMPARE(session.probes()->state(u"secret"_s), EndpointState::Unknown);
    QCOMPARE(session.endpoints()->stateCount(int(EndpointState::Critical)), 1); // flaky only
    const KpiTile *tile = session.kpis()->tile(u"scraped"_s);
    QVERIFY(tile && tile->waitingForTrust && !tile->value);
    QCOMPARE(tile->state, KpiState::Unknown);
    const NotifyLogEntry entry = session.notifier()->log().constFirst();
    QCOMPARE(entry.provider, u"hook"_s);
    QVERIFY(!entry.ok);
    QVERIFY2(entry.reason.contains(u"waiting for trust"_s), qPrintable(entry.reason));

    // The answer comes later: the held parts start without a reload, and the secret goes where the file says.
    reply({ true, true, {} });
    QVERIFY(!session.waitingForTrust());
    QCOMPARE(trust.constLast().constFirst().toBool(), false);
    QVERIFY(WorkspaceTrust::isTrusted(*loaded.workspace));
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count("/secret") >= 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count("/metrics/" + m_canary) >= 1, 10000);
    bool bearer = false;
    for (const NotifyReceiver::Request &request : receiver.requests()) {
        bearer
            = bearer || (request.path == "/secret" && request.headers.value("authorization") == "Bearer " + m_canary);
    }
    QVERIFY(bearer);
    QTRY_VERIFY_WITH_TIMEOUT(session.endpoints()->status(u"secret"_s)->last.has_value(), 10000);
    QCOMPARE(session.endpoints()->status(u"secret"_s)->last->state, EndpointState::Ok);
    QVERIFY(!session.endpoints()->status(u"secret"_s)->waitingForTrust);
    QTRY_VERIFY_WITH_TIMEOUT(session.kpis()->tile(u"scraped"_s)->value.has_value(), 10000);
    QCOMPARE(asked, 1);
}

void TestSessionTrust::identicalContentStaysTrustedChangedAsksAgain()
{
    NotifyReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setAnswer("/open", NotifyReceiver::ok());
    receiver.setAnswer("/flaky", NotifyReceiver::ok());
    receiver.setAnswer("/secret", NotifyReceiver::ok());
    const QByteArray text = workspaceText(receiver) + "# version 1\n";
    const QString path = write(u"versions.yaml"_s, text);
    Session session({ Session::Mode::Watch, {}, m_dir.path(), false });
    int asked = 0;
    std::optional<Session::TrustAnswer> given; // unset: no answer yet
    session.setTrustAsk([&](const Workspace &, const QStringList &, auto answer) {
        ++asked;
        if (given) {
            answer(*given);
        }
    });
    QSignalSpy ready(&session, &Session::workspaceReady);
    given = Session::TrustAnswer { false, true, {} }; // "Not now"
    session.open(path);
    QVERIFY(ready.count() == 1 || ready.wait(5000));
    QCOMPARE(asked, 1);
    QVERIFY(session.waitingForTrust());

    // The same bytes again (a save without a change): not asked again by itself, still waiting.
    QVERIFY(!write(u"versions.yaml"_s, text).isEmpty());
    session.reload();
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 2, 5000);
    QCOMPARE(asked, 1);
    QVERIFY(session.waitingForTrust());
    // "Not now" is not final: the Health page's banner asks again.
    given = Session::TrustAnswer { true, true, {} };
    session.askTrust();
    QCOMPARE(asked, 2);
    QVERIFY(!session.waitingForTrust());
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count("/secret") >= 1, 10000);

    // Identical content stays trusted; changed content is a new version that asks again and holds until answered.
    const qsizetype loads = ready.count();
    QVERIFY(!write(u"versions.yaml"_s, text).isEmpty());
    session.reload();
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() > loads, 5000);
    QCOMPARE(asked, 2);
    QVERIFY(!session.waitingForTrust());
    given.reset();
    const QByteArray first = session.workspace().contentHash;
    QVERIFY(!write(u"versions.yaml"_s, workspaceText(receiver) + "# version 2\n").isEmpty());
    session.reload();
    QTRY_VERIFY_WITH_TIMEOUT(session.workspace().contentHash != first, 5000);
    QCOMPARE(asked, 3);
    QVERIFY(session.waitingForTrust());
    QTest::qWait(300); // a request of the trusted version may have been on its way
    const int before = receiver.count("/secret");
    QTest::qWait(2500);
    QCOMPARE(receiver.count("/secret"), before);
    QVERIFY(session.endpoints()->status(u"secret"_s)->waitingForTrust);
}

void TestSessionTrust::allowedForThisSessionOnly()
{
    NotifyReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setAnswer("/secret", NotifyReceiver::ok());
    const QString path = write(u"once.yaml"_s, workspaceText(receiver) + "# once\n");
    const LoadResult loaded = WorkspaceLoader::loadFile(path);
    QVERIFY(loaded.ok());
    {
        // `opsdeck check` without a terminal and without --yes: nobody answers, nothing carrying it is sent.
        Session once({ Session::Mode::Once, {}, {}, false });
        QSignalSpy ready(&once, &Session::workspaceReady);
        once.adopt(*loaded.workspace);
        QVERIFY(ready.count() == 1 || ready.wait(5000));
        QVERIFY(once.waitingForTrust());
        once.probes()->checkAllNow();
        QTest::qWait(1500);
        QCOMPARE(receiver.count("/secret"), 0);
    }
    // --yes: allowed for this session, not remembered.
    Session once({ Session::Mode::Once, {}, {}, false });
    QSignalSpy ready(&once, &Session::workspaceReady);
    once.adopt(*loaded.workspace);
    QVERIFY(ready.count() == 1 || ready.wait(5000));
    once.answerTrust({ true, false, u"allowed by --yes"_s });
    QVERIFY(!once.waitingForTrust());
    QSignalSpy results(once.probes(), &ProbeEngine::resultReady);
    once.probes()->checkNow(u"secret"_s);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count("/secret"), 1, 10000);
    QVERIFY(!WorkspaceTrust::isTrusted(*loaded.workspace));
}

QTEST_MAIN(TestSessionTrust)
#include "tst_sessiontrust.moc"
