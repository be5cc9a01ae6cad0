// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/secretdestinations.h"
#include "workspace/workspaceloader.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSecretDestinations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void destinationIsTheWrittenOrigin_data();
    void destinationIsTheWrittenOrigin();
    void everyPlaceThatSendsIsListed();
};

void TestSecretDestinations::destinationIsTheWrittenOrigin_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("destination");
    QTest::addRow("path") << u"https://api.example.com/v1?token=${T}"_s << u"https://api.example.com"_s;
    QTest::addRow("port") << u"http://127.0.0.1:8080/x/${T}"_s << u"http://127.0.0.1:8080"_s;
    QTest::addRow("user info") << u"https://u:${T}@db.example.com/"_s << u"https://db.example.com"_s;
    QTest::addRow("host") << u"https://${T}.example.com/"_s
                          << u"the host that ${T} names (not known before it is resolved)"_s;
    QTest::addRow("whole url") << u"${T}"_s << u"the host that ${T} names (not known before it is resolved)"_s;
    QTest::addRow("no secret") << u"not a url"_s << u"not a url"_s;
}

void TestSecretDestinations::destinationIsTheWrittenOrigin()
{
    QFETCH(QString, url);
    QFETCH(QString, destination);
    QCOMPARE(SecretDestinations::destinationOf(url), destination);
}

void TestSecretDestinations::everyPlaceThatSendsIsListed()
{
    const QByteArray yaml = R"(workspace: { id: d }
secrets:
  - { name: API_TOKEN, description: { en: Status API token, ko: 상태 API 토큰 } }
  - { name: HOOK, description: Webhook path }
  - { name: PROM, description: Prometheus password }
sources:
  prometheus: { url: "https://prom.example.com", headers: { Authorization: "Basic ${PROM}" } }
endpoints:
  - { name: api, url: "https://api.example.com/health", headers: { Authorization: "Bearer ${API_TOKEN}" } }
  - { name: open, url: "https://open.example.com/" }
kpis:
  - { id: p, title: P, source: { prometheus: "up" } }
  - { id: j, title: J, source: { json: { endpoint: api, path: a } } }
  - { id: o, title: O, source: { json: { endpoint: open, path: a } } }
notifications:
  providers:
    - { id: chat, kind: slack, url: "https://hooks.example.com/${HOOK}" }
  routes:
    - { id: all, to: [chat] }
runbooks:
  - id: r
    title: R
    steps:
      - { id: call, http: { method: GET, url: "https://admin.example.com/reset", headers: { X-Token: "${API_TOKEN}" } } }
)";
    const LoadResult loaded = WorkspaceLoader::loadData(yaml, u"d.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    const QStringList lines = SecretDestinations::describe(*loaded.workspace, u"en"_s);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0),
        u"API_TOKEN (Status API token) → https://api.example.com (endpoint api: header Authorization); "
        "https://admin.example.com (runbook r step call: header X-Token)"_s);
    QCOMPARE(lines.at(1), u"HOOK (Webhook path) → https://hooks.example.com (notification provider chat: URL)"_s);
    QCOMPARE(lines.at(2),
        u"PROM (Prometheus password) → https://prom.example.com (Prometheus source (KPI queries): header "
        "Authorization)"_s);

    const SecretDestinations::Held held = SecretDestinations::held(*loaded.workspace);
    QCOMPARE(held.endpoints, QSet<QString> { u"api"_s });
    QCOMPARE(held.kpis, (QSet<QString> { u"p"_s, u"j"_s })); // o reads an endpoint that needs no secret
    QCOMPARE(held.providers, QSet<QString> { u"chat"_s });
    QVERIFY(held.prometheus);
    QVERIFY(!held.alertmanager);
    QVERIFY(SecretDestinations::held(Workspace()).isEmpty());
}

QTEST_GUILESS_MAIN(TestSecretDestinations)
#include "tst_secretdestinations.moc"
