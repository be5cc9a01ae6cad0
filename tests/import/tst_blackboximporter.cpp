// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/blackboximporter.h"
#include "import/blackboxmodule.h"
#include "import/workspacewriter.h"
#include "workspace/workspaceloader.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const ImportedEndpoint *endpoint(const ImportResult &r, const QString &name)
{
    for (const ImportedEndpoint &e : r.endpoints) {
        if (e.name == name) {
            return &e;
        }
    }
    return nullptr;
}

const ImportItem *skipped(const ImportResult &r, const QString &name)
{
    for (const ImportItem &i : r.report.skipped) {
        if (i.name == name) {
            return &i;
        }
    }
    return nullptr;
}

ImportResult importFixture()
{
    QSet<QString> names;
    return BlackboxImporter::importPaths({ QFINDTESTDATA("data/blackbox.yml") }, names);
}

} // namespace

class TestBlackboxImporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void http()
    {
        const ImportResult r = importFixture();
        QVERIFY2(!r.failed(), qPrintable(r.error));
        const ImportedEndpoint *e = endpoint(r, u"http_2xx"_s);
        QVERIFY(e);
        QCOMPARE(e->url, u"https://target.invalid/"_s);
        QCOMPARE(e->group, u"blackbox"_s);
        QVERIFY(!e->enabled);
        QCOMPARE(e->method, u"GET"_s);
        QCOMPARE(e->timeout, u"5s"_s);
        QCOMPARE(e->caFile, u"/etc/ssl/private-ca.pem"_s);
        QCOMPARE(e->maxRedirects.value_or(-1), 0);
        QCOMPARE(e->conditions,
            (QStringList { u"[STATUS] == any(200, 204)"_s, u"[BODY] != pat(*Could not connect to database*)"_s,
                u"[BODY] == pat(*healthy)"_s }));
        QCOMPARE(e->headers.value(0), (QPair<QString, QString>(u"Host"_s, u"api.example.com"_s)));
        QCOMPARE(e->headers.value(1).second, u"${BLACKBOX_HTTP_2XX_AUTHORIZATION}"_s);
        // The regular expression with braces cannot be a pattern: listed at its position.
        const ImportItem *re = skipped(r, u"http_2xx.http.fail_if_body_not_matches_regexp"_s);
        QVERIFY(re);
        QVERIFY2(re->origin.endsWith(u"blackbox.yml:16:11"_s), qPrintable(re->origin));
        QCOMPARE(re->kind, u"key"_s);
        QVERIFY(skipped(r, u"http_2xx.http.tls_config.server_name"_s));
        QVERIFY(skipped(r, u"http_2xx.http.preferred_ip_protocol"_s));
        QVERIFY(!skipped(r, u"http_2xx.http.fail_if_ssl"_s));
    }

    void secretsNeverWritten()
    {
        const ImportResult r = importFixture();
        const QString yaml = WorkspaceWriter::writeChecks(r, { u"blackbox.yml"_s });
        QVERIFY(!yaml.contains(u"literal-token"_s));
        QVERIFY(!yaml.contains(u"hunter2"_s));
        QCOMPARE(endpoint(r, u"login"_s)->headers.value(0).second, u"${BLACKBOX_LOGIN_AUTHORIZATION}"_s);
        QCOMPARE(endpoint(r, u"login"_s)->body, u"{}"_s);
        QVERIFY(r.report.todo.join(u'\n').contains(u"BLACKBOX_LOGIN_AUTHORIZATION"_s));
        QVERIFY(r.report.todo.join(u'\n').contains(u"target.invalid"_s));
        // The workspace declares them and opens.
        const LoadResult loaded = WorkspaceLoader::loadData(yaml.toUtf8(), u"blackbox.yaml"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors().value(0).toString() + u'\n' + yaml));
        QCOMPARE(loaded.workspace->endpoints.size(), r.endpoints.size());
    }

    void refused_data()
    {
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("reason");
        QTest::newRow("insecure") << u"insecure"_s << u"never turns off TLS verification"_s;
        QTest::newRow("oauth2") << u"oauth"_s << u"oauth2 is not supported"_s;
        QTest::newRow("soa") << u"soa"_s << u"query_type SOA is not supported"_s;
        QTest::newRow("grpc") << u"grpc"_s << u"the grpc prober is not supported"_s;
        QTest::newRow("unknown prober") << u"bogus"_s << u"unknown prober \"invalid\""_s;
    }

    void refused()
    {
        QFETCH(QString, module);
        QFETCH(QString, reason);
        const ImportResult r = importFixture();
        QVERIFY(!endpoint(r, module));
        const ImportItem *item = skipped(r, module);
        QVERIFY(item);
        QCOMPARE(item->kind, u"endpoint"_s);
        QVERIFY2(item->reason.contains(reason), qPrintable(item->reason));
        QVERIFY(item->origin.contains(u"blackbox.yml:"_s));
    }

    void tcpDnsIcmp()
    {
        const ImportResult r = importFixture();
        QCOMPARE(endpoint(r, u"ssh_banner"_s)->url, u"tcp://target.invalid:1"_s);
        QCOMPARE(endpoint(r, u"ssh_banner"_s)->conditions, QStringList { u"[BODY] == pat(SSH-2.0-*)"_s });
        QCOMPARE(endpoint(r, u"redis"_s)->url, u"tls://target.invalid:1"_s);
        QCOMPARE(endpoint(r, u"redis"_s)->body, u"PING\n"_s);
        QCOMPARE(endpoint(r, u"redis"_s)->timeout, u"2s"_s);
        QCOMPARE(endpoint(r, u"smtp"_s)->url, u"starttls://target.invalid:1"_s);
        // A dialogue: the endpoint checks the connection, the dialogue is listed.
        QCOMPARE(endpoint(r, u"irc"_s)->url, u"tcp://target.invalid:1"_s);
        QVERIFY(endpoint(r, u"irc"_s)->conditions.isEmpty());
        QVERIFY(endpoint(r, u"irc"_s)->body.isEmpty());
        QVERIFY(skipped(r, u"irc.tcp.query_response"_s));
        const ImportedEndpoint *dns = endpoint(r, u"resolver"_s);
        QCOMPARE(dns->url, u"dns://target.invalid"_s);
        QCOMPARE(dns->dnsQueryName, u"example.org"_s);
        QCOMPARE(dns->dnsQueryType, u"AAAA"_s);
        QCOMPARE(dns->conditions, QStringList { u"[DNS_RCODE] == any(NOERROR, NXDOMAIN)"_s });
        QVERIFY(skipped(r, u"resolver.dns.validate_answer_rrs"_s));
        QCOMPARE(endpoint(r, u"ping"_s)->url, u"icmp://target.invalid"_s);
        QVERIFY(skipped(r, u"ping.icmp.ttl"_s));
        QCOMPARE(r.report.count(u"endpoint"_s, true) + r.report.count(u"endpoint"_s, false), 13);
    }

    void pattern_data()
    {
        QTest::addColumn<QString>("regexp");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("plain") << u"PONG"_s << u"*PONG*"_s;
        QTest::newRow("anchored") << u"^SSH-2.0-"_s << u"SSH-2.0-*"_s;
        QTest::newRow("both") << u"^OK$"_s << u"OK"_s;
        QTest::newRow("escaped dot") << u"version 1\\.2"_s << u"*version 1.2*"_s;
        QTest::newRow("group") << u"PING :([^ ]+)"_s << QString();
        QTest::newRow("plus") << u"^+OK"_s << QString();
        QTest::newRow("star") << u".*127"_s << QString();
        QTest::newRow("empty") << u"^$"_s << QString();
    }

    void pattern()
    {
        QFETCH(QString, regexp);
        QFETCH(QString, pattern);
        QCOMPARE(BlackboxModule::pattern(regexp).value_or(QString()), pattern);
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("error");
        QTest::newRow("not yaml") << "modules: [\n"_ba << u"x.yml:2:1: invalid YAML"_s;
        QTest::newRow("no modules") << "scrape_configs: []\n"_ba << u"expected a \"modules:\" mapping"_s;
        QTest::newRow("modules list") << "modules: [a, b]\n"_ba << u"expected a \"modules:\" mapping"_s;
        QTest::newRow("not utf-8") << "modules:\n  a\xff: {}\n"_ba << u"not UTF-8"_s;
        QTest::newRow("empty") << QByteArray() << u"expected a \"modules:\" mapping"_s;
        QByteArray deep = "modules:\n  a:\n    http: ";
        deep += QByteArray(3000, '[');
        QTest::newRow("deep") << deep << u"invalid YAML"_s;
    }

    void hostile()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, error);
        QSet<QString> names { u"taken"_s };
        const ImportResult r = BlackboxImporter::importData(data, u"x.yml"_s, names);
        QVERIFY(r.failed());
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
        QVERIFY(r.endpoints.isEmpty());
        QCOMPARE(names, QSet<QString> { u"taken"_s });
    }

    void namesStayUnique()
    {
        QSet<QString> names { u"icmp"_s };
        const ImportResult r
            = BlackboxImporter::importData("modules:\n  icmp: { prober: icmp }\n"_ba, u"x.yml"_s, names);
        QCOMPARE(r.endpoints.value(0).name, u"icmp-2"_s);
        QVERIFY(names.contains(u"icmp-2"_s));
    }

    void aliasesAreNotExpanded()
    {
        // A "billion laughs" shape: aliases are shared nodes, read once per module, never copied.
        QByteArray data = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'j'; ++c) {
            data += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
            for (int i = 0; i < 10; ++i) {
                data += (i ? ", *" : "*") + QByteArray(1, char(c - 1));
            }
            data += "]\n";
        }
        data += "modules:\n  m: { prober: icmp, icmp: { payload: *j } }\n";
        QSet<QString> names;
        const ImportResult r = BlackboxImporter::importData(data, u"x.yml"_s, names);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.endpoints.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBlackboxImporter)
#include "tst_blackboximporter.moc"
