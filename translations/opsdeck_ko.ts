<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found (install kate-syntax-highlighter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About OpsDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpsDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An operations console for on-call engineers: KPIs, health checks, checklists, incidents and runbooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KDE syntax highlighter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time-series panels for response time (p50 and p95), error rate and request volume over 15 minutes to 30 days, with pan, zoom and threshold bands.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <source>Checklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s, this week&apos;s and this month&apos;s checklists: tick items, add notes and evidence, see what is overdue and sign off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <source>Coming in a later version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsBanner</name>
    <message numerus="yes">
        <source>Reloading %1 failed with %n problem(s); keeping the last good workspace.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 could not be opened: %n problem(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the file and save it; OpsDeck reloads it automatically.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every endpoint with its state and last latency, which condition failed and with what value, its check history and the raw response, highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open incidents first, with severity, status, commander, impact, SLA timers, an append-only timeline and post-mortem fields.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Storage unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpsDeck could not open its database. The database file was left untouched; OpsDeck continues read-only, so ticks, incidents and audit entries are not saved until this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpsDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — OpsDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About OpsDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refresh: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refresh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (reload failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage: not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage: opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage: open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage: failed, read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspaces (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workspace file with File &gt; Open Workspace, or start OpsDeck with --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace defines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runbooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live KPI tiles, firing alerts and the endpoint health summary will appear here in a later version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunbooksPage</name>
    <message>
        <source>Runbooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each runbook&apos;s ordered steps, run with confirmation, a live step log with the requests and responses, and the audit history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Screenshotter</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language %1 is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
