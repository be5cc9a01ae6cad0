// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Routes: filters, flap guard, de-duplication, rate limit, follow-ups and fallback, against a loopback receiver.
#include "notify/notifier.h"
#include "notifyreceiver.h"
#include "notifytesthelpers.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

class tst_Notifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void severityFilter();
    void groupAndHoursFilter();
    void duplicateNotResent();
    void flapGuard();
    void flapGuardSendsWhatStays();
    void rateLimitSummary();
    void resolvedFollowUp();
    void resolvedFollowUpOff();
    void fallbackWhenProviderHangs();
    void fallbackWhenRefused();
    void fallbackAfterServerErrors();
    void fallbackAfterRetryAfter();
    void logIsBounded();
    void testMessagePassesFilters();
    void retrySendsAgain();
    void routedProvidersFollowFilters();

private:
    NotifyRoute route(const QString &id, const QStringList &targets);
    void useRoutes(const QList<NotifyRoute> &routes);
    NotificationEvent change(const QString &subject, const QString &from, const QString &to);
    QList<QJsonObject> received(const QByteArray &path) const;

    QNetworkAccessManager m_nam;
    std::unique_ptr<NotifyReceiver> m_server;
    std::unique_ptr<NotifySender> m_sender;
    std::unique_ptr<Notifier> m_notifier;
    QList<NotifyProvider> m_providers;
    QStringList m_secretValues;
};

void tst_Notifier::init()
{
    m_server = std::make_unique<NotifyReceiver>();
    QVERIFY(m_server->start());
    m_server->setAnswer("/main", NotifyReceiver::ok());
    m_server->setAnswer("/backup", NotifyReceiver::ok());
    m_server->setAnswer("/hang", { NotifyReceiver::Answer::Mode::Silent, 0, {}, {} });
    m_sender = std::make_unique<NotifySender>(&m_nam);
    m_sender->setLimits({ 800, 100, 64 * 1024 });
    m_notifier = std::make_unique<Notifier>(m_sender.get());
    m_notifier->setRateWindow(700);
    m_providers = {
        testProvider(u"main"_s, u"slack"_s, u"NOTIFIER_MAIN_URL"_s, m_server->url(u"/main"_s)),
        testProvider(u"backup"_s, u"slack"_s, u"NOTIFIER_BACKUP_URL"_s, m_server->url(u"/backup"_s)),
        testProvider(u"hang"_s, u"slack"_s, u"NOTIFIER_HANG_URL"_s, m_server->url(u"/hang"_s)),
        testProvider(u"refused"_s, u"slack"_s, u"NOTIFIER_REFUSED_URL"_s, QUrl(u"http://127.0.0.1:1/refused"_s)),
        testProvider(u"broken"_s, u"slack"_s, u"NOTIFIER_BROKEN_URL"_s, m_server->url(u"/broken"_s)),
        testProvider(u"busy"_s, u"slack"_s, u"NOTIFIER_BUSY_URL"_s, m_server->url(u"/busy"_s)),
    };
    m_secretValues = { m_server->url(u"/main"_s).toString(), m_server->url(u"/hang"_s).toString(),
        u"http://127.0.0.1:1/refused"_s };
}

NotifyRoute tst_Notifier::route(const QString &id, const QStringList &targets)
{
    NotifyRoute r;
    r.id = id;
    r.targets = targets;
    return r;
}

void tst_Notifier::useRoutes(const QList<NotifyRoute> &routes)
{
    Workspace w;
    w.info.id = u"meetpin"_s;
    w.notifications.providers = m_providers;
    w.notifications.routes = routes;
    m_notifier->setWorkspace(w);
}

NotificationEvent tst_Notifier::change(const QString &subject, const QString &from, const QString &to)
{
    NotificationEvent e = criticalEndpoint(subject);
    e.from = from;
    e.to = to;
    e.severity = to == QLatin1String("critical") ? NotifySeverity::Critical
        : to == QLatin1String("ok")              ? NotifySeverity::Info
                                                 : NotifySeverity::Warning;
    e.recovery = to == QLatin1String("ok");
    return e;
}

QList<QJsonObject> tst_Notifier::received(const QByteArray &path) const
{
    QList<QJsonObject> out;
    for (const auto &request : m_server->requests()) {
        if (request.path == path) {
            out.append(jsonBody(request.body));
        }
    }
    return out;
}

void tst_Notifier::severityFilter()
{
    NotifyRoute critical = route(u"critical"_s, { u"main"_s });
    critical.minSeverity = u"critical"_s;
    useRoutes({ critical });
    QSignalSpy logged(m_notifier.get(), &Notifier::logged);
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"warning"_s));
    m_notifier->notify(change(u"b"_s, u"ok"_s, u"critical"_s));
    QTRY_COMPARE(logged.size(), 1);
    QTest::qWait(200);
    QCOMPARE(m_server->count("/main"), 1);
    QVERIFY(received("/main").first().value(u"text"_s).toString().contains(u" b "_s));
    QCOMPARE(m_notifier->log().constLast().route, u"critical"_s);
    QVERIFY(m_notifier->log().constLast().ok);
}

void tst_Notifier::groupAndHoursFilter()
{
    NotifyRoute office = route(u"office"_s, { u"main"_s });
    office.groups = { u"db"_s };
    office.from = QTime(9, 0);
    office.until = QTime(18, 0);
    useRoutes({ office });
    QTime now(20, 0);
    m_notifier->setClock([&now] { return now; });
    m_notifier->notify(criticalEndpoint(u"a"_s, u"api"_s)); // other group
    m_notifier->notify(criticalEndpoint(u"b"_s, u"db"_s)); // after hours
    now = QTime(10, 0);
    m_notifier->notify(criticalEndpoint(u"c"_s, u"db"_s));
    QTRY_COMPARE(m_server->count("/main"), 1);
    QTest::qWait(200);
    QCOMPARE(m_server->count("/main"), 1);
    QVERIFY(received("/main").first().value(u"text"_s).toString().contains(u" c "_s));
}

void tst_Notifier::duplicateNotResent()
{
    useRoutes({ route(u"all"_s, { u"main"_s }) });
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"critical"_s));
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"critical"_s));
    QTRY_COMPARE(m_server->count("/main"), 1);
    QTest::qWait(300);
    QCOMPARE(m_server->count("/main"), 1);
}

void tst_Notifier::flapGuard()
{
    NotifyRoute guarded = route(u"guarded"_s, { u"main"_s });
    guarded.flapGuard = 300ms;
    useRoutes({ guarded });
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"critical"_s));
    QTest::qWait(100);
    m_notifier->notify(change(u"a"_s, u"critical"_s, u"ok"_s)); // flipped back within the guard
    QTest::qWait(600);
    QCOMPARE(m_server->count("/main"), 0);
    QVERIFY(m_notifier->log().isEmpty());
}

void tst_Notifier::flapGuardSendsWhatStays()
{
    NotifyRoute guarded = route(u"guarded"_s, { u"main"_s });
    guarded.flapGuard = 300ms;
    useRoutes({ guarded });
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"warning"_s));
    QTest::qWait(100);
    m_notifier->notify(change(u"a"_s, u"warning"_s, u"critical"_s)); // still a problem: the last state goes
    QTest::qWait(100);
    QCOMPARE(m_server->count("/main"), 0);
    QTRY_COMPARE(m_server->count("/main"), 1);
    QVERIFY(received("/main").first().value(u"text"_s).toString().startsWith(u"CRITICAL"_s));
}

void tst_Notifier::rateLimitSummary()
{
    NotifyRoute limited = route(u"limited"_s, { u"main"_s });
    limited.rateLimit = 2;
    useRoutes({ limited });
    for (int i = 0; i < 5; ++i) {
        m_notifier->notify(change(u"e%1"_s.arg(i), u"ok"_s, u"critical"_s));
    }
    QTRY_COMPARE(m_server->count("/main"), 2);
    // When the window closes one summary tells of the three held back.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->count("/main"), 3, 3000);
    const QString summary = received("/main").constLast().value(u"text"_s).toString();
    QVERIFY2(summary.contains(u"3"_s) && summary.contains(u"limited"_s), qPrintable(summary));
    QTest::qWait(900);
    QCOMPARE(m_server->count("/main"), 3); // one summary, not one per window
    int suppressed = 0;
    for (const NotifyLogEntry &entry : m_notifier->log()) {
        suppressed += entry.suppressed ? 1 : 0;
    }
    QCOMPARE(suppressed, 3);
}

void tst_Notifier::resolvedFollowUp()
{
    NotifyRoute critical = route(u"critical"_s, { u"main"_s });
    critical.minSeverity = u"critical"_s;
    useRoutes({ critical });
    m_notifier->notify(change(u"b"_s, u"critical"_s, u"ok"_s)); // never told: no follow-up
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"critical"_s));
    QTRY_COMPARE(m_server->count("/main"), 1);
    m_notifier->notify(change(u"a"_s, u"critical"_s, u"ok"_s)); // info, yet the follow-up of what was sent
    QTRY_COMPARE(m_server->count("/main"), 2);
    QVERIFY(received("/main").constLast().value(u"text"_s).toString().startsWith(u"RESOLVED"_s));
    QTest::qWait(200);
    QCOMPARE(m_server->count("/main"), 2);
}

void tst_Notifier::resolvedFollowUpOff()
{
    NotifyRoute quiet = route(u"quiet"_s, { u"main"_s });
    quiet.resolved = false;
    useRoutes({ quiet });
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"critical"_s));
    QTRY_COMPARE(m_server->count("/main"), 1);
    m_notifier->notify(change(u"a"_s, u"critical"_s, u"ok"_s));
    QTest::qWait(300);
    QCOMPARE(m_server->count("/main"), 1);
}

void tst_Notifier::fallbackWhenProviderHangs()
{
    NotifyRoute r = route(u"r"_s, { u"hang"_s });
    r.fallback = u"backup"_s;
    useRoutes({ r });
    QSignalSpy failed(m_notifier.get(), &Notifier::deliveryFailed);
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"critical"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->count("/backup"), 1, 4000);
    QCOMPARE(failed.size(), 1);
    const QString notice = failed.first().first().toString();
    QVERIFY2(notice.contains(u"${NOTIFIER_HANG_URL}"_s), qPrintable(notice));
    for (const QString &secret : std::as_const(m_secretValues)) {
        QVERIFY2(!notice.contains(secret), qPrintable(notice));
    }
    QTRY_COMPARE(m_notifier->log().size(), 2);
    QVERIFY(!m_notifier->log().at(0).ok);
    QVERIFY(m_notifier->log().at(1).ok && m_notifier->log().at(1).fallback);
}

void tst_Notifier::fallbackWhenRefused()
{
    NotifyRoute r = route(u"r"_s, { u"refused"_s });
    r.fallback = u"backup"_s;
    useRoutes({ r });
    QSignalSpy failed(m_notifier.get(), &Notifier::deliveryFailed);
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"critical"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->count("/backup"), 1, 4000);
    QCOMPARE(failed.size(), 1);
    for (const QVariantList &args : std::as_const(failed)) {
        for (const QString &secret : std::as_const(m_secretValues)) {
            QVERIFY2(!args.first().toString().contains(secret), qPrintable(args.first().toString()));
        }
    }
    for (const NotifyLogEntry &entry : m_notifier->log()) {
        for (const QString &secret : std::as_const(m_secretValues)) {
            QVERIFY2(!entry.reason.contains(secret), qPrintable(entry.reason));
        }
    }
}

// A provider that keeps answering 500 is retried with growing pauses until the deadline, then the fallback sends.
void tst_Notifier::fallbackAfterServerErrors()
{
    m_sender->setLimits({ 2000, 100, 64 * 1024 });
    m_server->setAnswer("/broken", { NotifyReceiver::Answer::Mode::Reply, 500, {}, "boom" });
    NotifyRoute r = route(u"r"_s, { u"broken"_s });
    r.fallback = u"backup"_s;
    useRoutes({ r });
    QElapsedTimer clock;
    clock.start();
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"critical"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->count("/backup"), 1, 6000);
    const qint64 elapsed = clock.elapsed();
    // 2 s deadline, 100 ms first pause doubling (100, 200, 400, 800): at most five attempts, and a pause that would
    // end past the deadline is not waited for.
    QVERIFY2(m_server->count("/broken") >= 2 && m_server->count("/broken") <= 5,
        qPrintable(QString::number(m_server->count("/broken"))));
    QVERIFY2(elapsed >= 100 && elapsed < 4000, qPrintable(QString::number(elapsed)));
    QTRY_COMPARE(m_notifier->log().size(), 2);
    const NotifyLogEntry &failed = m_notifier->log().at(0);
    QVERIFY(!failed.ok);
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.attempts, m_server->count("/broken"));
    QVERIFY(m_notifier->log().at(1).ok && m_notifier->log().at(1).fallback);
}

// 429 with Retry-After: the pause it asks for is kept; one longer than the deadline allows ends in the fallback.
void tst_Notifier::fallbackAfterRetryAfter()
{
    m_sender->setLimits({ 1500, 100, 64 * 1024 });
    m_server->setAnswer("/busy", { NotifyReceiver::Answer::Mode::Reply, 429, "Retry-After: 1\r\n", "slow down" });
    NotifyRoute r = route(u"r"_s, { u"busy"_s });
    r.fallback = u"backup"_s;
    useRoutes({ r });
    QElapsedTimer clock;
    clock.start();
    m_notifier->notify(change(u"a"_s, u"ok"_s, u"critical"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->count("/backup"), 1, 5000);
    QCOMPARE(m_server->count("/busy"), 2); // at once, then after the second it asked for; a third would be late
    QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE(m_notifier->log().size(), 2);
    QCOMPARE(m_notifier->log().at(0).status, 429);
    QVERIFY(m_notifier->log().at(1).fallback);
}

void tst_Notifier::logIsBounded()
{
    m_sender->setLimits({ 15000, 100, 64 * 1024 }); // hundreds wait for the six connections a host gets
    useRoutes({ route(u"all"_s, { u"main"_s }) });
    for (int i = 0; i < Notifier::logCapacity + 20; ++i) {
        m_notifier->notify(change(u"e%1"_s.arg(i), u"ok"_s, u"warning"_s));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->count("/main"), Notifier::logCapacity + 20, 20000);
    QTRY_COMPARE(m_notifier->log().size(), Notifier::logCapacity);
}

void tst_Notifier::testMessagePassesFilters()
{
    NotifyRoute critical = route(u"critical"_s, { u"main"_s, u"refused"_s });
    critical.minSeverity = u"critical"_s;
    critical.events = { u"kpi"_s };
    critical.fallback = u"backup"_s;
    useRoutes({ critical });
    QVERIFY(!m_notifier->sendTest(u"nosuchroute"_s));
    QVERIFY(m_notifier->sendTest(u"critical"_s));
    QTRY_COMPARE(m_notifier->log().size(), 2);
    const QList<QJsonObject> main = received("/main");
    QCOMPARE(main.size(), 1);
    QVERIFY2(main.first().value(u"text"_s).toString().contains(u"critical"_s), "names the route");
    QCOMPARE(received("/backup").size(), 0); // a test shows each provider's own result: no fallback
    int failed = 0;
    for (const NotifyLogEntry &entry : m_notifier->log()) {
        QVERIFY(entry.test);
        failed += entry.ok ? 0 : 1;
    }
    QCOMPARE(failed, 1);
}

void tst_Notifier::retrySendsAgain()
{
    m_server->setAnswers(
        "/main", { { NotifyReceiver::Answer::Mode::Reply, 404, {}, "no such hook" }, NotifyReceiver::ok() });
    useRoutes({ route(u"all"_s, { u"main"_s }) });
    m_notifier->notify(change(u"api"_s, u"ok"_s, u"critical"_s));
    QTRY_COMPARE(m_notifier->log().size(), 1);
    const NotifyLogEntry failed = m_notifier->log().constFirst();
    QVERIFY(!failed.ok);
    QCOMPARE(failed.event.subject, u"api"_s);
    QVERIFY(m_notifier->retry(failed));
    QTRY_COMPARE(m_notifier->log().size(), 2);
    QVERIFY(m_notifier->log().at(1).ok);
    const QList<QJsonObject> main = received("/main");
    QCOMPARE(main.size(), 2);
    QCOMPARE(main.at(0), main.at(1)); // the same message
    NotifyLogEntry gone = failed;
    gone.route = u"removed"_s;
    QVERIFY(!m_notifier->retry(gone));
}

void tst_Notifier::routedProvidersFollowFilters()
{
    NotifyRoute critical = route(u"critical"_s, { u"main"_s, u"backup"_s });
    critical.minSeverity = u"critical"_s;
    NotifyRoute incidents = route(u"incidents"_s, { u"backup"_s, u"hang"_s });
    incidents.events = { u"incident-opened"_s };
    useRoutes({ critical, incidents });
    NotificationEvent opened;
    opened.kind = NotificationEvent::Kind::IncidentOpened;
    opened.subject = u"7"_s;
    opened.severity = NotifySeverity::Critical;
    QCOMPARE(m_notifier->routedProviders(opened), QStringList({ u"main"_s, u"backup"_s, u"hang"_s }));
    opened.severity = NotifySeverity::Warning;
    QCOMPARE(m_notifier->routedProviders(opened), QStringList({ u"backup"_s, u"hang"_s }));
    QCOMPARE(m_notifier->routedProviders(change(u"a"_s, u"ok"_s, u"warning"_s)), QStringList());
}

QTEST_MAIN(tst_Notifier)
#include "tst_notifier.moc"
