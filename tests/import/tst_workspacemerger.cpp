// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/gatusimporter.h"
#include "import/workspacemerger.h"
#include "workspace/workspaceloader.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ImportResult gatus(const QByteArray &yaml)
{
    QSet<QString> names;
    return GatusImporter::importData({ { yaml, u"g.yaml"_s } }, names);
}

const QByteArray Imported = "alerting:\n  slack:\n    webhook-url: https://hooks.slack.com/services/literal\n"
                            "endpoints:\n"
                            "  - { name: api, url: 'https://api.example', alerts: [{ type: slack }] }\n"
                            "  - name: web\n    url: https://web.example\n"
                            "    maintenance-windows: [{ start: '02:00', duration: 1h }]\n";

// `merged` with the lines of `existing` removed in order: what the merge added. Empty when an existing line is
// missing or changed.
QStringList added(const QString &existing, const QString &merged)
{
    QStringList before = existing.split(u'\n');
    QStringList out;
    for (const QString &line : merged.split(u'\n')) {
        if (!before.isEmpty() && before.first() == line) {
            before.removeFirst();
        } else {
            out << line;
        }
    }
    return before.isEmpty() ? out : QStringList { u"<existing line lost: "_s + before.first() + u'>' };
}

} // namespace

class TestWorkspaceMerger final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsExistingTextAndSplices()
    {
        const QString existing
            = u"# Team workspace\n"
              "workspace: { title: Team }\n"
              "endpoints:\n"
              "- name: legacy   # indented at the key's column\n"
              "  url: https://legacy.example\n"
              "\n"
              "# KPIs follow\n"
              "kpis:\n"
              "  - { id: up, title: Up, source: { probe: { endpoint: legacy, figure: uptime } } }\n"_s;
        ImportResult r = gatus(Imported);
        const WorkspaceMerger::Outcome m = WorkspaceMerger::merge(existing.toUtf8(), u"team.yaml"_s, r, {});
        QVERIFY2(m.error.isEmpty(), qPrintable(m.error));
        const LoadResult loaded = WorkspaceLoader::loadData(m.text.toUtf8(), u"team.yaml"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors().value(0).toString() + u'\n' + m.text));
        QCOMPARE(loaded.workspace->endpoints.size(), 3);
        QCOMPARE(loaded.workspace->notifications.providers.size(), 1);
        QCOMPARE(loaded.workspace->maintenance.size(), 1);
        const QStringList lines = added(existing, m.text);
        QVERIFY2(!lines.value(0).startsWith(u"<existing"_s), qPrintable(lines.value(0)));
        QCOMPARE(lines.value(0), u"- name: \"api\""_s); // re-indented to the existing items
        QVERIFY(m.text.indexOf(u"- name: \"web\""_s) < m.text.indexOf(u"# KPIs follow"_s));
        QVERIFY(!m.text.contains(u"services/literal"_s));
    }

    void conflicts()
    {
        const QString existing = u"workspace: { title: Team }\n"
                                 "secrets:\n  - { name: SLACK_WEBHOOK_URL, description: Slack }\n"
                                 "endpoints:\n  - { name: api, url: \"https://old.example\" }\n"
                                 "notifications:\n"
                                 "  providers:\n    - { id: slack, kind: slack, url: \"${SLACK_WEBHOOK_URL}\" }\n"
                                 "  routes:\n    - { id: gatus-slack, to: slack }\n"_s;
        ImportResult r = gatus(Imported);
        const WorkspaceMerger::Outcome m = WorkspaceMerger::merge(existing.toUtf8(), u"team.yaml"_s, r, {});
        QVERIFY2(m.error.isEmpty(), qPrintable(m.error));
        const LoadResult loaded = WorkspaceLoader::loadData(m.text.toUtf8(), u"team.yaml"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors().value(0).toString() + u'\n' + m.text));
        QCOMPARE(loaded.workspace->endpoints.size(), 2); // api kept as it was, web added
        QCOMPARE(loaded.workspace->endpoints.at(0).url, u"https://old.example"_s);
        bool reported = false;
        for (const ImportItem &i : r.report.skipped) {
            reported = reported || (i.name == u"api" && i.reason.contains(u"already has an endpoint named \"api\""_s));
        }
        QVERIFY(reported);
        QCOMPARE(loaded.workspace->notifications.providers.at(1).id, u"slack-2"_s);
        QCOMPARE(loaded.workspace->notifications.routes.at(1).id, u"gatus-slack-2"_s);
        QCOMPARE(loaded.workspace->notifications.routes.at(1).targets, QStringList { u"slack-2"_s });
        QCOMPARE(loaded.workspace->secrets.size(), 1); // declared once
        QVERIFY(added(existing, m.text).filter(u"<existing"_s).isEmpty());
    }

    void crlfKept()
    {
        const QByteArray existing = "workspace: { title: Team }\r\nendpoints:\r\n  - name: a\r\n    url: https://a\r\n";
        ImportResult r = gatus("endpoints:\n  - { name: b, url: 'https://b.example' }\n");
        const WorkspaceMerger::Outcome m = WorkspaceMerger::merge(existing, u"team.yaml"_s, r, {});
        QVERIFY2(m.error.isEmpty(), qPrintable(m.error));
        QVERIFY(m.text.toUtf8().startsWith(existing));
        QVERIFY(!m.text.contains(QRegularExpression(u"[^\\r]\\n"_s)));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("existing");
        QTest::addColumn<QString>("error");
        QTest::newRow("flow list") << "endpoints: [{ name: a, url: 'https://a' }]\n"_ba
                                   << u"team.yaml: endpoints is not a block list"_s;
        QTest::newRow("invalid") << "endpoints:\n  - name: a\n"_ba << u"team.yaml does not validate"_s;
        QTest::newRow("not yaml") << "endpoints: [\n"_ba << u"team.yaml does not validate"_s;
    }

    void refused()
    {
        QFETCH(QByteArray, existing);
        QFETCH(QString, error);
        ImportResult r = gatus(Imported);
        const WorkspaceMerger::Outcome m = WorkspaceMerger::merge(existing, u"team.yaml"_s, r, {});
        QVERIFY2(m.error.startsWith(error), qPrintable(m.error));
        QVERIFY(m.text.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceMerger)
#include "tst_workspacemerger.moc"
