// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/checkcommand.h"

#include "cli/terminalinput.h"
#include "cli/trustcommand.h"
#include "export/terminaltext.h"
#include "kpi/kpicheck.h"
#include "kpi/kpievaluator.h"
#include "probe/dependencygraph.h"
#include "probe/probeengine.h"
#include "probe/probehistory.h"
#include "runbook/workspacetrust.h"
#include "session/session.h"
#include "storage/storage.h"
#include "ui/uilanguage.h"
#include "workspace/workspaceloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString stateText(EndpointState state)
{
    switch (state) {
    case EndpointState::Ok:
        return CheckCommand::tr("OK");
    case EndpointState::Maintenance:
        return CheckCommand::tr("MAINTENANCE");
    case EndpointState::Pending:
        return CheckCommand::tr("PENDING");
    case EndpointState::Warning:
        return CheckCommand::tr("WARNING");
    case EndpointState::Unknown:
        return CheckCommand::tr("UNKNOWN");
    case EndpointState::Critical:
        return CheckCommand::tr("CRITICAL");
    }
    return CheckCommand::tr("UNKNOWN");
}

int severity(EndpointState state)
{
    // Worst wins: CRITICAL > UNKNOWN > WARNING > OK, like the exit codes' meaning rather than their numbers.
    switch (state) {
    case EndpointState::Critical:
        return 4;
    case EndpointState::Unknown:
        return 3;
    case EndpointState::Warning:
        return 2;
    default:
        return 1;
    }
}

QString details(const ProbeResult &r)
{
    if (!r.error.isEmpty()) {
        return r.error; // the conditions only restate it ([STATUS] = 0)
    }
    QStringList parts;
    for (const ConditionResult &c : r.conditions) {
        if (c.verdict == ConditionResult::Verdict::Fail) {
            // `actual` already reads like the condition with the values filled in: "[STATUS] (503) == 200".
            parts.append(c.actual.isEmpty() ? c.condition : c.actual);
        } else if (c.verdict == ConditionResult::Verdict::Error) {
            parts.append(CheckCommand::tr("%1 (cannot evaluate: %2)").arg(c.condition, c.error));
        }
    }
    return parts.join(QLatin1String("; "));
}

} // namespace

CheckCommand::CheckCommand(const QString &workspacePath, Format format, QTextStream *out, QObject *parent)
    : QObject(parent)
    , m_path(workspacePath)
    , m_format(format)
    , m_out(out)
{ }

CheckCommand::~CheckCommand() = default;

void CheckCommand::setStorage(const QString &database, const QString &dataDir)
{
    m_database = database;
    m_dataDir = dataDir;
}

bool CheckCommand::records() const
{
    return m_session && m_session->options().storage;
}

void CheckCommand::setLocation(const QString &location)
{
    m_location = location;
}

void CheckCommand::start()
{
    const LoadResult loaded = WorkspaceLoader::loadFile(m_path);
    if (!loaded.ok()) {
        for (const Diagnostic &d : loaded.diagnostics) {
            *m_out << d.toString() << '\n';
        }
        *m_out << tr("%1: the workspace is not valid; nothing was checked").arg(m_path) << Qt::endl;
        finish(3);
        return;
    }
    // Only a database asked for is written to: a plain `opsdeck check` leaves no file behind.
    const bool record = !m_database.isEmpty() || !m_dataDir.isEmpty() || !loaded.workspace->info.storage.isEmpty();
    m_session = new Session({ Session::Mode::Once, m_database, m_dataDir, record }, this);
    m_session->probes()->setOrigin(m_location, {});
    if (record) {
        connect(m_session->storage(), &Storage::openFailed, this, [this](const QString &error) {
            m_writeFailed = true;
            if (m_err) {
                *m_err << tr("opsdeck: the results are not recorded: %1").arg(error) << Qt::endl;
            }
        });
        connect(m_session->storage(), &Storage::writeFailed, this, [this](const QString &what, const QString &error) {
            if (m_err && !m_writeFailed) {
                *m_err << tr("opsdeck: %1 failed: %2").arg(what, error) << Qt::endl;
            }
            m_writeFailed = true;
        });
    }
    // Secrets the environment lacks come from the keychain first (reported as missing where there is none).
    connect(m_session, &Session::workspaceReady, this, &CheckCommand::begin, Qt::SingleShotConnection);
    m_session->adopt(*loaded.workspace);
}

void CheckCommand::setTrustAnswer(bool yes, TerminalInput *input, QTextStream *err)
{
    m_yes = yes;
    m_input = input;
    m_err = err;
}

void CheckCommand::begin(const Workspace &workspace)
{
    m_workspaceId = workspace.info.id;
    if (!m_session->waitingForTrust()) {
        checkAll(workspace);
        return;
    }
    if (m_yes) {
        if (m_err) {
            *m_err << tr("The workspace is not trusted to send its secrets; allowed for this run by --yes.")
                   << Qt::endl;
        }
        m_session->answerTrust({ true, false, tr("allowed by --yes") });
        checkAll(workspace);
        return;
    }
    if (!m_input || !m_input->isTerminal() || !m_err) {
        checkAll(workspace); // what needs a secret is reported as waiting for trust, and nothing of it is sent
        return;
    }
    *m_err << TrustCommand::question(workspace, WorkspaceTrust::commands(workspace))
           << tr("Trust this version of %1? [y/N] ").arg(workspace.filePath);
    m_err->flush();
    connect(m_input, &TerminalInput::lineRead, this, [this, workspace](const QString &answer) {
        m_input->disconnect(this);
        if (TrustCommand::isYes(answer)) {
            m_session->answerTrust({ true, true, {} });
        }
        checkAll(workspace);
    });
    connect(m_input, &TerminalInput::closed, this, [this, workspace] {
        m_input->disconnect(this);
        checkAll(workspace);
    });
    m_input->request();
}

void CheckCommand::checkAll(const Workspace &workspace)
{
    if (!workspace.kpis.isEmpty()) {
        m_kpis = new KpiCheck(workspace, m_session->kpiReader(), this);
        connect(m_kpis, &KpiCheck::finished, this, &CheckCommand::report);
    }
    const QSet<QString> held = m_session->heldForTrust().endpoints;
    for (const Endpoint &e : workspace.endpoints) {
        if (e.enabled) {
            m_order.insert(e.name, int(m_order.size()));
        }
        if (e.enabled && held.contains(e.name)) {
            // Never sent: UNKNOWN, as the monitoring-plugins convention has it for a check that could not be made.
            ProbeResult waiting;
            waiting.endpoint = e.name;
            waiting.state = EndpointState::Unknown;
            waiting.rawState = EndpointState::Unknown;
            waiting.error = tr("waiting for trust: its request carries a secret and this version of the workspace is "
                               "not trusted (opsdeck trust, or --yes); nothing was sent");
            m_results.append(waiting);
        }
    }
    m_expected = int(m_order.size());
    if (m_expected == 0 && !m_kpis) {
        *m_out << tr("%1: no enabled endpoints or KPIs to check").arg(m_path) << Qt::endl;
        finish(3);
        return;
    }
    if (m_results.size() == m_expected) {
        resultsIn();
        return;
    }
    // The session's engine has the workspace; in Once mode it reports raw states and runs only when asked.
    ProbeEngine *engine = m_session->probes();
    connect(engine, &ProbeEngine::resultReady, this, [this](const ProbeResult &result) {
        m_results.append(result);
        if (m_results.size() == m_expected) {
            resultsIn();
        }
    });
    engine->checkAllNow();
}

void CheckCommand::resultsIn()
{
    if (!m_kpis) {
        report();
        return;
    }
    // JSON and probe figures need the results; probe figures and error budgets the stored ones too.
    if (m_session->loadingProbeRecords()) {
        connect(m_session, &Session::probeRecordsLoaded, m_kpis, &KpiCheck::start, Qt::SingleShotConnection);
    } else {
        m_kpis->start();
    }
}

void CheckCommand::finish(int exitCode)
{
    m_exitCode = exitCode;
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(m_exitCode); }, Qt::QueuedConnection);
}

EndpointState CheckCommand::worstState(const QList<ProbeResult> &results)
{
    EndpointState worst = EndpointState::Ok;
    for (const ProbeResult &r : results) {
        if (severity(r.state) > severity(worst)) {
            worst = r.state;
        }
    }
    return worst;
}

QString CheckCommand::formatTable(const QList<ProbeResult> &results, const QHash<QString, QString> &impactedBy)
{
    const QStringList header { tr("ENDPOINT"), tr("STATE"), tr("LATENCY"), tr("DETAILS") };
    QList<QStringList> rows;
    const QLocale locale;
    for (const ProbeResult &r : results) {
        const QString latency = r.totalMs < 0 ? u"-"_s : tr("%1 ms").arg(locale.toString(qRound(r.totalMs)));
        const QString root = impactedBy.value(r.endpoint);
        QString detail = details(r);
        if (!root.isEmpty()) {
            detail = detail.isEmpty() ? tr("impacted by %1").arg(root) : tr("impacted by %1; %2").arg(root, detail);
        }
        rows.append({ r.endpoint, stateText(r.state), latency, detail });
    }
    QList<int> widths { TerminalText::width(header[0]), TerminalText::width(header[1]),
        TerminalText::width(header[2]) };
    for (const QStringList &row : rows) {
        for (int i = 0; i < 3; ++i) {
            widths[i] = std::max(widths[i], TerminalText::width(row[i]));
        }
    }
    QString text;
    const auto line = [&](const QStringList &cells) {
        QString l = TerminalText::padRight(cells[0], widths[0] + 2) + TerminalText::padRight(cells[1], widths[1] + 2)
            + TerminalText::padLeft(cells[2], widths[2]) + QLatin1String("  ") + cells[3];
        text += l.trimmed() + QLatin1Char('\n');
    };
    line(header);
    for (const QStringList &row : rows) {
        line(row);
    }
    return text;
}

QByteArray CheckCommand::formatJson(const QString &workspaceId, const QList<ProbeResult> &results, int exitCode,
    const QList<KpiCheck::Row> &kpis, const QHash<QString, QString> &impactedBy, const QString &location)
{
    QJsonArray endpoints;
    for (const ProbeResult &r : results) {
        QJsonObject o { { u"name"_s, r.endpoint }, { u"state"_s, endpointStateName(r.state) },
            { u"httpStatus"_s, r.httpStatus },
            { u"conditions"_s, QJsonDocument::fromJson(ProbeHistory::conditionsJson(r.conditions).toUtf8()).array() } };
        if (r.totalMs >= 0) {
            o.insert(u"totalMs"_s, r.totalMs);
        }
        // Phases in ms since the probe started; a phase that did not happen (no TLS, a reused connection) is left
        // out.
        QJsonObject timings;
        const auto phase = [&timings](const QString &name, double ms) {
            if (ms >= 0) {
                timings.insert(name, ms);
            }
        };
        phase(u"dnsMs"_s, r.dnsMs);
        phase(u"connectMs"_s, r.connectMs);
        phase(u"tlsMs"_s, r.tlsMs);
        phase(u"firstByteMs"_s, r.firstByteMs);
        phase(u"totalMs"_s, r.totalMs);
        if (!timings.isEmpty()) {
            o.insert(u"timings"_s, timings);
        }
        if (!r.ip.isEmpty()) {
            o.insert(u"ip"_s, r.ip);
        }
        if (!r.protocol.isEmpty()) {
            o.insert(u"protocol"_s, r.protocol);
        }
        if (!r.error.isEmpty()) {
            o.insert(u"error"_s, r.error);
        }
        if (const QString root = impactedBy.value(r.endpoint); !root.isEmpty()) {
            o.insert(u"impactedBy"_s, root);
        }
        if (r.certificateExpiry) {
            o.insert(u"certificateExpiry"_s, r.certificateExpiry->toUTC().toString(Qt::ISODate));
            o.insert(u"certificateDaysLeft"_s, QDateTime::currentDateTimeUtc().daysTo(*r.certificateExpiry));
        }
        if (!r.certificateChain.isEmpty()) {
            o.insert(u"certificateChain"_s, QJsonArray::fromStringList(r.certificateChain));
        }
        o.insert(u"kind"_s, r.kind);
        if (r.kind != u"http"_s) {
            o.insert(u"connected"_s, r.connected);
        }
        if (!r.dnsRcode.isEmpty()) {
            o.insert(u"dnsRcode"_s, r.dnsRcode);
        }
        if (r.kind != u"http"_s && !r.body.isEmpty()) {
            o.insert(u"body"_s, QString::fromUtf8(r.body)); // dns answers, tcp/tls answer (capped by max-body)
        }
        QJsonArray components;
        for (const HealthComponent &c : r.components) {
            QJsonObject co { { u"name"_s, c.name }, { u"status"_s, c.status } };
            if (c.responseTimeMs) {
                co.insert(u"responseTimeMs"_s, *c.responseTimeMs);
            }
            components.append(co);
        }
        if (!components.isEmpty()) {
            o.insert(u"components"_s, components);
        }
        endpoints.append(o);
    }
    // The worst of endpoints and KPIs, as the exit code (a KPI can be worse than every endpoint).
    const EndpointState worst = exitCode == 2 ? EndpointState::Critical
        : exitCode == 3                       ? EndpointState::Unknown
        : exitCode == 1                       ? EndpointState::Warning
                                              : EndpointState::Ok;
    QJsonObject root { { u"workspace"_s, workspaceId }, { u"state"_s, endpointStateName(worst) },
        { u"exitCode"_s, exitCode }, { u"endpoints"_s, endpoints } };
    if (!location.isEmpty()) {
        root.insert(u"location"_s, location);
    }
    if (!kpis.isEmpty()) {
        QJsonArray list;
        for (const KpiCheck::Row &row : kpis) {
            QJsonObject o { { u"id"_s, row.kpi.id }, { u"state"_s, KpiEvaluator::stateName(row.state) } };
            if (row.value && std::isfinite(*row.value)) {
                o.insert(u"value"_s, *row.value);
            }
            if (!row.kpi.unit.isEmpty()) {
                o.insert(u"unit"_s, row.kpi.unit);
            }
            if (!row.error.isEmpty()) {
                o.insert(u"error"_s, row.error);
            }
            list.append(o);
        }
        root.insert(u"kpis"_s, list);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void CheckCommand::report()
{
    // Each result's position looked up once, then sorted by it: O(N log N) for any number of endpoints.
    QList<std::pair<int, qsizetype>> order;
    order.reserve(m_results.size());
    for (qsizetype i = 0; i < m_results.size(); ++i) {
        order.append({ m_order.value(m_results.at(i).endpoint), i });
    }
    std::sort(order.begin(), order.end());
    QList<ProbeResult> sorted;
    sorted.reserve(m_results.size());
    for (const auto &[position, index] : std::as_const(order)) {
        sorted.append(std::move(m_results[index]));
    }
    m_results = std::move(sorted);
    const QList<KpiCheck::Row> kpis = m_kpis ? m_kpis->rows() : QList<KpiCheck::Row>();
    // Like the Health page: a result with a problem whose root cause (depends-on) is CRITICAL is impacted by it.
    QHash<QString, QString> impactedBy;
    for (const ProbeResult &r : std::as_const(m_results)) {
        const QString root = m_session->dependencies().rootCause(r.endpoint);
        if (!root.isEmpty() && r.state != EndpointState::Ok && r.state != EndpointState::Maintenance) {
            impactedBy.insert(r.endpoint, root);
        }
    }
    const EndpointState worst = worstState(m_results);
    const KpiState worstKpi = m_kpis ? m_kpis->worstState() : KpiState::Normal;
    const int code
        = combinedExitCode(m_results.isEmpty() ? 0 : monitoringExitCode(worst), KpiEvaluator::exitCode(worstKpi));
    if (m_format == Format::Json) {
        *m_out << QString::fromUtf8(formatJson(m_workspaceId, m_results, code, kpis, impactedBy, m_location));
    } else {
        if (!m_results.isEmpty()) {
            *m_out << formatTable(m_results, impactedBy);
            *m_out << (m_location.isEmpty()
                    ? tr("%1: %2 (%n endpoint(s) checked)", nullptr, int(m_results.size()))
                          .arg(m_workspaceId, stateText(worst))
                    : tr("%1: %2 (%n endpoint(s) checked from %3)", nullptr, int(m_results.size()))
                          .arg(m_workspaceId, stateText(worst), m_location))
                   << '\n';
        }
        if (!kpis.isEmpty()) {
            const QString language = uiLanguage();
            *m_out << (m_results.isEmpty() ? QString() : u"\n"_s) << KpiCheck::formatTable(kpis, language);
            *m_out << tr("%1: %2 (%n KPI(s) evaluated)", nullptr, int(kpis.size()))
                          .arg(m_workspaceId, KpiCheck::stateText(worstKpi))
                   << '\n';
        }
    }
    m_out->flush();
    saveThenFinish(code);
}

void CheckCommand::saveThenFinish(int exitCode)
{
    if (!records()) {
        finish(exitCode);
        return;
    }
    // Jobs run in order: once this read is answered the results' writes have committed (or failed, and said so).
    m_session->flushProbeHistory();
    m_session->storage()
        ->read(tr("Recording the results"), [](QSqlDatabase &) {})
        .then(this, [this, exitCode](const StorageResult<void> &) { finish(exitCode); });
}

int CheckCommand::combinedExitCode(int endpoints, int kpis)
{
    // CRITICAL (2) > UNKNOWN (3) > WARNING (1) > OK (0), like worstState().
    const auto rank = [](int code) { return code == 2 ? 3 : code == 3 ? 2 : code == 1 ? 1 : 0; };
    return rank(endpoints) >= rank(kpis) ? endpoints : kpis;
}
