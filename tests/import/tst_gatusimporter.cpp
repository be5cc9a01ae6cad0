// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/gatusendpoints.h"
#include "import/gatusimporter.h"
#include "import/workspacewriter.h"
#include "workspace/workspaceloader.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ImportResult importText(const QByteArray &yaml, bool nonHttp = GatusEndpoints::NonHttpEndpoints)
{
    QSet<QString> names;
    return GatusImporter::importData({ { yaml, u"g.yaml"_s } }, names, nonHttp);
}

const ImportItem *find(const QList<ImportItem> &items, const QString &name)
{
    for (const ImportItem &i : items) {
        if (i.name == name) {
            return &i;
        }
    }
    return nullptr;
}

LoadResult validate(const ImportResult &r)
{
    return WorkspaceLoader::loadData(WorkspaceWriter::writeChecks(r, { u"g.yaml"_s }).toUtf8(), u"out.yaml"_s);
}

} // namespace

class TestGatusImporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullConfiguration()
    {
        QSet<QString> names;
        const ImportResult r = GatusImporter::importPaths({ QFINDTESTDATA("data/gatus-full.yaml") }, names);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        const QString yaml = WorkspaceWriter::writeChecks(r, { u"gatus-full.yaml"_s });
        const LoadResult loaded = WorkspaceLoader::loadData(yaml.toUtf8(), u"out.yaml"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors().value(0).toString() + u'\n' + yaml));
        QVERIFY2(!yaml.contains(u"literal-"_s), qPrintable(yaml));

        QCOMPARE(r.report.count(u"endpoint"_s, true), 4);
        QCOMPARE(r.report.count(u"endpoint"_s, false), 4);
        QCOMPARE(loaded.workspace->endpoints.size(), 4);
        const ImportedEndpoint &api = r.endpoints.at(0);
        QCOMPARE(api.method, u"POST"_s);
        QCOMPARE(api.interval, u"30s"_s); // from the merged anchor
        QCOMPARE(api.timeout, u"2s500ms"_s);
        QCOMPARE(api.maxRedirects, 0);
        QCOMPARE(api.conditions, QStringList { u"[STATUS] == 200"_s });
        QCOMPARE(api.failureThreshold, 4); // slack's default-alert
        QCOMPARE(api.successThreshold, 2);
        QCOMPARE(api.headers.value(0).second, u"${API_AUTHORIZATION}"_s);
        const QString apiLost = find(r.report.created, u"api"_s)->reason;
        for (const char *part :
            { "[DOMAIN_EXPIRATION] > 720h", "[STAUTS] == 200", "${VERSION}", "alert email", "ui (no equivalent)" }) {
            QVERIFY2(apiLost.contains(QLatin1String(part)), qPrintable(apiLost));
        }
        const ImportedEndpoint &web = r.endpoints.at(1);
        QCOMPARE(web.url, u"https://${WEB_HOST}/"_s);
        QCOMPARE(web.failureThreshold, 2);
        QCOMPARE(web.successThreshold, 5);
        const ImportedEndpoint &edge = r.endpoints.at(2);
        QCOMPARE(edge.name, u"api (edge)"_s);
        QCOMPARE(edge.title, u"api"_s);
        QCOMPARE(edge.url, u"http://user:${API_PASSWORD}@edge.example/health"_s);
        QVERIFY(!edge.enabled);

        QVERIFY(find(r.report.skipped, u"insecure"_s)->reason.contains(u"never turns off TLS verification"_s));
        QVERIFY(find(r.report.skipped, u"oauth"_s)->reason.contains(u"client.oauth2: not supported"_s));
        QVERIFY(find(r.report.created, u"database"_s)); // tcp://, with this build's network checks
        QVERIFY(find(r.report.skipped, u"voice"_s)->reason.contains(u"udp:// endpoints"_s));
        QVERIFY(find(r.report.skipped, u"backup"_s)->reason.contains(u"external endpoint"_s));
        QVERIFY(find(r.report.skipped, u"alerting.email"_s)->reason.contains(u"no OpsDeck equivalent"_s));
        QCOMPARE(find(r.report.skipped, u"storage"_s)->origin, u"%1:30:1"_s.arg(QFINDTESTDATA("data/gatus-full.yaml")));
        QVERIFY(find(r.report.skipped, u"x-defaults"_s));

        // providers, routes, secrets
        QCOMPARE(loaded.workspace->notifications.providers.size(), 3);
        QCOMPARE(r.providers.at(0).url, u"${SLACK_WEBHOOK_URL}"_s);
        QCOMPARE(r.providers.at(1).kind, u"webhook"_s);
        QCOMPARE(r.providers.at(1).headers.value(0).second, u"${CUSTOM_AUTHORIZATION}"_s);
        QCOMPARE(r.providers.at(1).options.value(1).second, u"{\"text\": \"{{to}} {{subject}}: {{text}}\"}"_s);
        QCOMPARE(r.providers.at(2).url, u"${DISCORD_HOOK}"_s);
        QCOMPARE(r.routes.size(), 2);
        QCOMPARE(r.routes.at(0).id, u"gatus-custom"_s);
        QCOMPARE(r.routes.at(0).groups, QStringList { u"core"_s });
        QVERIFY(!r.routes.at(0).resolved);
        QVERIFY(r.routes.at(1).resolved); // slack's default-alert: send-on-resolved
        QVERIFY(find(r.report.created, u"alerts: type slack"_s)->reason.contains(u"also covers web"_s));
        QVERIFY(r.routes.at(1).comment.contains(u"api is down"_s));
        QStringList secrets;
        for (const ImportedSecret &s : r.secrets) {
            secrets << s.name;
        }
        secrets.sort();
        QCOMPARE(secrets,
            (QStringList { u"API_AUTHORIZATION"_s, u"API_PASSWORD"_s, u"CUSTOM_AUTHORIZATION"_s,
                u"CUSTOM_WEBHOOK_URL"_s, u"DISCORD_HOOK"_s, u"SLACK_WEBHOOK_URL"_s, u"WEB_HOST"_s }));
        QVERIFY(r.report.todo.join(u'\n').contains(u"set SLACK_WEBHOOK_URL to the webhook-url of alerting.slack"_s));

        // maintenance: the workspace-wide window and the endpoint's
        QCOMPARE(loaded.workspace->maintenance.size(), 2);
        QCOMPARE(r.maintenance.at(0).every, (QStringList { u"Monday"_s, u"Thursday"_s }));
        QCOMPARE(r.maintenance.at(0).duration, u"1h30m"_s);
        QCOMPARE(r.maintenance.at(1).endpoints, QStringList { u"web"_s });
        QVERIFY(find(r.report.created, u"maintenance window of web"_s)->reason.contains(u"Europe/Berlin"_s));
    }

    void directoryMergedAsGatusDoes()
    {
        QSet<QString> names;
        const ImportResult r = GatusImporter::importPaths({ QFINDTESTDATA("data/gatus-dir") }, names);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.endpoints.size(), 2);
        QCOMPARE(r.providers.size(), 2);
        QCOMPARE(r.providers.at(0).url, u"${NTFY_TOPIC_URL}"_s);
        QCOMPARE(r.providers.at(0).options.value(0), (QPair<QString, QString> { u"priority"_s, u"4"_s }));
        QCOMPARE(r.providers.at(1).key, u"${PAGERDUTY_INTEGRATION_KEY}"_s);
        QCOMPARE(r.routes.size(), 2); // an endpoint of one file alerting to a provider of another
        QVERIFY(r.routes.at(0).resolved && !r.routes.at(1).resolved); // ntfy, pagerduty
        const LoadResult loaded = validate(r);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors().value(0).toString()));
        QVERIFY(!WorkspaceWriter::writeChecks(r, {}).contains(u"literal-"_s));
    }

    void configMapPositions()
    {
        QSet<QString> names;
        const QString file = QFINDTESTDATA("data/gatus-configmap.yaml");
        const ImportResult r = GatusImporter::importPaths({ file }, names);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.endpoints.size(), 1);
        QCOMPARE(r.endpoints.at(0).origin, file + u":8:9"_s); // inside the block scalar
        QCOMPARE(find(r.report.skipped, u"Service"_s)->reason, u"not a Gatus configuration"_s);
    }

    void networkEndpointsEmitted()
    {
        QFile f(QFINDTESTDATA("data/gatus-network.yaml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const ImportResult r = importText(f.readAll(), true);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.endpoints.size(), 5);
        QVERIFY(find(r.report.skipped, u"bad-dns"_s)->reason.contains(u"query-type"_s));
        const QString yaml = WorkspaceWriter::writeChecks(r, { u"g.yaml"_s });
        QFile expectedFile(QFINDTESTDATA("data/gatus-network.expected.yaml"));
        QVERIFY(expectedFile.open(QIODevice::ReadOnly));
        const QString expected = QString::fromUtf8(expectedFile.readAll());
        QVERIFY2(yaml.endsWith(expected), qPrintable(yaml));
        // With the switch as this build has it they are listed instead.
        if (!GatusEndpoints::NonHttpEndpoints) {
            f.seek(0);
            const ImportResult off = importText(f.readAll());
            QCOMPARE(off.endpoints.size(), 0);
            QCOMPARE(off.report.count(u"endpoint"_s, false), 6);
        }
    }

    void durations_data()
    {
        QTest::addColumn<QString>("go");
        QTest::addColumn<QString>("opsdeck");
        QTest::newRow("s") << u"30s"_s << u"30s"_s;
        QTest::newRow("combined") << u"90s"_s << u"1m30s"_s;
        QTest::newRow("fraction") << u"1.5h"_s << u"1h30m"_s;
        QTest::newRow("ms") << u"300ms"_s << u"300ms"_s;
        QTest::newRow("sub-ms") << u"1500us"_s << QString();
        QTest::newRow("no unit") << u"30"_s << QString();
        QTest::newRow("env") << u"${INTERVAL}"_s << QString();
    }

    void durations()
    {
        QFETCH(QString, go);
        QFETCH(QString, opsdeck);
        QCOMPARE(GatusYaml::duration(go).value_or(QString()), opsdeck);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad yaml") << "endpoints:\n  - name: a\n    url: [unclosed\n"_ba
                                  << u"g.yaml:4:1: invalid YAML"_s;
        QTest::newRow("not utf-8") << "endpoints: \xff\xfe\n"_ba << u"g.yaml: the file is not UTF-8 text"_s;
        QTest::newRow("not gatus") << "groups: []\n"_ba << u"g.yaml: not a Gatus configuration"_s;
        QTest::newRow("scalar") << "just text\n"_ba << u"g.yaml: not a Gatus configuration"_s;
        QTest::newRow("deep") << QByteArray("endpoints: ") + QByteArray(5000, '[') << u"g.yaml:1:"_s;
    }

    void malformed()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const ImportResult r = importText(yaml);
        QVERIFY2(r.error.startsWith(error), qPrintable(r.error));
        QVERIFY(r.endpoints.isEmpty() && r.report.created.isEmpty());
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("endpoints");
        QTest::addColumn<int>("skipped");
        QTest::newRow("endpoints not a list") << "endpoints: { a: 1 }\n"_ba << 0 << 1;
        QTest::newRow("endpoint not a mapping") << "endpoints: [ 1, [2] ]\n"_ba << 0 << 2;
        QTest::newRow("merge cycle") << "a: &a { <<: *a }\nendpoints: []\n"_ba << 0 << 1;
        QTest::newRow("merge of a scalar") << "endpoints:\n  - { <<: 5, name: a, url: 'http://a' }\n"_ba << 1 << 0;
        QTest::newRow("newline in name")
            << "endpoints:\n  - { name: \"a\\n  - name: injected\", url: 'http://a', group: \"x\\\"y\" }\n"_ba << 1
            << 0;
        QTest::newRow("alerts not a list")
            << "alerting: { slack: 5 }\nendpoints:\n  - { name: a, url: 'http://a', alerts: 7 }\n"_ba << 1 << 1;
        QTest::newRow("billion laughs") << "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                                           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nendpoints:\n"
                                           "  - { name: a, url: 'http://a', conditions: *c }\n"_ba
                                        << 1 << 3;
    }

    void hostile()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, endpoints);
        QFETCH(int, skipped);
        const ImportResult r = importText(yaml);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.endpoints.size(), endpoints);
        QCOMPARE(r.report.skipped.size(), skipped);
        if (!r.isEmpty()) {
            const LoadResult loaded = validate(r);
            QVERIFY2(loaded.ok(), qPrintable(loaded.errors().value(0).toString()));
            QCOMPARE(loaded.workspace->endpoints.size(), endpoints);
        }
    }
};

QTEST_GUILESS_MAIN(TestGatusImporter)
#include "tst_gatusimporter.moc"
