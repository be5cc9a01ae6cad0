<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <source>not found (install kate-syntax-highlighter)</source>
        <translation>not found (install kate-syntax-highlighter)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>About OpsDeck</source>
        <translation>About OpsDeck</translation>
    </message>
    <message>
        <source>OpsDeck</source>
        <translation>OpsDeck</translation>
    </message>
    <message>
        <source>An operations console for on-call engineers: KPIs, health checks, checklists, incidents and runbooks.</source>
        <translation>An operations console for on-call engineers: KPIs, health checks, checklists, incidents and runbooks.</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>KDE syntax highlighter</source>
        <translation>KDE syntax highlighter</translation>
    </message>
</context>
<context>
    <name>AckCommand</name>
    <message>
        <source>the incident is given by its number (as in #12), got &quot;%1&quot;</source>
        <translation>the incident is given by its number (as in #12), got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: the workspace is not valid; nothing was acknowledged</source>
        <translation>%1: the workspace is not valid; nothing was acknowledged</translation>
    </message>
    <message>
        <source>cannot open the database %1: %2; nothing was acknowledged</source>
        <translation>cannot open the database %1: %2; nothing was acknowledged</translation>
    </message>
    <message>
        <source>no operator name: give one with --by NAME</source>
        <translation>no operator name: give one with --by NAME</translation>
    </message>
    <message>
        <source>Acknowledging the incident %1</source>
        <translation>Acknowledging the incident %1</translation>
    </message>
    <message>
        <source>the acknowledgement could not be saved: %1</source>
        <translation>the acknowledgement could not be saved: %1</translation>
    </message>
    <message>
        <source>Incident %1 (%2) acknowledged by %3; its escalation stops.</source>
        <translation>Incident %1 (%2) acknowledged by %3; its escalation stops.</translation>
    </message>
    <message>
        <source>PagerDuty (%1) was not told: this workspace version is not trusted to send its secrets yet (opsdeck trust); the console that escalates tells it once it is</source>
        <translation>PagerDuty (%1) was not told: this workspace version is not trusted to send its secrets yet (opsdeck trust); the console that escalates tells it once it is</translation>
    </message>
    <message>
        <source>acknowledgement sent to %1</source>
        <translation>acknowledgement sent to %1</translation>
    </message>
    <message>
        <source>Recording the acknowledgement of incident %1 to %2</source>
        <translation>Recording the acknowledgement of incident %1 to %2</translation>
    </message>
    <message>
        <source>PagerDuty (%1) was not told: %2</source>
        <translation>PagerDuty (%1) was not told: %2</translation>
    </message>
    <message>
        <source>PagerDuty (%1) told: acknowledged.</source>
        <translation>PagerDuty (%1) told: acknowledged.</translation>
    </message>
    <message>
        <source>PagerDuty (%1) could not be told: %2</source>
        <translation>PagerDuty (%1) could not be told: %2</translation>
    </message>
</context>
<context>
    <name>ActionItemModel</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>(new action item)</source>
        <translation>(new action item)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>no action item in row %1</source>
        <translation>no action item in row %1</translation>
    </message>
</context>
<context>
    <name>AgentCommand</name>
    <message>
        <source>the workspace&apos;s commands (%1) are allowed by --yes</source>
        <translation>the workspace&apos;s commands (%1) are allowed by --yes</translation>
    </message>
    <message>
        <source>commands allowed by --yes</source>
        <translation>commands allowed by --yes</translation>
    </message>
    <message>
        <source>the workspace&apos;s commands are not allowed: the agent asks nobody; start it with --yes to allow them</source>
        <translation>the workspace&apos;s commands are not allowed: the agent asks nobody; start it with --yes to allow them</translation>
    </message>
    <message>
        <source>%1 did not load; the agent stops</source>
        <translation>%1 did not load; the agent stops</translation>
    </message>
    <message>
        <source>%1 did not load; the agent keeps watching with the last good version</source>
        <translation>%1 did not load; the agent keeps watching with the last good version</translation>
    </message>
    <message>
        <source>endpoint %1: %2 -&gt; %3</source>
        <translation>endpoint %1: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>, HTTP %1</source>
        <translation>, HTTP %1</translation>
    </message>
    <message>
        <source>KPI %1: %2 -&gt; %3 (%4)</source>
        <translation>KPI %1: %2 -&gt; %3 (%4)</translation>
    </message>
    <message>
        <source>held back by the rate limit</source>
        <translation>held back by the rate limit</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>notification %1 via %2 (%3): %4</source>
        <translation>notification %1 via %2 (%3): %4</translation>
    </message>
    <message>
        <source>incident %1 opened: %2</source>
        <translation>incident %1 opened: %2</translation>
    </message>
    <message>
        <source>checklist %1 is overdue</source>
        <translation>checklist %1 is overdue</translation>
    </message>
    <message>
        <source>storage %1 open (schema %2)</source>
        <translation>storage %1 open (schema %2)</translation>
    </message>
    <message>
        <source>storage did not open: %1</source>
        <translation>storage did not open: %1</translation>
    </message>
    <message>
        <source>team database reachable again</source>
        <translation>team database reachable again</translation>
    </message>
    <message>
        <source>team database unreachable: %1</source>
        <translation>team database unreachable: %1</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>cannot listen on %1: %2</translation>
    </message>
    <message>
        <source>serving /metrics, /healthz and /readyz to the network on %1, without authentication</source>
        <translation>serving /metrics, /healthz and /readyz to the network on %1, without authentication</translation>
    </message>
    <message>
        <source>serving /metrics, /healthz and /readyz on %1 port %2</source>
        <translation>serving /metrics, /healthz and /readyz on %1 port %2</translation>
    </message>
    <message>
        <source>watching %1%2</source>
        <translation>watching %1%2</translation>
    </message>
    <message>
        <source> from location %1</source>
        <translation> from location %1</translation>
    </message>
    <message>
        <source>workspace %1 loaded: %2 endpoints, %3 KPIs, %4 checklists, %5 notification routes; storage %6</source>
        <translation>workspace %1 loaded: %2 endpoints, %3 KPIs, %4 checklists, %5 notification routes; storage %6</translation>
    </message>
    <message>
        <source>reloading %1 (SIGHUP)</source>
        <translation>reloading %1 (SIGHUP)</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>stopping</translation>
    </message>
    <message>
        <source>stopped in %1 ms</source>
        <translation>stopped in %1 ms</translation>
    </message>
    <message>
        <source>%1: not valid; the agent would not start</source>
        <translation>%1: not valid; the agent would not start</translation>
    </message>
    <message>
        <source>workspace: %1 (%2)</source>
        <translation>workspace: %1 (%2)</translation>
    </message>
    <message>
        <source>storage: %1</source>
        <translation>storage: %1</translation>
    </message>
    <message>
        <source>location: %1</source>
        <translation>location: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>listen: %1</source>
        <translation>listen: %1</translation>
    </message>
    <message>
        <source>(off)</source>
        <translation>(off)</translation>
    </message>
    <message>
        <source>commands: %1</source>
        <translation>commands: %1</translation>
    </message>
    <message>
        <source>allowed (--yes)</source>
        <translation>allowed (--yes)</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>not allowed</translation>
    </message>
    <message>
        <source>probe %1 every %2: %3</source>
        <translation>probe %1 every %2: %3</translation>
    </message>
    <message>
        <source>KPI %1 every %2</source>
        <translation>KPI %1 every %2</translation>
    </message>
    <message>
        <source>%1 checklists, %2 notification providers, %3 notification routes, %4 secrets</source>
        <translation>%1 checklists, %2 notification providers, %3 notification routes, %4 secrets</translation>
    </message>
    <message>
        <source>%1: OK</source>
        <translation>%1: OK</translation>
    </message>
    <message>
        <source>the default location</source>
        <translation>the default location</translation>
    </message>
    <message>
        <source>probing for %1 as %2</source>
        <translation>probing for %1 as %2</translation>
    </message>
    <message>
        <source>another agent or console probes for %1; following its results</source>
        <translation>another agent or console probes for %1; following its results</translation>
    </message>
</context>
<context>
    <name>AlertModel</name>
    <message>
        <source>Since %1</source>
        <translation>Since %1</translation>
    </message>
    <message>
        <source>Silenced</source>
        <translation>Silenced</translation>
    </message>
</context>
<context>
    <name>AlertStrip</name>
    <message>
        <source>Alerts: no Alertmanager in this workspace</source>
        <translation>Alerts: no Alertmanager in this workspace</translation>
    </message>
    <message>
        <source>Alerts: none firing</source>
        <translation>Alerts: none firing</translation>
    </message>
    <message numerus="yes">
        <source>Alerts: %n firing</source>
        <translation>
            <numerusform>Alerts: %n firing</numerusform>
            <numerusform>Alerts: %n firing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n silenced</source>
        <translation>
            <numerusform>%n silenced</numerusform>
            <numerusform>%n silenced</numerusform>
        </translation>
    </message>
    <message>
        <source>Alertmanager unreachable</source>
        <translation>Alertmanager unreachable</translation>
    </message>
    <message>
        <source>Expire silence</source>
        <translation>Expire silence</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>Silence…</translation>
    </message>
</context>
<context>
    <name>AlertmanagerClient</name>
    <message>
        <source>not an Alertmanager API v2 answer: %1</source>
        <translation>not an Alertmanager API v2 answer: %1</translation>
    </message>
    <message>
        <source>expected a JSON array</source>
        <translation>expected a JSON array</translation>
    </message>
    <message>
        <source>the workspace sets no sources.alertmanager.url</source>
        <translation>the workspace sets no sources.alertmanager.url</translation>
    </message>
    <message>
        <source>no answer from Alertmanager</source>
        <translation>no answer from Alertmanager</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Alertmanager did not return a silence id</source>
        <translation>Alertmanager did not return a silence id</translation>
    </message>
    <message>
        <source>waiting for trust: this workspace version is not trusted to send its secrets to Alertmanager; nothing was sent</source>
        <translation>waiting for trust: this workspace version is not trusted to send its secrets to Alertmanager; nothing was sent</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>the last workspace %1 no longer exists; opening the demo</source>
        <translation>the last workspace %1 no longer exists; opening the demo</translation>
    </message>
    <message>
        <source>%1 (schema version %2)</source>
        <translation>%1 (schema version %2)</translation>
    </message>
    <message>
        <source>cannot open the database: %1</source>
        <translation>cannot open the database: %1</translation>
    </message>
    <message>
        <source>The demo service could not be started: %1</source>
        <translation>The demo service could not be started: %1</translation>
    </message>
    <message>
        <source>Demo unavailable</source>
        <translation>Demo unavailable</translation>
    </message>
    <message>
        <source>Checklist late</source>
        <translation>Checklist late</translation>
    </message>
    <message>
        <source>%1 was due at %2 and is not signed off</source>
        <translation>%1 was due at %2 and is not signed off</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>Open incident</translation>
    </message>
    <message>
        <source>Silence not created</source>
        <translation>Silence not created</translation>
    </message>
    <message>
        <source>Alertmanager refused the silence: %1</source>
        <translation>Alertmanager refused the silence: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Silence not expired</source>
        <translation>Silence not expired</translation>
    </message>
    <message>
        <source>Alertmanager refused to expire silence %1: %2</source>
        <translation>Alertmanager refused to expire silence %1: %2</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
</context>
<context>
    <name>AutoIncidentRules</name>
    <message>
        <source>Opened by rule %1: %2 CRITICAL for %3</source>
        <translation>Opened by rule %1: %2 CRITICAL for %3</translation>
    </message>
    <message>
        <source>Opened automatically by rule %1</source>
        <translation>Opened automatically by rule %1</translation>
    </message>
    <message>
        <source>%1 CRITICAL for %2: added to this incident by rule %3</source>
        <translation>%1 CRITICAL for %2: added to this incident by rule %3</translation>
    </message>
    <message>
        <source>Everything rule %1 watches is OK again: consider resolving this incident</source>
        <translation>Everything rule %1 watches is OK again: consider resolving this incident</translation>
    </message>
    <message>
        <source>Opened by rule %1 for the root cause %2 (CRITICAL); impacted: %3</source>
        <translation>Opened by rule %1 for the root cause %2 (CRITICAL); impacted: %3</translation>
    </message>
    <message>
        <source>%1 CRITICAL, impacted by %2: listed here by rule %3 instead of an incident of its own</source>
        <translation>%1 CRITICAL, impacted by %2: listed here by rule %3 instead of an incident of its own</translation>
    </message>
    <message>
        <source>Opened automatically by rule %1 for the root cause %2</source>
        <translation>Opened automatically by rule %1 for the root cause %2</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>No data in this range yet.</source>
        <translation>No data in this range yet.</translation>
    </message>
    <message>
        <source>The chart could not be loaded: %1</source>
        <translation>The chart could not be loaded: %1</translation>
    </message>
    <message>
        <source>No KPI selected</source>
        <translation>No KPI selected</translation>
    </message>
    <message>
        <source>Drag to zoom into a time span; +/- zoom, arrow keys pan, 0 resets.</source>
        <translation>Drag to zoom into a time span; +/- zoom, arrow keys pan, 0 resets.</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>MAINTENANCE</source>
        <translation>MAINTENANCE</translation>
    </message>
    <message>
        <source>PENDING</source>
        <translation>PENDING</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>UNKNOWN</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <source>%1 (cannot evaluate: %2)</source>
        <translation>%1 (cannot evaluate: %2)</translation>
    </message>
    <message>
        <source>%1: the workspace is not valid; nothing was checked</source>
        <translation>%1: the workspace is not valid; nothing was checked</translation>
    </message>
    <message>
        <source>ENDPOINT</source>
        <translation>ENDPOINT</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>LATENCY</source>
        <translation>LATENCY</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>DETAILS</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n endpoint(s) checked)</source>
        <translation>
            <numerusform>%1: %2 (%n endpoint checked)</numerusform>
            <numerusform>%1: %2 (%n endpoints checked)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no enabled endpoints or KPIs to check</source>
        <translation>%1: no enabled endpoints or KPIs to check</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n KPI(s) evaluated)</source>
        <translation>
            <numerusform>%1: %2 (%n KPI evaluated)</numerusform>
            <numerusform>%1: %2 (%n KPIs evaluated)</numerusform>
        </translation>
    </message>
    <message>
        <source>The workspace is not trusted to send its secrets; allowed for this run by --yes.</source>
        <translation>The workspace is not trusted to send its secrets; allowed for this run by --yes.</translation>
    </message>
    <message>
        <source>allowed by --yes</source>
        <translation>allowed by --yes</translation>
    </message>
    <message>
        <source>Trust this version of %1? [y/N] </source>
        <translation>Trust this version of %1? [y/N] </translation>
    </message>
    <message>
        <source>waiting for trust: its request carries a secret and this version of the workspace is not trusted (opsdeck trust, or --yes); nothing was sent</source>
        <translation>waiting for trust: its request carries a secret and this version of the workspace is not trusted (opsdeck trust, or --yes); nothing was sent</translation>
    </message>
    <message>
        <source>opsdeck: the results are not recorded: %1</source>
        <translation>opsdeck: the results are not recorded: %1</translation>
    </message>
    <message>
        <source>opsdeck: %1 failed: %2</source>
        <translation>opsdeck: %1 failed: %2</translation>
    </message>
    <message>
        <source>Recording the results</source>
        <translation>Recording the results</translation>
    </message>
    <message>
        <source>impacted by %1</source>
        <translation>impacted by %1</translation>
    </message>
    <message>
        <source>impacted by %1; %2</source>
        <translation>impacted by %1; %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n endpoint(s) checked from %3)</source>
        <translation>
            <numerusform>%1: %2 (%n endpoint checked from %3)</numerusform>
            <numerusform>%1: %2 (%n endpoints checked from %3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckExecutor</name>
    <message>
        <source>unknown expected state &quot;%1&quot;</source>
        <translation>unknown expected state &quot;%1&quot;</translation>
    </message>
    <message>
        <source>checking %1</source>
        <translation>checking %1</translation>
    </message>
    <message>
        <source>%1 is %2 (expected %3): %4</source>
        <translation>%1 is %2 (expected %3): %4</translation>
    </message>
</context>
<context>
    <name>ChecklistEvidence</name>
    <message>
        <source>%1: not verified (no probe result yet)</source>
        <translation>%1: not verified (no probe result yet)</translation>
    </message>
    <message>
        <source>%1: %2 (%3) at %4</source>
        <translation>%1: %2 (%3) at %4</translation>
    </message>
    <message>
        <source>%1: %2, expected %3 (%4) at %5</source>
        <translation>%1: %2, expected %3 (%4) at %5</translation>
    </message>
</context>
<context>
    <name>ChecklistExport</name>
    <message>
        <source>ticked</source>
        <translation>ticked</translation>
    </message>
    <message>
        <source>unticked</source>
        <translation>unticked</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Period: %1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <source>Signed by %1 at %2</source>
        <translation>Signed by %1 at %2</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Comment: %1</translation>
    </message>
    <message>
        <source>Not signed off</source>
        <translation>Not signed off</translation>
    </message>
    <message>
        <source>Progress: %1/%2</source>
        <translation>Progress: %1/%2</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1 by %2 at %3</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>%1: not verified (no probe result yet)</source>
        <translation>%1: not verified (no probe result yet)</translation>
    </message>
    <message>
        <source>%1: %2 (%3) at %4</source>
        <translation>%1: %2 (%3) at %4</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>Evidence: %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>%1 (conflict, not applied)</source>
        <translation>%1 (conflict, not applied)</translation>
    </message>
    <message>
        <source>Signed checklists, %1 to %2</source>
        <translation>Signed checklists, %1 to %2</translation>
    </message>
    <message>
        <source>No checklist was signed off in this period.</source>
        <translation>No checklist was signed off in this period.</translation>
    </message>
    <message numerus="yes">
        <source>%n signed checklist(s).</source>
        <translation>
            <numerusform>%n signed checklist.</numerusform>
            <numerusform>%n signed checklists.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistInstance</name>
    <message>
        <source>instance %1: the stored template is not valid JSON: %2</source>
        <translation>instance %1: the stored template is not valid JSON: %2</translation>
    </message>
</context>
<context>
    <name>ChecklistInstanceModel</name>
    <message>
        <source>Upcoming</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>Signed by %1</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ChecklistItemModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>unticked by %1, %2</source>
        <translation>unticked by %1, %2</translation>
    </message>
    <message>
        <source>skipped by %1, %2: %3</source>
        <translation>skipped by %1, %2: %3</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>unsaved: %1</source>
        <translation>unsaved: %1</translation>
    </message>
    <message>
        <source>conflict: %1</source>
        <translation>conflict: %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Done by</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>ChecklistSql</name>
    <message>
        <source>checklist instance %1 does not exist</source>
        <translation>checklist instance %1 does not exist</translation>
    </message>
    <message>
        <source>skipping &quot;%1&quot; needs a reason</source>
        <translation>skipping &quot;%1&quot; needs a reason</translation>
    </message>
    <message>
        <source>no operator name: set one in the settings</source>
        <translation>no operator name: set one in the settings</translation>
    </message>
    <message>
        <source>checklist instance %1 is signed off and can no longer change</source>
        <translation>checklist instance %1 is signed off and can no longer change</translation>
    </message>
    <message>
        <source>checklist instance %1 is already signed off by %2</source>
        <translation>checklist instance %1 is already signed off by %2</translation>
    </message>
    <message>
        <source>the checklist changed in another window since you opened it; review it and sign again</source>
        <translation>the checklist changed in another window since you opened it; review it and sign again</translation>
    </message>
    <message>
        <source>cannot sign off: items not ticked or skipped: %1</source>
        <translation>cannot sign off: items not ticked or skipped: %1</translation>
    </message>
</context>
<context>
    <name>ChecklistStore</name>
    <message>
        <source>checklist instance %1 is not loaded</source>
        <translation>checklist instance %1 is not loaded</translation>
    </message>
    <message>
        <source>%1 changed this item at %2 in another window; your change was recorded in the history but not applied</source>
        <translation>%1 changed this item at %2 in another window; your change was recorded in the history but not applied</translation>
    </message>
    <message>
        <source>this item changed in another window; your change was recorded in the history but not applied</source>
        <translation>this item changed in another window; your change was recorded in the history but not applied</translation>
    </message>
    <message>
        <source>Creating the checklists due</source>
        <translation>Creating the checklists due</translation>
    </message>
    <message>
        <source>Loading the checklists</source>
        <translation>Loading the checklists</translation>
    </message>
    <message>
        <source>Starting the checklist &quot;%1&quot;</source>
        <translation>Starting the checklist &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Reloading the checklist &quot;%1&quot;</source>
        <translation>Reloading the checklist &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Saving the tick on &quot;%1&quot; (%2)</source>
        <translation>Saving the tick on &quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <source>Saving the untick of &quot;%1&quot; (%2)</source>
        <translation>Saving the untick of &quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <source>Saving the skip of &quot;%1&quot; (%2)</source>
        <translation>Saving the skip of &quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <source>Signing off &quot;%1&quot;</source>
        <translation>Signing off &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <source>Checklists</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>Not signed: %1</translation>
    </message>
    <message>
        <source>Checklists could not be loaded: %1</source>
        <translation>Checklists could not be loaded: %1</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>Verification failed</translation>
    </message>
    <message>
        <source>The check for this item currently fails: %1

Tick it anyway?</source>
        <translation>The check for this item currently fails: %1

Tick it anyway?</translation>
    </message>
    <message>
        <source>Skip item</source>
        <translation>Skip item</translation>
    </message>
    <message>
        <source>Why is this item skipped?</source>
        <translation>Why is this item skipped?</translation>
    </message>
    <message>
        <source>An item is skipped only with a reason.</source>
        <translation>An item is skipped only with a reason.</translation>
    </message>
    <message>
        <source>Export checklist</source>
        <translation>Export checklist</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>No checklist selected</source>
        <translation>No checklist selected</translation>
    </message>
    <message>
        <source>%1 — signed by %2, %3</source>
        <translation>%1 — signed by %2, %3</translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <translation>%1/%2 done</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Note for the next tick (optional)</source>
        <translation>Note for the next tick (optional)</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>Skip…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>Sign off…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>This workspace has no checklists due yet.</source>
        <translation>This workspace has no checklists due yet.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>The database is not open.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>This checklist as Markdown…</source>
        <translation>This checklist as Markdown…</translation>
    </message>
    <message>
        <source>This checklist as PDF…</source>
        <translation>This checklist as PDF…</translation>
    </message>
    <message>
        <source>Signed checklists in a date range…</source>
        <translation>Signed checklists in a date range…</translation>
    </message>
    <message>
        <source>Only signed checklists are records that can be exported</source>
        <translation>Only signed checklists are records that can be exported</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <source>Coming in a later version</source>
        <translation>Coming in a later version</translation>
    </message>
</context>
<context>
    <name>CommandExecutor</name>
    <message>
        <source>killed at its %1 timeout</source>
        <translation>killed at its %1 timeout</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>could not start %1: %2</translation>
    </message>
    <message>
        <source>no command to run</source>
        <translation>no command to run</translation>
    </message>
    <message>
        <source>running %1</source>
        <translation>running %1</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 crashed</translation>
    </message>
    <message>
        <source>%1 exited with code %2</source>
        <translation>%1 exited with code %2</translation>
    </message>
    <message>
        <source>%1 exited with code 0</source>
        <translation>%1 exited with code 0</translation>
    </message>
    <message>
        <source>%1; nothing was run</source>
        <translation>%1; nothing was run</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>The workspace file (YAML) to open.</source>
        <translation>The workspace file (YAML) to open.</translation>
    </message>
    <message>
        <source>Start the bundled demo service and open the demo workspace against it.</source>
        <translation>Start the bundled demo service and open the demo workspace against it.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dir</translation>
    </message>
    <message>
        <source>User interface language: %1. Default: the last one chosen, else the system&apos;s.</source>
        <translation>User interface language: %1. Default: the last one chosen, else the system&apos;s.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>Save every page in each language to &lt;dir&gt; once the workspace has loaded, then quit.</source>
        <translation>Save every page in each language to &lt;dir&gt; once the workspace has loaded, then quit.</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; for --lang; available: %2</source>
        <translation>unknown language &quot;%1&quot; for --lang; available: %2</translation>
    </message>
    <message>
        <source>usage: opsdeck validate FILE</source>
        <translation>usage: opsdeck validate FILE</translation>
    </message>
    <message>
        <source>only one workspace file can be opened; got %1</source>
        <translation>only one workspace file can be opened; got %1</translation>
    </message>
    <message>
        <source>--demo opens the demo workspace; do not name a workspace file too</source>
        <translation>--demo opens the demo workspace; do not name a workspace file too</translation>
    </message>
    <message>
        <source>--json only applies to the check subcommand</source>
        <translation>--json only applies to the check subcommand</translation>
    </message>
    <message>
        <source>Wait &lt;ms&gt; milliseconds after the workspace has loaded before taking screenshots.</source>
        <translation>Wait &lt;ms&gt; milliseconds after the workspace has loaded before taking screenshots.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>--screenshot-delay expects milliseconds, got &quot;%1&quot;</source>
        <translation>--screenshot-delay expects milliseconds, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Team mode: keep the data in the shared PostgreSQL database at &lt;url&gt; (postgresql://user:${PASSWORD_VARIABLE}@host:port/database) instead of the local file; overrides the workspace&apos;s storage key.</source>
        <translation>Team mode: keep the data in the shared PostgreSQL database at &lt;url&gt; (postgresql://user:${PASSWORD_VARIABLE}@host:port/database) instead of the local file; overrides the workspace&apos;s storage key.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>--database: %1</source>
        <translation>--database: %1</translation>
    </message>
    <message>
        <source>expected a postgresql:// URL</source>
        <translation>expected a postgresql:// URL</translation>
    </message>
    <message>
        <source>usage: opsdeck secret set|delete NAME</source>
        <translation>usage: opsdeck secret set|delete NAME</translation>
    </message>
    <message>
        <source>usage: opsdeck runbook WORKSPACE RUNBOOK-ID [--yes]</source>
        <translation>usage: opsdeck runbook WORKSPACE RUNBOOK-ID [--yes]</translation>
    </message>
    <message>
        <source>runbook: print the runbook ids of the workspace, one a line.</source>
        <translation>runbook: print the runbook ids of the workspace, one a line.</translation>
    </message>
    <message>
        <source>usage: opsdeck runbook --list-ids WORKSPACE</source>
        <translation>usage: opsdeck runbook --list-ids WORKSPACE</translation>
    </message>
    <message>
        <source>check: print the results as JSON; import: print the report as JSON.</source>
        <translation>check: print the results as JSON; import: print the report as JSON.</translation>
    </message>
    <message>
        <source>import: write the workspace to &lt;file&gt; instead of standard output.</source>
        <translation>import: write the workspace to &lt;file&gt; instead of standard output.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>import: the value of a dashboard template variable, as NAME=VALUE (repeatable).</source>
        <translation>import: the value of a dashboard template variable, as NAME=VALUE (repeatable).</translation>
    </message>
    <message>
        <source>var</source>
        <translation>var</translation>
    </message>
    <message>
        <source>import: overwrite the -o file if it exists.</source>
        <translation>import: overwrite the -o file if it exists.</translation>
    </message>
    <message>
        <source>--var expects NAME=VALUE, got &quot;%1&quot;</source>
        <translation>--var expects NAME=VALUE, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>import: add the imported items to the workspace &lt;file&gt; (kept as written; ids it already has are reported, not duplicated); the result goes to -o or standard output.</source>
        <translation>import: add the imported items to the workspace &lt;file&gt; (kept as written; ids it already has are reported, not duplicated); the result goes to -o or standard output.</translation>
    </message>
    <message>
        <source>-o, --merge, --var and --force only apply to the import subcommand</source>
        <translation>-o, --merge, --var and --force only apply to the import subcommand</translation>
    </message>
    <message>
        <source>usage: opsdeck trust WORKSPACE [--yes]</source>
        <translation>usage: opsdeck trust WORKSPACE [--yes]</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>agent: serve /metrics, /healthz and /readyz on &lt;address&gt; (ADDR:PORT, or PORT for 127.0.0.1).</source>
        <translation>agent: serve /metrics, /healthz and /readyz on &lt;address&gt; (ADDR:PORT, or PORT for 127.0.0.1).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <source>agent: validate the workspace, print what the agent would run and exit (0 valid, 1 not).</source>
        <translation>agent: validate the workspace, print what the agent would run and exit (0 valid, 1 not).</translation>
    </message>
    <message>
        <source>usage: opsdeck agent WORKSPACE [--location NAME] [--listen ADDR:PORT] [--check-config] [--yes]</source>
        <translation>usage: opsdeck agent WORKSPACE [--location NAME] [--listen ADDR:PORT] [--check-config] [--yes]</translation>
    </message>
    <message>
        <source>--listen expects ADDR:PORT or PORT, got &quot;%1&quot;</source>
        <translation>--listen expects ADDR:PORT or PORT, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>ack: who acknowledges (default: the operator name of the settings, else the user name).</source>
        <translation>ack: who acknowledges (default: the operator name of the settings, else the user name).</translation>
    </message>
    <message>
        <source>--by only applies to the ack subcommand</source>
        <translation>--by only applies to the ack subcommand</translation>
    </message>
    <message>
        <source>usage: opsdeck ack WORKSPACE INCIDENT [--by NAME]</source>
        <translation>usage: opsdeck ack WORKSPACE INCIDENT [--by NAME]</translation>
    </message>
    <message>
        <source>runbook: answer yes to every confirmation, manual step and workspace-trust question (unattended use); the audit rows say so. check: send the secrets of a workspace version not trusted yet, for this run only. trust: trust the workspace version without asking. agent: allow the workspace&apos;s secrets and commands unattended (logged).</source>
        <translation>runbook: answer yes to every confirmation, manual step and workspace-trust question (unattended use); the audit rows say so. check: send the secrets of a workspace version not trusted yet, for this run only. trust: trust the workspace version without asking. agent: allow the workspace&apos;s secrets and commands unattended (logged).</translation>
    </message>
    <message>
        <source>--yes only applies to the runbook, check, trust and agent subcommands</source>
        <translation>--yes only applies to the runbook, check, trust and agent subcommands</translation>
    </message>
    <message>
        <source>Keep the database in &lt;dir&gt; instead of the user&apos;s data directory. check: record the results there.</source>
        <translation>Keep the database in &lt;dir&gt; instead of the user&apos;s data directory. check: record the results there.</translation>
    </message>
    <message>
        <source>OpsDeck, an operations console for on-call engineers.

Without a workspace, OpsDeck opens the last one, or the built-in demo when there is none.
Subcommand:
  validate FILE  print the diagnostics of a workspace file; exit 0 when it is valid, 1 otherwise.
  check WORKSPACE  check every endpoint once and print a table (--json for machines); exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. What needs a secret of a workspace version not trusted yet is asked for on a terminal (--yes allows it for this run) and is otherwise UNKNOWN, waiting for trust, and not sent. With --data-dir, --database or the workspace&apos;s storage key the results are added to the probe history (uptime and error budgets count them).
  runbook WORKSPACE RUNBOOK-ID  run a runbook step by step, asking before every state-changing step (--yes answers for unattended use); exit 0 every step succeeded, 1 a step failed, 2 bad usage, 3 declined or interrupted.
  trust WORKSPACE  print which secret the workspace sends to which hosts and which commands it runs, then trust this version of the file (asked, or --yes); exit 0 trusted, 1 not trusted, 2 not valid.
  secret set|delete NAME  store (value from standard input) or remove the OS keychain entry that ${NAME} resolves from when the environment has no NAME.
  import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE...  turn alerting rules or dashboard panels into a workspace&apos;s KPI tiles, or a Gatus configuration (files or a directory), an Uptime Kuma kuma.db or blackbox_exporter modules into endpoints and notifications (-o FILE, else standard output; --var NAME=VALUE for dashboard variables; --json for the report); exit 0 written, 1 nothing importable, 2 bad usage or a malformed file.
  agent WORKSPACE  watch without a window: probes, KPIs, checklists, incidents and notifications into the database, one log line per event on standard error; reloads on SIGHUP, stops on SIGTERM.
  ack WORKSPACE INCIDENT  acknowledge an incident in the workspace&apos;s database (--by NAME), which stops its escalation; exit 0 acknowledged, 1 no such incident, 2 bad usage, 3 already acknowledged, 4 resolved.</source>
        <translation>OpsDeck, an operations console for on-call engineers.

Without a workspace, OpsDeck opens the last one, or the built-in demo when there is none.
Subcommand:
  validate FILE  print the diagnostics of a workspace file; exit 0 when it is valid, 1 otherwise.
  check WORKSPACE  check every endpoint once and print a table (--json for machines); exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. What needs a secret of a workspace version not trusted yet is asked for on a terminal (--yes allows it for this run) and is otherwise UNKNOWN, waiting for trust, and not sent. With --data-dir, --database or the workspace&apos;s storage key the results are added to the probe history (uptime and error budgets count them).
  runbook WORKSPACE RUNBOOK-ID  run a runbook step by step, asking before every state-changing step (--yes answers for unattended use); exit 0 every step succeeded, 1 a step failed, 2 bad usage, 3 declined or interrupted.
  trust WORKSPACE  print which secret the workspace sends to which hosts and which commands it runs, then trust this version of the file (asked, or --yes); exit 0 trusted, 1 not trusted, 2 not valid.
  secret set|delete NAME  store (value from standard input) or remove the OS keychain entry that ${NAME} resolves from when the environment has no NAME.
  import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE...  turn alerting rules or dashboard panels into a workspace&apos;s KPI tiles, or a Gatus configuration (files or a directory), an Uptime Kuma kuma.db or blackbox_exporter modules into endpoints and notifications (-o FILE, else standard output; --var NAME=VALUE for dashboard variables; --json for the report); exit 0 written, 1 nothing importable, 2 bad usage or a malformed file.
  agent WORKSPACE  watch without a window: probes, KPIs, checklists, incidents and notifications into the database, one log line per event on standard error; reloads on SIGHUP, stops on SIGTERM.
  ack WORKSPACE INCIDENT  acknowledge an incident in the workspace&apos;s database (--by NAME), which stops its escalation; exit 0 acknowledged, 1 no such incident, 2 bad usage, 3 already acknowledged, 4 resolved.</translation>
    </message>
    <message>
        <source>agent and the window: the place this process probes from (team mode: one prober per workspace and location; results carry it). check: the location the results are reported from.</source>
        <translation>agent and the window: the place this process probes from (team mode: one prober per workspace and location; results carry it). check: the location the results are reported from.</translation>
    </message>
    <message>
        <source>usage: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o WORKSPACE.yaml] [--merge EXISTING.yaml] [--var NAME=VALUE] [--json] [--force]</source>
        <translation>usage: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o WORKSPACE.yaml] [--merge EXISTING.yaml] [--var NAME=VALUE] [--json] [--force]</translation>
    </message>
    <message>
        <source>--listen and --check-config only apply to the agent subcommand</source>
        <translation>--listen and --check-config only apply to the agent subcommand</translation>
    </message>
    <message>
        <source>--location only applies to the agent and check subcommands and the window</source>
        <translation>--location only applies to the agent and check subcommands and the window</translation>
    </message>
    <message>
        <source>usage: opsdeck check WORKSPACE [--json] [--yes] [--data-dir DIR] [--database URL] [--location NAME]</source>
        <translation>usage: opsdeck check WORKSPACE [--json] [--yes] [--data-dir DIR] [--database URL] [--location NAME]</translation>
    </message>
    <message>
        <source>Open the war-room screen full screen (for a wall display; read-only unless the workspace sets incidents.war-room-acknowledge) instead of the main window.</source>
        <translation>Open the war-room screen full screen (for a wall display; read-only unless the workspace sets incidents.war-room-acknowledge) instead of the main window.</translation>
    </message>
</context>
<context>
    <name>Condition</name>
    <message>
        <source>[CERTIFICATE_EXPIRATION]: the response has no TLS certificate</source>
        <translation>[CERTIFICATE_EXPIRATION]: the response has no TLS certificate</translation>
    </message>
    <message>
        <source>%1 is not supported by OpsDeck</source>
        <translation>%1 is not supported by OpsDeck</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalid</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number or a duration, so it cannot be compared with %2</source>
        <translation>&quot;%1&quot; is not a number or a duration, so it cannot be compared with %2</translation>
    </message>
    <message>
        <source>%1 is not a number (&quot;%2&quot;), so it cannot be compared with %3</source>
        <translation>%1 is not a number (&quot;%2&quot;), so it cannot be compared with %3</translation>
    </message>
    <message>
        <source>no elements</source>
        <translation>no elements</translation>
    </message>
    <message>
        <source>the array is empty</source>
        <translation>the array is empty</translation>
    </message>
    <message numerus="yes">
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>missing &quot;)&quot; to close &quot;%1&quot;</source>
        <translation>missing &quot;)&quot; to close &quot;%1&quot;</translation>
    </message>
    <message>
        <source>missing &quot;)&quot; to close &quot;%1(&quot;</source>
        <translation>missing &quot;)&quot; to close &quot;%1(&quot;</translation>
    </message>
    <message>
        <source>any() needs at least one value</source>
        <translation>any() needs at least one value</translation>
    </message>
    <message>
        <source>%1() expects a placeholder such as [BODY].items</source>
        <translation>%1() expects a placeholder such as [BODY].items</translation>
    </message>
    <message>
        <source>only [BODY] can be followed by a path</source>
        <translation>only [BODY] can be followed by a path</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>column %1: %2</translation>
    </message>
    <message>
        <source>the condition is empty; expected a comparison such as &quot;[STATUS] == 200&quot;</source>
        <translation>the condition is empty; expected a comparison such as &quot;[STATUS] == 200&quot;</translation>
    </message>
    <message>
        <source>expected an operator (==, !=, &lt;, &lt;=, &gt;, &gt;=) after &quot;%1&quot;</source>
        <translation>expected an operator (==, !=, &lt;, &lt;=, &gt;, &gt;=) after &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a comparison such as &quot;[STATUS] == 200&quot; (==, !=, &lt;, &lt;=, &gt;, &gt;= with a space on each side)</source>
        <translation>expected a comparison such as &quot;[STATUS] == 200&quot; (==, !=, &lt;, &lt;=, &gt;, &gt;= with a space on each side)</translation>
    </message>
    <message>
        <source>expected a value after &quot;%1&quot;</source>
        <translation>expected a value after &quot;%1&quot;</translation>
    </message>
    <message>
        <source>pat() and any() cannot be compared with each other</source>
        <translation>pat() and any() cannot be compared with each other</translation>
    </message>
    <message>
        <source>%1 can only be used with == or !=</source>
        <translation>%1 can only be used with == or !=</translation>
    </message>
    <message>
        <source>only one side of a condition can use [*]</source>
        <translation>only one side of a condition can use [*]</translation>
    </message>
    <message>
        <source>[DNS_RCODE]: no DNS answer</source>
        <translation>[DNS_RCODE]: no DNS answer</translation>
    </message>
    <message>
        <source>unknown placeholder &quot;%1&quot;; expected [STATUS], [RESPONSE_TIME], [BODY], [IP], [CONNECTED], [CERTIFICATE_EXPIRATION] or [DNS_RCODE]</source>
        <translation>unknown placeholder &quot;%1&quot;; expected [STATUS], [RESPONSE_TIME], [BODY], [IP], [CONNECTED], [CERTIFICATE_EXPIRATION] or [DNS_RCODE]</translation>
    </message>
</context>
<context>
    <name>ConditionContext</name>
    <message>
        <source>the body is empty, not JSON</source>
        <translation>the body is empty, not JSON</translation>
    </message>
    <message>
        <source>the body is not JSON (it starts with &quot;%1&quot;)</source>
        <translation>the body is not JSON (it starts with &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>more than one value</source>
        <translation>more than one value</translation>
    </message>
    <message>
        <source>the body is not JSON (%1 at byte %2)</source>
        <translation>the body is not JSON (%1 at byte %2)</translation>
    </message>
</context>
<context>
    <name>ConfirmStepDialog</name>
    <message>
        <source>Run this step?</source>
        <translation>Run this step?</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; changes the state of a live system.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; changes the state of a live system.</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Environment:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Command:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Method:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>This is &lt;b&gt;%1&lt;/b&gt;. Type the environment&apos;s name to run the step:</source>
        <translation>This is &lt;b&gt;%1&lt;/b&gt;. Type the environment&apos;s name to run the step:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Do not run</source>
        <translation>Do not run</translation>
    </message>
</context>
<context>
    <name>CurlProbe</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1; nothing was sent</translation>
    </message>
    <message>
        <source>not an http or https URL: %1</source>
        <translation>not an http or https URL: %1</translation>
    </message>
    <message>
        <source>ca-file %1 holds no readable PEM certificate</source>
        <translation>ca-file %1 holds no readable PEM certificate</translation>
    </message>
    <message>
        <source>libcurl could not create the request; nothing was sent</source>
        <translation>libcurl could not create the request; nothing was sent</translation>
    </message>
    <message>
        <source>no complete answer within the %1 deadline</source>
        <translation>no complete answer within the %1 deadline</translation>
    </message>
    <message>
        <source>response headers larger than the %1 cap</source>
        <translation>response headers larger than the %1 cap</translation>
    </message>
    <message>
        <source>malformed framing: invalid Content-Length &quot;%1&quot;</source>
        <translation>malformed framing: invalid Content-Length &quot;%1&quot;</translation>
    </message>
    <message>
        <source>malformed framing: different Content-Length values (%1)</source>
        <translation>malformed framing: different Content-Length values (%1)</translation>
    </message>
    <message>
        <source>body refused: it is %1-encoded although only an uncompressed body was accepted</source>
        <translation>body refused: it is %1-encoded although only an uncompressed body was accepted</translation>
    </message>
    <message>
        <source>body larger than the %1 cap (Content-Length: %2)</source>
        <translation>body larger than the %1 cap (Content-Length: %2)</translation>
    </message>
    <message>
        <source>body larger than the %1 cap</source>
        <translation>body larger than the %1 cap</translation>
    </message>
    <message>
        <source>refused a redirect from https to %1 (%2)</source>
        <translation>refused a redirect from https to %1 (%2)</translation>
    </message>
    <message>
        <source>refused a redirect to %1</source>
        <translation>refused a redirect to %1</translation>
    </message>
    <message>
        <source>redirect loop: %1 was already visited</source>
        <translation>redirect loop: %1 was already visited</translation>
    </message>
    <message numerus="yes">
        <source>more than %n redirect(s)</source>
        <translation>
            <numerusform>more than %n redirect</numerusform>
            <numerusform>more than %n redirects</numerusform>
        </translation>
    </message>
    <message>
        <source>could not connect to %1: %2</source>
        <translation>could not connect to %1: %2</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS handshake failed: %1</translation>
    </message>
    <message>
        <source>not an HTTP answer: the server did not start with an HTTP status line (another protocol on this port, such as SSH?)</source>
        <translation>not an HTTP answer: the server did not start with an HTTP status line (another protocol on this port, such as SSH?)</translation>
    </message>
    <message>
        <source>malformed framing: %1</source>
        <translation>malformed framing: %1</translation>
    </message>
    <message>
        <source>connection failed while receiving: %1</source>
        <translation>connection failed while receiving: %1</translation>
    </message>
    <message>
        <source>connection closed before the whole body arrived (%1)</source>
        <translation>connection closed before the whole body arrived (%1)</translation>
    </message>
    <message>
        <source>the connection closed before any answer; the request was not sent again</source>
        <translation>the connection closed before any answer; the request was not sent again</translation>
    </message>
    <message>
        <source>a response header line larger than %1</source>
        <translation>a response header line larger than %1</translation>
    </message>
    <message>
        <source>HTTP/2 error: %1</source>
        <translation>HTTP/2 error: %1</translation>
    </message>
    <message>
        <source>Host %1 not found</source>
        <translation>Host %1 not found</translation>
    </message>
    <message>
        <source>Connection refused (%1)</source>
        <translation>Connection refused (%1)</translation>
    </message>
    <message>
        <source>refused a redirect to another origin (%1): the request body holds a secret</source>
        <translation>refused a redirect to another origin (%1): the request body holds a secret</translation>
    </message>
</context>
<context>
    <name>DatabaseTarget</name>
    <message>
        <source>the database URL refers to the environment variable %1, which is not set</source>
        <translation>the database URL refers to the environment variable %1, which is not set</translation>
    </message>
    <message>
        <source>no database given</source>
        <translation>no database given</translation>
    </message>
    <message>
        <source>the database password refers to the environment variable %1, which is not set</source>
        <translation>the database password refers to the environment variable %1, which is not set</translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL) is not available; install libqt6sql6-psql</source>
        <translation>the Qt PostgreSQL driver (QPSQL) is not available; install libqt6sql6-psql</translation>
    </message>
    <message>
        <source>cannot connect (%1)</source>
        <translation>cannot connect (%1)</translation>
    </message>
    <message>
        <source>the database URL must look like postgresql://user@host:port/database</source>
        <translation>the database URL must look like postgresql://user@host:port/database</translation>
    </message>
    <message>
        <source>the database URL has an invalid port %1</source>
        <translation>the database URL has an invalid port %1</translation>
    </message>
    <message>
        <source>the database URL contains a password; write ${NAME} instead and set the environment variable NAME, so that the password stays out of files and logs</source>
        <translation>the database URL contains a password; write ${NAME} instead and set the environment variable NAME, so that the password stays out of files and logs</translation>
    </message>
</context>
<context>
    <name>DeclaredSecrets</name>
    <message>
        <source>%1 is not declared in the workspace&apos;s secrets</source>
        <translation>%1 is not declared in the workspace&apos;s secrets</translation>
    </message>
</context>
<context>
    <name>DeliveryLedger</name>
    <message>
        <source>Claiming the notification %1 on route %2</source>
        <translation>Claiming the notification %1 on route %2</translation>
    </message>
    <message>
        <source>Recording the notification %1 on route %2</source>
        <translation>Recording the notification %1 on route %2</translation>
    </message>
    <message>
        <source>Taking over notifications left unsent</source>
        <translation>Taking over notifications left unsent</translation>
    </message>
</context>
<context>
    <name>DemoLauncher</name>
    <message>
        <source>The demo service %1 did not report its address within %2 seconds.</source>
        <translation>The demo service %1 did not report its address within %2 seconds.</translation>
    </message>
    <message>
        <source>The demo service is already running.</source>
        <translation>The demo service is already running.</translation>
    </message>
    <message>
        <source>The demo service was not found at %1 (set by OPSDECK_DEMO_SERVICE).</source>
        <translation>The demo service was not found at %1 (set by OPSDECK_DEMO_SERVICE).</translation>
    </message>
    <message>
        <source>The demo service (%1) was not found. Looked in: %2, and the folders in PATH.</source>
        <translation>The demo service (%1) was not found. Looked in: %2, and the folders in PATH.</translation>
    </message>
    <message>
        <source>The demo service %1 printed no address line.</source>
        <translation>The demo service %1 printed no address line.</translation>
    </message>
    <message>
        <source>The demo service %1 printed an unexpected first line: %2</source>
        <translation>The demo service %1 printed an unexpected first line: %2</translation>
    </message>
    <message>
        <source>The built-in demo workspace is missing from the application: %1</source>
        <translation>The built-in demo workspace is missing from the application: %1</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1 for the demo workspace.</source>
        <translation>Cannot create the data folder %1 for the demo workspace.</translation>
    </message>
    <message>
        <source>Cannot write the demo workspace %1: %2</source>
        <translation>Cannot write the demo workspace %1: %2</translation>
    </message>
    <message>
        <source>The demo service %1 crashed before it was ready.</source>
        <translation>The demo service %1 crashed before it was ready.</translation>
    </message>
    <message>
        <source>The demo service %1 exited before it was ready (exit code %2).</source>
        <translation>The demo service %1 exited before it was ready (exit code %2).</translation>
    </message>
    <message>
        <source>Could not start the demo service %1: %2</source>
        <translation>Could not start the demo service %1: %2</translation>
    </message>
</context>
<context>
    <name>DependencyGraph</name>
    <message>
        <source>group %1</source>
        <translation>group %1</translation>
    </message>
</context>
<context>
    <name>DiagnosticsBanner</name>
    <message numerus="yes">
        <source>Reloading %1 failed with %n problem(s); keeping the last good workspace.</source>
        <translation>
            <numerusform>Reloading %1 failed with %n problem; keeping the last good workspace.</numerusform>
            <numerusform>Reloading %1 failed with %n problems; keeping the last good workspace.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 could not be opened: %n problem(s).</source>
        <translation>
            <numerusform>%1 could not be opened: %n problem.</numerusform>
            <numerusform>%1 could not be opened: %n problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the file and save it; OpsDeck reloads it automatically.</source>
        <translation>Fix the file and save it; OpsDeck reloads it automatically.</translation>
    </message>
</context>
<context>
    <name>DnsCheck</name>
    <message>
        <source>the DNS server must be an IP address, got &quot;%1&quot;</source>
        <translation>the DNS server must be an IP address, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no dns query-name or query-type</source>
        <translation>no dns query-name or query-type</translation>
    </message>
    <message>
        <source>not a usable DNS server: %1</source>
        <translation>not a usable DNS server: %1</translation>
    </message>
    <message>
        <source>not a valid DNS name: %1</source>
        <translation>not a valid DNS name: %1</translation>
    </message>
    <message>
        <source>no answer from the DNS server %1 within the %2 deadline</source>
        <translation>no answer from the DNS server %1 within the %2 deadline</translation>
    </message>
    <message>
        <source>the DNS server %1 refused the connection (nothing listens there)</source>
        <translation>the DNS server %1 refused the connection (nothing listens there)</translation>
    </message>
    <message>
        <source>DNS query to %1 failed: %2</source>
        <translation>DNS query to %1 failed: %2</translation>
    </message>
    <message>
        <source>malformed DNS answer from %1: %2</source>
        <translation>malformed DNS answer from %1: %2</translation>
    </message>
    <message>
        <source>shorter than a DNS header</source>
        <translation>shorter than a DNS header</translation>
    </message>
    <message>
        <source>truncated question</source>
        <translation>truncated question</translation>
    </message>
    <message>
        <source>truncated answer record</source>
        <translation>truncated answer record</translation>
    </message>
    <message>
        <source>a record of the asked type with a malformed value</source>
        <translation>a record of the asked type with a malformed value</translation>
    </message>
</context>
<context>
    <name>EndpointConditions</name>
    <message>
        <source>invalid condition: %1</source>
        <translation>invalid condition: %1</translation>
    </message>
</context>
<context>
    <name>EndpointDetailView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>History: %1 % up over the last checks (%2)</source>
        <translation>History: %1 % up over the last checks (%2)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>No result yet</translation>
    </message>
    <message>
        <source>none (no response)</source>
        <translation>none (no response)</translation>
    </message>
    <message>
        <source>warn-condition</source>
        <translation>warn-condition</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>condition</translation>
    </message>
    <message>
        <source>Failing makes the endpoint WARNING</source>
        <translation>Failing makes the endpoint WARNING</translation>
    </message>
    <message>
        <source>Failing makes the endpoint CRITICAL</source>
        <translation>Failing makes the endpoint CRITICAL</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Failed: warning</source>
        <translation>Failed: warning</translation>
    </message>
    <message>
        <source>Failed: critical</source>
        <translation>Failed: critical</translation>
    </message>
    <message>
        <source>Cannot evaluate: %1</source>
        <translation>Cannot evaluate: %1</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>total %1</translation>
    </message>
    <message>
        <source>connect %1</source>
        <translation>connect %1</translation>
    </message>
    <message>
        <source>TLS %1</source>
        <translation>TLS %1</translation>
    </message>
    <message>
        <source>first byte %1</source>
        <translation>first byte %1</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>not measured</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>expired on %1</source>
        <translation>expired on %1</translation>
    </message>
    <message>
        <source>expires %1 (%2 left)</source>
        <translation>expires %1 (%2 left)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (%2 ago)</translation>
    </message>
    <message>
        <source>Select an endpoint to see what its last check found.</source>
        <translation>Select an endpoint to see what its last check found.</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
    <message>
        <source>Probe this endpoint again right away</source>
        <translation>Probe this endpoint again right away</translation>
    </message>
    <message>
        <source>Checked:</source>
        <translation>Checked:</translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation>HTTP status:</translation>
    </message>
    <message>
        <source>Timings:</source>
        <translation>Timings:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Error:</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Actual value</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>Response time</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Open incident…</source>
        <translation>Open incident…</translation>
    </message>
    <message>
        <source>Start an incident for this endpoint with the last result as evidence</source>
        <translation>Start an incident for this endpoint with the last result as evidence</translation>
    </message>
    <message>
        <source>DNS %1</source>
        <translation>DNS %1</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Certificate chain as the server sent it:
%1</source>
        <translation>Certificate chain as the server sent it:
%1</translation>
    </message>
    <message>
        <source>no DNS answer</source>
        <translation>no DNS answer</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n answer(s)</source>
        <translation>
            <numerusform>%1, %n answer</numerusform>
            <numerusform>%1, %n answers</numerusform>
        </translation>
    </message>
    <message>
        <source>echo reply from %1</source>
        <translation>echo reply from %1</translation>
    </message>
    <message>
        <source>no echo reply</source>
        <translation>no echo reply</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>connected to %1</translation>
    </message>
    <message numerus="yes">
        <source>connected to %1, %n byte(s) read</source>
        <translation>
            <numerusform>connected to %1, %n byte read</numerusform>
            <numerusform>connected to %1, %n bytes read</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 is CRITICAL and this endpoint depends on it: its notifications wait until %1 recovers.</source>
        <translation>%1 is CRITICAL and this endpoint depends on it: its notifications wait until %1 recovers.</translation>
    </message>
    <message>
        <source>the default location</source>
        <translation>the default location</translation>
    </message>
    <message>
        <source>checked by %1 at %2, %3</source>
        <translation>checked by %1 at %2, %3</translation>
    </message>
    <message>
        <source>%1: %2, checked by %3, %4</source>
        <translation>%1: %2, checked by %3, %4</translation>
    </message>
</context>
<context>
    <name>EndpointKinds</name>
    <message>
        <source>no host in &quot;%1&quot;</source>
        <translation>no host in &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a path; %2:// takes only a host and port</source>
        <translation>&quot;%1&quot; has a path; %2:// takes only a host and port</translation>
    </message>
    <message>
        <source>no port in &quot;%1&quot;; %2:// needs host:port</source>
        <translation>no port in &quot;%1&quot;; %2:// needs host:port</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a port; icmp:// takes only a host</source>
        <translation>&quot;%1&quot; has a port; icmp:// takes only a host</translation>
    </message>
</context>
<context>
    <name>EndpointModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>Ungrouped</source>
        <translation>Ungrouped</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>No result yet</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Waiting for trust</source>
        <translation>Waiting for trust</translation>
    </message>
    <message>
        <source>%1
%2
Not checked: its request carries a secret, and this version of the workspace is not trusted yet.</source>
        <translation>%1
%2
Not checked: its request carries a secret, and this version of the workspace is not trusted yet.</translation>
    </message>
    <message>
        <source>Impacted</source>
        <translation>Impacted</translation>
    </message>
    <message>
        <source>impacted by %1</source>
        <translation>impacted by %1</translation>
    </message>
    <message>
        <source>%1
%2
%3, %4: its notifications wait until %5 recovers.</source>
        <translation>%1
%2
%3, %4: its notifications wait until %5 recovers.</translation>
    </message>
</context>
<context>
    <name>EndpointSummary</name>
    <message>
        <source>Endpoints: not being checked</source>
        <translation>Endpoints: not being checked</translation>
    </message>
    <message numerus="yes">
        <source>%n OK</source>
        <translation>
            <numerusform>%n OK</numerusform>
            <numerusform>%n OK</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warning</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n critical</numerusform>
            <numerusform>%n critical</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unknown</numerusform>
            <numerusform>%n unknown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in maintenance</source>
        <translation>
            <numerusform>%n in maintenance</numerusform>
            <numerusform>%n in maintenance</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not checked yet</source>
        <translation>
            <numerusform>%n not checked yet</numerusform>
            <numerusform>%n not checked yet</numerusform>
        </translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>Endpoints:</translation>
    </message>
</context>
<context>
    <name>EscalationEngine</name>
    <message>
        <source>No escalation policy</source>
        <translation>No escalation policy</translation>
    </message>
    <message>
        <source>policy %1, no level notified yet</source>
        <translation>policy %1, no level notified yet</translation>
    </message>
    <message>
        <source>policy %1, level %2 of %3 notified</source>
        <translation>policy %1, level %2 of %3 notified</translation>
    </message>
    <message>
        <source>Escalation stopped: acknowledged (%1)</source>
        <translation>Escalation stopped: acknowledged (%1)</translation>
    </message>
    <message>
        <source>Escalation ended: resolved (%1)</source>
        <translation>Escalation ended: resolved (%1)</translation>
    </message>
    <message>
        <source>Escalation: %1; no further step</source>
        <translation>Escalation: %1; no further step</translation>
    </message>
    <message>
        <source>Escalation: %1; next: reminder %2 at %3</source>
        <translation>Escalation: %1; next: reminder %2 at %3</translation>
    </message>
    <message>
        <source>Escalation: %1; next: level %2 (%3) at %4</source>
        <translation>Escalation: %1; next: level %2 (%3) at %4</translation>
    </message>
    <message>
        <source>Escalation level %1 of %2 (policy %3): notifying %4, unacknowledged for %5</source>
        <translation>Escalation level %1 of %2 (policy %3): notifying %4, unacknowledged for %5</translation>
    </message>
    <message>
        <source>Reminder %1 to level %2 (policy %3): notifying %4, still unacknowledged after %5</source>
        <translation>Reminder %1 to level %2 (policy %3): notifying %4, still unacknowledged after %5</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <source>reminder %1 of level %2</source>
        <translation>reminder %1 of level %2</translation>
    </message>
    <message>
        <source>%1 sent to %2 (HTTP %3)</source>
        <translation>%1 sent to %2 (HTTP %3)</translation>
    </message>
    <message>
        <source>%1 to %2 failed after %3 attempt(s): %4</source>
        <translation>%1 to %2 failed after %3 attempt(s): %4</translation>
    </message>
    <message>
        <source>acknowledgement sent to %1</source>
        <translation>acknowledgement sent to %1</translation>
    </message>
    <message>
        <source>acknowledgement</source>
        <translation>acknowledgement</translation>
    </message>
    <message>
        <source>%1 to %2 left out: a notification route sends it the incident already</source>
        <translation>%1 to %2 left out: a notification route sends it the incident already</translation>
    </message>
</context>
<context>
    <name>ExportRangeDialog</name>
    <message>
        <source>Export signed checklists</source>
        <translation>Export signed checklists</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
</context>
<context>
    <name>ExpositionParser</name>
    <message>
        <source>unknown escape \%1 in a label value</source>
        <translation>unknown escape \%1 in a label value</translation>
    </message>
    <message>
        <source>label value without a closing quote</source>
        <translation>label value without a closing quote</translation>
    </message>
    <message>
        <source>column %1: expected a label name or &apos;}&apos;</source>
        <translation>column %1: expected a label name or &apos;}&apos;</translation>
    </message>
    <message>
        <source>column %1: expected &apos;=&apos; after label %2</source>
        <translation>column %1: expected &apos;=&apos; after label %2</translation>
    </message>
    <message>
        <source>column %1: expected a quoted value for label %2</source>
        <translation>column %1: expected a quoted value for label %2</translation>
    </message>
    <message>
        <source>label %1: %2</source>
        <translation>label %1: %2</translation>
    </message>
    <message>
        <source>label %1 appears twice</source>
        <translation>label %1 appears twice</translation>
    </message>
    <message>
        <source>column %1: expected &apos;,&apos; or &apos;}&apos; after a label</source>
        <translation>column %1: expected &apos;,&apos; or &apos;}&apos; after a label</translation>
    </message>
    <message>
        <source>expected a metric name</source>
        <translation>expected a metric name</translation>
    </message>
    <message>
        <source>%1: expected a value</source>
        <translation>%1: expected a value</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1: &quot;%2&quot; is not a number</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a timestamp in milliseconds</source>
        <translation>%1: &quot;%2&quot; is not a timestamp in milliseconds</translation>
    </message>
    <message>
        <source>%1: unexpected text after the timestamp: %2</source>
        <translation>%1: unexpected text after the timestamp: %2</translation>
    </message>
    <message>
        <source># %1 without a metric name</source>
        <translation># %1 without a metric name</translation>
    </message>
    <message>
        <source># TYPE %1: unknown type &quot;%2&quot;</source>
        <translation># TYPE %1: unknown type &quot;%2&quot;</translation>
    </message>
    <message>
        <source># TYPE %1 given twice</source>
        <translation># TYPE %1 given twice</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>No endpoints: add some under `endpoints` in the workspace file.</source>
        <translation>No endpoints: add some under `endpoints` in the workspace file.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 not checked yet</source>
        <translation>%1 not checked yet</translation>
    </message>
    <message>
        <source>Endpoints: %1 (%2)</source>
        <translation>Endpoints: %1 (%2)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Filter by name, group or URL</source>
        <translation>Filter by name, group or URL</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Show only endpoints in these states (none checked: all)</source>
        <translation>Show only endpoints in these states (none checked: all)</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>Check all</translation>
    </message>
    <message>
        <source>Probe every endpoint again right away</source>
        <translation>Probe every endpoint again right away</translation>
    </message>
    <message>
        <source>Waiting for trust: this version of the workspace sends secrets, and nothing that carries one is sent until you trust it (%1, %2 wait).</source>
        <translation>Waiting for trust: this version of the workspace sends secrets, and nothing that carries one is sent until you trust it (%1, %2 wait).</translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s)</source>
        <translation>
            <numerusform>%n endpoint</numerusform>
            <numerusform>%n endpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n KPI(s)</source>
        <translation>
            <numerusform>%n KPI</numerusform>
            <numerusform>%n KPIs</numerusform>
        </translation>
    </message>
    <message>
        <source>Trust…</source>
        <translation>Trust…</translation>
    </message>
    <message>
        <source>Show what goes where and decide</source>
        <translation>Show what goes where and decide</translation>
    </message>
</context>
<context>
    <name>HealthWall</name>
    <message>
        <source>No endpoints in this workspace</source>
        <translation>No endpoints in this workspace</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>not checked yet</translation>
    </message>
    <message>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 ms</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
</context>
<context>
    <name>HistoryStrip</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2 ms</source>
        <translation>%1, %2 ms</translation>
    </message>
</context>
<context>
    <name>HttpExecutor</name>
    <message>
        <source>sending %1 %2</source>
        <translation>sending %1 %2</translation>
    </message>
    <message>
        <source>no complete answer: %1</source>
        <translation>no complete answer: %1</translation>
    </message>
    <message>
        <source>answered HTTP %1 without a Location; a state-changing request is not redirected</source>
        <translation>answered HTTP %1 without a Location; a state-changing request is not redirected</translation>
    </message>
    <message>
        <source>answered HTTP %1 pointing to %2; a state-changing request is not redirected</source>
        <translation>answered HTTP %1 pointing to %2; a state-changing request is not redirected</translation>
    </message>
    <message>
        <source>%1 (expected a 2xx status)</source>
        <translation>%1 (expected a 2xx status)</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1; nothing was sent</translation>
    </message>
</context>
<context>
    <name>HttpProbe</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>no complete answer within the %1 deadline</source>
        <translation>no complete answer within the %1 deadline</translation>
    </message>
    <message>
        <source>not an http or https URL: %1</source>
        <translation>not an http or https URL: %1</translation>
    </message>
    <message>
        <source>ca-file %1 holds no readable PEM certificate</source>
        <translation>ca-file %1 holds no readable PEM certificate</translation>
    </message>
    <message>
        <source>body refused: it is %1-encoded although only an uncompressed body was accepted</source>
        <translation>body refused: it is %1-encoded although only an uncompressed body was accepted</translation>
    </message>
    <message>
        <source>body larger than the %1 cap (Content-Length: %2)</source>
        <translation>body larger than the %1 cap (Content-Length: %2)</translation>
    </message>
    <message>
        <source>body larger than the %1 cap</source>
        <translation>body larger than the %1 cap</translation>
    </message>
    <message>
        <source>refused a redirect from https to %1 (%2)</source>
        <translation>refused a redirect from https to %1 (%2)</translation>
    </message>
    <message>
        <source>refused a redirect to %1</source>
        <translation>refused a redirect to %1</translation>
    </message>
    <message>
        <source>redirect loop: %1 was already visited</source>
        <translation>redirect loop: %1 was already visited</translation>
    </message>
    <message numerus="yes">
        <source>more than %n redirect(s)</source>
        <translation>
            <numerusform>more than %n redirect</numerusform>
            <numerusform>more than %n redirects</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS handshake failed: %1</translation>
    </message>
    <message>
        <source>connection closed after %1 of the %2 bytes the server announced (Content-Length)</source>
        <translation>connection closed after %1 of the %2 bytes the server announced (Content-Length)</translation>
    </message>
    <message>
        <source>the connection closed before any answer; the request was not sent again</source>
        <translation>the connection closed before any answer; the request was not sent again</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1; nothing was sent</translation>
    </message>
    <message>
        <source>Qt could not create the request; nothing was sent</source>
        <translation>Qt could not create the request; nothing was sent</translation>
    </message>
    <message>
        <source>refused a redirect to another origin (%1): the request body holds a secret</source>
        <translation>refused a redirect to another origin (%1): the request body holds a secret</translation>
    </message>
</context>
<context>
    <name>IcmpCheck</name>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>this system does not allow unprivileged ICMP (ping) sockets for OpsDeck&apos;s group (net.ipv4.ping_group_range is &quot;%1&quot;); allow them with: sudo sysctl -w net.ipv4.ping_group_range=&quot;0 2147483647&quot; (and the same line in /etc/sysctl.d/ to keep it)</source>
        <translation>this system does not allow unprivileged ICMP (ping) sockets for OpsDeck&apos;s group (net.ipv4.ping_group_range is &quot;%1&quot;); allow them with: sudo sysctl -w net.ipv4.ping_group_range=&quot;0 2147483647&quot; (and the same line in /etc/sysctl.d/ to keep it)</translation>
    </message>
    <message>
        <source>Host %1 not found</source>
        <translation>Host %1 not found</translation>
    </message>
    <message>
        <source>could not open an ICMP socket: %1</source>
        <translation>could not open an ICMP socket: %1</translation>
    </message>
    <message>
        <source>could not send an ICMP echo request to %1: %2</source>
        <translation>could not send an ICMP echo request to %1: %2</translation>
    </message>
    <message>
        <source>ICMP echo to %1 failed: %2</source>
        <translation>ICMP echo to %1 failed: %2</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>%1 exists; give --force to overwrite it</source>
        <translation>%1 exists; give --force to overwrite it</translation>
    </message>
    <message>
        <source>nothing written</source>
        <translation>nothing written</translation>
    </message>
    <message>
        <source>nothing to import: no rule or panel could become a KPI tile; nothing written</source>
        <translation>nothing to import: no rule or panel could become a KPI tile; nothing written</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>wrote %1 (%2 KPIs)</source>
        <translation>wrote %1 (%2 KPIs)</translation>
    </message>
    <message>
        <source>uptime-kuma: give one kuma.db</source>
        <translation>uptime-kuma: give one kuma.db</translation>
    </message>
    <message>
        <source>nothing to import: no endpoint, provider or maintenance window; nothing written</source>
        <translation>nothing to import: no endpoint, provider or maintenance window; nothing written</translation>
    </message>
    <message>
        <source>wrote %1 (%2 endpoints)</source>
        <translation>wrote %1 (%2 endpoints)</translation>
    </message>
    <message>
        <source>usage: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o WORKSPACE.yaml] [--merge EXISTING.yaml] [--var NAME=VALUE] [--json] [--force]</source>
        <translation>usage: opsdeck import prometheus-rules|grafana|gatus|uptime-kuma|blackbox FILE... [-o WORKSPACE.yaml] [--merge EXISTING.yaml] [--var NAME=VALUE] [--json] [--force]</translation>
    </message>
    <message>
        <source>no file to import</source>
        <translation>no file to import</translation>
    </message>
    <message>
        <source>the generated workspace does not validate</source>
        <translation>the generated workspace does not validate</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>There is nothing to write.</source>
        <translation>There is nothing to write.</translation>
    </message>
    <message>
        <source>Save Imported Workspace</source>
        <translation>Save Imported Workspace</translation>
    </message>
    <message>
        <source>Workspaces (*.yaml *.yml)</source>
        <translation>Workspaces (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Files to Import</source>
        <translation>Files to Import</translation>
    </message>
    <message>
        <source>Folder of Gatus Files</source>
        <translation>Folder of Gatus Files</translation>
    </message>
    <message>
        <source>Gatus configuration (file or folder)</source>
        <translation>Gatus configuration (file or folder)</translation>
    </message>
    <message>
        <source>Prometheus rule files</source>
        <translation>Prometheus rule files</translation>
    </message>
    <message>
        <source>Grafana dashboards (JSON)</source>
        <translation>Grafana dashboards (JSON)</translation>
    </message>
    <message>
        <source>Uptime Kuma database (kuma.db)</source>
        <translation>Uptime Kuma database (kuma.db)</translation>
    </message>
    <message>
        <source>blackbox_exporter modules</source>
        <translation>blackbox_exporter modules</translation>
    </message>
    <message>
        <source>&amp;Import from:</source>
        <translation>&amp;Import from:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Files:</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>Add &amp;Files…</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>Add F&amp;older…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Add to the open workspace (none is open)</source>
        <translation>Add to the open workspace (none is open)</translation>
    </message>
    <message>
        <source>Add to the open workspace (%1)</source>
        <translation>Add to the open workspace (%1)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>&amp;Save As and Open…</source>
        <translation>&amp;Save As and Open…</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Notes and to-dos:</source>
        <translation>Notes and to-dos:</translation>
    </message>
    <message>
        <source>Choose what to import, then Preview.</source>
        <translation>Choose what to import, then Preview.</translation>
    </message>
    <message>
        <source>The import failed; nothing will be written:</source>
        <translation>The import failed; nothing will be written:</translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be imported from these files (%n item(s) skipped); nothing will be written.</source>
        <translation>
            <numerusform>Nothing can be imported from these files (%n item skipped); nothing will be written.</numerusform>
            <numerusform>Nothing can be imported from these files (%n items skipped); nothing will be written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Will create %n endpoint(s)</source>
        <translation>
            <numerusform>Will create %n endpoint</numerusform>
            <numerusform>Will create %n endpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n KPI tile(s)</source>
        <translation>
            <numerusform>%n KPI tile</numerusform>
            <numerusform>%n KPI tiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notification route(s)</source>
        <translation>
            <numerusform>%n notification route</numerusform>
            <numerusform>%n notification routes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n provider(s)</source>
        <translation>
            <numerusform>%n provider</numerusform>
            <numerusform>%n providers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maintenance window(s)</source>
        <translation>
            <numerusform>%n maintenance window</numerusform>
            <numerusform>%n maintenance windows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n group(s)</source>
        <translation>
            <numerusform>in %n group</numerusform>
            <numerusform>in %n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) skipped</source>
        <translation>
            <numerusform>%n item skipped</numerusform>
            <numerusform>%n items skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>To do: %1</source>
        <translation>To do: %1</translation>
    </message>
    <message>
        <source>Unresolved template variables: %1</source>
        <translation>Unresolved template variables: %1</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>KPI tile</source>
        <translation>KPI tile</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>endpoint</translation>
    </message>
    <message>
        <source>notification provider</source>
        <translation>notification provider</translation>
    </message>
    <message>
        <source>notification route</source>
        <translation>notification route</translation>
    </message>
    <message>
        <source>maintenance window</source>
        <translation>maintenance window</translation>
    </message>
    <message>
        <source>key</source>
        <translation>key</translation>
    </message>
    <message>
        <source>blackbox module</source>
        <translation>blackbox module</translation>
    </message>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>→ %1 (not carried over: %2)</source>
        <translation>→ %1 (not carried over: %2)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Becomes / reason</source>
        <translation>Becomes / reason</translation>
    </message>
    <message>
        <source>Source position</source>
        <translation>Source position</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>$%1 is &quot;All&quot;: resolved as %2</source>
        <translation>$%1 is &quot;All&quot;: resolved as %2</translation>
    </message>
    <message>
        <source>$%1 resolved as %2 (give --var %1=VALUE to change it)</source>
        <translation>$%1 resolved as %2 (give --var %1=VALUE to change it)</translation>
    </message>
    <message>
        <source>untitled %1 panel</source>
        <translation>untitled %1 panel</translation>
    </message>
    <message>
        <source>a &quot;%1&quot; panel has no KPI tile equivalent</source>
        <translation>a &quot;%1&quot; panel has no KPI tile equivalent</translation>
    </message>
    <message>
        <source>not backed by Prometheus</source>
        <translation>not backed by Prometheus</translation>
    </message>
    <message>
        <source>no visible Prometheus query</source>
        <translation>no visible Prometheus query</translation>
    </message>
    <message>
        <source>unit percentunit (values are ratios from 0 to 1)</source>
        <translation>unit percentunit (values are ratios from 0 to 1)</translation>
    </message>
    <message>
        <source>decimals %1 (KPIs show 0 to 6)</source>
        <translation>decimals %1 (KPIs show 0 to 6)</translation>
    </message>
    <message>
        <source>min/max (KPI tiles have no scale)</source>
        <translation>min/max (KPI tiles have no scale)</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>invalid JSON: %1</translation>
    </message>
    <message>
        <source>not a Grafana dashboard: expected an object with &quot;panels&quot; or &quot;rows&quot;</source>
        <translation>not a Grafana dashboard: expected an object with &quot;panels&quot; or &quot;rows&quot;</translation>
    </message>
    <message>
        <source>threshold colours other than green, yellow/orange and red</source>
        <translation>threshold colours other than green, yellow/orange and red</translation>
    </message>
    <message>
        <source>a threshold is not a finite number</source>
        <translation>a threshold is not a finite number</translation>
    </message>
    <message>
        <source>percentage thresholds (relative to min/max)</source>
        <translation>percentage thresholds (relative to min/max)</translation>
    </message>
    <message>
        <source>thresholds &quot;%1&quot; are not numbers</source>
        <translation>thresholds &quot;%1&quot; are not numbers</translation>
    </message>
    <message>
        <source>%1: %3 -&gt; KPI %2</source>
        <translation>%1: %3 -&gt; KPI %2</translation>
    </message>
    <message>
        <source> (not carried over: %1)</source>
        <translation> (not carried over: %1)</translation>
    </message>
    <message>
        <source>%1: skipped %2: %3</source>
        <translation>%1: skipped %2: %3</translation>
    </message>
    <message>
        <source>not carried over: %1</source>
        <translation>not carried over: %1</translation>
    </message>
    <message>
        <source>unresolved template variables (left as written): %1</source>
        <translation>unresolved template variables (left as written): %1</translation>
    </message>
    <message>
        <source>%1 KPI tiles from %2 items, %3 skipped</source>
        <translation>%1 KPI tiles from %2 items, %3 skipped</translation>
    </message>
    <message>
        <source>groups: expected a list of rule groups</source>
        <translation>groups: expected a list of rule groups</translation>
    </message>
    <message>
        <source>rule group</source>
        <translation>rule group</translation>
    </message>
    <message>
        <source>expected a mapping with name and a list of rules</source>
        <translation>expected a mapping with name and a list of rules</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>rule</translation>
    </message>
    <message>
        <source>expected a mapping</source>
        <translation>expected a mapping</translation>
    </message>
    <message>
        <source>recording rule: not a tile; queries that use the recorded series refer to it by name</source>
        <translation>recording rule: not a tile; queries that use the recorded series refer to it by name</translation>
    </message>
    <message>
        <source>neither an alerting rule (alert, expr) nor a recording rule</source>
        <translation>neither an alerting rule (alert, expr) nor a recording rule</translation>
    </message>
    <message>
        <source>no severity label: neither a warning nor a critical line</source>
        <translation>no severity label: neither a warning nor a critical line</translation>
    </message>
    <message>
        <source>severity &quot;%1&quot; is neither warning nor critical</source>
        <translation>severity &quot;%1&quot; is neither warning nor critical</translation>
    </message>
    <message>
        <source>the tile shows 1 while &quot;%1&quot; holds, 0 otherwise</source>
        <translation>the tile shows 1 while &quot;%1&quot; holds, 0 otherwise</translation>
    </message>
    <message>
        <source>&quot;%1&quot; becomes &quot;%2&quot;: a value of exactly %3 does not count</source>
        <translation>&quot;%1&quot; becomes &quot;%2&quot;: a value of exactly %3 does not count</translation>
    </message>
    <message>
        <source>for: %1 (KPIs have no hold time)</source>
        <translation>for: %1 (KPIs have no hold time)</translation>
    </message>
    <message>
        <source>tile &quot;%1&quot; already has a %2 line from %3 on the same query</source>
        <translation>tile &quot;%1&quot; already has a %2 line from %3 on the same query</translation>
    </message>
    <message>
        <source>Runbook: %1</source>
        <translation>Runbook: %1</translation>
    </message>
    <message>
        <source>KPIs have no runbook link: runbook_url is appended to the description</source>
        <translation>KPIs have no runbook link: runbook_url is appended to the description</translation>
    </message>
    <message>
        <source>the file is larger than 32 MiB</source>
        <translation>the file is larger than 32 MiB</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>the file is not UTF-8 text</translation>
    </message>
    <message>
        <source>not a Prometheus rule file: expected &quot;groups:&quot; or a PrometheusRule with &quot;spec.groups&quot;</source>
        <translation>not a Prometheus rule file: expected &quot;groups:&quot; or a PrometheusRule with &quot;spec.groups&quot;</translation>
    </message>
    <message>
        <source>invalid YAML: %1</source>
        <translation>invalid YAML: %1</translation>
    </message>
    <message>
        <source>unbalanced brackets in the expression</source>
        <translation>unbalanced brackets in the expression</translation>
    </message>
    <message>
        <source>combines conditions with &quot;%1&quot;; a tile shows one query against one threshold</source>
        <translation>combines conditions with &quot;%1&quot;; a tile shows one query against one threshold</translation>
    </message>
    <message>
        <source>no comparison with a constant (the alert fires whenever the query returns a series)</source>
        <translation>no comparison with a constant (the alert fires whenever the query returns a series)</translation>
    </message>
    <message>
        <source>more than one comparison at the top level (a range such as 3 &lt;= q &lt; 20)</source>
        <translation>more than one comparison at the top level (a range such as 3 &lt;= q &lt; 20)</translation>
    </message>
    <message>
        <source>the bool modifier makes the rule return 0 or 1 for every series instead of filtering</source>
        <translation>the bool modifier makes the rule return 0 or 1 for every series instead of filtering</translation>
    </message>
    <message>
        <source>the comparison &quot;%1&quot; lacks a side</source>
        <translation>the comparison &quot;%1&quot; lacks a side</translation>
    </message>
    <message>
        <source>compares two constants</source>
        <translation>compares two constants</translation>
    </message>
    <message>
        <source>compares two queries; a tile needs a constant threshold</source>
        <translation>compares two queries; a tile needs a constant threshold</translation>
    </message>
    <message>
        <source>the threshold %1 is not a finite number</source>
        <translation>the threshold %1 is not a finite number</translation>
    </message>
    <message>
        <source>value mappings (a tile shows the number)</source>
        <translation>value mappings (a tile shows the number)</translation>
    </message>
    <message>
        <source>invalid YAML: nested deeper than %1 levels</source>
        <translation>invalid YAML: nested deeper than %1 levels</translation>
    </message>
    <message>
        <source>body placeholders other than %1 are left as written</source>
        <translation>body placeholders other than %1 are left as written</translation>
    </message>
    <message>
        <source>%1 (written literally in the Gatus configuration at %2)</source>
        <translation>%1 (written literally in the Gatus configuration at %2)</translation>
    </message>
    <message>
        <source>set %1 to the %2 written at %3 (the value was not copied)</source>
        <translation>set %1 to the %2 written at %3 (the value was not copied)</translation>
    </message>
    <message>
        <source>expected a mapping of providers</source>
        <translation>expected a mapping of providers</translation>
    </message>
    <message>
        <source>Gatus provider &quot;%1&quot; has no OpsDeck equivalent yet (supported: slack, mattermost, discord, teams, custom, pagerduty, ntfy)</source>
        <translation>Gatus provider &quot;%1&quot; has no OpsDeck equivalent yet (supported: slack, mattermost, discord, teams, custom, pagerduty, ntfy)</translation>
    </message>
    <message>
        <source>%1 of alerting.%2</source>
        <translation>%1 of alerting.%2</translation>
    </message>
    <message>
        <source>topic URL of alerting.ntfy</source>
        <translation>topic URL of alerting.ntfy</translation>
    </message>
    <message>
        <source>token of alerting.ntfy</source>
        <translation>token of alerting.ntfy</translation>
    </message>
    <message>
        <source>header %1 of alerting.custom</source>
        <translation>header %1 of alerting.custom</translation>
    </message>
    <message>
        <source>no %1</source>
        <translation>no %1</translation>
    </message>
    <message>
        <source>insecure (OpsDeck always verifies TLS)</source>
        <translation>insecure (OpsDeck always verifies TLS)</translation>
    </message>
    <message>
        <source>alerts: expected a list</source>
        <translation>alerts: expected a list</translation>
    </message>
    <message>
        <source>alert %1: %2</source>
        <translation>alert %1: %2</translation>
    </message>
    <message>
        <source>alerting.%1 is not configured</source>
        <translation>alerting.%1 is not configured</translation>
    </message>
    <message>
        <source>alert %1 (disabled)</source>
        <translation>alert %1 (disabled)</translation>
    </message>
    <message>
        <source>alerts with different thresholds: the endpoint uses the smallest (failure %1, success %2)</source>
        <translation>alerts with different thresholds: the endpoint uses the smallest (failure %1, success %2)</translation>
    </message>
    <message>
        <source>routes select endpoints by group, so this one also covers %1, which had no %2 alert</source>
        <translation>routes select endpoints by group, so this one also covers %1, which had no %2 alert</translation>
    </message>
    <message>
        <source>send-on-resolved differs between the alerts: resolved follow-ups are sent for all</source>
        <translation>send-on-resolved differs between the alerts: resolved follow-ups are sent for all</translation>
    </message>
    <message>
        <source>Gatus alert descriptions: %1</source>
        <translation>Gatus alert descriptions: %1</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>endpoint</translation>
    </message>
    <message>
        <source>expected a mapping with a name and a url</source>
        <translation>expected a mapping with a name and a url</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is kept as written: Gatus expanded environment references there, OpsDeck does not</source>
        <translation>&quot;%1&quot; is kept as written: Gatus expanded environment references there, OpsDeck does not</translation>
    </message>
    <message>
        <source>the body of endpoint %1</source>
        <translation>the body of endpoint %1</translation>
    </message>
    <message>
        <source>interval &quot;%1&quot; (not a duration OpsDeck reads; 60s is used)</source>
        <translation>interval &quot;%1&quot; (not a duration OpsDeck reads; 60s is used)</translation>
    </message>
    <message>
        <source>%1 (no equivalent)</source>
        <translation>%1 (no equivalent)</translation>
    </message>
    <message>
        <source>the url of endpoint %1</source>
        <translation>the url of endpoint %1</translation>
    </message>
    <message>
        <source>no url</source>
        <translation>no url</translation>
    </message>
    <message>
        <source>the scheme comes from %1: read as an HTTP endpoint</source>
        <translation>the scheme comes from %1: read as an HTTP endpoint</translation>
    </message>
    <message>
        <source>password in %1</source>
        <translation>password in %1</translation>
    </message>
    <message>
        <source>set %1 to the password of %2 (the value was not copied)</source>
        <translation>set %1 to the password of %2 (the value was not copied)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL with a scheme</source>
        <translation>&quot;%1&quot; is not a URL with a scheme</translation>
    </message>
    <message>
        <source>%1:// endpoints are not supported by OpsDeck</source>
        <translation>%1:// endpoints are not supported by OpsDeck</translation>
    </message>
    <message>
        <source>tcp/tls/dns/icmp checks are not supported by this build</source>
        <translation>tcp/tls/dns/icmp checks are not supported by this build</translation>
    </message>
    <message>
        <source>dns: needs query-name and a query-type of %1</source>
        <translation>dns: needs query-name and a query-type of %1</translation>
    </message>
    <message>
        <source>client.insecure: OpsDeck never turns off TLS verification; trust the server&apos;s certificate with ca-file instead</source>
        <translation>client.insecure: OpsDeck never turns off TLS verification; trust the server&apos;s certificate with ca-file instead</translation>
    </message>
    <message>
        <source>client.insecure (no TLS here)</source>
        <translation>client.insecure (no TLS here)</translation>
    </message>
    <message>
        <source>client.%1: not supported</source>
        <translation>client.%1: not supported</translation>
    </message>
    <message>
        <source>client.tls: client certificates (mTLS) are not supported</source>
        <translation>client.tls: client certificates (mTLS) are not supported</translation>
    </message>
    <message>
        <source>client.tunnel: SSH tunnels are not supported</source>
        <translation>client.tunnel: SSH tunnels are not supported</translation>
    </message>
    <message>
        <source>client.timeout &quot;%1&quot;</source>
        <translation>client.timeout &quot;%1&quot;</translation>
    </message>
    <message>
        <source>conditions: expected a list</source>
        <translation>conditions: expected a list</translation>
    </message>
    <message>
        <source>a condition that is not a string</source>
        <translation>a condition that is not a string</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot;: OpsDeck does not expand environment references in conditions</source>
        <translation>condition &quot;%1&quot;: OpsDeck does not expand environment references in conditions</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot;: %2</source>
        <translation>condition &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot;: OpsDeck does not look up domain expiry</source>
        <translation>condition &quot;%1&quot;: OpsDeck does not look up domain expiry</translation>
    </message>
    <message>
        <source>header %1 of endpoint %2</source>
        <translation>header %1 of endpoint %2</translation>
    </message>
    <message>
        <source>%1 (written literally in the Gatus configuration)</source>
        <translation>%1 (written literally in the Gatus configuration)</translation>
    </message>
    <message>
        <source>set %1 to the %2 (the value was not copied)</source>
        <translation>set %1 to the %2 (the value was not copied)</translation>
    </message>
    <message>
        <source>maintenance-windows: expected a list</source>
        <translation>maintenance-windows: expected a list</translation>
    </message>
    <message>
        <source>maintenance window of %1</source>
        <translation>maintenance window of %1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>needs a start time (HH:MM) and a duration</source>
        <translation>needs a start time (HH:MM) and a duration</translation>
    </message>
    <message>
        <source>timezone %1 (windows open in the console&apos;s local time)</source>
        <translation>timezone %1 (windows open in the console&apos;s local time)</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>not a Gatus configuration</source>
        <translation>not a Gatus configuration</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>expected a list</translation>
    </message>
    <message>
        <source>external endpoint: Gatus is pushed its results; OpsDeck only probes</source>
        <translation>external endpoint: Gatus is pushed its results; OpsDeck only probes</translation>
    </message>
    <message>
        <source>suite: chained requests with stored context are not supported (a runbook of http steps comes closest)</source>
        <translation>suite: chained requests with stored context are not supported (a runbook of http steps comes closest)</translation>
    </message>
    <message>
        <source>the status page&apos;s look has no equivalent (its title names the workspace)</source>
        <translation>the status page&apos;s look has no equivalent (its title names the workspace)</translation>
    </message>
    <message>
        <source>Gatus reads client settings per endpoint; a top-level one has no effect</source>
        <translation>Gatus reads client settings per endpoint; a top-level one has no effect</translation>
    </message>
    <message>
        <source>no equivalent in an OpsDeck workspace</source>
        <translation>no equivalent in an OpsDeck workspace</translation>
    </message>
    <message>
        <source>not a Gatus configuration: expected keys such as &quot;endpoints:&quot; or &quot;alerting:&quot;</source>
        <translation>not a Gatus configuration: expected keys such as &quot;endpoints:&quot; or &quot;alerting:&quot;</translation>
    </message>
    <message>
        <source>unexpected YAML structure: %1</source>
        <translation>unexpected YAML structure: %1</translation>
    </message>
    <message>
        <source>the directory holds no .yaml or .yml file</source>
        <translation>the directory holds no .yaml or .yml file</translation>
    </message>
    <message>
        <source>more than %1 files</source>
        <translation>more than %1 files</translation>
    </message>
    <message>
        <source>Environment variable the Gatus configuration used in %1</source>
        <translation>Environment variable the Gatus configuration used in %1</translation>
    </message>
    <message>
        <source>set %1 as it was set for Gatus (first used in %2)</source>
        <translation>set %1 as it was set for Gatus (first used in %2)</translation>
    </message>
    <message>
        <source>notification provider</source>
        <translation>notification provider</translation>
    </message>
    <message>
        <source>notification route</source>
        <translation>notification route</translation>
    </message>
    <message>
        <source>maintenance window</source>
        <translation>maintenance window</translation>
    </message>
    <message>
        <source>%1: %3 -&gt; %4 %2</source>
        <translation>%1: %3 -&gt; %4 %2</translation>
    </message>
    <message>
        <source>to do: %1</source>
        <translation>to do: %1</translation>
    </message>
    <message>
        <source>%1 endpoints, %2 notification providers, %3 routes, %4 maintenance windows; %5 skipped</source>
        <translation>%1 endpoints, %2 notification providers, %3 routes, %4 maintenance windows; %5 skipped</translation>
    </message>
    <message>
        <source>accepted status codes %1: only %2-%3 is checked</source>
        <translation>accepted status codes %1: only %2-%3 is checked</translation>
    </message>
    <message>
        <source>tags %1 (an endpoint has one group)</source>
        <translation>tags %1 (an endpoint has one group)</translation>
    </message>
    <message>
        <source>retry_interval (retries use the interval)</source>
        <translation>retry_interval (retries use the interval)</translation>
    </message>
    <message>
        <source>resend_interval</source>
        <translation>resend_interval</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>upside-down mode (a failure counts as up) has no equivalent</source>
        <translation>upside-down mode (a failure counts as up) has no equivalent</translation>
    </message>
    <message>
        <source>DNS record type %1 is not supported (%2)</source>
        <translation>DNS record type %1 is not supported (%2)</translation>
    </message>
    <message>
        <source>monitor type &quot;%1&quot; has no equivalent</source>
        <translation>monitor type &quot;%1&quot; has no equivalent</translation>
    </message>
    <message>
        <source>no usable hostname</source>
        <translation>no usable hostname</translation>
    </message>
    <message>
        <source>monitor %1</source>
        <translation>monitor %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>&quot;%1&quot; is not an http:// or https:// URL</translation>
    </message>
    <message>
        <source>the url, body or headers contain &quot;${&quot;, which a workspace reads as a secret reference</source>
        <translation>the url, body or headers contain &quot;${&quot;, which a workspace reads as a secret reference</translation>
    </message>
    <message>
        <source>ignore TLS errors: OpsDeck never turns off TLS verification; trust the server&apos;s certificate with ca-file instead</source>
        <translation>ignore TLS errors: OpsDeck never turns off TLS verification; trust the server&apos;s certificate with ca-file instead</translation>
    </message>
    <message>
        <source>header %1 of %2</source>
        <translation>header %1 of %2</translation>
    </message>
    <message>
        <source>Authorization header of %1: Basic and the base64 of user:password</source>
        <translation>Authorization header of %1: Basic and the base64 of user:password</translation>
    </message>
    <message>
        <source>set %1 to &quot;Basic &quot; followed by the base64 of %2:PASSWORD of %3 (the password was not copied)</source>
        <translation>set %1 to &quot;Basic &quot; followed by the base64 of %2:PASSWORD of %3 (the password was not copied)</translation>
    </message>
    <message>
        <source>max_redirects %1 (at most 5 are followed)</source>
        <translation>max_redirects %1 (at most 5 are followed)</translation>
    </message>
    <message>
        <source>the keyword&apos;s * is read as a wildcard</source>
        <translation>the keyword&apos;s * is read as a wildcard</translation>
    </message>
    <message>
        <source>JSON query &quot;%1&quot; %2: only a plain path compared with ==, !=, &lt;, &lt;=, &gt;, &gt;= is supported</source>
        <translation>JSON query &quot;%1&quot; %2: only a plain path compared with ==, !=, &lt;, &lt;=, &gt;, &gt;= is supported</translation>
    </message>
    <message>
        <source>not an SQLite database (Uptime Kuma keeps its data in data/kuma.db)</source>
        <translation>not an SQLite database (Uptime Kuma keeps its data in data/kuma.db)</translation>
    </message>
    <message>
        <source>no monitor table: not an Uptime Kuma database</source>
        <translation>no monitor table: not an Uptime Kuma database</translation>
    </message>
    <message>
        <source>only the first %1 rows of a table are read</source>
        <translation>only the first %1 rows of a table are read</translation>
    </message>
    <message>
        <source>%1 (stored in the Uptime Kuma database at %2)</source>
        <translation>%1 (stored in the Uptime Kuma database at %2)</translation>
    </message>
    <message>
        <source>set %1 to the %2 stored at %3 (the value was not copied)</source>
        <translation>set %1 to the %2 stored at %3 (the value was not copied)</translation>
    </message>
    <message>
        <source>notification type &quot;%1&quot; has no OpsDeck equivalent yet (supported: slack, discord, teams, mattermost, webhook, PagerDuty, ntfy)</source>
        <translation>notification type &quot;%1&quot; has no OpsDeck equivalent yet (supported: slack, discord, teams, mattermost, webhook, PagerDuty, ntfy)</translation>
    </message>
    <message>
        <source>topic URL of notification %1</source>
        <translation>topic URL of notification %1</translation>
    </message>
    <message>
        <source>webhook URL of notification %1</source>
        <translation>webhook URL of notification %1</translation>
    </message>
    <message>
        <source>key of notification %1</source>
        <translation>key of notification %1</translation>
    </message>
    <message>
        <source>the custom webhook body (Kuma&apos;s template syntax differs)</source>
        <translation>the custom webhook body (Kuma&apos;s template syntax differs)</translation>
    </message>
    <message>
        <source>no webhook URL</source>
        <translation>no webhook URL</translation>
    </message>
    <message>
        <source>the notification is switched off in Kuma; the route is still written</source>
        <translation>the notification is switched off in Kuma; the route is still written</translation>
    </message>
    <message>
        <source>routes select endpoints by group, so this one also covers %1</source>
        <translation>routes select endpoints by group, so this one also covers %1</translation>
    </message>
    <message>
        <source>needs a start and an end time</source>
        <translation>needs a start and an end time</translation>
    </message>
    <message>
        <source>covers no imported monitor</source>
        <translation>covers no imported monitor</translation>
    </message>
    <message>
        <source>switched off in Kuma</source>
        <translation>switched off in Kuma</translation>
    </message>
    <message>
        <source>the date range</source>
        <translation>the date range</translation>
    </message>
    <message>
        <source>%1: %2 is not a block mapping; add the imported items by hand</source>
        <translation>%1: %2 is not a block mapping; add the imported items by hand</translation>
    </message>
    <message>
        <source>%1: %2 is not a block list (&quot;- item&quot; lines); merging cannot add to it without rewriting it</source>
        <translation>%1: %2 is not a block list (&quot;- item&quot; lines); merging cannot add to it without rewriting it</translation>
    </message>
    <message>
        <source>%1 does not validate; fix it first (%2)</source>
        <translation>%1 does not validate; fix it first (%2)</translation>
    </message>
    <message>
        <source>%1 already has an endpoint named &quot;%2&quot;</source>
        <translation>%1 already has an endpoint named &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 already has a KPI with the id &quot;%2&quot;</source>
        <translation>%1 already has a KPI with the id &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 has no sources.prometheus for the imported KPIs to query; add one first</source>
        <translation>%1 has no sources.prometheus for the imported KPIs to query; add one first</translation>
    </message>
    <message>
        <source>not a blackbox_exporter configuration: expected a &quot;modules:&quot; mapping</source>
        <translation>not a blackbox_exporter configuration: expected a &quot;modules:&quot; mapping</translation>
    </message>
    <message>
        <source>more than %1 modules</source>
        <translation>more than %1 modules</translation>
    </message>
    <message>
        <source>no equivalent</source>
        <translation>no equivalent</translation>
    </message>
    <message numerus="yes">
        <source>the %n endpoint(s) from blackbox modules probe the placeholder host %1 and are switched off: set each one&apos;s target (host, and port for tcp:// and tls://) and remove &quot;enabled: false&quot;</source>
        <translation>
            <numerusform>the %n endpoint from blackbox modules probe the placeholder host %1 and are switched off: set each one&apos;s target (host, and port for tcp:// and tls://) and remove &quot;enabled: false&quot;</numerusform>
            <numerusform>the %n endpoints from blackbox modules probe the placeholder host %1 and are switched off: set each one&apos;s target (host, and port for tcp:// and tls://) and remove &quot;enabled: false&quot;</numerusform>
        </translation>
    </message>
    <message>
        <source>proxies are not supported</source>
        <translation>proxies are not supported</translation>
    </message>
    <message>
        <source>the address family and source address are the system&apos;s choice</source>
        <translation>the address family and source address are the system&apos;s choice</translation>
    </message>
    <message>
        <source>the HTTP version is not checked</source>
        <translation>the HTTP version is not checked</translation>
    </message>
    <message>
        <source>conditions cannot test response headers</source>
        <translation>conditions cannot test response headers</translation>
    </message>
    <message>
        <source>CEL expressions are not supported</source>
        <translation>CEL expressions are not supported</translation>
    </message>
    <message>
        <source>DNS records are not matched; conditions read [DNS_RCODE] and [BODY] (the answers&apos; values)</source>
        <translation>DNS records are not matched; conditions read [DNS_RCODE] and [BODY] (the answers&apos; values)</translation>
    </message>
    <message>
        <source>DNS queries go over UDP</source>
        <translation>DNS queries go over UDP</translation>
    </message>
    <message>
        <source>set max-body on the endpoint instead</source>
        <translation>set max-body on the endpoint instead</translation>
    </message>
    <message>
        <source>%1 header of the blackbox module %2</source>
        <translation>%1 header of the blackbox module %2</translation>
    </message>
    <message>
        <source>set %1 (%2 of module %3 at %4): in the environment or with opsdeck secret set %1</source>
        <translation>set %1 (%2 of module %3 at %4): in the environment or with opsdeck secret set %1</translation>
    </message>
    <message>
        <source>not a mapping</source>
        <translation>not a mapping</translation>
    </message>
    <message>
        <source>not a duration</source>
        <translation>not a duration</translation>
    </message>
    <message>
        <source>the module&apos;s prober is %1</source>
        <translation>the module&apos;s prober is %1</translation>
    </message>
    <message>
        <source>the %1 prober is not supported</source>
        <translation>the %1 prober is not supported</translation>
    </message>
    <message>
        <source>no prober</source>
        <translation>no prober</translation>
    </message>
    <message>
        <source>unknown prober &quot;%1&quot;</source>
        <translation>unknown prober &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1.insecure_skip_verify: OpsDeck never turns off TLS verification; trust the server&apos;s CA with ca-file</source>
        <translation>%1.insecure_skip_verify: OpsDeck never turns off TLS verification; trust the server&apos;s CA with ca-file</translation>
    </message>
    <message>
        <source>%1.%2: client certificates (mTLS) are not supported</source>
        <translation>%1.%2: client certificates (mTLS) are not supported</translation>
    </message>
    <message>
        <source>holds &quot;${&quot;, which a workspace reads as a secret reference</source>
        <translation>holds &quot;${&quot;, which a workspace reads as a secret reference</translation>
    </message>
    <message>
        <source>the %1 header</source>
        <translation>the %1 header</translation>
    </message>
    <message>
        <source>only a header with one written value is carried over</source>
        <translation>only a header with one written value is carried over</translation>
    </message>
    <message>
        <source>not a status code: %1</source>
        <translation>not a status code: %1</translation>
    </message>
    <message>
        <source>the regular expression %1 is not plain text; conditions match glob patterns</source>
        <translation>the regular expression %1 is not plain text; conditions match glob patterns</translation>
    </message>
    <message>
        <source>&quot;Basic &quot; and the base64 of username:password</source>
        <translation>&quot;Basic &quot; and the base64 of username:password</translation>
    </message>
    <message>
        <source>&quot;Bearer &quot; and the token</source>
        <translation>&quot;Bearer &quot; and the token</translation>
    </message>
    <message>
        <source>http.oauth2 is not supported</source>
        <translation>http.oauth2 is not supported</translation>
    </message>
    <message>
        <source>not a list</source>
        <translation>not a list</translation>
    </message>
    <message>
        <source>tcp.query_response: the SMTP exchange is OpsDeck&apos;s own (EHLO, STARTTLS)</source>
        <translation>tcp.query_response: the SMTP exchange is OpsDeck&apos;s own (EHLO, STARTTLS)</translation>
    </message>
    <message numerus="yes">
        <source>a dialogue of %n step(s): only one send followed by one plain-text expect is carried over; the endpoint checks the connection</source>
        <translation>
            <numerusform>a dialogue of %n step: only one send followed by one plain-text expect is carried over; the endpoint checks the connection</numerusform>
            <numerusform>a dialogue of %n steps: only one send followed by one plain-text expect is carried over; the endpoint checks the connection</numerusform>
        </translation>
    </message>
    <message>
        <source>dns: no query_name</source>
        <translation>dns: no query_name</translation>
    </message>
    <message>
        <source>dns.query_type %1 is not supported (%2)</source>
        <translation>dns.query_type %1 is not supported (%2)</translation>
    </message>
    <message>
        <source>manual: switched on and off by hand in Kuma; windows here open on a schedule</source>
        <translation>manual: switched on and off by hand in Kuma; windows here open on a schedule</translation>
    </message>
    <message>
        <source>single: a one-off window between two dates; windows here repeat daily or on weekdays</source>
        <translation>single: a one-off window between two dates; windows here repeat daily or on weekdays</translation>
    </message>
    <message>
        <source>recurring-day-of-month (%1): windows here repeat on weekdays, not on dates</source>
        <translation>recurring-day-of-month (%1): windows here repeat on weekdays, not on dates</translation>
    </message>
    <message>
        <source>recurring-weekday without a weekday</source>
        <translation>recurring-weekday without a weekday</translation>
    </message>
    <message>
        <source>recurring-interval every %1 days: windows here repeat daily or on weekdays</source>
        <translation>recurring-interval every %1 days: windows here repeat daily or on weekdays</translation>
    </message>
    <message>
        <source>cron &quot;%1&quot;: only a fixed minute and hour on every day or on weekdays can be carried over</source>
        <translation>cron &quot;%1&quot;: only a fixed minute and hour on every day or on weekdays can be carried over</translation>
    </message>
    <message>
        <source>unknown strategy &quot;%1&quot;</source>
        <translation>unknown strategy &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>IncidentAutoRecorder</name>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 in %2 ms</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 (could not be evaluated: %2)</source>
        <translation>%1 (could not be evaluated: %2)</translation>
    </message>
    <message>
        <source>%1 (actual %2)</source>
        <translation>%1 (actual %2)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>%1 is CRITICAL</source>
        <translation>%1 is CRITICAL</translation>
    </message>
    <message>
        <source>Endpoint %1 fails its health check</source>
        <translation>Endpoint %1 fails its health check</translation>
    </message>
    <message>
        <source>%1 is %2, not CRITICAL; open an incident by hand if it needs one</source>
        <translation>%1 is %2, not CRITICAL; open an incident by hand if it needs one</translation>
    </message>
    <message>
        <source>%1 is %2, not critical; open an incident by hand if it needs one</source>
        <translation>%1 is %2, not critical; open an incident by hand if it needs one</translation>
    </message>
    <message>
        <source>%1 is critical</source>
        <translation>%1 is critical</translation>
    </message>
    <message>
        <source>KPI %1 past its critical threshold</source>
        <translation>KPI %1 past its critical threshold</translation>
    </message>
    <message>
        <source>no KPI &quot;%1&quot; in this workspace</source>
        <translation>no KPI &quot;%1&quot; in this workspace</translation>
    </message>
</context>
<context>
    <name>IncidentBanner</name>
    <message>
        <source>Status: %1 · %2</source>
        <translation>Status: %1 · %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Commander: not assigned</source>
        <translation>Commander: not assigned</translation>
    </message>
    <message>
        <source>Commander: %1</source>
        <translation>Commander: %1</translation>
    </message>
    <message>
        <source>Acknowledge: %1</source>
        <translation>Acknowledge: %1</translation>
    </message>
    <message>
        <source>Resolve: %1</source>
        <translation>Resolve: %1</translation>
    </message>
    <message>
        <source>No SLA targets for this severity</source>
        <translation>No SLA targets for this severity</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>Commander</translation>
    </message>
    <message>
        <source>Responders</source>
        <translation>Responders</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Affected users</source>
        <translation>Affected users</translation>
    </message>
    <message>
        <source>Revenue impact</source>
        <translation>Revenue impact</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Detected</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>Mitigated</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>Time to acknowledge</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>Time to resolve</translation>
    </message>
    <message>
        <source>Comma-separated names</source>
        <translation>Comma-separated names</translation>
    </message>
    <message>
        <source>Endpoint names or groups, comma-separated</source>
        <translation>Endpoint names or groups, comma-separated</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>If known, e.g. about $2,000</source>
        <translation>If known, e.g. about $2,000</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Acknowledged: the escalation stops.</source>
        <translation>Acknowledged: the escalation stops.</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>Not acknowledged: %1</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Acknowledge the incident as the operator: its escalation stops</source>
        <translation>Acknowledge the incident as the operator: its escalation stops</translation>
    </message>
</context>
<context>
    <name>IncidentExport</name>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Incident report: %1</source>
        <translation>Incident report: %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>not resolved yet</source>
        <translation>not resolved yet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>Commander</translation>
    </message>
    <message>
        <source>Responders</source>
        <translation>Responders</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>Affected users</source>
        <translation>Affected users</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>about %1</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Revenue impact</source>
        <translation>Revenue impact</translation>
    </message>
    <message>
        <source>Root cause analysis</source>
        <translation>Root cause analysis</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <source>Contributing factors</source>
        <translation>Contributing factors</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Prevention</source>
        <translation>Prevention</translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation>Immediate</translation>
    </message>
    <message>
        <source>Long term</source>
        <translation>Long term</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>Lessons learned</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>IncidentLifecycle</name>
    <message>
        <source>Detected</source>
        <translation>Detected</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>Investigating</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>Mitigated</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>the incident is already %1</source>
        <translation>the incident is already %1</translation>
    </message>
    <message>
        <source>a closed incident cannot change its status; open a new incident instead</source>
        <translation>a closed incident cannot change its status; open a new incident instead</translation>
    </message>
    <message>
        <source>an incident cannot go back to %1 from %2</source>
        <translation>an incident cannot go back to %1 from %2</translation>
    </message>
    <message>
        <source>only a resolved incident can be closed; this one is %1</source>
        <translation>only a resolved incident can be closed; this one is %1</translation>
    </message>
    <message>
        <source>cannot change the status from %1 to %2; only %3 can follow it</source>
        <translation>cannot change the status from %1 to %2; only %3 can follow it</translation>
    </message>
</context>
<context>
    <name>IncidentListModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>Commander</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
</context>
<context>
    <name>IncidentSql</name>
    <message>
        <source>incident %1 does not exist</source>
        <translation>incident %1 does not exist</translation>
    </message>
    <message>
        <source>the database did not return the new incident&apos;s id</source>
        <translation>the database did not return the new incident&apos;s id</translation>
    </message>
    <message>
        <source>incident %1 was changed in another window (version %2, you edited version %3); your edit was not saved, review it and save again</source>
        <translation>incident %1 was changed in another window (version %2, you edited version %3); your edit was not saved, review it and save again</translation>
    </message>
    <message>
        <source>an action item needs a description of the action</source>
        <translation>an action item needs a description of the action</translation>
    </message>
    <message>
        <source>action item %1 of incident %2 does not exist</source>
        <translation>action item %1 of incident %2 does not exist</translation>
    </message>
    <message>
        <source>no operator name: say who acknowledges</source>
        <translation>no operator name: say who acknowledges</translation>
    </message>
</context>
<context>
    <name>IncidentStore</name>
    <message>
        <source>an incident needs a title</source>
        <translation>an incident needs a title</translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot;; the workspace defines %2</source>
        <translation>unknown severity &quot;%1&quot;; the workspace defines %2</translation>
    </message>
    <message>
        <source>no operator name: set one in the settings</source>
        <translation>no operator name: set one in the settings</translation>
    </message>
    <message>
        <source>incident %1 is not loaded</source>
        <translation>incident %1 is not loaded</translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot;</source>
        <translation>unknown severity &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a timeline note needs some text</source>
        <translation>a timeline note needs some text</translation>
    </message>
    <message>
        <source>timeline entry %1 of incident %2 is not loaded</source>
        <translation>timeline entry %1 of incident %2 is not loaded</translation>
    </message>
    <message>
        <source>a correction of a note needs the corrected text</source>
        <translation>a correction of a note needs the corrected text</translation>
    </message>
    <message>
        <source>the correction changes nothing</source>
        <translation>the correction changes nothing</translation>
    </message>
    <message>
        <source>an action item needs a description of the action</source>
        <translation>an action item needs a description of the action</translation>
    </message>
    <message>
        <source>Loading the incidents</source>
        <translation>Loading the incidents</translation>
    </message>
    <message>
        <source>Opening the incident &quot;%1&quot;</source>
        <translation>Opening the incident &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Saving the incident &quot;%1&quot;</source>
        <translation>Saving the incident &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Adding to the timeline of the incident &quot;%1&quot;</source>
        <translation>Adding to the timeline of the incident &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Saving an action item of the incident &quot;%1&quot;</source>
        <translation>Saving an action item of the incident &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Removing an action item of the incident &quot;%1&quot;</source>
        <translation>Removing an action item of the incident &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Reloading the incident &quot;%1&quot;</source>
        <translation>Reloading the incident &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no incident %1 in this workspace</source>
        <translation>no incident %1 in this workspace</translation>
    </message>
    <message>
        <source>incident %1 was already acknowledged at %2%3</source>
        <translation>incident %1 was already acknowledged at %2%3</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> by %1</translation>
    </message>
    <message>
        <source>incident %1 is %2: there is nothing to acknowledge</source>
        <translation>incident %1 is %2: there is nothing to acknowledge</translation>
    </message>
    <message>
        <source>Acknowledging the incident &quot;%1&quot;</source>
        <translation>Acknowledging the incident &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>IncidentTimeline</name>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Opened as %1</source>
        <translation>Opened as %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>Acknowledged by %1</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Incidents could not be loaded: %1</source>
        <translation>Incidents could not be loaded: %1</translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation>Not opened: %1</translation>
    </message>
    <message>
        <source>#%1 %2 — %3, %4</source>
        <translation>#%1 %2 — %3, %4</translation>
    </message>
    <message>
        <source>No incident selected</source>
        <translation>No incident selected</translation>
    </message>
    <message>
        <source>New incident…</source>
        <translation>New incident…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Post-mortem</source>
        <translation>Post-mortem</translation>
    </message>
    <message>
        <source>No incidents yet. Open one with &quot;New incident…&quot;; while it is open, health changes of its services are recorded in its timeline.</source>
        <translation>No incidents yet. Open one with &quot;New incident…&quot;; while it is open, health changes of its services are recorded in its timeline.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>The database is not open.</translation>
    </message>
</context>
<context>
    <name>JsonCursor</name>
    <message>
        <source>the end of the body</source>
        <translation>the end of the body</translation>
    </message>
    <message>
        <source>byte 0x%1</source>
        <translation>byte 0x%1</translation>
    </message>
    <message>
        <source>expected %1 at byte %2, found %3</source>
        <translation>expected %1 at byte %2, found %3</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>a string</translation>
    </message>
    <message>
        <source>a string that starts at byte %1 is not closed</source>
        <translation>a string that starts at byte %1 is not closed</translation>
    </message>
    <message>
        <source>an escaped control character</source>
        <translation>an escaped control character</translation>
    </message>
    <message>
        <source>the string at byte %1 is not valid UTF-8</source>
        <translation>the string at byte %1 is not valid UTF-8</translation>
    </message>
    <message>
        <source>expected four hex digits after \u at byte %1</source>
        <translation>expected four hex digits after \u at byte %1</translation>
    </message>
    <message>
        <source>invalid escape at byte %1</source>
        <translation>invalid escape at byte %1</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>values are nested more than %1 deep at byte %2</source>
        <translation>values are nested more than %1 deep at byte %2</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>a value</translation>
    </message>
    <message>
        <source>unexpected text after the answer at byte %1</source>
        <translation>unexpected text after the answer at byte %1</translation>
    </message>
</context>
<context>
    <name>JsonField</name>
    <message>
        <source>path %1: %2 at offset %3</source>
        <translation>path %1: %2 at offset %3</translation>
    </message>
    <message>
        <source>the response is not JSON: %1 at offset %2</source>
        <translation>the response is not JSON: %1 at offset %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is %2, not a number</source>
        <translation>%1 is %2, not a number</translation>
    </message>
</context>
<context>
    <name>JsonPath</name>
    <message>
        <source>the value is null</source>
        <translation>the value is null</translation>
    </message>
    <message>
        <source>the path has more than %1 steps</source>
        <translation>the path has more than %1 steps</translation>
    </message>
    <message>
        <source>unexpected space in the path</source>
        <translation>unexpected space in the path</translation>
    </message>
    <message>
        <source>expected a key after &quot;.&quot;</source>
        <translation>expected a key after &quot;.&quot;</translation>
    </message>
    <message>
        <source>expected &quot;]&quot; to close this &quot;[&quot;</source>
        <translation>expected &quot;]&quot; to close this &quot;[&quot;</translation>
    </message>
    <message>
        <source>only one [*] is allowed in a path</source>
        <translation>only one [*] is allowed in a path</translation>
    </message>
    <message>
        <source>expected an array index (0, 1, ...) or * inside [ ]</source>
        <translation>expected an array index (0, 1, ...) or * inside [ ]</translation>
    </message>
    <message>
        <source>expected &quot;.&quot; or &quot;[&quot; in the path</source>
        <translation>expected &quot;.&quot; or &quot;[&quot; in the path</translation>
    </message>
    <message>
        <source>%1 is %2, not an array</source>
        <translation>%1 is %2, not an array</translation>
    </message>
    <message>
        <source>%1 is null</source>
        <translation>%1 is null</translation>
    </message>
    <message>
        <source>%1 is %2, not an object</source>
        <translation>%1 is %2, not an object</translation>
    </message>
    <message>
        <source>no such key &quot;%1&quot;</source>
        <translation>no such key &quot;%1&quot;</translation>
    </message>
    <message numerus="yes">
        <source>index %1 is out of range (the array has %n item(s))</source>
        <translation>
            <numerusform>index %1 is out of range (the array has %n item)</numerusform>
            <numerusform>index %1 is out of range (the array has %n items)</numerusform>
        </translation>
    </message>
    <message>
        <source>a string</source>
        <translation>a string</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>a boolean</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>an array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>an object</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
</context>
<context>
    <name>KeychainLoader</name>
    <message>
        <source>no entry</source>
        <translation>no entry</translation>
    </message>
</context>
<context>
    <name>KeychainWriter</name>
    <message>
        <source>no entry</source>
        <translation>no entry</translation>
    </message>
</context>
<context>
    <name>KpiCheck</name>
    <message>
        <source>NORMAL</source>
        <translation>NORMAL</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>STALE</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>UNKNOWN</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALUE</translation>
    </message>
    <message>
        <source>DETAILS</source>
        <translation>DETAILS</translation>
    </message>
</context>
<context>
    <name>KpiModel</name>
    <message>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Last update: %1</source>
        <translation>Last update: %1</translation>
    </message>
    <message>
        <source>No value yet</source>
        <translation>No value yet</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>%1 min over budget</source>
        <translation>%1 min over budget</translation>
    </message>
    <message>
        <source>%1 min left this month</source>
        <translation>%1 min left this month</translation>
    </message>
    <message>
        <source>%1 min left in %2</source>
        <translation>%1 min left in %2</translation>
    </message>
    <message>
        <source>SLO tier %1</source>
        <translation>SLO tier %1</translation>
    </message>
    <message>
        <source>waiting for trust: this reading would send a secret of a workspace version not trusted yet</source>
        <translation>waiting for trust: this reading would send a secret of a workspace version not trusted yet</translation>
    </message>
</context>
<context>
    <name>KpiReader</name>
    <message>
        <source>rate(%1[%2]) from %3</source>
        <translation>rate(%1[%2]) from %3</translation>
    </message>
    <message>
        <source>histogram_quantile(%1, %2[%3]) from %4</source>
        <translation>histogram_quantile(%1, %2[%3]) from %4</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 from %2</translation>
    </message>
    <message>
        <source>%1 of endpoint %2&apos;s last response</source>
        <translation>%1 of endpoint %2&apos;s last response</translation>
    </message>
    <message>
        <source>%1 of endpoint %2 over %3</source>
        <translation>%1 of endpoint %2 over %3</translation>
    </message>
    <message>
        <source>error budget of endpoint %1: %2 % over %3</source>
        <translation>error budget of endpoint %1: %2 % over %3</translation>
    </message>
    <message>
        <source>the workspace sets no sources.prometheus.url</source>
        <translation>the workspace sets no sources.prometheus.url</translation>
    </message>
    <message>
        <source>the query returned no data</source>
        <translation>the query returned no data</translation>
    </message>
    <message>
        <source>the query returned %1 series; a tile shows one (aggregate it, e.g. with sum())</source>
        <translation>the query returned %1 series; a tile shows one (aggregate it, e.g. with sum())</translation>
    </message>
    <message>
        <source>waiting for a second scrape to compute a rate</source>
        <translation>waiting for a second scrape to compute a rate</translation>
    </message>
    <message>
        <source>endpoint %1 has no response: %2</source>
        <translation>endpoint %1 has no response: %2</translation>
    </message>
    <message>
        <source>endpoint %1 has not been checked yet</source>
        <translation>endpoint %1 has not been checked yet</translation>
    </message>
    <message>
        <source>the KPI has no source</source>
        <translation>the KPI has no source</translation>
    </message>
</context>
<context>
    <name>KpiStyle</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Stale</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
</context>
<context>
    <name>KpiTileDelegate</name>
    <message>
        <source>Target %1</source>
        <translation>Target %1</translation>
    </message>
    <message>
        <source>burn %1×</source>
        <translation>burn %1×</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Tier %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Storage unavailable</source>
        <translation>Storage unavailable</translation>
    </message>
    <message>
        <source>OpsDeck</source>
        <translation>OpsDeck</translation>
    </message>
    <message>
        <source>%1 — OpsDeck</source>
        <translation>%1 — OpsDeck</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Open Workspace…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>&amp;Clear Recent</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Full Screen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About OpsDeck</source>
        <translation>&amp;About OpsDeck</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>No workspace</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, demo</source>
        <translation>%1, demo</translation>
    </message>
    <message>
        <source>Last refresh: never</source>
        <translation>Last refresh: never</translation>
    </message>
    <message>
        <source>Last refresh: %1</source>
        <translation>Last refresh: %1</translation>
    </message>
    <message>
        <source>%1 (reload failed)</source>
        <translation>%1 (reload failed)</translation>
    </message>
    <message>
        <source>Storage: not open</source>
        <translation>Storage: not open</translation>
    </message>
    <message>
        <source>Storage: opening…</source>
        <translation>Storage: opening…</translation>
    </message>
    <message>
        <source>Storage: open</source>
        <translation>Storage: open</translation>
    </message>
    <message>
        <source>Storage: failed, read-only</source>
        <translation>Storage: failed, read-only</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Open Workspace</translation>
    </message>
    <message>
        <source>Workspaces (*.yaml *.yml);;All files (*)</source>
        <translation>Workspaces (*.yaml *.yml);;All files (*)</translation>
    </message>
    <message>
        <source>%1 (load failed)</source>
        <translation>%1 (load failed)</translation>
    </message>
    <message>
        <source>&amp;War Room Screen</source>
        <translation>&amp;War Room Screen</translation>
    </message>
    <message>
        <source>Team database: online</source>
        <translation>Team database: online</translation>
    </message>
    <message>
        <source>Team database: offline, changes are not saved</source>
        <translation>Team database: offline, changes are not saved</translation>
    </message>
    <message>
        <source>OpsDeck could not open its database and left it untouched (file or server). OpsDeck continues read-only, so ticks, incidents and audit entries are not saved until this is fixed.</source>
        <translation>OpsDeck could not open its database and left it untouched (file or server). OpsDeck continues read-only, so ticks, incidents and audit entries are not saved until this is fixed.</translation>
    </message>
    <message>
        <source>Incident #%1</source>
        <translation>Incident #%1</translation>
    </message>
    <message>
        <source>Acknowledged: its escalation stops.</source>
        <translation>Acknowledged: its escalation stops.</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
</context>
<context>
    <name>MetricMath</name>
    <message>
        <source>%1: a bucket has no valid &quot;le&quot; label</source>
        <translation>%1: a bucket has no valid &quot;le&quot; label</translation>
    </message>
    <message>
        <source>no histogram buckets %1</source>
        <translation>no histogram buckets %1</translation>
    </message>
    <message>
        <source>no sample %1 in the scrape</source>
        <translation>no sample %1 in the scrape</translation>
    </message>
    <message>
        <source>a rate needs two scrapes at different times</source>
        <translation>a rate needs two scrapes at different times</translation>
    </message>
    <message>
        <source>%1: the histogram has no +Inf bucket</source>
        <translation>%1: the histogram has no +Inf bucket</translation>
    </message>
    <message>
        <source>%1: no observations in the window</source>
        <translation>%1: no observations in the window</translation>
    </message>
</context>
<context>
    <name>MetricsScraper</name>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 answered HTTP %2</translation>
    </message>
    <message>
        <source>%1 is not in the Prometheus text format: %2</source>
        <translation>%1 is not in the Prometheus text format: %2</translation>
    </message>
</context>
<context>
    <name>NetCheck</name>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1; nothing was sent</translation>
    </message>
    <message>
        <source>could not start the check</source>
        <translation>could not start the check</translation>
    </message>
    <message>
        <source>no complete answer within the %1 deadline</source>
        <translation>no complete answer within the %1 deadline</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <source>New incident</source>
        <translation>New incident</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>Open incident</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>stale</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>RESOLVED</source>
        <translation>RESOLVED</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>endpoint %1 is %2 (was %3)</source>
        <translation>endpoint %1 is %2 (was %3)</translation>
    </message>
    <message>
        <source>KPI %1 is %2 (was %3)</source>
        <translation>KPI %1 is %2 (was %3)</translation>
    </message>
    <message>
        <source>incident #%1 opened: %2</source>
        <translation>incident #%1 opened: %2</translation>
    </message>
    <message>
        <source>incident #%1 resolved: %2</source>
        <translation>incident #%1 resolved: %2</translation>
    </message>
    <message>
        <source>checklist overdue: %1</source>
        <translation>checklist overdue: %1</translation>
    </message>
    <message>
        <source>runbook %1 finished</source>
        <translation>runbook %1 finished</translation>
    </message>
    <message>
        <source>runbook %1 failed</source>
        <translation>runbook %1 failed</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>value: %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>incident #%1 not acknowledged: %2</source>
        <translation>incident #%1 not acknowledged: %2</translation>
    </message>
    <message>
        <source>incident #%1 acknowledged: %2</source>
        <translation>incident #%1 acknowledged: %2</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>This workspace sends no notifications. Add providers and routes under notifications: in the workspace file (see docs/workspace-format.md).</source>
        <translation>This workspace sends no notifications. Add providers and routes under notifications: in the workspace file (see docs/workspace-format.md).</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>Last deliveries (newest first)</source>
        <translation>Last deliveries (newest first)</translation>
    </message>
    <message>
        <source>Send test notification</source>
        <translation>Send test notification</translation>
    </message>
    <message>
        <source>Sends a test message to every provider of the selected route now</source>
        <translation>Sends a test message to every provider of the selected route now</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Sends the selected failed message again to the same provider</source>
        <translation>Sends the selected failed message again to the same provider</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>held back by the rate limit</source>
        <translation>held back by the rate limit</translation>
    </message>
    <message>
        <source>%1 more notification(s) of route %2 were held back by its rate limit of %3 a minute</source>
        <translation>%1 more notification(s) of route %2 were held back by its rate limit of %3 a minute</translation>
    </message>
    <message>
        <source>Open OpsDeck to see what changed.</source>
        <translation>Open OpsDeck to see what changed.</translation>
    </message>
    <message>
        <source>Notification to %1 (route %2) failed: %3</source>
        <translation>Notification to %1 (route %2) failed: %3</translation>
    </message>
    <message>
        <source>Test notification from OpsDeck: route %1 of workspace %2 reaches this channel</source>
        <translation>Test notification from OpsDeck: route %1 of workspace %2 reaches this channel</translation>
    </message>
    <message>
        <source>Sent with &quot;Send test notification&quot;; nothing has changed.</source>
        <translation>Sent with &quot;Send test notification&quot;; nothing has changed.</translation>
    </message>
    <message>
        <source>waiting for trust: this workspace version is not trusted to send its secrets; nothing was sent</source>
        <translation>waiting for trust: this workspace version is not trusted to send its secrets; nothing was sent</translation>
    </message>
    <message>
        <source>Notification %1 (route %2) is sent without a claim: %3</source>
        <translation>Notification %1 (route %2) is sent without a claim: %3</translation>
    </message>
</context>
<context>
    <name>NotifyDelivery</name>
    <message>
        <source>%1: no answer within %2 s</source>
        <translation>%1: no answer within %2 s</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
</context>
<context>
    <name>NotifyLogModel</name>
    <message>
        <source>held back</source>
        <translation>held back</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message numerus="yes">
        <source>(%n attempt(s))</source>
        <translation>
            <numerusform>(%n attempt)</numerusform>
            <numerusform>(%n attempts)</numerusform>
        </translation>
    </message>
    <message>
        <source>(fallback)</source>
        <translation>(fallback)</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1 (test)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>NotifyRequest</name>
    <message>
        <source>nothing was sent: %1</source>
        <translation>nothing was sent: %1</translation>
    </message>
    <message>
        <source>unknown provider kind &quot;%1&quot;</source>
        <translation>unknown provider kind &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 is not an http(s) URL</source>
        <translation>%1 is not an http(s) URL</translation>
    </message>
    <message>
        <source>%1 is not an smtp:// or smtps:// URL</source>
        <translation>%1 is not an smtp:// or smtps:// URL</translation>
    </message>
    <message>
        <source>an email provider needs one from: address and at least one to: address</source>
        <translation>an email provider needs one from: address and at least one to: address</translation>
    </message>
</context>
<context>
    <name>NotifyRouteModel</name>
    <message>
        <source>every event</source>
        <translation>every event</translation>
    </message>
    <message>
        <source>fallback %1</source>
        <translation>fallback %1</translation>
    </message>
    <message>
        <source>always</source>
        <translation>always</translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation>nothing sent yet</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>From severity</source>
        <translation>From severity</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>Sends to</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Last delivery</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation>No workspace is open</translation>
    </message>
    <message>
        <source>Open a workspace file with File &gt; Open Workspace, or start OpsDeck with --demo.</source>
        <translation>Open a workspace file with File &gt; Open Workspace, or start OpsDeck with --demo.</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Environment: %1</translation>
    </message>
    <message>
        <source>Defines:</source>
        <translation>Defines:</translation>
    </message>
    <message>
        <source>endpoints</source>
        <translation>endpoints</translation>
    </message>
    <message>
        <source>checklists</source>
        <translation>checklists</translation>
    </message>
    <message>
        <source>runbooks</source>
        <translation>runbooks</translation>
    </message>
    <message>
        <source>This workspace defines no KPIs. Add a kpis: section to see tiles here.</source>
        <translation>This workspace defines no KPIs. Add a kpis: section to see tiles here.</translation>
    </message>
    <message>
        <source>KPI tiles appear here once the workspace&apos;s KPIs are being read.</source>
        <translation>KPI tiles appear here once the workspace&apos;s KPIs are being read.</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>Open chart</translation>
    </message>
    <message>
        <source>Open incident…</source>
        <translation>Open incident…</translation>
    </message>
</context>
<context>
    <name>PostMortemPanel</name>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Save the post-mortem first; the export shows what is stored.</source>
        <translation>Save the post-mortem first; the export shows what is stored.</translation>
    </message>
    <message>
        <source>Export post-mortem</source>
        <translation>Export post-mortem</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <source>Contributing factors (one per line)</source>
        <translation>Contributing factors (one per line)</translation>
    </message>
    <message>
        <source>Resolution (one step per line)</source>
        <translation>Resolution (one step per line)</translation>
    </message>
    <message>
        <source>Prevention: immediate (one per line)</source>
        <translation>Prevention: immediate (one per line)</translation>
    </message>
    <message>
        <source>Prevention: long term (one per line)</source>
        <translation>Prevention: long term (one per line)</translation>
    </message>
    <message>
        <source>Lessons learned (one per line)</source>
        <translation>Lessons learned (one per line)</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>Save post-mortem</source>
        <translation>Save post-mortem</translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation>Export Markdown…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Not removed: %1</translation>
    </message>
    <message>
        <source>Remove action item</source>
        <translation>Remove action item</translation>
    </message>
    <message>
        <source>Removes the selected action item (Delete)</source>
        <translation>Removes the selected action item (Delete)</translation>
    </message>
</context>
<context>
    <name>ProbeEngine</name>
    <message>
        <source>the endpoint was removed from the workspace</source>
        <translation>the endpoint was removed from the workspace</translation>
    </message>
    <message>
        <source>waiting for trust</source>
        <translation>waiting for trust</translation>
    </message>
</context>
<context>
    <name>ProbeEvidence</name>
    <message>
        <source>%1 in %2 ms</source>
        <translation>%1 in %2 ms</translation>
    </message>
</context>
<context>
    <name>ProbeFeed</name>
    <message>
        <source>Reading the latest probe results</source>
        <translation>Reading the latest probe results</translation>
    </message>
    <message>
        <source>Reading new probe results</source>
        <translation>Reading new probe results</translation>
    </message>
</context>
<context>
    <name>ProbeFigures</name>
    <message>
        <source>no successful check in the window yet</source>
        <translation>no successful check in the window yet</translation>
    </message>
    <message>
        <source>no check results in the window yet</source>
        <translation>no check results in the window yet</translation>
    </message>
    <message>
        <source>unknown probe figure &quot;%1&quot;</source>
        <translation>unknown probe figure &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ProbeHistory</name>
    <message numerus="yes">
        <source>Saving %n probe result(s)</source>
        <translation>
            <numerusform>Saving %n probe result</numerusform>
            <numerusform>Saving %n probe results</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading where another prober took over</source>
        <translation>Reading where another prober took over</translation>
    </message>
</context>
<context>
    <name>ProbeRecordLoader</name>
    <message>
        <source>Loading the stored probe results</source>
        <translation>Loading the stored probe results</translation>
    </message>
</context>
<context>
    <name>PromResponseParser</name>
    <message>
        <source>HTTP %1 and no Prometheus API answer in the body</source>
        <translation>HTTP %1 and no Prometheus API answer in the body</translation>
    </message>
    <message>
        <source>not a Prometheus API answer: %1</source>
        <translation>not a Prometheus API answer: %1</translation>
    </message>
    <message>
        <source>no &quot;status&quot; field</source>
        <translation>no &quot;status&quot; field</translation>
    </message>
    <message>
        <source>a scalar is not [time, &quot;value&quot;]</source>
        <translation>a scalar is not [time, &quot;value&quot;]</translation>
    </message>
    <message>
        <source>a string result has no numeric value</source>
        <translation>a string result has no numeric value</translation>
    </message>
    <message>
        <source>unknown resultType &quot;%1&quot;</source>
        <translation>unknown resultType &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a point is not [time, &quot;value&quot;]</source>
        <translation>a point is not [time, &quot;value&quot;]</translation>
    </message>
    <message>
        <source>a sample is not [time, &quot;value&quot;]</source>
        <translation>a sample is not [time, &quot;value&quot;]</translation>
    </message>
    <message>
        <source>the rest of the answer</source>
        <translation>the rest of the answer</translation>
    </message>
    <message>
        <source>a series is not an object</source>
        <translation>a series is not an object</translation>
    </message>
    <message>
        <source>a series&apos; values are not a list</source>
        <translation>a series&apos; values are not a list</translation>
    </message>
    <message>
        <source>the result is not a list</source>
        <translation>the result is not a list</translation>
    </message>
    <message>
        <source>malformed Prometheus answer at byte %1: %2</source>
        <translation>malformed Prometheus answer at byte %1: %2</translation>
    </message>
    <message>
        <source>the answer&apos;s status is &quot;%1&quot; and it gives no error</source>
        <translation>the answer&apos;s status is &quot;%1&quot; and it gives no error</translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <source>no answer from Prometheus</source>
        <translation>no answer from Prometheus</translation>
    </message>
    <message>
        <source>waiting for trust: this workspace version is not trusted to send its secrets to Prometheus; nothing was sent</source>
        <translation>waiting for trust: this workspace version is not trusted to send its secrets to Prometheus; nothing was sent</translation>
    </message>
</context>
<context>
    <name>ResponseView</name>
    <message>
        <source>The body was cut off at the size limit.</source>
        <translation>The body was cut off at the size limit.</translation>
    </message>
    <message>
        <source>No response body.</source>
        <translation>No response body.</translation>
    </message>
    <message>
        <source>Shown without highlighting: %1</source>
        <translation>Shown without highlighting: %1</translation>
    </message>
</context>
<context>
    <name>RunbookAudit</name>
    <message>
        <source>%1 / %2: %3 — %4</source>
        <translation>%1 / %2: %3 — %4</translation>
    </message>
    <message>
        <source>Recording step %1 of the runbook %2 in the audit trail</source>
        <translation>Recording step %1 of the runbook %2 in the audit trail</translation>
    </message>
    <message>
        <source>Loading the audit trail of the runbook %1</source>
        <translation>Loading the audit trail of the runbook %1</translation>
    </message>
</context>
<context>
    <name>RunbookCommand</name>
    <message>
        <source>check %1, expecting %2</source>
        <translation>check %1, expecting %2</translation>
    </message>
    <message>
        <source>wait until %1 is OK (every %2, at most %3)</source>
        <translation>wait until %1 is OK (every %2, at most %3)</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>run %1</translation>
    </message>
    <message>
        <source>manual step</source>
        <translation>manual step</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>ABORTED</source>
        <translation>ABORTED</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>opsdeck: the audit row could not be saved: %1</source>
        <translation>opsdeck: the audit row could not be saved: %1</translation>
    </message>
    <message>
        <source>opsdeck: the step could not be added to incident %1&apos;s timeline: %2</source>
        <translation>opsdeck: the step could not be added to incident %1&apos;s timeline: %2</translation>
    </message>
    <message>
        <source>%1: the workspace is not valid; nothing was run</source>
        <translation>%1: the workspace is not valid; nothing was run</translation>
    </message>
    <message>
        <source>%1 defines no runbooks</source>
        <translation>%1 defines no runbooks</translation>
    </message>
    <message>
        <source>no runbook &quot;%1&quot; in %2; available: %3</source>
        <translation>no runbook &quot;%1&quot; in %2; available: %3</translation>
    </message>
    <message>
        <source>runbook &quot;%1&quot; has no steps</source>
        <translation>runbook &quot;%1&quot; has no steps</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1; nothing was sent</translation>
    </message>
    <message>
        <source>Runbook: %1 (%2)</source>
        <translation>Runbook: %1 (%2)</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>service %1</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>environment %1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot open the database %1: %2; nothing was run</source>
        <translation>cannot open the database %1: %2; nothing was run</translation>
    </message>
    <message>
        <source>opsdeck: the open incidents could not be read (%1); the steps are not added to a timeline</source>
        <translation>opsdeck: the open incidents could not be read (%1); the steps are not added to a timeline</translation>
    </message>
    <message>
        <source>commands allowed by --yes</source>
        <translation>commands allowed by --yes</translation>
    </message>
    <message>
        <source>Allow them for this version of %1? [y/N] </source>
        <translation>Allow them for this version of %1? [y/N] </translation>
    </message>
    <message>
        <source>not started: %1</source>
        <translation>not started: %1</translation>
    </message>
    <message>
        <source>no answer (end of input)</source>
        <translation>no answer (end of input)</translation>
    </message>
    <message>
        <source>Done? [y/N] </source>
        <translation>Done? [y/N] </translation>
    </message>
    <message>
        <source>not done</source>
        <translation>not done</translation>
    </message>
    <message>
        <source>Note (optional): </source>
        <translation>Note (optional): </translation>
    </message>
    <message>
        <source>%1 on service %2 in environment %3</source>
        <translation>%1 on service %2 in environment %3</translation>
    </message>
    <message>
        <source>Type the environment name (%1) to go ahead: </source>
        <translation>Type the environment name (%1) to go ahead: </translation>
    </message>
    <message>
        <source>the environment name typed did not match; nothing was sent</source>
        <translation>the environment name typed did not match; nothing was sent</translation>
    </message>
    <message>
        <source>Go ahead? [y/N] </source>
        <translation>Go ahead? [y/N] </translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>aborted</translation>
    </message>
    <message>
        <source>finished with failures</source>
        <translation>finished with failures</translation>
    </message>
    <message>
        <source>every step succeeded</source>
        <translation>every step succeeded</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%3 of %n step(s) succeeded)</source>
        <translation>
            <numerusform>%1: %2 (%3 of %n step succeeded)</numerusform>
            <numerusform>%1: %2 (%3 of %n steps succeeded)</numerusform>
        </translation>
    </message>
    <message>
        <source>opsdeck: the audit trail of this run is incomplete</source>
        <translation>opsdeck: the audit trail of this run is incomplete</translation>
    </message>
    <message>
        <source>opsdeck: interrupted again; leaving now</source>
        <translation>opsdeck: interrupted again; leaving now</translation>
    </message>
    <message>
        <source>opsdeck: interrupted; aborting the run</source>
        <translation>opsdeck: interrupted; aborting the run</translation>
    </message>
    <message>
        <source>interrupted; nothing was run</source>
        <translation>interrupted; nothing was run</translation>
    </message>
    <message>
        <source>The workspace is not trusted to send its secrets or run commands; allowed for this run by --yes.</source>
        <translation>The workspace is not trusted to send its secrets or run commands; allowed for this run by --yes.</translation>
    </message>
    <message>
        <source>the workspace version is not trusted (its secrets or commands); nothing was run</source>
        <translation>the workspace version is not trusted (its secrets or commands); nothing was run</translation>
    </message>
</context>
<context>
    <name>RunbookRunner</name>
    <message>
        <source>a run is already in progress</source>
        <translation>a run is already in progress</translation>
    </message>
    <message>
        <source>no such step</source>
        <translation>no such step</translation>
    </message>
    <message>
        <source>the workspace is not trusted to run commands; nothing was run</source>
        <translation>the workspace is not trusted to run commands; nothing was run</translation>
    </message>
    <message>
        <source>confirmed automatically (--yes)</source>
        <translation>confirmed automatically (--yes)</translation>
    </message>
    <message>
        <source>marked done</source>
        <translation>marked done</translation>
    </message>
    <message>
        <source>confirmed by %1</source>
        <translation>confirmed by %1</translation>
    </message>
    <message>
        <source>confirmed by %1: %2</source>
        <translation>confirmed by %1: %2</translation>
    </message>
    <message>
        <source>declined by %1; nothing was sent</source>
        <translation>declined by %1; nothing was sent</translation>
    </message>
    <message>
        <source>declined by %1: %2</source>
        <translation>declined by %1: %2</translation>
    </message>
    <message>
        <source>aborted by %1</source>
        <translation>aborted by %1</translation>
    </message>
    <message>
        <source>no endpoint named &quot;%1&quot; in the workspace</source>
        <translation>no endpoint named &quot;%1&quot; in the workspace</translation>
    </message>
    <message>
        <source>nothing to run</source>
        <translation>nothing to run</translation>
    </message>
    <message>
        <source>(over its %1 budget)</source>
        <translation>(over its %1 budget)</translation>
    </message>
    <message>
        <source>aborted at step %1</source>
        <translation>aborted at step %1</translation>
    </message>
    <message>
        <source>every step succeeded</source>
        <translation>every step succeeded</translation>
    </message>
    <message>
        <source>finished with failures</source>
        <translation>finished with failures</translation>
    </message>
    <message>
        <source>%1; nothing was sent</source>
        <translation>%1; nothing was sent</translation>
    </message>
    <message>
        <source>waiting for trust: this workspace version is not trusted to send its secrets; nothing was sent</source>
        <translation>waiting for trust: this workspace version is not trusted to send its secrets; nothing was sent</translation>
    </message>
</context>
<context>
    <name>RunbookStepModel</name>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Time / budget</source>
        <translation>Time / budget</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>RunbooksPage</name>
    <message>
        <source>Runbooks</source>
        <translation>Runbooks</translation>
    </message>
    <message>
        <source>Run finished: %1</source>
        <translation>Run finished: %1</translation>
    </message>
    <message>
        <source>Run ended: %1</source>
        <translation>Run ended: %1</translation>
    </message>
    <message>
        <source>The audit row could not be saved: %1</source>
        <translation>The audit row could not be saved: %1</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Not started: %1</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Run all</translation>
    </message>
    <message>
        <source>Run from here</source>
        <translation>Run from here</translation>
    </message>
    <message>
        <source>Run step</source>
        <translation>Run step</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abort</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation>Stop here</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>No runbooks</source>
        <translation>No runbooks</translation>
    </message>
    <message>
        <source>This workspace defines no runbooks.</source>
        <translation>This workspace defines no runbooks.</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Environment: %1</translation>
    </message>
    <message>
        <source>Secrets, each sent only to these hosts:</source>
        <translation>Secrets, each sent only to these hosts:</translation>
    </message>
    <message>
        <source>Commands run on this computer:</source>
        <translation>Commands run on this computer:</translation>
    </message>
    <message>
        <source>Trust this workspace?</source>
        <translation>Trust this workspace?</translation>
    </message>
    <message>
        <source>This version of %1 sends secrets or runs commands. Trust it? Until you do, nothing that carries a secret is sent and its checks wait.</source>
        <translation>This version of %1 sends secrets or runs commands. Trust it? Until you do, nothing that carries a secret is sent and its checks wait.</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Trust</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>SampleStore</name>
    <message>
        <source>no database for stored samples</source>
        <translation>no database for stored samples</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n KPI sample(s)</source>
        <translation>
            <numerusform>Saving %n KPI sample</numerusform>
            <numerusform>Saving %n KPI samples</numerusform>
        </translation>
    </message>
    <message>
        <source>Pruning old KPI samples</source>
        <translation>Pruning old KPI samples</translation>
    </message>
    <message>
        <source>Reading the samples of %1</source>
        <translation>Reading the samples of %1</translation>
    </message>
</context>
<context>
    <name>Screenshotter</name>
    <message>
        <source>cannot create the directory %1</source>
        <translation>cannot create the directory %1</translation>
    </message>
    <message>
        <source>language %1 is not available</source>
        <translation>language %1 is not available</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
</context>
<context>
    <name>SecretCommand</name>
    <message>
        <source>&quot;%1&quot; is not a secret name: use letters, digits and _, not starting with a digit</source>
        <translation>&quot;%1&quot; is not a secret name: use letters, digits and _, not starting with a digit</translation>
    </message>
    <message>
        <source>the keychain refused: %1</source>
        <translation>the keychain refused: %1</translation>
    </message>
    <message>
        <source>%1 is stored in the keychain</source>
        <translation>%1 is stored in the keychain</translation>
    </message>
    <message>
        <source>%1 is no longer in the keychain</source>
        <translation>%1 is no longer in the keychain</translation>
    </message>
    <message>
        <source>Value of %1: </source>
        <translation>Value of %1: </translation>
    </message>
    <message>
        <source>no value on standard input; nothing was stored</source>
        <translation>no value on standard input; nothing was stored</translation>
    </message>
</context>
<context>
    <name>SecretDestinations</name>
    <message>
        <source>%1: URL</source>
        <translation>%1: URL</translation>
    </message>
    <message>
        <source>%1: header %2</source>
        <translation>%1: header %2</translation>
    </message>
    <message>
        <source>%1: body</source>
        <translation>%1: body</translation>
    </message>
    <message>
        <source>the host that %1 names (not known before it is resolved)</source>
        <translation>the host that %1 names (not known before it is resolved)</translation>
    </message>
    <message>
        <source>endpoint %1</source>
        <translation>endpoint %1</translation>
    </message>
    <message>
        <source>Prometheus source (KPI queries)</source>
        <translation>Prometheus source (KPI queries)</translation>
    </message>
    <message>
        <source>Alertmanager source</source>
        <translation>Alertmanager source</translation>
    </message>
    <message>
        <source>KPI %1 metrics source</source>
        <translation>KPI %1 metrics source</translation>
    </message>
    <message>
        <source>notification provider %1</source>
        <translation>notification provider %1</translation>
    </message>
    <message>
        <source>%1: key</source>
        <translation>%1: key</translation>
    </message>
    <message>
        <source>%1: option %2</source>
        <translation>%1: option %2</translation>
    </message>
    <message>
        <source>runbook %1 step %2</source>
        <translation>runbook %1 step %2</translation>
    </message>
    <message>
        <source>%1: command</source>
        <translation>%1: command</translation>
    </message>
    <message>
        <source>a command on this computer</source>
        <translation>a command on this computer</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>%1 is not set in the environment</source>
        <translation>%1 is not set in the environment</translation>
    </message>
    <message>
        <source>%1 is not set in the environment nor in the keychain (%2)</source>
        <translation>%1 is not set in the environment nor in the keychain (%2)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>%1 sent to %2 by route %3 (HTTP %4)</source>
        <translation>%1 sent to %2 by route %3 (HTTP %4)</translation>
    </message>
    <message>
        <source>%1 to %2 by route %3 failed: %4</source>
        <translation>%1 to %2 by route %3 failed: %4</translation>
    </message>
    <message>
        <source>%1 (held while %2 was CRITICAL; %2 recovered, this did not)</source>
        <translation>%1 (held while %2 was CRITICAL; %2 recovered, this did not)</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign off %1</source>
        <translation>Sign off %1</translation>
    </message>
    <message>
        <source>Signing as %1. A signed checklist can no longer change.</source>
        <translation>Signing as %1. A signed checklist can no longer change.</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>Sign off</translation>
    </message>
</context>
<context>
    <name>SilenceDialog</name>
    <message>
        <source>Silence %1</source>
        <translation>Silence %1</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silence</translation>
    </message>
    <message>
        <source>Silenced from the OpsDeck console</source>
        <translation>Silenced from the OpsDeck console</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 week</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <source>Silence alert</source>
        <translation>Silence alert</translation>
    </message>
    <message>
        <source>Silence %1: %2</source>
        <translation>Silence %1: %2</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation>Matches: %1</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Comment:</translation>
    </message>
</context>
<context>
    <name>SlaClock</name>
    <message>
        <source>%1d %2h</source>
        <translation>%1d %2h</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>no target</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>overdue by %1</translation>
    </message>
    <message>
        <source>missed by %1</source>
        <translation>missed by %1</translation>
    </message>
    <message>
        <source>met in %1</source>
        <translation>met in %1</translation>
    </message>
</context>
<context>
    <name>SmtpTransfer</name>
    <message>
        <source>refused to send the login in clear text: remove starttls: false or the login</source>
        <translation>refused to send the login in clear text: remove starttls: false or the login</translation>
    </message>
    <message>
        <source>libcurl could not start a transfer</source>
        <translation>libcurl could not start a transfer</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS; nothing was sent</source>
        <translation>the server does not offer STARTTLS; nothing was sent</translation>
    </message>
    <message>
        <source>login refused (SMTP %1)</source>
        <translation>login refused (SMTP %1)</translation>
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation>TLS failed: %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>no answer within the deadline (%1)</source>
        <translation>no answer within the deadline (%1)</translation>
    </message>
    <message>
        <source>SMTP %1: %2</source>
        <translation>SMTP %1: %2</translation>
    </message>
</context>
<context>
    <name>StepExecutor</name>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1 in %2 ms</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>cannot be read (%1)</source>
        <translation>cannot be read (%1)</translation>
    </message>
    <message>
        <source>not an SQLite database (file is not a database)</source>
        <translation>not an SQLite database (file is not a database)</translation>
    </message>
    <message>
        <source>truncated (%1 bytes, shorter than the 100-byte SQLite header)</source>
        <translation>truncated (%1 bytes, shorter than the 100-byte SQLite header)</translation>
    </message>
    <message>
        <source>truncated (%1 bytes, its header says %2)</source>
        <translation>truncated (%1 bytes, its header says %2)</translation>
    </message>
    <message>
        <source>not an SQLite database (%1)</source>
        <translation>not an SQLite database (%1)</translation>
    </message>
    <message>
        <source>damaged (%1)</source>
        <translation>damaged (%1)</translation>
    </message>
    <message>
        <source>%1: %2; the file was left untouched</source>
        <translation>%1: %2; the file was left untouched</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not available</source>
        <translation>the Qt SQLite driver (QSQLITE) is not available</translation>
    </message>
    <message>
        <source>failed the integrity check (%1)</source>
        <translation>failed the integrity check (%1)</translation>
    </message>
    <message>
        <source>an SQLite database, but not an OpsDeck one (it has no %1 table)</source>
        <translation>an SQLite database, but not an OpsDeck one (it has no %1 table)</translation>
    </message>
    <message>
        <source>written by a newer OpsDeck (schema version %1; this build supports up to %2)</source>
        <translation>written by a newer OpsDeck (schema version %1; this build supports up to %2)</translation>
    </message>
    <message>
        <source>a folder is in the place of the database file</source>
        <translation>a folder is in the place of the database file</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>cannot create the folder %1</translation>
    </message>
    <message>
        <source>cannot be opened (%1)</source>
        <translation>cannot be opened (%1)</translation>
    </message>
    <message>
        <source>cannot be created (%1)</source>
        <translation>cannot be created (%1)</translation>
    </message>
    <message>
        <source>cannot read the schema version (%1)</source>
        <translation>cannot read the schema version (%1)</translation>
    </message>
    <message>
        <source>its schema version %1 is newer than this build of OpsDeck supports (%2); use a newer OpsDeck</source>
        <translation>its schema version %1 is newer than this build of OpsDeck supports (%2); use a newer OpsDeck</translation>
    </message>
    <message>
        <source>migration to schema version %1 (%2) failed: %3</source>
        <translation>migration to schema version %1 (%2) failed: %3</translation>
    </message>
    <message>
        <source>%1 (in: %2)</source>
        <translation>%1 (in: %2)</translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation>the database is not open</translation>
    </message>
    <message>
        <source>the job failed with an unknown exception</source>
        <translation>the job failed with an unknown exception</translation>
    </message>
    <message>
        <source>rolled back with a failed job: %1</source>
        <translation>rolled back with a failed job: %1</translation>
    </message>
    <message>
        <source>the connection to the server was lost</source>
        <translation>the connection to the server was lost</translation>
    </message>
    <message>
        <source>%1: %2; the database was left untouched</source>
        <translation>%1: %2; the database was left untouched</translation>
    </message>
    <message>
        <source>a PostgreSQL database, but not an OpsDeck one (it has no %1 table)</source>
        <translation>a PostgreSQL database, but not an OpsDeck one (it has no %1 table)</translation>
    </message>
    <message>
        <source>offline: the team database %1 cannot be reached; nothing was saved</source>
        <translation>offline: the team database %1 cannot be reached; nothing was saved</translation>
    </message>
    <message>
        <source>offline: the team database %1 cannot be reached (%2); nothing was saved</source>
        <translation>offline: the team database %1 cannot be reached (%2); nothing was saved</translation>
    </message>
    <message>
        <source>A database job</source>
        <translation>A database job</translation>
    </message>
    <message>
        <source>the database gave no reason</source>
        <translation>the database gave no reason</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>StreamCheck</name>
    <message>
        <source>connection failed while sending: %1</source>
        <translation>connection failed while sending: %1</translation>
    </message>
    <message>
        <source>connection failed while receiving: %1</source>
        <translation>connection failed while receiving: %1</translation>
    </message>
    <message>
        <source>the %1 handshake did not finish: %2</source>
        <translation>the %1 handshake did not finish: %2</translation>
    </message>
    <message>
        <source>Host %1 not found</source>
        <translation>Host %1 not found</translation>
    </message>
    <message>
        <source>Connection refused (%1)</source>
        <translation>Connection refused (%1)</translation>
    </message>
    <message>
        <source>could not connect to %1: %2</source>
        <translation>could not connect to %1: %2</translation>
    </message>
    <message>
        <source>the SMTP server at %1 does not offer or refused STARTTLS (%2)</source>
        <translation>the SMTP server at %1 does not offer or refused STARTTLS (%2)</translation>
    </message>
    <message>
        <source>not an SMTP server at %1: %2</source>
        <translation>not an SMTP server at %1: %2</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS handshake failed: %1</translation>
    </message>
</context>
<context>
    <name>SyntaxHighlighterService</name>
    <message>
        <source>Shown without highlighting: install kate-syntax-highlighter (Debian: libkf5syntaxhighlighting-tools) or ksyntaxhighlighter6.</source>
        <translation>Shown without highlighting: install kate-syntax-highlighter (Debian: libkf5syntaxhighlighting-tools) or ksyntaxhighlighter6.</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>%1 was not found.</translation>
    </message>
    <message>
        <source>Too large to highlight (%1 KiB; the limit is %2 KiB).</source>
        <translation>Too large to highlight (%1 KiB; the limit is %2 KiB).</translation>
    </message>
    <message>
        <source>The highlighter did not answer within %1 ms.</source>
        <translation>The highlighter did not answer within %1 ms.</translation>
    </message>
    <message>
        <source>it crashed</source>
        <translation>it crashed</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>exit code %1</translation>
    </message>
    <message>
        <source>The highlighter failed: %1</source>
        <translation>The highlighter failed: %1</translation>
    </message>
    <message>
        <source>The highlighter could not be started: %1</source>
        <translation>The highlighter could not be started: %1</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Correction of #%1: %2</source>
        <translation>Correction of #%1: %2</translation>
    </message>
    <message>
        <source>Corrected by a later entry: %1</source>
        <translation>Corrected by a later entry: %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Occurred</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Not recorded: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
    <message>
        <source>Select the entry to correct first.</source>
        <translation>Select the entry to correct first.</translation>
    </message>
    <message>
        <source>Correct entry #%1</source>
        <translation>Correct entry #%1</translation>
    </message>
    <message>
        <source>Corrected text (the entry stays in the history; occurred-at becomes the back-date):</source>
        <translation>Corrected text (the entry stays in the history; occurred-at becomes the back-date):</translation>
    </message>
    <message>
        <source>Corrected text (the entry stays in the history):</source>
        <translation>Corrected text (the entry stays in the history):</translation>
    </message>
    <message>
        <source>Not corrected: %1</source>
        <translation>Not corrected: %1</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>All entries</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Status and severity</source>
        <translation>Status and severity</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Field updates</source>
        <translation>Field updates</translation>
    </message>
    <message>
        <source>Automatic events</source>
        <translation>Automatic events</translation>
    </message>
    <message>
        <source>Show corrected entries</source>
        <translation>Show corrected entries</translation>
    </message>
    <message>
        <source>Type a note and press Enter</source>
        <translation>Type a note and press Enter</translation>
    </message>
    <message>
        <source>Occurred at</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Jump to time</source>
        <translation>Jump to time</translation>
    </message>
    <message>
        <source>Notifications and escalation</source>
        <translation>Notifications and escalation</translation>
    </message>
</context>
<context>
    <name>TrayIncidentMenu</name>
    <message>
        <source>Acknowledge #%1 %2 (%3)</source>
        <translation>Acknowledge #%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Show OpsDeck</source>
        <translation>Show OpsDeck</translation>
    </message>
</context>
<context>
    <name>TrustCommand</name>
    <message>
        <source>This workspace sends secrets, each only to these hosts:</source>
        <translation>This workspace sends secrets, each only to these hosts:</translation>
    </message>
    <message>
        <source>This workspace runs commands on this computer:</source>
        <translation>This workspace runs commands on this computer:</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>%1: the workspace is not valid; nothing was trusted</source>
        <translation>%1: the workspace is not valid; nothing was trusted</translation>
    </message>
    <message>
        <source>%1 sends no secret and runs no command: nothing to trust.</source>
        <translation>%1 sends no secret and runs no command: nothing to trust.</translation>
    </message>
    <message>
        <source>This version of %1 is already trusted.</source>
        <translation>This version of %1 is already trusted.</translation>
    </message>
    <message>
        <source>Trusted this version of %1 (--yes).</source>
        <translation>Trusted this version of %1 (--yes).</translation>
    </message>
    <message>
        <source>Not trusted: no one to ask (use --yes).</source>
        <translation>Not trusted: no one to ask (use --yes).</translation>
    </message>
    <message>
        <source>Trust this version of %1? [y/N] </source>
        <translation>Trust this version of %1? [y/N] </translation>
    </message>
    <message>
        <source>Not trusted.</source>
        <translation>Not trusted.</translation>
    </message>
    <message>
        <source>Trusted this version of %1.</source>
        <translation>Trusted this version of %1.</translation>
    </message>
    <message>
        <source>Not trusted (no answer).</source>
        <translation>Not trusted (no answer).</translation>
    </message>
</context>
<context>
    <name>WaitExecutor</name>
    <message numerus="yes">
        <source>%1 still %2 after %3 (%n poll(s))</source>
        <translation>
            <numerusform>%1 still %2 after %3 (%n poll)</numerusform>
            <numerusform>%1 still %2 after %3 (%n polls)</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting until %1 is OK (every %2, at most %3)</source>
        <translation>waiting until %1 is OK (every %2, at most %3)</translation>
    </message>
    <message>
        <source>poll %1: %2 — %3</source>
        <translation>poll %1: %2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 is OK after %n poll(s)</source>
        <translation>
            <numerusform>%1 is OK after %n poll</numerusform>
            <numerusform>%1 is OK after %n polls</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
</context>
<context>
    <name>WarRoomKpiBoard</name>
    <message>
        <source>Page %1/%2</source>
        <translation>Page %1/%2</translation>
    </message>
</context>
<context>
    <name>WarRoomWindow</name>
    <message>
        <source>OpsDeck war room</source>
        <translation>OpsDeck war room</translation>
    </message>
    <message>
        <source>War room</source>
        <translation>War room</translation>
    </message>
    <message>
        <source>War room — %1</source>
        <translation>War room — %1</translation>
    </message>
    <message>
        <source>No open incident</source>
        <translation>No open incident</translation>
    </message>
    <message>
        <source>OFFLINE: the team database cannot be reached; this screen may be out of date</source>
        <translation>OFFLINE: the team database cannot be reached; this screen may be out of date</translation>
    </message>
    <message>
        <source>Acknowledge (stops the escalation)</source>
        <translation>Acknowledge (stops the escalation)</translation>
    </message>
</context>
<context>
    <name>WorkspaceLoader</name>
    <message>
        <source>expected a size like 512KiB or 1MiB, got &quot;%1&quot;</source>
        <translation>expected a size like 512KiB or 1MiB, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>verify names an endpoint or a KPI, not both</source>
        <translation>verify names an endpoint or a KPI, not both</translation>
    </message>
    <message>
        <source>expected an &quot;endpoint&quot; or a &quot;kpi&quot; key</source>
        <translation>expected an &quot;endpoint&quot; or a &quot;kpi&quot; key</translation>
    </message>
    <message>
        <source>duplicate item id &quot;%1&quot; (first defined on line %2)</source>
        <translation>duplicate item id &quot;%1&quot; (first defined on line %2)</translation>
    </message>
    <message>
        <source>duplicate checklist id &quot;%1&quot; (first defined on line %2)</source>
        <translation>duplicate checklist id &quot;%1&quot; (first defined on line %2)</translation>
    </message>
    <message>
        <source>expected at least one item</source>
        <translation>expected at least one item</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>warning: </translation>
    </message>
    <message>
        <source>expected a duration like 30s, got &quot;%1&quot;</source>
        <translation>expected a duration like 30s, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a duration cannot be negative, got &quot;%1&quot;</source>
        <translation>a duration cannot be negative, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>duration &quot;%1&quot; is too long</source>
        <translation>duration &quot;%1&quot; is too long</translation>
    </message>
    <message>
        <source>duplicate endpoint name &quot;%1&quot; (first defined on line %2)</source>
        <translation>duplicate endpoint name &quot;%1&quot; (first defined on line %2)</translation>
    </message>
    <message>
        <source>duplicate severity id &quot;%1&quot; (first defined on line %2)</source>
        <translation>duplicate severity id &quot;%1&quot; (first defined on line %2)</translation>
    </message>
    <message>
        <source>expected a postgresql:// URL (or no storage key for local storage), got &quot;%1&quot;</source>
        <translation>expected a postgresql:// URL (or no storage key for local storage), got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected at least one severity (leave the key out for the default P0-P3)</source>
        <translation>expected at least one severity (leave the key out for the default P0-P3)</translation>
    </message>
    <message>
        <source>expected a quantile between 0 and 1, got %1</source>
        <translation>expected a quantile between 0 and 1, got %1</translation>
    </message>
    <message>
        <source>missing required key &quot;%1&quot;</source>
        <translation>missing required key &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected an objective in percent between 0 and 100 like 99.9, got %1</source>
        <translation>expected an objective in percent between 0 and 100 like 99.9, got %1</translation>
    </message>
    <message>
        <source>a KPI has one source, got both &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>a KPI has one source, got both &quot;%1&quot; and &quot;%2&quot;</translation>
    </message>
    <message>
        <source>expected a source: one of prometheus, metrics, json, probe, error-budget</source>
        <translation>expected a source: one of prometheus, metrics, json, probe, error-budget</translation>
    </message>
    <message>
        <source>warn (%1) is above crit (%2): with direction above, higher values are worse</source>
        <translation>warn (%1) is above crit (%2): with direction above, higher values are worse</translation>
    </message>
    <message>
        <source>warn (%1) is below crit (%2): with direction below, lower values are worse</source>
        <translation>warn (%1) is below crit (%2): with direction below, lower values are worse</translation>
    </message>
    <message>
        <source>duplicate KPI id &quot;%1&quot; (first defined on line %2)</source>
        <translation>duplicate KPI id &quot;%1&quot; (first defined on line %2)</translation>
    </message>
    <message>
        <source>expected a command like [kubectl, ...]</source>
        <translation>expected a command like [kubectl, ...]</translation>
    </message>
    <message>
        <source>duplicate step id &quot;%1&quot; (first defined on line %2)</source>
        <translation>duplicate step id &quot;%1&quot; (first defined on line %2)</translation>
    </message>
    <message>
        <source>missing step kind: expected one of check, http, wait-until-healthy, manual, command</source>
        <translation>missing step kind: expected one of check, http, wait-until-healthy, manual, command</translation>
    </message>
    <message>
        <source>a step has one kind, got both &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>a step has one kind, got both &quot;%1&quot; and &quot;%2&quot;</translation>
    </message>
    <message>
        <source>duplicate runbook id &quot;%1&quot; (first defined on line %2)</source>
        <translation>duplicate runbook id &quot;%1&quot; (first defined on line %2)</translation>
    </message>
    <message>
        <source>expected at least one step</source>
        <translation>expected at least one step</translation>
    </message>
    <message>
        <source>expected days of the month from 1 to 31 like 1,15, got &quot;%1&quot;</source>
        <translation>expected days of the month from 1 to 31 like 1,15, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected weekdays like mon,fri (mon, tue, wed, thu, fri, sat, sun), got &quot;%1&quot;</source>
        <translation>expected weekdays like mon,fri (mon, tue, wed, thu, fri, sat, sun), got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a schedule like &quot;daily 09:00&quot;, &quot;weekly mon,fri 09:00&quot;, &quot;monthly 1&quot; or &quot;on-demand&quot;, got &quot;%1&quot;</source>
        <translation>expected a schedule like &quot;daily 09:00&quot;, &quot;weekly mon,fri 09:00&quot;, &quot;monthly 1&quot; or &quot;on-demand&quot;, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>malformed reference &quot;%1&quot;: expected ${NAME} where NAME is letters, digits and _ and does not start with a digit</source>
        <translation>malformed reference &quot;%1&quot;: expected ${NAME} where NAME is letters, digits and _ and does not start with a digit</translation>
    </message>
    <message>
        <source>expected a time like 09:00, got &quot;%1&quot;</source>
        <translation>expected a time like 09:00, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 warning</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 warnings</translation>
    </message>
    <message>
        <source>OK (%1, %2, %3, %4)</source>
        <translation>OK (%1, %2, %3, %4)</translation>
    </message>
    <message>
        <source>1 endpoint</source>
        <translation>1 endpoint</translation>
    </message>
    <message>
        <source>%1 endpoints</source>
        <translation>%1 endpoints</translation>
    </message>
    <message>
        <source>1 KPI</source>
        <translation>1 KPI</translation>
    </message>
    <message>
        <source>%1 KPIs</source>
        <translation>%1 KPIs</translation>
    </message>
    <message>
        <source>1 checklist</source>
        <translation>1 checklist</translation>
    </message>
    <message>
        <source>%1 checklists</source>
        <translation>%1 checklists</translation>
    </message>
    <message>
        <source>1 runbook</source>
        <translation>1 runbook</translation>
    </message>
    <message>
        <source>%1 runbooks</source>
        <translation>%1 runbooks</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 error</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 errors</translation>
    </message>
    <message>
        <source>unknown endpoint &quot;%1&quot;</source>
        <translation>unknown endpoint &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown KPI &quot;%1&quot;</source>
        <translation>unknown KPI &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown runbook &quot;%1&quot;</source>
        <translation>unknown runbook &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>cannot read the file: %1</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>the file is not UTF-8 text</translation>
    </message>
    <message>
        <source>only the first YAML document is read; the file has %1</source>
        <translation>only the first YAML document is read; the file has %1</translation>
    </message>
    <message>
        <source>invalid YAML: %1</source>
        <translation>invalid YAML: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>a mapping</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>a list</translation>
    </message>
    <message>
        <source>expected a mapping, got %1</source>
        <translation>expected a mapping, got %1</translation>
    </message>
    <message>
        <source>expected a key name, got %1</source>
        <translation>expected a key name, got %1</translation>
    </message>
    <message>
        <source>key &quot;%1&quot; is repeated (first on line %2)</source>
        <translation>key &quot;%1&quot; is repeated (first on line %2)</translation>
    </message>
    <message>
        <source>Gatus key &quot;%1&quot; is not supported by OpsDeck and is ignored</source>
        <translation>Gatus key &quot;%1&quot; is not supported by OpsDeck and is ignored</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>unknown key &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a list, got %1</source>
        <translation>expected a list, got %1</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>expected a string, got %1</translation>
    </message>
    <message>
        <source>expected a non-empty string, got %1</source>
        <translation>expected a non-empty string, got %1</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; (expected en or ko)</source>
        <translation>unknown language &quot;%1&quot; (expected en or ko)</translation>
    </message>
    <message>
        <source>expected text or { en: ..., ko: ... }, got %1</source>
        <translation>expected text or { en: ..., ko: ... }, got %1</translation>
    </message>
    <message>
        <source>expected a non-empty text</source>
        <translation>expected a non-empty text</translation>
    </message>
    <message>
        <source>expected a duration like 30s, got %1</source>
        <translation>expected a duration like 30s, got %1</translation>
    </message>
    <message>
        <source>expected a duration longer than zero like 30s, got &quot;%1&quot;</source>
        <translation>expected a duration longer than zero like 30s, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>expected a number, got %1</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, got %3</source>
        <translation>expected a whole number from %1 to %2, got %3</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>expected true or false, got %1</translation>
    </message>
    <message>
        <source>expected one of: %1, got %2</source>
        <translation>expected one of: %1, got %2</translation>
    </message>
    <message>
        <source>expected a list of strings, got %1</source>
        <translation>expected a list of strings, got %1</translation>
    </message>
    <message>
        <source>expected one of: %1, got &quot;%2&quot;</source>
        <translation>expected one of: %1, got &quot;%2&quot;</translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL, got &quot;%1&quot;</source>
        <translation>expected an http:// or https:// URL, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>invalid condition &quot;%1&quot;: %2</source>
        <translation>invalid condition &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; after the end of the document</source>
        <translation>unexpected &quot;%1&quot; after the end of the document</translation>
    </message>
    <message>
        <source>more than %1 YAML documents</source>
        <translation>more than %1 YAML documents</translation>
    </message>
    <message>
        <source>an alias inside the node it refers to (a cycle)</source>
        <translation>an alias inside the node it refers to (a cycle)</translation>
    </message>
    <message>
        <source>more than %1 YAML nodes (an alias counts as a copy of what it refers to)</source>
        <translation>more than %1 YAML nodes (an alias counts as a copy of what it refers to)</translation>
    </message>
    <message>
        <source>parsing took longer than %1 ms</source>
        <translation>parsing took longer than %1 ms</translation>
    </message>
    <message>
        <source>mappings and lists nested deeper than %1 levels</source>
        <translation>mappings and lists nested deeper than %1 levels</translation>
    </message>
    <message>
        <source>the file is %1 MB; a workspace file may be at most %2 MB</source>
        <translation>the file is %1 MB; a workspace file may be at most %2 MB</translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; is declared twice (first on line %2)</source>
        <translation>secret &quot;%1&quot; is declared twice (first on line %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a secret name: letters, digits and _, not starting with a digit</source>
        <translation>&quot;%1&quot; is not a secret name: letters, digits and _, not starting with a digit</translation>
    </message>
    <message>
        <source>secret &quot;${%1}&quot; is not declared: add it to the top-level secrets list</source>
        <translation>secret &quot;${%1}&quot; is not declared: add it to the top-level secrets list</translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; is declared but not used</source>
        <translation>secret &quot;%1&quot; is declared but not used</translation>
    </message>
    <message>
        <source>duplicate provider id &quot;%1&quot; (first defined on line %2)</source>
        <translation>duplicate provider id &quot;%1&quot; (first defined on line %2)</translation>
    </message>
    <message>
        <source>unknown provider kind &quot;%1&quot; (expected one of: %2)</source>
        <translation>unknown provider kind &quot;%1&quot; (expected one of: %2)</translation>
    </message>
    <message>
        <source>expected a time-of-day window like 09:00-18:00, got &quot;%1&quot;</source>
        <translation>expected a time-of-day window like 09:00-18:00, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>duplicate route id &quot;%1&quot; (first defined on line %2)</source>
        <translation>duplicate route id &quot;%1&quot; (first defined on line %2)</translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot;</source>
        <translation>unknown provider &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the route sends nowhere: give its providers with to: [provider ids]</source>
        <translation>the route sends nowhere: give its providers with to: [provider ids]</translation>
    </message>
    <message>
        <source>expected an smtp:// or smtps:// URL, got &quot;%1&quot;</source>
        <translation>expected an smtp:// or smtps:// URL, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an email provider needs options.from: one address, got &quot;%1&quot;</source>
        <translation>an email provider needs options.from: one address, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an email provider needs options.to: addresses separated by commas, got &quot;%1&quot;</source>
        <translation>an email provider needs options.to: addresses separated by commas, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>starttls: false would send the login in clear text; use TLS or remove the login</source>
        <translation>starttls: false would send the login in clear text; use TLS or remove the login</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot;: %2 does not apply to a %3 endpoint</source>
        <translation>condition &quot;%1&quot;: %2 does not apply to a %3 endpoint</translation>
    </message>
    <message>
        <source>a dns:// endpoint needs a dns: map with query-name and query-type</source>
        <translation>a dns:// endpoint needs a dns: map with query-name and query-type</translation>
    </message>
    <message>
        <source>dns: applies only to a dns:// url</source>
        <translation>dns: applies only to a dns:// url</translation>
    </message>
    <message>
        <source>unknown query-type &quot;%1&quot;; expected one of %2</source>
        <translation>unknown query-type &quot;%1&quot;; expected one of %2</translation>
    </message>
    <message>
        <source>unknown scheme &quot;%1&quot; in &quot;%2&quot;; expected http, https, tcp, tls, starttls, dns or icmp</source>
        <translation>unknown scheme &quot;%1&quot; in &quot;%2&quot;; expected http, https, tcp, tls, starttls, dns or icmp</translation>
    </message>
    <message>
        <source>not applicable: a runbook step checks an endpoint over HTTP, and &quot;%1&quot; is a %2:// endpoint; use an http(s) endpoint, or a command step (such as pg_isready) for this service</source>
        <translation>not applicable: a runbook step checks an endpoint over HTTP, and &quot;%1&quot; is a %2:// endpoint; use an http(s) endpoint, or a command step (such as pg_isready) for this service</translation>
    </message>
    <message>
        <source>expected exactly one of endpoint: or group:</source>
        <translation>expected exactly one of endpoint: or group:</translation>
    </message>
    <message>
        <source>duplicate group &quot;%1&quot; (first defined on line %2)</source>
        <translation>duplicate group &quot;%1&quot; (first defined on line %2)</translation>
    </message>
    <message>
        <source>unknown group &quot;%1&quot;: no endpoint has it as its group</source>
        <translation>unknown group &quot;%1&quot;: no endpoint has it as its group</translation>
    </message>
    <message>
        <source>unknown endpoint or group &quot;%1&quot;</source>
        <translation>unknown endpoint or group &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; depends on itself</source>
        <translation>&quot;%1&quot; depends on itself</translation>
    </message>
    <message>
        <source>&quot;%1&quot; depends on its own group &quot;%2&quot;</source>
        <translation>&quot;%1&quot; depends on its own group &quot;%2&quot;</translation>
    </message>
    <message>
        <source>group &quot;%1&quot; depends on itself</source>
        <translation>group &quot;%1&quot; depends on itself</translation>
    </message>
    <message>
        <source>group &quot;%1&quot; depends on its own endpoint &quot;%2&quot;</source>
        <translation>group &quot;%1&quot; depends on its own endpoint &quot;%2&quot;</translation>
    </message>
    <message>
        <source>dependency cycle: %1</source>
        <translation>dependency cycle: %1</translation>
    </message>
    <message>
        <source>critical-when &quot;%1&quot;: expected &quot;any&quot; or &quot;N of M locations&quot; (e.g. 2 of 3 locations)</source>
        <translation>critical-when &quot;%1&quot;: expected &quot;any&quot; or &quot;N of M locations&quot; (e.g. 2 of 3 locations)</translation>
    </message>
    <message>
        <source>critical-when &quot;%1&quot;: N must be between 1 and M (the number of locations)</source>
        <translation>critical-when &quot;%1&quot;: N must be between 1 and M (the number of locations)</translation>
    </message>
    <message>
        <source>groups: expected a map of group names to rules (e.g. api: 2 of 3 locations)</source>
        <translation>groups: expected a map of group names to rules (e.g. api: 2 of 3 locations)</translation>
    </message>
    <message>
        <source>no endpoint is in group &quot;%1&quot;: its rule applies to none</source>
        <translation>no endpoint is in group &quot;%1&quot;: its rule applies to none</translation>
    </message>
    <message>
        <source>route ids starting with &quot;escalation:&quot; are reserved</source>
        <translation>route ids starting with &quot;escalation:&quot; are reserved</translation>
    </message>
</context>
</TS>
