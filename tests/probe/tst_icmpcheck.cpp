// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// icmp:// to 127.0.0.1: a real echo where the system allows unprivileged ICMP sockets, else the message saying how
// to allow them.
#include "probe/icmpcheck.h"
#include "probetesthelpers.h"

#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

bool pingAllowed()
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    if (fd >= 0) {
        ::close(fd);
    }
    return fd >= 0;
}

Endpoint icmpEndpoint(const QString &url, const QStringList &conditions = {})
{
    Endpoint e;
    e.name = u"icmp"_s;
    e.url = url;
    e.conditions = conditions;
    e.timeout = Milliseconds(2000);
    return e;
}

} // namespace

class TestIcmpCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loopback_data();
    void loopback();
    void unknownHost();
};

void TestIcmpCheck::loopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("address") << u"icmp://127.0.0.1"_s;
    QTest::newRow("name") << u"icmp://localhost"_s;
}

void TestIcmpCheck::loopback()
{
    QFETCH(QString, url);
    const ProbeRun run = runCurlProbe(icmpEndpoint(url, { u"[CONNECTED] == true"_s, u"[RESPONSE_TIME] < 500"_s }));
    QVERIFY(run.finished);
    QCOMPARE(run.result.kind, u"icmp"_s);
    QVERIFY2(run.elapsedMs < 1000, qPrintable(QString::number(run.elapsedMs)));
    if (pingAllowed()) {
        QVERIFY2(run.result.rawState == EndpointState::Ok, qPrintable(run.result.error));
        QVERIFY(run.result.connected);
        QCOMPARE(run.result.ip, u"127.0.0.1"_s);
    } else {
        qInfo("unprivileged ICMP is not allowed here: checking the message");
        QCOMPARE(run.result.rawState, EndpointState::Unknown);
        QVERIFY2(run.result.error.contains(u"net.ipv4.ping_group_range"_s) && run.result.error.contains(u"sysctl -w"_s),
            qPrintable(run.result.error));
        QCOMPARE(run.result.error, IcmpCheck::notAllowedMessage());
    }
}

void TestIcmpCheck::unknownHost()
{
    const ProbeRun run = runCurlProbe(icmpEndpoint(u"icmp://no-such-host.invalid"_s));
    QVERIFY(run.finished);
    QCOMPARE(run.result.rawState, EndpointState::Critical);
    QVERIFY2(run.result.error.contains(u"not found"_s), qPrintable(run.result.error));
    QVERIFY2(run.elapsedMs < 2500, qPrintable(QString::number(run.elapsedMs)));
}

QTEST_MAIN(TestIcmpCheck)
#include "tst_icmpcheck.moc"
