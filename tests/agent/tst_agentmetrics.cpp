// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/agentmetrics.h"
#include "kpi/kpimodel.h"
#include "kpi/kpireader.h"
#include "probe/endpointmodel.h"
#include "session/session.h"
#include "sources/exposition.h"
#include "workspace/workspaceloader.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestAgentMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelsAreEscaped();
    void valuesAsPrometheusReadsThem();
    void phasesFromCumulativeTimings();
    void successIsBlackboxSuccess();
    void rendersParsableFamilies();
};

void TestAgentMetrics::labelsAreEscaped()
{
    QCOMPARE(AgentMetrics::escapeLabel(u"a\\b\"c\nd"_s), u"a\\\\b\\\"c\\nd"_s);
    QCOMPARE(AgentMetrics::escapeLabel(u"서울"_s), u"서울"_s);
}

void TestAgentMetrics::valuesAsPrometheusReadsThem()
{
    QCOMPARE(AgentMetrics::formatValue(qQNaN()), "NaN");
    QCOMPARE(AgentMetrics::formatValue(qInf()), "+Inf");
    QCOMPARE(AgentMetrics::formatValue(-qInf()), "-Inf");
    QCOMPARE(AgentMetrics::formatValue(0.022121), "0.022121");
    QCOMPARE(AgentMetrics::formatValue(1796508994), "1796508994");
    QCOMPARE(ExpositionParser::parseValue(AgentMetrics::formatValue(1e-7)), 1e-7);
}

void TestAgentMetrics::phasesFromCumulativeTimings()
{
    ProbeResult r;
    r.dnsMs = 2;
    r.connectMs = 5;
    r.tlsMs = 15;
    r.firstByteMs = 40;
    r.totalMs = 42;
    const QList<QPair<QString, double>> expected { { u"resolve"_s, 0.002 }, { u"connect"_s, 0.003 },
        { u"tls"_s, 0.010 }, { u"processing"_s, 0.025 }, { u"transfer"_s, 0.002 } };
    const auto phases = AgentMetrics::phases(r);
    QCOMPARE(phases.size(), expected.size());
    for (int i = 0; i < phases.size(); ++i) {
        QCOMPARE(phases[i].first, expected[i].first);
        QVERIFY2(qAbs(phases[i].second - expected[i].second) < 1e-9, qPrintable(phases[i].first));
    }
    // Plain HTTP on a reused connection: no resolve, connect or TLS phase; processing starts at 0.
    ProbeResult reused;
    reused.firstByteMs = 30;
    reused.totalMs = 31;
    const auto plain = AgentMetrics::phases(reused);
    QCOMPARE(plain[0].second, 0.0);
    QCOMPARE(plain[2].second, 0.0);
    QVERIFY(qAbs(plain[3].second - 0.030) < 1e-9);
}

void TestAgentMetrics::successIsBlackboxSuccess()
{
    ProbeResult r;
    r.connected = true;
    r.conditions = { { u"[STATUS] == 200"_s, u"200"_s, ConditionResult::Verdict::Pass, {}, false },
        { u"[RESPONSE_TIME] < 10"_s, u"40"_s, ConditionResult::Verdict::Fail, {}, true } };
    QVERIFY(AgentMetrics::success(r)); // a failed warn-condition is a warning, not a failure
    r.conditions[0].verdict = ConditionResult::Verdict::Fail;
    QVERIFY(!AgentMetrics::success(r));
    ProbeResult refused;
    refused.error = u"Connection refused"_s;
    QVERIFY(!AgentMetrics::success(refused));
}

void TestAgentMetrics::rendersParsableFamilies()
{
    const QByteArray yaml = "workspace: { id: m, title: M }\n"
                            "endpoints:\n"
                            "  - { name: \"api \\\"v2\\\"\", group: web, url: \"https://127.0.0.1:1/\" }\n"
                            "  - { name: idle, url: \"http://127.0.0.1:1/\" }\n"
                            "kpis:\n"
                            "  - id: up\n    title: Up\n    unit: \"%\"\n"
                            "    source: { probe: { endpoint: idle, figure: uptime } }\n";
    const LoadResult loaded = WorkspaceLoader::loadData(yaml, u"m.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    Session session({ Session::Mode::Once, {}, {}, false });
    session.setWorkspace(*loaded.workspace);
    ProbeResult r;
    r.endpoint = u"api \"v2\""_s;
    r.startedAt = QDateTime::fromSecsSinceEpoch(1'800'000'000);
    r.state = r.rawState = EndpointState::Warning;
    r.connected = true;
    r.httpStatus = 200;
    r.totalMs = 120;
    r.certificateExpiry = QDateTime::fromSecsSinceEpoch(1'900'000'000);
    QVERIFY(session.endpoints()->addResult(r));
    KpiFigure figure;
    figure.value = 99.5;
    figure.at = QDateTime::currentDateTimeUtc();
    session.kpis()->applyFigure(u"up"_s, figure);

    const QByteArray text = AgentMetrics::render(session, { u"m"_s, u"seoul\nnorth"_s, true, 3, 1, 0 });
    const Exposition parsed = ExpositionParser::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n') + u'\n' + QString::fromUtf8(text)));
    const auto value = [&parsed](const QString &name, const MetricLabels &labels) -> std::optional<double> {
        for (const MetricSample &s : parsed.samples) {
            bool match = s.name == name;
            for (auto it = labels.cbegin(); match && it != labels.cend(); ++it) {
                match = s.labels.value(it.key()) == it.value();
            }
            if (match) {
                return s.value;
            }
        }
        return std::nullopt;
    };
    const MetricLabels api { { u"endpoint"_s, u"api \"v2\""_s }, { u"location"_s, u"seoul\nnorth"_s },
        { u"workspace"_s, u"m"_s }, { u"group"_s, u"web"_s } };
    QCOMPARE(value(u"probe_success"_s, api), 1.0);
    QCOMPARE(value(u"probe_duration_seconds"_s, api), 0.12);
    QCOMPARE(value(u"probe_http_status_code"_s, api), 200.0);
    QCOMPARE(value(u"probe_ssl_earliest_cert_expiry"_s, api), 1.9e9);
    QCOMPARE(value(u"opsdeck_endpoint_state"_s,
                 MetricLabels { { u"endpoint"_s, u"api \"v2\""_s }, { u"state"_s, u"warning"_s } }),
        1.0);
    QCOMPARE(value(u"opsdeck_endpoint_state"_s,
                 MetricLabels { { u"endpoint"_s, u"api \"v2\""_s }, { u"state"_s, u"ok"_s } }),
        0.0);
    // No result yet: no probe figures, but the state set says "no state" with all zeros.
    QVERIFY(!value(u"probe_success"_s, { { u"endpoint"_s, u"idle"_s } }));
    QCOMPARE(value(u"opsdeck_endpoint_state"_s, { { u"endpoint"_s, u"idle"_s }, { u"state"_s, u"critical"_s } }), 0.0);
    QCOMPARE(value(u"opsdeck_kpi_value"_s, { { u"kpi"_s, u"up"_s }, { u"unit"_s, u"%"_s } }), 99.5);
    QCOMPARE(value(u"opsdeck_agent_reload_failures_total"_s, {}), 1.0);
    QCOMPARE(parsed.types.value(u"opsdeck_agent_reloads_total"_s), u"counter"_s);
    QCOMPARE(parsed.types.value(u"probe_success"_s), u"gauge"_s);
    QVERIFY(!parsed.help.value(u"probe_http_duration_seconds"_s).isEmpty());
    // Each family's samples are together: its name never comes back after another family started.
    QStringList order;
    for (const MetricSample &s : parsed.samples) {
        if (order.isEmpty() || order.constLast() != s.name) {
            QVERIFY2(!order.contains(s.name), qPrintable(s.name));
            order << s.name;
        }
    }
}

QTEST_GUILESS_MAIN(TestAgentMetrics)
#include "tst_agentmetrics.moc"
