// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// AutoIncidentRules with depends-on: one incident for a root cause, its impacted endpoints listed as evidence.
#include "incident/autoincidentrules.h"
#include "incident/incidentstore.h"
#include "probe/dependencygraph.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString opened = u"opened"_s;
const QString added = u"added"_s;
const QString impactedWord = u"impacted"_s;

bool listed(const Incident &incident, const QString &endpoint)
{
    return std::any_of(incident.timeline.cbegin(), incident.timeline.cend(), [&endpoint](const TimelineEntry &e) {
        return e.kind == TimelineKind::AutoIncident && e.to == impactedWord && e.from == endpoint;
    });
}

} // namespace

qint64 AutoIncidentRules::incidentNaming(const QString &root) const
{
    // A CRITICAL group is named by the incident that names it or any of its endpoints (a group rule's).
    const QString group = DependencyGraph::groupOfRoot(root);
    const auto names = [&](const QString &subject) {
        return subject == root || (!group.isEmpty() && m_groups.value(subject) == group);
    };
    for (const Incident &incident : m_store->incidents()) {
        if (!incident.isOpen()) {
            continue;
        }
        for (const TimelineEntry &e : incident.timeline) {
            if (e.kind == TimelineKind::AutoIncident && (e.to == opened || e.to == added)) {
                const QStringList subjects = e.from.split(u", "_s);
                if (std::any_of(subjects.cbegin(), subjects.cend(), names)) {
                    return incident.id;
                }
            }
        }
    }
    return 0;
}

bool AutoIncidentRules::watched(const QString &root) const
{
    const QString group = DependencyGraph::groupOfRoot(root);
    return std::any_of(m_rules.cbegin(), m_rules.cend(), [this, &root, &group](const AutoIncidentRule &rule) {
        if (rule.subject == AutoIncidentRule::Subject::Group) {
            return rule.name == (group.isEmpty() ? m_groups.value(root) : group);
        }
        return rule.subject == AutoIncidentRule::Subject::Endpoint && rule.name == root;
    });
}

void AutoIncidentRules::attachImpacted(const QList<Impacted> &impacted)
{
    QStringList roots; // to open, in the order first seen
    QHash<QString, const AutoIncidentRule *> openedBy;
    QHash<QString, QList<Subject>> children;
    for (const Impacted &child : impacted) {
        if (const Incident *incident = m_store->incident(incidentNaming(child.root))) {
            listImpacted(*incident, child);
        } else if (!watched(child.root) && !m_openingRoots.contains(child.root)) {
            // No rule opens an incident for the root: the first impacted endpoint's rule does, once.
            if (!openedBy.contains(child.root)) {
                openedBy.insert(child.root, child.rule);
                roots.append(child.root);
            }
            children[child.root].append(child.subject);
        }
    }
    for (const QString &root : std::as_const(roots)) {
        openForRoot(*openedBy.value(root), root, children.value(root));
    }
}

void AutoIncidentRules::openForRoot(const AutoIncidentRule &rule, const QString &root, const QList<Subject> &children)
{
    const Seen rootSeen = m_endpoints.value(root);
    QStringList names;
    QDateTime started = rootSeen.since;
    for (const Subject &s : children) {
        names.append(s.name);
        started = started.isValid() ? std::min(started, s.seen.since) : s.seen.since;
    }
    TimelineEntry first;
    first.kind = TimelineKind::AutoIncident;
    first.author = u"opsdeck"_s;
    first.subject = rule.id;
    first.from = root;
    first.to = opened;
    first.occurredAt = m_clock();
    first.text = tr("Opened by rule %1 for the root cause %2 (CRITICAL); impacted: %3")
                     .arg(rule.id, root, names.join(u", "_s));
    QList<TimelineEntry> entries { first };
    entries.append(
        evidence({ root, false, rootSeen.since.isValid() ? rootSeen : Seen { u"critical"_s, m_clock(), {} } }));
    for (const Subject &s : children) {
        TimelineEntry e = first;
        e.from = s.name;
        e.to = impactedWord;
        e.text = tr("%1 CRITICAL, impacted by %2: listed here by rule %3 instead of an incident of its own")
                     .arg(s.name, root, rule.id);
        entries.append(e);
        entries.append(evidence(s));
    }
    AutoIncidentRule forRoot = rule;
    forRoot.name = root;
    Incident draft;
    draft.title = title(forRoot);
    draft.severity = rule.severity;
    draft.services = rule.services.isEmpty() ? QStringList { root } : rule.services;
    draft.scope = tr("Opened automatically by rule %1 for the root cause %2").arg(rule.id, root);
    draft.startedAt = started;
    draft.detectedAt = m_clock();
    if (m_store->create(draft, entries).isEmpty()) {
        m_opening.insert(rule.id);
        m_openingRoots.insert(root);
    }
}

void AutoIncidentRules::listImpacted(const Incident &incident, const Impacted &child)
{
    const QString name = child.subject.name;
    const QString key = QString::number(incident.id) + u'|' + impactedWord + u'|' + name;
    if (listed(incident, name) || m_writing.contains(key)) {
        return;
    }
    TimelineEntry e;
    e.kind = TimelineKind::AutoIncident;
    e.author = u"opsdeck"_s;
    e.subject = child.rule->id;
    e.from = name;
    e.to = impactedWord;
    e.occurredAt = m_clock();
    e.text = tr("%1 CRITICAL, impacted by %2: listed here by rule %3 instead of an incident of its own")
                 .arg(name, child.root, child.rule->id);
    m_writing.insert(key);
    const qint64 id = incident.id;
    const TimelineEntry proof = evidence(child.subject);
    // Claimed, so that several consoles on one team database list it once.
    m_store->claimEntry(
        id, e, [name](const Incident &stored) { return !listed(stored, name); },
        [this, key, id, proof](bool claimed) {
            m_writing.remove(key);
            if (claimed) {
                m_store->appendEntry(id, proof);
            }
        });
}
