// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/autoincidentrules.h"

#include "incident/incidentstore.h"
#include "incident/slaclock.h"
#include "workspace/duration.h"

using namespace Qt::StringLiterals;

namespace {

const QString opened = u"opened"_s;
const QString added = u"added"_s;
const QString allOk = u"all-ok"_s;

bool isCritical(const QString &state)
{
    return state.compare(u"critical"_s, Qt::CaseInsensitive) == 0;
}

bool isOk(const QString &state)
{
    return state.compare(u"ok"_s, Qt::CaseInsensitive) == 0 || state.compare(u"normal"_s, Qt::CaseInsensitive) == 0;
}

} // namespace

AutoIncidentRules::AutoIncidentRules(IncidentStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    connect(&m_timer, &QTimer::timeout, this, &AutoIncidentRules::tick);
    connect(m_store, &IncidentStore::incidentCreated, this, [this](qint64 id) {
        if (const Incident *incident = m_store->incident(id)) {
            for (const TimelineEntry &e : incident->timeline) {
                if (e.kind == TimelineKind::AutoIncident && e.to == opened) {
                    m_opening.remove(e.subject);
                    m_openingRoots.remove(e.from);
                }
            }
        }
    });
    connect(m_store, &IncidentStore::writeFailed, this, [this](qint64 id) {
        if (id == 0) {
            m_opening.clear(); // a create failed: the next tick tries again
            m_openingRoots.clear();
        }
    });
}

void AutoIncidentRules::setWorkspace(const Workspace &workspace)
{
    m_rules = workspace.incidents.autoRules;
    m_groups.clear();
    for (const Endpoint &e : workspace.endpoints) {
        m_groups.insert(e.name, e.group);
    }
}

void AutoIncidentRules::start(int ms)
{
    m_timer.start(ms);
}

QString AutoIncidentRules::title(const AutoIncidentRule &rule)
{
    QString t = rule.title.isEmpty() ? u"{subject} is CRITICAL"_s : rule.title;
    t.replace(u"{subject}"_s, rule.name);
    t.replace(u"{rule}"_s, rule.id);
    t.replace(u"{for}"_s, Duration::format(rule.forDuration));
    return t;
}

void AutoIncidentRules::observeEndpoint(const QString &name, const QString &state, const QString &evidence)
{
    observe(m_endpoints, name, state, evidence);
}

void AutoIncidentRules::observeKpi(const QString &id, const QString &state, const QString &evidence)
{
    observe(m_kpis, id, state, evidence);
}

void AutoIncidentRules::observe(
    QHash<QString, Seen> &seen, const QString &name, const QString &state, const QString &evidence)
{
    Seen &s = seen[name];
    if (s.state.compare(state, Qt::CaseInsensitive) != 0 || !s.since.isValid()) {
        s.state = state.toLower();
        s.since = m_clock();
    }
    s.evidence = evidence;
}

QList<AutoIncidentRules::Subject> AutoIncidentRules::subjects(const AutoIncidentRule &rule) const
{
    QList<Subject> out;
    switch (rule.subject) {
    case AutoIncidentRule::Subject::Endpoint:
        if (m_endpoints.contains(rule.name)) {
            out.append({ rule.name, false, m_endpoints.value(rule.name) });
        }
        break;
    case AutoIncidentRule::Subject::Group:
        for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
            if (it.value() == rule.name && m_endpoints.contains(it.key())) {
                out.append({ it.key(), false, m_endpoints.value(it.key()) });
            }
        }
        break;
    case AutoIncidentRule::Subject::Kpi:
        if (m_kpis.contains(rule.name)) {
            out.append({ rule.name, true, m_kpis.value(rule.name) });
        }
        break;
    }
    return out;
}

qint64 AutoIncidentRules::openIncident(const QString &ruleId) const
{
    for (const Incident &incident : m_store->incidents()) {
        if (!incident.isOpen()) {
            continue;
        }
        for (const TimelineEntry &e : incident.timeline) {
            if (e.kind == TimelineKind::AutoIncident && e.subject == ruleId && e.to == opened) {
                return incident.id;
            }
        }
    }
    return 0;
}

void AutoIncidentRules::tick()
{
    const QDateTime now = m_clock();
    QList<Impacted> impacted;
    for (const AutoIncidentRule &rule : std::as_const(m_rules)) {
        const QList<Subject> all = subjects(rule);
        QList<Subject> due;
        for (const Subject &s : all) {
            if (isCritical(s.seen.state) && s.seen.since.msecsTo(now) >= rule.forDuration.count()) {
                const QString root = s.kpi || !m_rootCause ? QString() : m_rootCause(s.name);
                if (root.isEmpty()) {
                    due.append(s);
                } else {
                    impacted.append({ &rule, s, root });
                }
            }
        }
        if (const Incident *incident = m_store->incident(openIncident(rule.id))) {
            follow(rule, *incident, all, due);
        } else if (!due.isEmpty() && !m_opening.contains(rule.id)) {
            open(rule, due);
        }
    }
    attachImpacted(impacted); // after the rules that watch a root had their chance to open its incident
}

TimelineEntry AutoIncidentRules::evidence(const Subject &subject) const
{
    TimelineEntry e;
    e.kind = subject.kpi ? TimelineKind::KpiThreshold : TimelineKind::EndpointState;
    e.author = u"opsdeck"_s;
    e.subject = subject.name;
    e.to = subject.kpi ? subject.seen.state : subject.seen.state.toUpper();
    e.text = subject.seen.evidence;
    e.occurredAt = subject.seen.since;
    return e;
}

void AutoIncidentRules::open(const AutoIncidentRule &rule, const QList<Subject> &due)
{
    QStringList names;
    QDateTime started;
    QList<TimelineEntry> entries;
    for (const Subject &s : due) {
        names.append(s.name);
        started = started.isValid() ? std::min(started, s.seen.since) : s.seen.since;
    }
    TimelineEntry first;
    first.kind = TimelineKind::AutoIncident;
    first.author = u"opsdeck"_s;
    first.subject = rule.id;
    first.from = names.join(u", "_s);
    first.to = opened;
    first.occurredAt = m_clock();
    first.text
        = tr("Opened by rule %1: %2 CRITICAL for %3").arg(rule.id, first.from, Duration::format(rule.forDuration));
    entries.append(first);
    for (const Subject &s : due) {
        entries.append(evidence(s));
    }
    Incident draft;
    draft.title = title(rule);
    draft.severity = rule.severity;
    draft.services = rule.services.isEmpty() ? QStringList { rule.name } : rule.services;
    draft.scope = tr("Opened automatically by rule %1").arg(rule.id);
    draft.startedAt = started;
    draft.detectedAt = m_clock();
    if (m_store->create(draft, entries).isEmpty()) {
        m_opening.insert(rule.id);
    }
}

void AutoIncidentRules::follow(
    const AutoIncidentRule &rule, const Incident &incident, const QList<Subject> &all, const QList<Subject> &due)
{
    // Subjects already told about since the last "all OK": the opening entry's and the additions'.
    QStringList told;
    bool suggested = false;
    for (const TimelineEntry &e : incident.timeline) {
        if (e.kind != TimelineKind::AutoIncident || e.subject != rule.id) {
            continue;
        }
        if (e.to == allOk) {
            told.clear();
            suggested = true;
        } else {
            told += e.from.split(u", "_s);
            suggested = false;
        }
    }
    const QString prefix = QString::number(incident.id) + u'|' + rule.id + u'|';
    for (const Subject &s : due) {
        if (told.contains(s.name) || m_writing.contains(prefix + s.name)) {
            continue;
        }
        TimelineEntry e;
        e.kind = TimelineKind::AutoIncident;
        e.subject = rule.id;
        e.from = s.name;
        e.to = added;
        e.occurredAt = m_clock();
        e.text = tr("%1 CRITICAL for %2: added to this incident by rule %3")
                     .arg(s.name, Duration::format(rule.forDuration), rule.id);
        m_writing.insert(prefix + s.name);
        const QString key = prefix + s.name;
        m_store->claimEntry(
            incident.id, e, [](const Incident &) { return true; }, [this, key](bool) { m_writing.remove(key); });
        m_store->appendEntry(incident.id, evidence(s));
    }
    const bool everyOk
        = !all.isEmpty() && std::all_of(all.cbegin(), all.cend(), [](const Subject &s) { return isOk(s.seen.state); });
    if (!everyOk || suggested || m_writing.contains(prefix + allOk)) {
        return;
    }
    TimelineEntry e;
    e.kind = TimelineKind::AutoIncident;
    e.subject = rule.id;
    e.to = allOk;
    e.occurredAt = m_clock();
    e.text = tr("Everything rule %1 watches is OK again: consider resolving this incident").arg(rule.id);
    const QString key = prefix + allOk;
    m_writing.insert(key);
    const qint64 id = incident.id;
    const QString ruleId = rule.id;
    m_store->claimEntry(
        id, e, [](const Incident &) { return true; },
        [this, key, id, ruleId](bool claimed) {
            m_writing.remove(key);
            if (claimed) {
                Q_EMIT resolveSuggested(id, ruleId);
            }
        });
}
