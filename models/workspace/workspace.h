// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The workspace file as plain values. The YAML keys are given next to each field; docs/workspace-format.md
// describes the format for users. Strings that may hold ${NAME} references keep them verbatim: they are resolved
// only when a request is sent (see SecretRef in later issues), never stored resolved.

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTime>

#include <chrono>
#include <optional>

using namespace Qt::StringLiterals;

using Milliseconds = std::chrono::milliseconds;

// 1-based position of a node in its file; 0 means "not from a file".
struct SourcePos
{
    int line = 0;
    int column = 0;
};

// `{ en: ..., ko: ... }` or a plain string (then both languages show it).
struct LocalizedText
{
    QString en;
    QString ko;

    // The text in `language` ("en" or "ko"), falling back to whichever exists.
    QString text(const QString &language) const;
    bool isEmpty() const { return en.isEmpty() && ko.isEmpty(); }
    friend bool operator==(const LocalizedText &, const LocalizedText &) = default;
};

// workspace.storage.retention: how long stored KPI samples are kept, raw and as minute / hour roll-ups.
struct SampleRetention
{
    Milliseconds raw { std::chrono::hours(48) };
    Milliseconds minutes { std::chrono::hours(30 * 24) };
    Milliseconds hours { std::chrono::hours(400 * 24) };
    friend bool operator==(const SampleRetention &, const SampleRetention &) = default;
};

// workspace: { id, title, description, environment, storage }
// storage is a URL, or { url, retention: { raw, minutes, hours } }.
struct WorkspaceInfo
{
    QString id;
    LocalizedText title;
    LocalizedText description;
    QString environment = u"production"_s; // runbooks in "production" need typed confirmation
    QString storage; // empty = local SQLite; "postgresql://..." = team mode
    SampleRetention retention;
    SourcePos pos;
};

// sources: { prometheus: { url, scrape-interval }, alertmanager: { url } }
struct MetricServer
{
    QString url; // may contain ${NAME}
    QMap<QString, QString> headers;
    Milliseconds scrapeInterval { 15000 };
    SourcePos pos;
    bool isSet() const { return !url.isEmpty(); }
};

struct Sources
{
    MetricServer prometheus;
    MetricServer alertmanager;
};

// endpoints[].depends-on[] and groups[].depends-on[]: a name (an endpoint of that name, else a group), or
// { endpoint: NAME } / { group: NAME } to say which.
struct DependencyTarget
{
    enum class Kind { Any, Endpoint, Group };
    Kind kind = Kind::Any;
    QString name;
    SourcePos pos;
    friend bool operator==(const DependencyTarget &, const DependencyTarget &) = default;
};

// critical-when: "N of M locations" (or "any", the default: one location is enough). An endpoint probed from several
// locations is CRITICAL when at least `atLeast` of them find it CRITICAL; `of` is how many locations are expected.
struct QuorumRule
{
    int atLeast = 1;
    int of = 0; // 0 = any number of locations ("any")
    SourcePos pos;
    bool isAny() const { return of == 0; }
};

// locations: { critical-when: RULE, groups: { GROUP: RULE } }: the defaults for endpoints without their own rule.
struct LocationSettings
{
    std::optional<QuorumRule> criticalWhen;
    QMap<QString, QuorumRule> groups;
};

// endpoints[]: Gatus-compatible keys plus OpsDeck's extensions.
struct Endpoint
{
    QString name; // name (unique id)
    LocalizedText title; // title (optional display name; defaults to name)
    QString group; // group
    QString url; // url: http(s)://, tcp://host:port, tls://host:port, starttls://host:port, dns://server, icmp://host
    QString dnsQueryName; // dns.query-name (dns:// only)
    QString dnsQueryType; // dns.query-type: A, AAAA, CNAME, MX, NS, TXT
    QString method = u"GET"_s; // method
    QMap<QString, QString> headers; // headers
    QString body; // body
    Milliseconds interval { 60000 }; // interval
    Milliseconds timeout { 10000 }; // timeout (overall deadline of one probe)
    QStringList conditions; // conditions: all must hold, else CRITICAL
    QStringList warnConditions; // warn-conditions: all must hold, else WARNING
    int failureThreshold = 1; // failure-threshold: consecutive failures before CRITICAL (PENDING before)
    int successThreshold = 1; // success-threshold
    QString caFile; // ca-file: extra CA to trust (never "ignore TLS errors")
    qint64 maxBodyBytes = 1024 * 1024; // max-body: body cap in bytes (accepts 512KiB, 1MiB)
    int maxRedirects = 5; // max-redirects (0..5)
    bool enabled = true; // enabled
    std::optional<QuorumRule> criticalWhen; // critical-when
    QList<DependencyTarget> dependsOn; // depends-on: while one of them is CRITICAL, this one is "impacted"
    SourcePos pos;
};

// groups[]: { name, depends-on } for an endpoint group (the `group:` of its endpoints); each of its endpoints
// depends on what the group depends on.
struct EndpointGroup
{
    QString name;
    QList<DependencyTarget> dependsOn;
    SourcePos pos;
};

// maintenance[]: { name, start: "23:00", duration: 1h, every: [mon, ...] (empty = daily), endpoints: [...],
// groups: [...] } (no endpoints and no groups = the whole workspace)
struct MaintenanceWindow
{
    QString name;
    QTime start;
    Milliseconds duration { 0 };
    QList<int> weekdays; // 1 = Monday .. 7 = Sunday (Qt::DayOfWeek)
    QStringList endpoints;
    QStringList groups;
    SourcePos pos;
};

// kpis[].thresholds: { warn, crit, direction: above|below }
struct Thresholds
{
    enum class Direction { Above, Below }; // Above: higher values are bad
    std::optional<double> warn;
    std::optional<double> crit;
    Direction direction = Direction::Above;
};

// kpis[].source: exactly one of
//   prometheus: "<PromQL>"
//   metrics: { url, metric, labels: {k: v}, aggregate: gauge|rate|quantile, quantile: 0.95, window: 5m }
//   json: { endpoint: <endpoint name>, path: performance.errorRate }
//   probe: { endpoint: <endpoint name>, figure: uptime|latency-p50|latency-p95|failure-rate, window: 24h }
//   error-budget: { endpoint: <endpoint name>, objective: 99.9, period: 30d }
struct KpiSource
{
    enum class Kind { None, Prometheus, Metrics, Json, Probe, ErrorBudget };
    Kind kind = Kind::None;
    QString query; // prometheus
    QString url; // metrics
    QString metric; // metrics
    QMap<QString, QString> labels; // metrics
    QString aggregate; // metrics: gauge | rate | quantile
    double quantile = 0.0; // metrics (aggregate quantile)
    QString endpoint; // json, probe, error-budget
    QString path; // json
    QString figure; // probe
    double objective = 0.0; // error-budget, percent
    Milliseconds window { 0 }; // metrics, probe; error-budget period
    SourcePos pos;
};

// kpis[]: { id, title, description, unit, decimals, target, thresholds, source, interval, tier, war-room, chart }
struct Kpi
{
    QString id;
    LocalizedText title;
    LocalizedText description;
    QString unit;
    int decimals = 1;
    std::optional<double> target;
    Thresholds thresholds;
    KpiSource source;
    Milliseconds interval { 30000 };
    int tier = 0; // SLO tier (seed 000: 1-3), 0 = none
    bool warRoom = false; // war-room: shown large on the war-room screen
    QString chart; // chart: id of a chart panel it opens, empty = its own
    SourcePos pos;
};

// checklists[].schedule: "daily 09:00", "weekly mon 09:00", "weekly mon,fri", "monthly 1", "monthly 1,15 10:00",
// "on-demand"
struct Schedule
{
    enum class Kind { OnDemand, Daily, Weekly, Monthly };
    Kind kind = Kind::OnDemand;
    std::optional<QTime> time; // due time; absent = end of day
    QList<int> weekdays; // weekly: 1 = Monday .. 7 = Sunday
    QList<int> monthDays; // monthly: 1..31 (a day past the month's end means its last day)
    QString text; // as written
};

// checklists[].items[].verify: { endpoint: name, state: ok } or { kpi: id, state: normal }
struct ChecklistVerify
{
    QString endpoint;
    QString kpi;
    QString state; // expected state; empty = OK / normal
    bool isSet() const { return !endpoint.isEmpty() || !kpi.isEmpty(); }
};

// checklists[].items[]: a plain string, or { id, text, verify, runbook, due: "09:30" }
struct ChecklistItem
{
    QString id; // defaults to "item-<n>" (1-based)
    LocalizedText text;
    ChecklistVerify verify;
    QString runbook;
    std::optional<QTime> due;
    SourcePos pos;
};

// checklists[]: { id, title, schedule, role, items }
struct Checklist
{
    QString id;
    LocalizedText title;
    Schedule schedule;
    QString role; // who is expected to tick it (free text)
    QList<ChecklistItem> items;
    SourcePos pos;
};

// runbooks[].steps[]: exactly one kind key:
//   check: <endpoint>                  + expect: ok|warning|critical (default ok)
//   http: { method, url, headers, body, conditions }
//   wait-until-healthy: <endpoint>     + poll: 5s, timeout: 5m
//   manual: <text or {en, ko}>
//   command: [argv...]                 + timeout: 30s
// common: id, title, budget: 2m, on-failure: stop|continue, confirm: true|false
struct RunbookStep
{
    enum class Kind { Check, Http, WaitUntilHealthy, Manual, Command };
    enum class OnFailure { Stop, Continue };
    Kind kind = Kind::Manual;
    QString id; // defaults to "step-<n>"
    LocalizedText title;
    QString endpoint; // check, wait-until-healthy
    QString expectState; // check
    QString method; // http
    QString url; // http (may contain ${NAME})
    QMap<QString, QString> headers; // http (values may contain ${NAME})
    QString body; // http
    QStringList conditions; // http
    LocalizedText instruction; // manual
    QStringList argv; // command
    Milliseconds poll { 5000 }; // wait-until-healthy
    Milliseconds timeout { 30000 }; // wait-until-healthy, command, http
    Milliseconds budget { 0 }; // 0 = none
    OnFailure onFailure = OnFailure::Stop;
    std::optional<bool> confirm; // unset = derived (state-changing http, command)
    SourcePos pos;
};

// runbooks[]: { id, title, description, service, environment, steps }
struct Runbook
{
    QString id;
    LocalizedText title;
    LocalizedText description;
    QString service;
    QString environment; // empty = the workspace's
    QList<RunbookStep> steps;
    SourcePos pos;
};

// incidents.severities[]: { id, title, ack: 5m, resolve: 1h, description }
struct SeverityLevel
{
    QString id;
    LocalizedText title;
    LocalizedText description;
    Milliseconds ack { 0 };
    Milliseconds resolve { 0 };
    SourcePos pos;
};

// incidents.auto[]: { id, when: { endpoint | group | kpi }, for, severity, title, services, escalation }. Opens an
// incident when a subject stays CRITICAL for `for`, adds to the rule's open incident instead of a second one.
struct AutoIncidentRule
{
    enum class Subject { Endpoint, Group, Kpi };
    QString id;
    Subject subject = Subject::Endpoint;
    QString name; // the endpoint name, endpoint group or KPI id
    Milliseconds forDuration { 0 };
    QString severity; // SeverityLevel::id; default: the most severe level
    QString title; // template: {subject}, {rule}, {for}; default "{subject} is CRITICAL"
    QStringList services; // default: the rule's endpoint, group or KPI
    QString escalation; // an escalation policy id; empty: the policy chosen by severity
    SourcePos pos;
};

// incidents: { severities, categories: [...], auto: [...], war-room-acknowledge }; without severities: P0-P3 with
// the seeds' targets
struct IncidentSettings
{
    QList<SeverityLevel> severities;
    QStringList categories;
    QList<AutoIncidentRule> autoRules;
    bool warRoomAcknowledge = false; // the war room's Acknowledge button; off: a wall display acknowledges nothing

    static QList<SeverityLevel> defaultSeverities();
};

// secrets[]: { name, description }. Only declared names resolve; a ${NAME} that is not declared is an error.
struct DeclaredSecret
{
    QString name;
    LocalizedText description;
    SourcePos pos;
};

// notifications.providers[]: { id, kind, url, key, headers, options }. url, key, headers and options may hold
// ${NAME} references; they are resolved only when a message is sent.
struct NotifyProvider
{
    QString id;
    QString kind; // slack, mattermost, discord, teams, webhook, pagerduty, ntfy, email
    QString url; // webhook or topic URL; PagerDuty: the Events API URL (default: PagerDuty's); email: smtp(s)://
    QString key; // PagerDuty: routing key; ntfy: access token
    QMap<QString, QString> headers;
    // per kind: channel, username, body, content-type, method, priority, tags; email: from, to, username,
    // password, starttls, ca-file
    QMap<QString, QString> options;
    SourcePos pos;

    static QStringList kinds();
};

// notifications.routes[]: { id, events, min-severity, groups, hours, to, fallback, resolved, flap-guard,
// rate-limit }
struct NotifyRoute
{
    QString id;
    QStringList events; // empty = every event; see NotifyRoute::eventNames()
    QString minSeverity = u"info"_s; // info, warning, critical
    QStringList groups; // empty = any group
    std::optional<QTime> from; // time-of-day window [from, until); until < from spans midnight
    std::optional<QTime> until;
    QStringList targets; // `to:` provider ids
    QString fallback; // provider id, used when a target fails
    bool resolved = true; // send "resolved" follow-ups for what this route sent
    Milliseconds flapGuard { 0 }; // a state that flips back within this sends nothing
    int rateLimit = 0; // messages per minute; 0 = no limit
    SourcePos pos;

    static QStringList eventNames();
};

// notifications.escalation-policies[].levels[]: { after, to, severities }
struct EscalationLevel
{
    Milliseconds after { 0 }; // since the incident was detected
    QStringList targets; // `to:` provider or route ids
    QStringList severities; // empty = every incident the policy escalates
    SourcePos pos;
};

// notifications.escalation-policies[]: { id, severities, levels, repeat: { every, times } }. Levels notify in order
// until the incident is acknowledged (or resolved); `repeat` reminds the last level reached while unacknowledged.
struct EscalationPolicy
{
    QString id;
    QStringList severities; // the incidents it applies to when no auto rule names a policy; empty = all
    QList<EscalationLevel> levels;
    Milliseconds repeatEvery { 0 }; // 0 = no reminders
    int repeatTimes = 0;
    SourcePos pos;

    bool appliesTo(const QString &severity) const { return severities.isEmpty() || severities.contains(severity); }
};

struct NotificationSettings
{
    QList<NotifyProvider> providers;
    QList<NotifyRoute> routes;
    QList<EscalationPolicy> escalationPolicies;

    const NotifyProvider *provider(const QString &id) const;
    const NotifyRoute *route(const QString &id) const;
    const EscalationPolicy *escalationPolicy(const QString &id) const;
    // The provider ids an escalation target names: the provider itself, or a route's `to:` providers.
    QStringList providersOf(const QString &target) const;
};

struct Workspace
{
    QString filePath;
    WorkspaceInfo info;
    Sources sources;
    QList<Endpoint> endpoints;
    QList<EndpointGroup> groups;
    QList<MaintenanceWindow> maintenance;
    LocationSettings locations;
    QList<Kpi> kpis;
    QList<Checklist> checklists;
    QList<Runbook> runbooks;
    IncidentSettings incidents;
    QList<DeclaredSecret> secrets; // secrets: what the file may refer to as ${NAME}
    QStringList secretNames; // every ${NAME} the file refers to, in order of first use (all declared)
    QByteArray contentHash; // SHA-256 (hex) of the exact bytes that were parsed into this workspace

    NotificationSettings notifications;

    QStringList declaredSecretNames() const;

    const Endpoint *endpoint(const QString &name) const;
    // The endpoint's critical-when, else its group's, else the workspace's, else "any".
    QuorumRule quorumRule(const Endpoint &endpoint) const;
    const Kpi *kpi(const QString &id) const;
};
