// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// dns:// checks against a small DNS responder on a loopback UDP port, started here.
#include "probe/curltransport.h"
#include "probe/dnscheck.h"
#include "probetesthelpers.h"

#include <QHostAddress>
#include <QNetworkDatagram>
#include <QTest>
#include <QUdpSocket>

using namespace Qt::StringLiterals;

namespace {

QByteArray encodeName(const QByteArray &name)
{
    QByteArray out;
    for (const QByteArray &label : name.split('.')) {
        if (!label.isEmpty()) {
            out.append(char(label.size())).append(label);
        }
    }
    return out.append('\0');
}

// Answers example.test (A, AAAA, MX, TXT, NS) and www.example.test (CNAME); NXDOMAIN for anything else. In Silent
// mode it never answers, in Garbage mode it answers bytes that are not a DNS message.
class DnsResponder final : public QObject
{
public:
    enum class Mode { Normal, Silent, Garbage };
    explicit DnsResponder(Mode mode)
        : m_mode(mode)
    {
        connect(&m_socket, &QUdpSocket::readyRead, this, &DnsResponder::read);
    }
    bool start() { return m_socket.bind(QHostAddress::LocalHost, 0); }
    QString url() const { return u"dns://127.0.0.1:%1"_s.arg(m_socket.localPort()); }
    int queries = 0;

private:
    void read()
    {
        while (m_socket.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_socket.receiveDatagram();
            ++queries;
            if (m_mode == Mode::Silent) {
                continue;
            }
            const QByteArray reply
                = m_mode == Mode::Garbage ? QByteArray("\x13\x37 this is not DNS at all", 25) : answer(d.data());
            m_socket.writeDatagram(reply, d.senderAddress(), quint16(d.senderPort()));
        }
    }

    static QByteArray record(quint16 type, const QByteArray &data)
    {
        QByteArray r("\xC0\x0C", 2); // the question's name
        r.append(char(type >> 8)).append(char(type & 0xFF)).append("\x00\x01\x00\x00\x00\x3C", 6);
        r.append(char(data.size() >> 8)).append(char(data.size() & 0xFF)).append(data);
        return r;
    }

    static QByteArray answer(const QByteArray &query)
    {
        int at = 12;
        QByteArray name;
        while (at < query.size() && query.at(at) != 0) {
            const int n = quint8(query.at(at));
            name.append(query.mid(at + 1, n)).append('.');
            at += n + 1;
        }
        const quint16 type = quint16((quint8(query.at(at + 1)) << 8) | quint8(query.at(at + 2)));
        const QByteArray question = query.mid(12, at + 5 - 12);
        QList<QByteArray> records;
        int rcode = 0;
        if (name == "example.test.") {
            if (type == 1) {
                records
                    = { record(1, QByteArray("\x7F\x00\x00\x07", 4)), record(1, QByteArray("\x7F\x00\x00\x08", 4)) };
            } else if (type == 28) {
                records = { record(28, QByteArray(15, '\0') + '\x07') };
            } else if (type == 15) {
                records = { record(15, QByteArray("\x00\x0A", 2) + encodeName("mail.example.test")) };
            } else if (type == 16) {
                records = { record(16, QByteArray("\x0Bv=spf1 -all\x05 more", 18)) };
            } else if (type == 2) {
                records = { record(2, encodeName("ns1.example.test")) };
            }
        } else if (name == "www.example.test." && type == 5) {
            records = { record(5, encodeName("example.test")) };
        } else if (name == "fail.example.test.") {
            rcode = 2;
        } else {
            rcode = 3;
        }
        QByteArray reply = query.left(2);
        reply.append(char(0x81)).append(char(0x80 | rcode)).append("\x00\x01", 2);
        reply.append(char(0)).append(char(records.size())).append(QByteArray(4, '\0'));
        reply.append(question);
        for (const QByteArray &r : records) {
            reply.append(r);
        }
        return reply;
    }

    QUdpSocket m_socket;
    Mode m_mode;
};

Endpoint dnsEndpoint(const QString &url, const QString &name, const QString &type, const QStringList &conditions = {},
    int timeoutMs = 3000)
{
    Endpoint e;
    e.name = u"dns"_s;
    e.url = url;
    e.dnsQueryName = name;
    e.dnsQueryType = type;
    e.conditions = conditions;
    e.timeout = Milliseconds(timeoutMs);
    return e;
}

} // namespace

class TestDnsCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answers_data();
    void answers();
    void nxdomainFailsTheDefaultCondition();
    void servfailIsAnAnswer();
    void silentServerEndsAtTheDeadline();
    void garbageEndsAtTheDeadline();
    void nothingListening();
    void serverMustBeAnAddress();
    void parseRejectsTruncatedMessages();
    void silentServerDoesNotDelayAnother();
};

void TestDnsCheck::answers_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("A") << u"example.test"_s << u"A"_s << QByteArray("127.0.0.7, 127.0.0.8");
    QTest::newRow("AAAA") << u"example.test"_s << u"AAAA"_s << QByteArray("::7");
    QTest::newRow("MX") << u"example.test"_s << u"MX"_s << QByteArray("mail.example.test.");
    QTest::newRow("TXT") << u"example.test"_s << u"TXT"_s << QByteArray("v=spf1 -all more");
    QTest::newRow("NS") << u"example.test"_s << u"NS"_s << QByteArray("ns1.example.test.");
    QTest::newRow("CNAME") << u"www.example.test"_s << u"CNAME"_s << QByteArray("example.test.");
}

void TestDnsCheck::answers()
{
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(QByteArray, body);
    DnsResponder server(DnsResponder::Mode::Normal);
    QVERIFY(server.start());
    const ProbeRun run = runCurlProbe(dnsEndpoint(server.url(), name, type,
        { u"[DNS_RCODE] == NOERROR"_s, u"[BODY] == %1"_s.arg(QString::fromLatin1(body.split(',').first())) }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.kind, u"dns"_s);
    QCOMPARE(run.result.dnsRcode, u"NOERROR"_s);
    QCOMPARE(run.result.body, body);
    QCOMPARE(run.result.rawState, type == u"A"_s ? EndpointState::Critical : EndpointState::Ok); // A: two answers
    QVERIFY(run.result.dnsMs > 0);
    QVERIFY2(run.elapsedMs < 1000, qPrintable(QString::number(run.elapsedMs)));
}

void TestDnsCheck::nxdomainFailsTheDefaultCondition()
{
    DnsResponder server(DnsResponder::Mode::Normal);
    QVERIFY(server.start());
    const ProbeRun run = runCurlProbe(dnsEndpoint(server.url(), u"nowhere.test"_s, u"A"_s));
    QVERIFY(run.finished);
    QCOMPARE(run.result.dnsRcode, u"NXDOMAIN"_s);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QCOMPARE(run.result.conditions.value(0).condition, u"[DNS_RCODE] == NOERROR"_s);
    QVERIFY(run.result.error.isEmpty());
    QCOMPARE(runCurlProbe(dnsEndpoint(server.url(), u"nowhere.test"_s, u"A"_s, { u"[DNS_RCODE] == NXDOMAIN"_s }))
                 .result.rawState,
        EndpointState::Ok);
}

void TestDnsCheck::servfailIsAnAnswer()
{
    DnsResponder server(DnsResponder::Mode::Normal);
    QVERIFY(server.start());
    const ProbeRun run = runCurlProbe(dnsEndpoint(server.url(), u"fail.example.test"_s, u"A"_s));
    QVERIFY(run.finished);
    QCOMPARE(run.result.dnsRcode, u"SERVFAIL"_s);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.elapsedMs < 1000, qPrintable(QString::number(run.elapsedMs)));
}

void TestDnsCheck::silentServerEndsAtTheDeadline()
{
    DnsResponder server(DnsResponder::Mode::Silent);
    QVERIFY(server.start());
    const ProbeRun run = runCurlProbe(dnsEndpoint(server.url(), u"example.test"_s, u"A"_s, {}, 1000));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY(run.result.dnsRcode.isEmpty());
    QVERIFY2(run.result.error.contains(u"1s deadline"_s), qPrintable(run.result.error));
    QVERIFY2(run.elapsedMs >= 900 && run.elapsedMs < 2000, qPrintable(QString::number(run.elapsedMs)));
    QVERIFY(server.queries >= 1);
}

void TestDnsCheck::garbageEndsAtTheDeadline()
{
    DnsResponder server(DnsResponder::Mode::Garbage);
    QVERIFY(server.start());
    const ProbeRun run = runCurlProbe(dnsEndpoint(server.url(), u"example.test"_s, u"A"_s, {}, 1000));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(!run.result.error.isEmpty(), "a named error");
    QVERIFY2(run.elapsedMs < 2000, qPrintable(QString::number(run.elapsedMs)));
}

void TestDnsCheck::nothingListening()
{
    QUdpSocket taken;
    QVERIFY(taken.bind(QHostAddress::LocalHost, 0));
    const QString url = u"dns://127.0.0.1:%1"_s.arg(taken.localPort());
    taken.close();
    const ProbeRun run = runCurlProbe(dnsEndpoint(url, u"example.test"_s, u"A"_s, {}, 1500));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(!run.result.error.isEmpty(), "a named error");
    QVERIFY2(run.elapsedMs < 2500, qPrintable(QString::number(run.elapsedMs)));
}

void TestDnsCheck::serverMustBeAnAddress()
{
    const ProbeRun run = runCurlProbe(dnsEndpoint(u"dns://dns.example.test"_s, u"example.test"_s, u"A"_s));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Unknown);
    QVERIFY2(run.result.error.contains(u"must be an IP address"_s), qPrintable(run.result.error));
}

void TestDnsCheck::parseRejectsTruncatedMessages()
{
    QString rcode;
    QStringList answers;
    QString error;
    QVERIFY(!DnsCheck::parseAnswer(QByteArray("\x00\x01\x81\x80", 4), 1, &rcode, &answers, &error));
    QVERIFY(!error.isEmpty());
    // One answer announced, none present.
    const QByteArray header("\x00\x01\x81\x80\x00\x00\x00\x01\x00\x00\x00\x00", 12);
    error.clear();
    QVERIFY(!DnsCheck::parseAnswer(header, 1, &rcode, &answers, &error));
    QCOMPARE(error, u"truncated answer record"_s);
}

void TestDnsCheck::silentServerDoesNotDelayAnother()
{
    DnsResponder silent(DnsResponder::Mode::Silent);
    DnsResponder good(DnsResponder::Mode::Normal);
    QVERIFY(silent.start() && good.start());
    CurlTransport transport;
    int stalled = 0;
    for (int i = 0; i < 20; ++i) {
        transport.start(dnsEndpoint(silent.url(), u"example.test"_s, u"A"_s, {}, 2000),
            [&](const ProbeResult &, EndpointConditions::Outcome) { ++stalled; });
    }
    QTest::qWait(100);
    const ProbeRun run = runCurlProbe(dnsEndpoint(good.url(), u"example.test"_s, u"MX"_s), &transport);
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Ok);
    QVERIFY2(run.elapsedMs < 500, qPrintable(QString::number(run.elapsedMs)));
    QCOMPARE(stalled, 0);
    QVERIFY(QTest::qWaitFor([&] { return stalled == 20; }, 5000));
}

QTEST_MAIN(TestDnsCheck)
#include "tst_dnscheck.moc"
