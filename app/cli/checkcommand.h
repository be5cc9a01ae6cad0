// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpi/kpicheck.h"
#include "probe/proberesult.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTextStream>

class Session;
class TerminalInput;
struct Workspace;

// `opsdeck check WORKSPACE [--json]`: checks every enabled endpoint once (no failure thresholds: the raw state,
// or MAINTENANCE inside a window), then reads every KPI once against its thresholds, prints tables or JSON and
// finishes with the monitoring-plugins exit code of the worst state of both: 0 OK, 1 WARNING, 2 CRITICAL,
// 3 UNKNOWN (a KPI without a value is UNKNOWN). An invalid workspace prints its diagnostics and
// finishes with 3. Runs on the event loop; finished() is always emitted from it, never from inside start().
//
// With a database (--data-dir, --database or the workspace's storage key) the results are appended to the probe
// history the window and the agent keep, and probe and error-budget KPIs count the earlier results stored there,
// so repeated runs from cron add up to real uptime and error budgets. Without one nothing is written.
class CheckCommand final : public QObject
{
    Q_OBJECT

public:
    enum class Format { Table, Json };

    CheckCommand(const QString &workspacePath, Format format, QTextStream *out, QObject *parent = nullptr);
    ~CheckCommand() override;

    // Before start(): how to answer for a workspace version not trusted to send its secrets. `yes`: allowed for this
    // run only (--yes); else `input` on a terminal asks, and `err` shows what goes where. Otherwise (the default, a
    // pipe, cron) nothing carrying a secret is sent and those endpoints and KPIs are reported UNKNOWN, "waiting for
    // trust".
    void setTrustAnswer(bool yes, TerminalInput *input, QTextStream *err);
    // Before start(): the app's --database and --data-dir. A failed write is reported on `err` (set by
    // setTrustAnswer()); it does not change the exit code, which is about the checked services.
    void setStorage(const QString &database, const QString &dataDir);
    // Before start(): `--location NAME`, the location the results are probed from (in the JSON report and the summary
    // line), as an agent with --location would label them.
    void setLocation(const QString &location);
    void start();
    // Whether this run records its results (known once start() has read the workspace).
    bool records() const;
    int exitCode() const { return m_exitCode; }
    const QList<ProbeResult> &results() const { return m_results; }

    static EndpointState worstState(const QList<ProbeResult> &results);
    // The table lines for `results`, translated (no trailing summary). `impactedBy`: endpoint → the CRITICAL root
    // cause (depends-on) that impacts it.
    static QString formatTable(const QList<ProbeResult> &results, const QHash<QString, QString> &impactedBy = {});
    static QByteArray formatJson(const QString &workspaceId, const QList<ProbeResult> &results, int exitCode,
        const QList<KpiCheck::Row> &kpis = {}, const QHash<QString, QString> &impactedBy = {},
        const QString &location = {});
    // The exit code of the worse of two monitoring-plugins codes.
    static int combinedExitCode(int endpoints, int kpis);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void begin(const Workspace &workspace);
    void checkAll(const Workspace &workspace);
    void resultsIn();
    void finish(int exitCode);
    void report();
    void saveThenFinish(int exitCode);

    QString m_path;
    Format m_format;
    QTextStream *m_out;
    Session *m_session = nullptr;
    QString m_database;
    QString m_dataDir;
    bool m_writeFailed = false;
    KpiCheck *m_kpis = nullptr;
    QString m_workspaceId;
    QString m_location;
    QHash<QString, int> m_order; // endpoint name → its position in the workspace
    QList<ProbeResult> m_results;
    int m_expected = 0;
    int m_exitCode = 3;
    bool m_yes = false;
    TerminalInput *m_input = nullptr;
    QTextStream *m_err = nullptr;
};
