// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

class IncidentStore;

// The workspace's incidents.auto rules: when an endpoint, any endpoint of a group, or a KPI has stayed CRITICAL for
// the rule's duration, opens an incident (severity, title template, services) with the states as evidence. While
// that incident is open, further subjects of the rule that go CRITICAL are added to it instead of opening a second
// one; when every subject is OK again, a "consider resolving" entry is written and resolveSuggested() emitted.
// Which incident belongs to which rule is read from its timeline (AutoIncident entries), so it survives restarts.
//
// With depends-on, an endpoint impacted by a CRITICAL root cause opens nothing of its own: it is listed as evidence
// ("impacted") on the open incident that names the root. When no rule watches the root, the first rule whose
// impacted endpoint is due opens one incident for the root; when one does, the children wait for its incident.
class AutoIncidentRules final : public QObject
{
    Q_OBJECT
public:
    explicit AutoIncidentRules(IncidentStore *store, QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // The endpoint whose CRITICAL state impacts an endpoint (DependencyGraph::rootCause()); empty: none.
    void setRootCause(std::function<QString(const QString &endpoint)> rootCause) { m_rootCause = std::move(rootCause); }
    // Checks the durations every `ms`; tests call tick() themselves.
    void start(int ms = 5000);

    // The current state of a subject, as a lower-case word (ok, warning, critical, unknown, ...), with one line of
    // evidence (the probe result, the KPI value).
    void observeEndpoint(const QString &name, const QString &state, const QString &evidence);
    void observeKpi(const QString &id, const QString &state, const QString &evidence);

    // The open incident the rule opened, or 0.
    qint64 openIncident(const QString &ruleId) const;
    static QString title(const AutoIncidentRule &rule);

public Q_SLOTS:
    void tick();

Q_SIGNALS:
    // Every subject of the rule is OK again while its incident is open.
    void resolveSuggested(qint64 incidentId, const QString &ruleId);

private:
    struct Seen
    {
        QString state;
        QDateTime since;
        QString evidence;
    };
    struct Subject
    {
        QString name;
        bool kpi = false;
        Seen seen;
    };

    void observe(QHash<QString, Seen> &seen, const QString &name, const QString &state, const QString &evidence);
    QList<Subject> subjects(const AutoIncidentRule &rule) const;
    void open(const AutoIncidentRule &rule, const QList<Subject> &due);
    void follow(
        const AutoIncidentRule &rule, const Incident &incident, const QList<Subject> &all, const QList<Subject> &due);
    TimelineEntry evidence(const Subject &subject) const;
    // autoincidentimpact.cpp
    struct Impacted
    {
        const AutoIncidentRule *rule;
        Subject subject;
        QString root;
    };
    qint64 incidentNaming(const QString &root) const;
    bool watched(const QString &endpoint) const;
    void attachImpacted(const QList<Impacted> &impacted);
    void openForRoot(const AutoIncidentRule &rule, const QString &root, const QList<Subject> &children);
    void listImpacted(const Incident &incident, const Impacted &child);

    IncidentStore *m_store;
    QList<AutoIncidentRule> m_rules;
    QHash<QString, Seen> m_endpoints;
    QHash<QString, Seen> m_kpis;
    QHash<QString, QString> m_groups; // endpoint → group
    std::function<QDateTime()> m_clock;
    QTimer m_timer;
    QSet<QString> m_opening; // rules whose incident is being created
    QSet<QString> m_writing; // "incident|rule|subject-or-action" appends in flight
    std::function<QString(const QString &)> m_rootCause;
    QSet<QString> m_openingRoots; // roots whose incident is being created
};
