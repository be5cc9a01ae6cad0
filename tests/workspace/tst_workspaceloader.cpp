// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspaceloader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// An endpoint that is valid on its own (lines 1-3); rows add keys from line 4 (column 5).
const QByteArray E = "endpoints:\n  - name: health\n    url: https://x.test/health\n";
// A KPI (lines 1-3) that rows complete with a source or more keys from line 4.
const QByteArray K = "kpis:\n  - id: rate\n    title: Rate\n";
// A valid checklist frame without items (lines 1-3).
const QByteArray C = "checklists:\n  - id: morning\n    schedule: daily\n";
// A runbook frame without steps (lines 1-2); `steps:` comes on line 3, the steps from line 4.
const QByteArray R = "runbooks:\n  - id: rollback\n    steps:\n";
// A notifications frame with one provider (lines 1-3); `routes:` on line 4, the routes from line 5.
const QByteArray N = "notifications:\n  providers:\n    - { id: slack, kind: slack, url: "
                     "\"https://hooks.example/slack\" }\n  routes:\n";

QStringList strings(const QList<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics) {
        out.append(d.toString());
    }
    return out;
}

} // namespace

class TestWorkspaceLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QList<int>>("counts"); // endpoints, KPIs, checklists, runbooks, severities
        QTest::addColumn<QStringList>("warnings");
        QTest::addRow("full") << u"full.yaml"_s << QList<int> { 2, 5, 4, 1, 2 } << QStringList();
        QTest::addRow("minimal") << u"minimal.yaml"_s << QList<int> { 1, 0, 0, 0, 4 } << QStringList();
        QTest::addRow("gatus") << u"gatus.yaml"_s << QList<int> { 2, 0, 0, 0, 4 }
                               << QStringList {
                                      u"gatus.yaml:11:5: warning: endpoints[0].alerts: Gatus key \"alerts\" is not "
                                      "supported by OpsDeck and is ignored"_s,
                                      u"gatus.yaml:17:5: warning: endpoints[1].client: Gatus key \"client\" is not "
                                      "supported by OpsDeck and is ignored"_s,
                                      u"gatus.yaml:19:5: warning: endpoints[1].ui: Gatus key \"ui\" is not supported "
                                      "by OpsDeck and is ignored"_s,
                                  };
    }
    void validFiles()
    {
        QFETCH(QString, file);
        QFETCH(QList<int>, counts);
        QFETCH(QStringList, warnings);
        const QString path = QFINDTESTDATA(u"data/"_s + file);
        QVERIFY(!path.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const LoadResult result = WorkspaceLoader::loadData(f.readAll(), file);
        QCOMPARE(strings(result.diagnostics), warnings);
        QVERIFY(result.ok());
        QVERIFY(result.errors().isEmpty());
        const Workspace &w = *result.workspace;
        QCOMPARE((QList<int> { int(w.endpoints.size()), int(w.kpis.size()), int(w.checklists.size()),
                     int(w.runbooks.size()), int(w.incidents.severities.size()) }),
            counts);
    }

    void loadFileNamesThePath()
    {
        const QString path = QFINDTESTDATA("data/minimal.yaml");
        const LoadResult result = WorkspaceLoader::loadFile(path);
        QVERIFY(result.ok());
        QCOMPARE(result.workspace->filePath, path);
        QCOMPARE(result.workspace->info.id, u"minimal"_s); // defaults to the file's base name

        const LoadResult missing = WorkspaceLoader::loadFile(u"no/such/dir/meetpin.yaml"_s);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.diagnostics.size(), 1);
        QVERIFY(
            missing.diagnostics.first().toString().startsWith(u"no/such/dir/meetpin.yaml: cannot read the file: "_s));
    }

    void fullFileValues()
    {
        const LoadResult result = WorkspaceLoader::loadFile(QFINDTESTDATA("data/full.yaml"));
        QVERIFY(result.ok());
        const Workspace &w = *result.workspace;
        QCOMPARE(w.info.id, u"meetpin"_s);
        QCOMPARE(w.info.title.text(u"ko"_s), u"밋핀 프로덕션"_s);
        QCOMPARE(w.info.storage, u"postgresql://ops@db.example/opsdeck"_s);
        QCOMPARE(w.sources.prometheus.headers.value(u"Authorization"_s), u"Bearer ${PROM_TOKEN}"_s);
        QCOMPARE(w.sources.prometheus.scrapeInterval, 30s);
        QVERIFY(w.sources.alertmanager.isSet());

        const Endpoint &health = w.endpoints.at(0);
        QCOMPARE(health.pos.line, 18);
        QCOMPARE(health.pos.column, 5);
        QCOMPARE(health.interval, 30s);
        QCOMPARE(health.timeout, 5s);
        QCOMPARE(health.conditions.size(), 2);
        QCOMPARE(health.warnConditions, QStringList { u"[RESPONSE_TIME] < 200"_s });
        QCOMPARE(health.failureThreshold, 3);
        QCOMPARE(health.maxBodyBytes, 512 * 1024);
        QCOMPARE(health.maxRedirects, 0);
        const Endpoint &login = w.endpoints.at(1);
        QCOMPARE(login.title.en, u"login"_s); // title defaults to the name
        QCOMPARE(login.url, u"${BASE_URL}/api/login"_s); // references stay verbatim
        QCOMPARE(login.method, u"POST"_s);
        QCOMPARE(login.body, u"{\"user\": \"probe\", \"password\": \"${PROBE_PASSWORD}\"}"_s);
        QVERIFY(!login.enabled);
        QCOMPARE(login.interval, 60s); // default

        QCOMPARE(w.maintenance.at(0).weekdays, (QList<int> { 1, 4 }));
        QCOMPARE(w.maintenance.at(1).weekdays, (QList<int> { 6, 7 }));
        QCOMPARE(w.maintenance.at(1).start, QTime(3, 30));

        QCOMPARE(w.kpis.at(0).source.kind, KpiSource::Kind::Prometheus);
        QCOMPARE(w.kpis.at(0).thresholds.crit, 1.0);
        QVERIFY(w.kpis.at(0).warRoom);
        QCOMPARE(w.kpis.at(1).source.labels.value(u"route"_s), u"/api"_s);
        QCOMPARE(w.kpis.at(1).source.quantile, 0.95);
        QCOMPARE(w.kpis.at(2).source.path, u"services.database.responseTime"_s);
        QCOMPARE(w.kpis.at(3).thresholds.direction, Thresholds::Direction::Below);
        QCOMPARE(w.kpis.at(3).title.text(u"en"_s), u"가용성"_s); // falls back to the other language
        QCOMPARE(w.kpis.at(4).source.objective, 99.9);
        QCOMPARE(w.kpis.at(4).source.window, 24h * 30);

        const Checklist &morning = w.checklists.at(0);
        QCOMPARE(morning.schedule.time, QTime(9, 0));
        QCOMPARE(morning.items.at(0).id, u"item-1"_s);
        QCOMPARE(morning.items.at(0).text.ko, u"Read the overnight alerts"_s);
        QCOMPARE(morning.items.at(1).verify.endpoint, u"health"_s);
        QCOMPARE(morning.items.at(2).id, u"errors"_s);
        QCOMPARE(morning.items.at(2).runbook, u"rollback"_s);
        QCOMPARE(morning.items.at(2).due, QTime(9, 30));
        QCOMPARE(w.checklists.at(1).schedule.weekdays, (QList<int> { 1, 5 }));
        QCOMPARE(w.checklists.at(3).schedule.kind, Schedule::Kind::OnDemand);

        const QList<RunbookStep> &steps = w.runbooks.at(0).steps;
        QCOMPARE(steps.size(), 6);
        QCOMPARE(steps.at(0).kind, RunbookStep::Kind::Check);
        QCOMPARE(steps.at(0).expectState, u"critical"_s);
        QCOMPARE(steps.at(1).id, u"roll"_s);
        QCOMPARE(steps.at(1).headers.value(u"Authorization"_s), u"Bearer ${ADMIN_TOKEN}"_s);
        QCOMPARE(steps.at(1).confirm, true);
        QCOMPARE(steps.at(1).timeout, 1min);
        QCOMPARE(steps.at(2).poll, 10s);
        QCOMPARE(steps.at(2).budget, 6min);
        QCOMPARE(steps.at(3).onFailure, RunbookStep::OnFailure::Continue);
        QCOMPARE(steps.at(4).argv.last(), u"deploy/${DEPLOYMENT}"_s);
        QCOMPARE(steps.at(4).confirm, false);
        QCOMPARE(steps.at(5).kind, RunbookStep::Kind::Manual);
        QCOMPARE(steps.at(5).id, u"step-6"_s);
        QVERIFY(!steps.at(0).confirm.has_value());

        QCOMPARE(w.incidents.severities.at(0).ack, 5min);
        QCOMPARE(w.incidents.severities.at(1).title.en, u"SEV2"_s);
        QCOMPARE(w.incidents.categories.size(), 3);
    }

    // The example in the format reference must stay valid.
    void documentedExample()
    {
        QFile doc(QFINDTESTDATA("../../docs/workspace-format.md"));
        QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
        const QByteArray text = doc.readAll();
        const qsizetype start = text.indexOf("```yaml\n");
        QVERIFY(start >= 0);
        const qsizetype end = text.indexOf("```", start + 8);
        const LoadResult result = WorkspaceLoader::loadData(text.sliced(start + 8, end - start - 8), u"doc.yaml"_s);
        QCOMPARE(strings(result.diagnostics), QStringList());
        QVERIFY(result.ok());
        QCOMPARE(result.workspace->runbooks.first().steps.size(), 4);
    }

    void storageWithRetention()
    {
        const LoadResult result = WorkspaceLoader::loadData(E
                + "workspace:\n  storage:\n    url: postgresql://ops@db.example/opsdeck\n"
                  "    retention: { raw: 6h, minutes: 7d }\n",
            u"x.yaml"_s);
        QCOMPARE(strings(result.diagnostics), QStringList());
        const WorkspaceInfo &info = result.workspace->info;
        QCOMPARE(info.storage, u"postgresql://ops@db.example/opsdeck"_s);
        QCOMPARE(info.retention.raw, 6h);
        QCOMPARE(info.retention.minutes, 7 * 24h);
        QCOMPARE(info.retention.hours, 400 * 24h); // the default

        const LoadResult local
            = WorkspaceLoader::loadData(E + "workspace: { storage: { retention: { hours: 90d } } }\n", u"x.yaml"_s);
        QVERIFY(local.ok());
        QCOMPARE(local.workspace->info.storage, QString());
        QCOMPARE(local.workspace->info.retention.raw, 48h);
        QCOMPARE(local.workspace->info.retention.hours, 90 * 24h);
    }

    void defaultSeverities()
    {
        const LoadResult result = WorkspaceLoader::loadData(E + "incidents: { categories: [db] }\n", u"x.yaml"_s);
        QVERIFY(result.ok());
        const QList<SeverityLevel> &levels = result.workspace->incidents.severities;
        QCOMPARE(levels.size(), 4);
        QCOMPARE(levels.first().id, u"P0"_s);
        QCOMPARE(levels.first().ack, 5min);
        QCOMPARE(levels.last().resolve, 72h);
        QVERIFY(!result.workspace->incidents.warRoomAcknowledge); // the wall display acknowledges nothing by default
        const LoadResult allowed
            = WorkspaceLoader::loadData(E + "incidents: { war-room-acknowledge: true }\n", u"x.yaml"_s);
        QVERIFY(allowed.ok());
        QVERIFY(allowed.workspace->incidents.warRoomAcknowledge);
    }

    // Declarations may come anywhere in the file; the workspace keeps them, and the hash of the bytes it was read from.
    void declaredSecrets()
    {
        const QByteArray yaml = E + "    headers: { Authorization: \"Bearer ${TOKEN}\" }\n"
            + "secrets:\n  - name: TOKEN\n    description: { en: The token, ko: 토큰 }\n";
        const LoadResult result = WorkspaceLoader::loadData(yaml, u"x.yaml"_s);
        QCOMPARE(strings(result.diagnostics), QStringList());
        QVERIFY(result.ok());
        QCOMPARE(result.workspace->secrets.size(), 1);
        QCOMPARE(result.workspace->secrets.first().name, u"TOKEN"_s);
        QCOMPARE(result.workspace->secrets.first().description.ko, u"토큰"_s);
        QCOMPARE(result.workspace->secrets.first().pos.line, 6);
        QCOMPARE(result.workspace->declaredSecretNames(), QStringList { u"TOKEN"_s });
        QCOMPARE(result.workspace->contentHash, QCryptographicHash::hash(yaml, QCryptographicHash::Sha256).toHex());
    }

    // One row per error class: the document and the one diagnostic it must give, exactly.
    void diagnostics_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const QByteArray &yaml, const QString &expected) {
            QTest::addRow("%s", name) << yaml << expected;
        };
        // The example of issue 2, to the column.
        row("issue example",
            "endpoints:\n  - name: a\n    url: https://x.test/a\n  - name: b\n    url: https://x.test/b\n"
            "    interval:\n      1m\n  - name: c\n    url: https://x.test/c\n    group: g\n    method: GET\n"
            "    timeout: 5s\n    interval:\n      soon\n",
            u"meetpin.yaml:14:7: endpoints[2].interval: expected a duration like 30s, got \"soon\""_s);

        // The document as a whole
        row("yaml syntax", "endpoints: [\n  { name: x }\nkpis: []\n",
            u"meetpin.yaml:3:1: invalid YAML: end of sequence flow not found"_s);
        row("bad indentation", "endpoints:\n  - name: x\n   url: y\n",
            u"meetpin.yaml:3:4: invalid YAML: end of sequence not found"_s);
        row("empty file", "# nothing yet\n", u"meetpin.yaml: the file is empty"_s);
        row("not utf-8", "endpoints: \xff\n", u"meetpin.yaml: the file is not UTF-8 text"_s);
        row("two documents", E + "---\nkpis: []\n",
            u"meetpin.yaml:5:1: warning: only the first YAML document is read; the file has 2"_s);
        row("not a mapping", "- a\n- b\n", u"meetpin.yaml:1:1: expected a mapping, got a list"_s);
        row("unknown section", E + "endpointz: []\n",
            u"meetpin.yaml:4:1: warning: endpointz: unknown key \"endpointz\""_s);
        row("repeated key", E + "kpis: []\nkpis: []\n",
            u"meetpin.yaml:5:1: kpis: key \"kpis\" is repeated (first on line 4)"_s);
        row("section not a list", "endpoints: { name: x }\n",
            u"meetpin.yaml:1:12: endpoints: expected a list, got a mapping"_s);
        row("bad storage", E + "workspace: { storage: mysql://db }\n",
            u"meetpin.yaml:4:23: workspace.storage: expected a postgresql:// URL (or no storage key for local "
            "storage), got \"mysql://db\""_s);
        row("bad storage url in a map", E + "workspace: { storage: { url: mysql://db } }\n",
            u"meetpin.yaml:4:30: workspace.storage.url: expected a postgresql:// URL (or no storage key for local "
            "storage), got \"mysql://db\""_s);
        row("bad retention", E + "workspace: { storage: { retention: { raw: soon } } }\n",
            u"meetpin.yaml:4:43: workspace.storage.retention.raw: expected a duration like 30s, got \"soon\""_s);
        row("unknown retention key", E + "workspace: { storage: { retention: { days: 3d } } }\n",
            u"meetpin.yaml:4:38: warning: workspace.storage.retention.days: unknown key \"days\""_s);

        // Endpoints
        row("endpoint not a mapping", "endpoints:\n  - health\n",
            u"meetpin.yaml:2:5: endpoints[0]: expected a mapping, got \"health\""_s);
        row("missing name", "endpoints:\n  - url: https://x.test\n",
            u"meetpin.yaml:2:5: endpoints[0]: missing required key \"name\""_s);
        row("missing url", "endpoints:\n  - name: x\n",
            u"meetpin.yaml:2:5: endpoints[0]: missing required key \"url\""_s);
        row("empty url", "endpoints:\n  - name: x\n    url:\n",
            u"meetpin.yaml:3:5: endpoints[0].url: expected a non-empty string, got nothing"_s);
        row("url not http", "endpoints:\n  - name: x\n    url: db:5432\n",
            u"meetpin.yaml:3:10: endpoints[0].url: expected an http:// or https:// URL, got \"db:5432\""_s);
        row("duplicate name", E + "  - name: health\n    url: https://x.test/2\n",
            u"meetpin.yaml:4:11: endpoints[1].name: duplicate endpoint name \"health\" (first defined on line 2)"_s);
        row("duration not a scalar", E + "    interval: [30s]\n",
            u"meetpin.yaml:4:15: endpoints[0].interval: expected a duration like 30s, got a list"_s);
        row("zero interval", E + "    interval: 0s\n",
            u"meetpin.yaml:4:15: endpoints[0].interval: expected a duration longer than zero like 30s, got \"0s\""_s);
        row("negative timeout", E + "    timeout: -5s\n",
            u"meetpin.yaml:4:14: endpoints[0].timeout: a duration cannot be negative, got \"-5s\""_s);
        row("bad method", E + "    method: FETCH\n",
            u"meetpin.yaml:4:13: endpoints[0].method: expected one of: GET, HEAD, POST, PUT, PATCH, DELETE, "
            "OPTIONS, got \"FETCH\""_s);
        row("headers not a mapping", E + "    headers: [a]\n",
            u"meetpin.yaml:4:14: endpoints[0].headers: expected a mapping, got a list"_s);
        row("conditions not a list", E + "    conditions: \"[STATUS] == 200\"\n",
            u"meetpin.yaml:4:17: endpoints[0].conditions: expected a list of strings, got \"[STATUS] == 200\""_s);
        row("condition not a string", E + "    conditions:\n      - { status: 200 }\n",
            u"meetpin.yaml:5:9: endpoints[0].conditions[0]: expected a string, got a mapping"_s);
        row("condition does not parse",
            E + "    conditions:\n      - \"[STATUS] == 200\"\n      - \"[STATUS] = 200\"\n",
            u"meetpin.yaml:6:9: endpoints[0].conditions[1]: invalid condition \"[STATUS] = 200\": column 10: "
            "expected an operator (==, !=, <, <=, >, >=) after \"[STATUS]\""_s);
        row("warn-condition does not parse", E + "    warn-conditions: [ \"[RESPONSE_TIME] < \" ]\n",
            u"meetpin.yaml:4:24: endpoints[0].warn-conditions[0]: invalid condition \"[RESPONSE_TIME] < \": "
            "column 18: expected a value after \"<\""_s);
        row("unknown placeholder", E + "    conditions: [ \"[BODY].status == UP\", \"[STAUTS] == 200\" ]\n",
            u"meetpin.yaml:4:42: endpoints[0].conditions[1]: invalid condition \"[STAUTS] == 200\": column 1: "
            "unknown placeholder \"[STAUTS]\"; expected [STATUS], [RESPONSE_TIME], [BODY], [IP], [CONNECTED], "
            "[CERTIFICATE_EXPIRATION] or [DNS_RCODE]"_s);
        row("bad max-body", E + "    max-body: lots\n",
            u"meetpin.yaml:4:15: endpoints[0].max-body: expected a size like 512KiB or 1MiB, got \"lots\""_s);
        row("max-redirects out of range", E + "    max-redirects: 9\n",
            u"meetpin.yaml:4:20: endpoints[0].max-redirects: expected a whole number from 0 to 5, got \"9\""_s);
        row("bad boolean", E + "    enabled: maybe\n",
            u"meetpin.yaml:4:14: endpoints[0].enabled: expected true or false, got \"maybe\""_s);
        row("unknown endpoint key", E + "    retries: 3\n",
            u"meetpin.yaml:4:5: warning: endpoints[0].retries: unknown key \"retries\""_s);
        row("gatus key", E + "    ssh: { username: x }\n",
            u"meetpin.yaml:4:5: warning: endpoints[0].ssh: Gatus key \"ssh\" is not supported by OpsDeck and is "
            "ignored"_s);
        const QByteArray kindHead = "endpoints:\n  - name: n\n";
        row("unknown scheme", kindHead + "    url: udp://127.0.0.1:53\n",
            u"meetpin.yaml:3:10: endpoints[0].url: unknown scheme \"udp\" in \"udp://127.0.0.1:53\"; expected http, "
            "https, tcp, tls, starttls, dns or icmp"_s);
        row("tcp without port", kindHead + "    url: tcp://db.internal\n",
            u"meetpin.yaml:3:10: endpoints[0].url: no port in \"tcp://db.internal\"; tcp:// needs host:port"_s);
        row("icmp with port", kindHead + "    url: icmp://10.0.0.1:80\n",
            u"meetpin.yaml:3:10: endpoints[0].url: \"icmp://10.0.0.1:80\" has a port; icmp:// takes only a host"_s);
        row("dns without dns map", kindHead + "    url: dns://127.0.0.1\n",
            u"meetpin.yaml:3:10: endpoints[0].url: a dns:// endpoint needs a dns: map with query-name and "
            "query-type"_s);
        row("dns without query-name", kindHead + "    url: dns://127.0.0.1\n    dns: { query-type: A }\n",
            u"meetpin.yaml:4:10: endpoints[0].dns: missing required key \"query-name\""_s);
        row("bad query-type", kindHead + "    url: dns://127.0.0.1\n    dns: { query-name: a.test, query-type: SRV }\n",
            u"meetpin.yaml:4:44: endpoints[0].dns.query-type: unknown query-type \"SRV\"; expected one of A, AAAA, "
            "CNAME, MX, NS, TXT"_s);
        row("dns map on http", E + "    dns: { query-name: a.test, query-type: A }\n",
            u"meetpin.yaml:4:10: endpoints[0].dns: dns: applies only to a dns:// url"_s);
        row("placeholder not for the kind",
            kindHead + "    url: tcp://127.0.0.1:6379\n    conditions: [ \"[STATUS] == 200\" ]\n",
            u"meetpin.yaml:4:19: endpoints[0].conditions[0]: condition \"[STATUS] == 200\": [STATUS] does not apply "
            "to a tcp endpoint"_s);
        row("dns rcode on http", E + "    conditions: [ \"[DNS_RCODE] == NOERROR\" ]\n",
            u"meetpin.yaml:4:19: endpoints[0].conditions[0]: condition \"[DNS_RCODE] == NOERROR\": [DNS_RCODE] does "
            "not apply to a http endpoint"_s);
        row("unknown language", E + "    title: { en: Health, ja: Kenkou }\n",
            u"meetpin.yaml:4:26: warning: endpoints[0].title.ja: unknown language \"ja\" (expected en or ko)"_s);
        row("text as a list", E + "    title: [a, b]\n",
            u"meetpin.yaml:4:12: endpoints[0].title: expected text or { en: ..., ko: ... }, got a list"_s);
        row("malformed reference in url", "endpoints:\n  - name: x\n    url: https://${1BAD}/\n",
            u"meetpin.yaml:3:10: endpoints[0].url: malformed reference \"${1BAD}\": expected ${NAME} where NAME is "
            "letters, digits and _ and does not start with a digit"_s);
        row("malformed reference in header", E + "    headers: { Authorization: \"Bearer ${\" }\n",
            u"meetpin.yaml:4:31: endpoints[0].headers.Authorization: malformed reference \"${\": expected ${NAME} "
            "where NAME is letters, digits and _ and does not start with a digit"_s);

        // Declared secrets: only names in the top-level secrets list may be used
        const QByteArray S = "secrets:\n  - { name: TOKEN, description: The token }\n"; // lines 1-2
        row("undeclared secret in url", "endpoints:\n  - name: x\n    url: https://x.test/?v=${MY_PRIVATE_VAR}\n",
            u"meetpin.yaml:3:10: endpoints[0].url: secret \"${MY_PRIVATE_VAR}\" is not declared: add it to the "
            "top-level secrets list"_s);
        row("undeclared secret in header",
            S
                + "endpoints:\n  - name: x\n    url: https://x.test/\n"
                  "    headers: { X-Key: \"${OTHER_SECRET}\", Authorization: \"Bearer ${TOKEN}\" }\n",
            u"meetpin.yaml:6:23: endpoints[0].headers.X-Key: secret \"${OTHER_SECRET}\" is not declared: add it to "
            "the top-level secrets list"_s);
        row("undeclared secret in body", E + "    method: POST\n    body: '{\"k\": \"${KEY}\"}'\n",
            u"meetpin.yaml:5:11: endpoints[0].body: secret \"${KEY}\" is not declared: add it to the top-level "
            "secrets list"_s);
        row("undeclared secret in a source header",
            "sources:\n  prometheus: { url: https://p.test, headers: { Authorization: \"Bearer ${PROM}\" } }\n",
            u"meetpin.yaml:2:64: sources.prometheus.headers.Authorization: secret \"${PROM}\" is not declared: add "
            "it to the top-level secrets list"_s);
        row("undeclared secret in a command step", R + "      - { command: [deploy, \"${WHO}\"] }\n",
            u"meetpin.yaml:4:29: runbooks[0].steps[0].command[1]: secret \"${WHO}\" is not declared: add it to the "
            "top-level secrets list"_s);
        row("undeclared secret in storage", E + "workspace: { storage: \"postgresql://ops:${PW}@db/x\" }\n",
            u"meetpin.yaml:4:23: workspace.storage: secret \"${PW}\" is not declared: add it to the top-level "
            "secrets list"_s);
        row("secret declared but not used", E + S,
            u"meetpin.yaml:5:13: warning: secrets[0].name: secret \"TOKEN\" is declared but not used"_s);
        row("secret declared twice",
            S + "  - { name: TOKEN, description: Again }\n" + E + "    headers: { A: \"${TOKEN}\" }\n",
            u"meetpin.yaml:3:13: secrets[1].name: secret \"TOKEN\" is declared twice (first on line 2)"_s);
        row("secret with a bad name", "secrets:\n  - { name: MY-TOKEN, description: x }\n",
            u"meetpin.yaml:2:13: secrets[0].name: \"MY-TOKEN\" is not a secret name: letters, digits and _, not "
            "starting with a digit"_s);
        row("secret without description", "secrets:\n  - { name: TOKEN }\n" + E + "    headers: { A: \"${TOKEN}\" }\n",
            u"meetpin.yaml:2:5: secrets[0]: missing required key \"description\""_s);
        row("secrets not a list", "secrets: TOKEN\n", u"meetpin.yaml:1:10: secrets: expected a list, got \"TOKEN\""_s);
        row("17 bytes that made LoadAll loop", "{a: 1},\nb: true",
            u"meetpin.yaml:1:7: unexpected \",\" after the end of the document"_s);

        // Maintenance windows
        row("maintenance without start", E + "maintenance:\n  - { name: deploy, duration: 1h }\n",
            u"meetpin.yaml:5:5: maintenance[0]: missing required key \"start\""_s);
        row("maintenance bad time", E + "maintenance:\n  - { start: \"25:00\", duration: 1h }\n",
            u"meetpin.yaml:5:14: maintenance[0].start: expected a time like 09:00, got \"25:00\""_s);
        row("maintenance bad weekday", E + "maintenance:\n  - { start: \"23:00\", duration: 1h, every: [mon, x] }\n",
            u"meetpin.yaml:5:44: maintenance[0].every: expected weekdays like mon,fri (mon, tue, wed, thu, fri, sat, "
            "sun), got \"mon,x\""_s);
        row("maintenance unknown endpoint",
            E + "maintenance:\n  - { start: \"23:00\", duration: 1h, endpoints: [health, api] }\n",
            u"meetpin.yaml:5:57: maintenance[0].endpoints[1]: unknown endpoint \"api\""_s);

        // KPIs
        row("kpi missing id", "kpis:\n  - { title: T, source: { prometheus: up } }\n",
            u"meetpin.yaml:2:5: kpis[0]: missing required key \"id\""_s);
        row("kpi missing title", "kpis:\n  - { id: t, source: { prometheus: up } }\n",
            u"meetpin.yaml:2:5: kpis[0]: missing required key \"title\""_s);
        row("kpi missing source", K, u"meetpin.yaml:2:5: kpis[0]: missing required key \"source\""_s);
        row("kpi empty source", K + "    source: {}\n",
            u"meetpin.yaml:4:13: kpis[0].source: expected a source: one of prometheus, metrics, json, probe, "
            "error-budget"_s);
        row("kpi two sources", K + "    source: { prometheus: up, json: { endpoint: x, path: y } }\n",
            u"meetpin.yaml:4:37: kpis[0].source.json: a KPI has one source, got both \"prometheus\" and \"json\""_s);
        row("kpi duplicate id",
            K + "    source: { prometheus: up }\n  - { id: rate, title: T, source: { prometheus: up } }\n",
            u"meetpin.yaml:5:11: kpis[1].id: duplicate KPI id \"rate\" (first defined on line 2)"_s);
        row("kpi bad direction", K + "    source: { prometheus: up }\n    thresholds: { direction: up }\n",
            u"meetpin.yaml:5:30: kpis[0].thresholds.direction: expected one of: above, below, got \"up\""_s);
        row("kpi target not a number", K + "    source: { prometheus: up }\n    target: high\n",
            u"meetpin.yaml:5:13: kpis[0].target: expected a number, got \"high\""_s);
        row("kpi unknown endpoint", E + K + "    source: { probe: { endpoint: web, figure: uptime } }\n",
            u"meetpin.yaml:7:34: kpis[0].source.probe.endpoint: unknown endpoint \"web\""_s);
        row("kpi bad figure", E + K + "    source: { probe: { endpoint: health, figure: p99 } }\n",
            u"meetpin.yaml:7:50: kpis[0].source.probe.figure: expected one of: uptime, latency-p50, latency-p95, "
            "failure-rate, got \"p99\""_s);
        row("kpi objective out of range",
            E + K + "    source: { error-budget: { endpoint: health, objective: 100 } }\n",
            u"meetpin.yaml:7:60: kpis[0].source.error-budget.objective: expected an objective in percent between 0 "
            "and 100 like 99.9, got 100"_s);
        row("kpi quantile missing",
            K
                + "    source: { metrics: { url: \"https://x.test/metrics\", metric: m, "
                  "aggregate: quantile } }\n",
            u"meetpin.yaml:4:24: kpis[0].source.metrics: missing required key \"quantile\""_s);

        // Checklists
        row("checklist missing schedule", "checklists:\n  - { id: c, items: [a] }\n",
            u"meetpin.yaml:2:5: checklists[0]: missing required key \"schedule\""_s);
        row("checklist bad schedule", "checklists:\n  - { id: c, schedule: every day, items: [a] }\n",
            u"meetpin.yaml:2:24: checklists[0].schedule: expected a schedule like \"daily 09:00\", \"weekly mon,fri "
            "09:00\", \"monthly 1\" or \"on-demand\", got \"every day\""_s);
        row("checklist missing items", C, u"meetpin.yaml:2:5: checklists[0]: missing required key \"items\""_s);
        row("checklist no items", C + "    items: []\n",
            u"meetpin.yaml:4:12: checklists[0].items: expected at least one item"_s);
        row("checklist duplicate id", C + "    items: [a]\n  - { id: morning, schedule: daily, items: [b] }\n",
            u"meetpin.yaml:5:11: checklists[1].id: duplicate checklist id \"morning\" (first defined on line 2)"_s);
        row("item duplicate id", C + "    items:\n      - { id: x, text: a }\n      - { id: x, text: b }\n",
            u"meetpin.yaml:6:15: checklists[0].items[1].id: duplicate item id \"x\" (first defined on line 5)"_s);
        row("item missing text", C + "    items:\n      - { id: x }\n",
            u"meetpin.yaml:5:9: checklists[0].items[0]: missing required key \"text\""_s);
        row("verify unknown endpoint", C + "    items:\n      - { text: a, verify: { endpoint: api } }\n",
            u"meetpin.yaml:5:40: checklists[0].items[0].verify.endpoint: unknown endpoint \"api\""_s);
        row("verify unknown kpi", C + "    items:\n      - { text: a, verify: { kpi: rate } }\n",
            u"meetpin.yaml:5:35: checklists[0].items[0].verify.kpi: unknown KPI \"rate\""_s);
        row("verify both", E + C + "    items:\n      - { text: a, verify: { endpoint: health, kpi: k } }\n",
            u"meetpin.yaml:8:53: checklists[0].items[0].verify.kpi: verify names an endpoint or a KPI, not both"_s);
        row("item unknown runbook", C + "    items:\n      - { text: a, runbook: fix }\n",
            u"meetpin.yaml:5:29: checklists[0].items[0].runbook: unknown runbook \"fix\""_s);
        row("item bad due", C + "    items:\n      - { text: a, due: noon }\n",
            u"meetpin.yaml:5:25: checklists[0].items[0].due: expected a time like 09:00, got \"noon\""_s);

        // Runbooks
        row("runbook missing id", "runbooks:\n  - { steps: [a] }\n",
            u"meetpin.yaml:2:5: runbooks[0]: missing required key \"id\""_s);
        row("runbook missing steps", "runbooks:\n  - { id: r }\n",
            u"meetpin.yaml:2:5: runbooks[0]: missing required key \"steps\""_s);
        row("runbook duplicate id", R + "      - a\n  - { id: rollback, steps: [b] }\n",
            u"meetpin.yaml:5:11: runbooks[1].id: duplicate runbook id \"rollback\" (first defined on line 2)"_s);
        row("step missing kind", R + "      - { id: s, title: Do it }\n",
            u"meetpin.yaml:4:9: runbooks[0].steps[0]: missing step kind: expected one of check, http, "
            "wait-until-healthy, manual, command"_s);
        row("step two kinds", R + "      - { manual: a, command: [ls] }\n",
            u"meetpin.yaml:4:31: runbooks[0].steps[0].command: a step has one kind, got both \"manual\" and "
            "\"command\""_s);
        row("step duplicate id", R + "      - { id: s, manual: a }\n      - { id: s, manual: b }\n",
            u"meetpin.yaml:5:15: runbooks[0].steps[1].id: duplicate step id \"s\" (first defined on line 4)"_s);
        row("step unknown endpoint", R + "      - { wait-until-healthy: api }\n",
            u"meetpin.yaml:4:31: runbooks[0].steps[0].wait-until-healthy: unknown endpoint \"api\""_s);
        row("check step on a tcp endpoint",
            "endpoints:\n  - { name: db, url: \"tcp://127.0.0.1:5432\" }\n" + R + "      - { check: db }\n",
            u"meetpin.yaml:6:18: runbooks[0].steps[0].check: not applicable: a runbook step checks an endpoint over "
            "HTTP, and \"db\" is a tcp:// endpoint; use an http(s) endpoint, or a command step (such as pg_isready) "
            "for this service"_s);
        row("wait step on a dns endpoint",
            "endpoints:\n  - { name: ns, url: \"dns://127.0.0.1\", dns: { query-name: a.test, query-type: A } }\n" + R
                + "      - { wait-until-healthy: ns }\n",
            u"meetpin.yaml:6:31: runbooks[0].steps[0].wait-until-healthy: not applicable: a runbook step checks an "
            "endpoint over HTTP, and \"ns\" is a dns:// endpoint; use an http(s) endpoint, or a command step (such "
            "as pg_isready) for this service"_s);
        row("step bad on-failure", R + "      - { manual: a, on-failure: retry }\n",
            u"meetpin.yaml:4:34: runbooks[0].steps[0].on-failure: expected one of: stop, continue, got \"retry\""_s);
        row("step key of another kind", R + "      - { manual: a, poll: 5s }\n",
            u"meetpin.yaml:4:22: warning: runbooks[0].steps[0].poll: unknown key \"poll\""_s);
        row("http step missing url", R + "      - { http: { method: POST } }\n",
            u"meetpin.yaml:4:17: runbooks[0].steps[0].http: missing required key \"url\""_s);
        row("command not a list", R + "      - { command: \"kubectl rollout undo\" }\n",
            u"meetpin.yaml:4:20: runbooks[0].steps[0].command: expected a list of strings, got \"kubectl rollout "
            "undo\""_s);
        row("malformed reference in argv", R + "      - { command: [deploy, \"${}\"] }\n",
            u"meetpin.yaml:4:29: runbooks[0].steps[0].command[1]: malformed reference \"${}\": expected ${NAME} "
            "where NAME is letters, digits and _ and does not start with a digit"_s);

        // Incidents
        row("severities not a list", E + "incidents: { severities: P0 }\n",
            u"meetpin.yaml:4:26: incidents.severities: expected a list, got \"P0\""_s);
        row("severities empty", E + "incidents: { severities: [] }\n",
            u"meetpin.yaml:4:26: incidents.severities: expected at least one severity (leave the key out for the "
            "default P0-P3)"_s);
        row("severity duplicate id", E + "incidents:\n  severities: [ { id: P0 }, { id: P0 } ]\n",
            u"meetpin.yaml:5:35: incidents.severities[1].id: duplicate severity id \"P0\" (first defined on line 5)"_s);
        row("war-room-acknowledge not a boolean", E + "incidents:\n  war-room-acknowledge: sometimes\n",
            u"meetpin.yaml:5:25: incidents.war-room-acknowledge: expected true or false, got \"sometimes\""_s);
        row("severity bad ack", E + "incidents:\n  severities: [ { id: P0, ack: fast } ]\n",
            u"meetpin.yaml:5:32: incidents.severities[0].ack: expected a duration like 30s, got \"fast\""_s);

        // Notifications
        row("provider unknown kind",
            "notifications:\n  providers:\n    - { id: sms, kind: carrier-pigeon, url: \"https://pigeon.example/\" }\n",
            u"meetpin.yaml:3:24: notifications.providers[0].kind: unknown provider kind \"carrier-pigeon\" (expected one of: slack, mattermost, discord, teams, webhook, pagerduty, ntfy, email)"_s);
        row("email with an http url",
            "notifications:\n  providers:\n    - { id: m, kind: email, url: \"https://mail.example/\", options: { "
            "from: a@b.c, to: d@e.f } }\n",
            u"meetpin.yaml:3:34: notifications.providers[0].url: expected an smtp:// or smtps:// URL, got \"https://mail.example/\""_s);
        row("email without to",
            "notifications:\n  providers:\n    - { id: m, kind: email, url: \"smtp://mail.example:587\", options: { "
            "from: a@b.c } }\n",
            u"meetpin.yaml:3:70: notifications.providers[0].options: an email provider needs options.to: addresses separated by commas, got \"\""_s);
        row("email with a bad address",
            "notifications:\n  providers:\n    - { id: m, kind: email, url: \"smtp://mail.example:587\", options: { "
            "from: a@b.c, to: \"d@e.f, oncall\" } }\n",
            u"meetpin.yaml:3:70: notifications.providers[0].options: an email provider needs options.to: addresses separated by commas, got \"oncall\""_s);
        row("email login in clear text",
            "notifications:\n  providers:\n    - { id: m, kind: email, url: \"smtp://mail.example:25\", options: { "
            "from: a@b.c, to: d@e.f, starttls: \"false\", username: ops } }\n",
            u"meetpin.yaml:3:69: notifications.providers[0].options: starttls: false would send the login in clear text; use TLS or remove the login"_s);
        row("provider duplicate id",
            N.left(N.size() - 10) + "    - { id: slack, kind: discord, url: \"https://discord.example/\" }\n",
            u"meetpin.yaml:4:13: notifications.providers[1].id: duplicate provider id \"slack\" (first defined on line 3)"_s);
        row("pagerduty without key", "notifications:\n  providers:\n    - { id: pd, kind: pagerduty }\n",
            u"meetpin.yaml:3:7: notifications.providers[0]: missing required key \"key\""_s);
        row("route to unknown provider", N + "    - { id: r, to: [slack, teams] }\n",
            u"meetpin.yaml:5:28: notifications.routes[0].to[1]: unknown provider \"teams\""_s);
        row("route id reserved", N + "    - { id: \"escalation:x\", to: [slack] }\n",
            u"meetpin.yaml:5:13: notifications.routes[0].id: route ids starting with \"escalation:\" are reserved"_s);
        row("route without targets", N + "    - { id: r, events: [endpoint] }\n",
            u"meetpin.yaml:5:7: notifications.routes[0]: the route sends nowhere: give its providers with to: [provider ids]"_s);
        row("route unknown fallback", N + "    - { id: r, to: slack, fallback: email }\n",
            u"meetpin.yaml:5:37: notifications.routes[0].fallback: unknown provider \"email\""_s);
        row("route bad flap guard", N + "    - { id: r, to: slack, flap-guard: soon }\n",
            u"meetpin.yaml:5:39: notifications.routes[0].flap-guard: expected a duration like 30s, got \"soon\""_s);
        row("route bad hours", N + "    - { id: r, to: slack, hours: 9-18 }\n",
            u"meetpin.yaml:5:34: notifications.routes[0].hours: expected a time-of-day window like 09:00-18:00, got \"9-18\""_s);
        row("route unknown event", N + "    - { id: r, to: slack, events: [endpoint, deploy] }\n",
            u"meetpin.yaml:5:46: notifications.routes[0].events[1]: expected one of: endpoint, kpi, incident-opened, incident-resolved, checklist-overdue, runbook-finished, runbook-failed, got \"deploy\""_s);
        row("route bad severity", N + "    - { id: r, to: slack, min-severity: high }\n",
            u"meetpin.yaml:5:41: notifications.routes[0].min-severity: expected one of: info, warning, critical, got \"high\""_s);

        // Escalation policies (from line 5) and automatic incidents (from line 6)
        const QByteArray P = N.left(N.size() - 10) + "  escalation-policies:\n";
        row("policy without levels", P + "    - { id: p }\n",
            u"meetpin.yaml:5:7: notifications.escalation-policies[0]: the escalation policy has no levels: give at least one with levels: [...]"_s);
        row("level to unknown target", P + "    - { id: p, levels: [ { after: 0m, to: [slack, pager] } ] }\n",
            u"meetpin.yaml:5:51: notifications.escalation-policies[0].levels[0].to[1]: unknown provider or route \"pager\""_s);
        row("level unknown severity", P + "    - { id: p, levels: [ { after: 0m, to: slack, severities: [P9] } ] }\n",
            u"meetpin.yaml:5:63: notifications.escalation-policies[0].levels[0].severities[0]: unknown severity \"P9\" (the workspace defines P0, P1, P2, P3)"_s);
        row("levels out of order",
            P + "    - { id: p, levels: [ { after: 30m, to: slack }, { after: 10m, to: slack } ] }\n",
            u"meetpin.yaml:5:62: notifications.escalation-policies[0].levels[1].after: levels must come in order: this one is earlier than the level before it"_s);
        row("repeat without every", P + "    - { id: p, levels: [ { after: 0m, to: slack } ], repeat: { times: 2 } }\n",
            u"meetpin.yaml:5:62: notifications.escalation-policies[0].repeat: repeat needs every: a duration such as 15m"_s);
        const QByteArray A = E + "incidents:\n  auto:\n";
        row("auto unknown endpoint", A + "    - { id: a, when: { endpoint: nowhere }, for: 5m }\n",
            u"meetpin.yaml:6:34: incidents.auto[0].when.endpoint: unknown endpoint \"nowhere\""_s);
        row("auto unknown group", A + "    - { id: a, when: { group: db }, for: 5m }\n",
            u"meetpin.yaml:6:31: incidents.auto[0].when.group: no endpoint is in the group \"db\""_s);
        row("auto unknown policy", A + "    - { id: a, when: { endpoint: health }, escalation: oncall }\n",
            u"meetpin.yaml:6:56: incidents.auto[0].escalation: unknown escalation policy \"oncall\""_s);
        row("auto unknown severity", A + "    - { id: a, when: { endpoint: health }, severity: SEV1 }\n",
            u"meetpin.yaml:6:54: incidents.auto[0].severity: unknown severity \"SEV1\" (the workspace defines P0, P1, P2, P3)"_s);
        row("auto without subject", A + "    - { id: a, when: {}, for: 5m }\n",
            u"meetpin.yaml:6:22: incidents.auto[0].when: when: needs exactly one of endpoint, group or kpi"_s);
        // depends-on and groups
        row("depends-on unknown",
            "endpoints:\n  - { name: db, group: data, url: https://x.test/db }\n  - { name: app, url: "
            "https://x.test/app, depends-on: [nowhere] }\n",
            u"meetpin.yaml:3:56: endpoints[1].depends-on[0]: unknown endpoint or group \"nowhere\""_s);
        row("depends-on unknown group",
            "endpoints:\n  - { name: db, group: data, url: https://x.test/db }\n  - { name: app, url: "
            "https://x.test/app, depends-on: [{ group: db }] }\n",
            u"meetpin.yaml:3:56: endpoints[1].depends-on[0]: unknown group \"db\": no endpoint has it as its group"_s);
        row("depends-on itself",
            "endpoints:\n  - { name: db, group: data, url: https://x.test/db }\n  - { name: app, url: "
            "https://x.test/app, depends-on: app }\n",
            u"meetpin.yaml:3:55: endpoints[1].depends-on[0]: \"app\" depends on itself"_s);
        row("depends-on own group",
            "endpoints:\n  - { name: db, group: data, url: https://x.test/db }\n  - { name: replica, group: data, url: "
            "https://x.test/r, depends-on: [data] }\n",
            u"meetpin.yaml:3:71: endpoints[1].depends-on[0]: \"replica\" depends on its own group \"data\""_s);
        row("depends-on cycle",
            "endpoints:\n  - { name: db, group: data, url: https://x.test/db, depends-on: [app] }\n  - { name: app, "
            "url: https://x.test/app, depends-on: [data] }\n",
            u"meetpin.yaml:2:67: endpoints[0].depends-on[0]: dependency cycle: db → app → group data → db"_s);
        row("group depends on itself",
            "endpoints:\n  - { name: db, group: data, url: https://x.test/db }\ngroups:\n  - { name: data, depends-on: "
            "[data] }\n",
            u"meetpin.yaml:4:32: groups[0].depends-on[0]: group \"data\" depends on itself"_s);
        row("group depends on its endpoint",
            "endpoints:\n  - { name: db, group: data, url: https://x.test/db }\ngroups:\n  - { name: data, depends-on: "
            "[db] }\n",
            u"meetpin.yaml:4:32: groups[0].depends-on[0]: group \"data\" depends on its own endpoint \"db\""_s);
        row("group unknown",
            "endpoints:\n  - { name: db, group: data, url: https://x.test/db }\ngroups:\n  - { name: web, depends-on: "
            "[data] }\n",
            u"meetpin.yaml:4:5: groups[0].name: unknown group \"web\": no endpoint has it as its group"_s);
        row("depends-on both kinds",
            "endpoints:\n  - { name: db, group: data, url: https://x.test/db }\n  - { name: app, url: "
            "https://x.test/app, depends-on: [{ endpoint: db, group: data }] }\n",
            u"meetpin.yaml:3:56: endpoints[1].depends-on[0]: expected exactly one of endpoint: or group:"_s);
        row("critical-when form", E + "    critical-when: most\n",
            u"meetpin.yaml:4:20: endpoints[0].critical-when: critical-when \"most\": expected \"any\" or \"N of M locations\" (e.g. 2 of 3 locations)"_s);
        row("critical-when N above M", E + "    critical-when: 4 of 3 locations\n",
            u"meetpin.yaml:4:20: endpoints[0].critical-when: critical-when \"4 of 3 locations\": N must be between 1 and M (the number of locations)"_s);
        row("locations unknown group", E + "locations:\n  groups:\n    db: 2 of 3\n",
            u"meetpin.yaml:6:9: warning: locations.groups.db: no endpoint is in group \"db\": its rule applies to none"_s);
        row("locations unknown key", E + "locations:\n  quorum: 2 of 3\n",
            u"meetpin.yaml:5:3: warning: locations.quorum: unknown key \"quorum\""_s);
    }
    void diagnostics()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const LoadResult result = WorkspaceLoader::loadData(yaml, u"meetpin.yaml"_s);
        QCOMPARE(strings(result.diagnostics), QStringList { expected });
        QCOMPARE(result.ok(), expected.contains(u": warning: "_s));
    }

    void locations()
    {
        const LoadResult result = WorkspaceLoader::loadData(
            "endpoints:\n  - { name: a, group: api, url: https://x.test/a, critical-when: 3 of 3 locations }\n"
            "  - { name: b, group: api, url: https://x.test/b }\n  - { name: c, url: https://x.test/c }\n"
            "locations:\n  critical-when: any\n  groups:\n    api: 2 of 3 locations\n",
            u"meetpin.yaml"_s);
        QVERIFY2(result.ok(), qPrintable(strings(result.diagnostics).join(u'\n')));
        const Workspace &w = *result.workspace;
        QCOMPARE(w.quorumRule(w.endpoints.at(0)).atLeast, 3);
        QCOMPARE(w.quorumRule(w.endpoints.at(1)).atLeast, 2);
        QCOMPARE(w.quorumRule(w.endpoints.at(1)).of, 3);
        QVERIFY(w.quorumRule(w.endpoints.at(2)).isAny());
    }

    void notifications()
    {
        QByteArray declared = N;
        declared.replace("https://hooks.example/slack", "${SLACK_URL}");
        const LoadResult result
            = WorkspaceLoader::loadData("secrets:\n  - { name: SLACK_URL, description: Slack }\n" + declared
                    + "    - id: critical\n      events: [endpoint, incident-opened]\n      min-severity: critical\n"
                      "      groups: [api]\n      hours: 22:00-06:00\n      to: slack\n      fallback: slack\n"
                      "      resolved: false\n      flap-guard: 1m\n      rate-limit: 5\n",
                u"meetpin.yaml"_s);
        QVERIFY2(result.ok(), qPrintable(strings(result.diagnostics).join(u'\n')));
        const NotificationSettings &n = result.workspace->notifications;
        QCOMPARE(n.providers.size(), 1);
        QCOMPARE(n.providers.first().url, u"${SLACK_URL}"_s); // kept as written
        QVERIFY(result.workspace->secretNames.contains(u"SLACK_URL"_s));
        QCOMPARE(n.routes.size(), 1);
        const NotifyRoute &r = n.routes.first();
        QCOMPARE(r.events, (QStringList { u"endpoint"_s, u"incident-opened"_s }));
        QCOMPARE(r.minSeverity, u"critical"_s);
        QCOMPARE(r.groups, QStringList { u"api"_s });
        QCOMPARE(r.from, QTime(22, 0));
        QCOMPARE(r.until, QTime(6, 0));
        QCOMPARE(r.targets, QStringList { u"slack"_s });
        QCOMPARE(r.fallback, u"slack"_s);
        QCOMPARE(r.resolved, false);
        QCOMPARE(r.flapGuard, 1min);
        QCOMPARE(r.rateLimit, 5);
        QCOMPARE(r.pos.line, 7); // after the two lines of secrets
    }

    void escalationAndAutoIncidents()
    {
        QByteArray yaml = E + N.left(N.size() - 10)
            + "    - { id: pd, kind: pagerduty, key: abc }\n"
              "  routes:\n    - { id: lead, to: slack }\n"
              "  escalation-policies:\n"
              "    - id: sre\n      severities: [P0, P1]\n      repeat: { every: 10m, times: 2 }\n"
              "      levels:\n        - { after: 0m, to: pd }\n        - { after: 30m, to: lead }\n"
              "        - { after: 1h, to: [slack, pd], severities: [P0] }\n"
              "incidents:\n  auto:\n"
              "    - { id: down, when: { endpoint: health }, for: 2m, severity: P1, title: \"{subject} down\", "
              "services: [api], escalation: sre }\n";
        const LoadResult result = WorkspaceLoader::loadData(yaml, u"meetpin.yaml"_s);
        QVERIFY2(result.ok(), qPrintable(strings(result.diagnostics).join(u'\n')));
        const EscalationPolicy *p = result.workspace->notifications.escalationPolicy(u"sre"_s);
        QVERIFY(p);
        QCOMPARE(p->severities, (QStringList { u"P0"_s, u"P1"_s }));
        QCOMPARE(p->levels.size(), 3);
        QCOMPARE(p->levels.at(1).after, 30min);
        QCOMPARE(p->levels.at(2).targets, (QStringList { u"slack"_s, u"pd"_s }));
        QCOMPARE(p->levels.at(2).severities, QStringList { u"P0"_s });
        QCOMPARE(p->repeatEvery, 10min);
        QCOMPARE(p->repeatTimes, 2);
        QCOMPARE(result.workspace->notifications.providersOf(u"lead"_s), QStringList { u"slack"_s });
        QCOMPARE(result.workspace->incidents.autoRules.size(), 1);
        const AutoIncidentRule &r = result.workspace->incidents.autoRules.first();
        QCOMPARE(r.subject, AutoIncidentRule::Subject::Endpoint);
        QCOMPARE(r.name, u"health"_s);
        QCOMPARE(r.forDuration, 2min);
        QCOMPARE(r.severity, u"P1"_s);
        QCOMPARE(r.title, u"{subject} down"_s);
        QCOMPARE(r.services, QStringList { u"api"_s });
        QCOMPARE(r.escalation, u"sre"_s);
    }

    void dependencies()
    {
        const LoadResult result = WorkspaceLoader::loadData(
            "endpoints:\n  - { name: pg, group: data, url: https://x.test/pg }\n"
            "  - { name: redis, group: data, url: https://x.test/redis }\n"
            "  - { name: data, url: https://x.test/data-proxy }\n"
            "  - { name: api, group: back, url: https://x.test/api, depends-on: [data, { group: data }] }\n"
            "  - { name: app, url: https://x.test/app, depends-on: api }\n"
            "groups:\n  - name: back\n    depends-on: [redis]\n",
            u"meetpin.yaml"_s);
        QVERIFY2(result.ok(), qPrintable(strings(result.diagnostics).join(u'\n')));
        const Workspace &w = *result.workspace;
        QCOMPARE(w.endpoints.at(3).dependsOn.size(), 2);
        QCOMPARE(w.endpoints.at(3).dependsOn.at(0).kind, DependencyTarget::Kind::Any); // the endpoint "data"
        QCOMPARE(w.endpoints.at(3).dependsOn.at(1).kind, DependencyTarget::Kind::Group);
        QCOMPARE(w.endpoints.at(3).dependsOn.at(1).pos.line, 5);
        QCOMPARE(w.endpoints.at(4).dependsOn.constFirst().name, u"api"_s); // a single name is a list of one
        QCOMPARE(w.groups.size(), 1);
        QCOMPARE(w.groups.constFirst().name, u"back"_s);
        QCOMPARE(w.groups.constFirst().dependsOn.constFirst().name, u"redis"_s);
    }

    void allErrorsAtOnce()
    {
        const QString path = QFINDTESTDATA("data/errors.yaml");
        const LoadResult result = WorkspaceLoader::loadFile(path);
        QVERIFY(!result.ok());
        const QStringList expected {
            path + u":3:3: warning: workspace.colour: unknown key \"colour\""_s,
            path + u":7:15: endpoints[0].interval: expected a duration like 30s, got \"soon\""_s,
            path + u":8:11: endpoints[1].name: duplicate endpoint name \"health\" (first defined on line 5)"_s,
            path + u":13:33: kpis[0].source.json.endpoint: unknown endpoint \"nowhere\""_s,
            path + u":14:30: kpis[0].thresholds.direction: expected one of: above, below, got \"up\""_s,
            path
                + u":17:15: checklists[0].schedule: expected a schedule like \"daily 09:00\", \"weekly mon,fri "
                  "09:00\", \"monthly 1\" or \"on-demand\", got \"every day\""_s,
        };
        QCOMPARE(strings(result.diagnostics), expected);
        QCOMPARE(result.errors().size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceLoader)
#include "tst_workspaceloader.moc"
