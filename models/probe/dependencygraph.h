// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <set>

// The workspace's `depends-on:` between endpoints and groups, and which endpoints are impacted by a CRITICAL one.
//
// Nodes are the endpoints, and per group one node for "depending on the group" (its endpoints are its parents)
// and, when the group has a depends-on, one for "what the group depends on" (a parent of each of its endpoints).
// An endpoint's root cause is the first CRITICAL endpoint up its dependencies that is not impacted itself: with
// app → api → database and database CRITICAL, api and app are both "impacted by database", whatever their own
// state. A group of two or more enabled endpoints that are all CRITICAL (none impacted by something above) is itself
// the root cause of what depends on it: "impacted by group database" (groupRoot()), as the war room and automatic
// incidents name it; while only some of them are CRITICAL, what depends on the group is impacted by the first.
//
// setWorkspace() orders the nodes once (Kahn, O(nodes + edges)); setCritical() then recomputes only the nodes
// below the changed endpoint, in that order, and stops where a node's root cause stays the same.
class DependencyGraph final
{
public:
    // Where a dependency was written, for diagnostics.
    struct Origin
    {
        SourcePos pos;
        QString path; // "endpoints[3].depends-on[0]"; empty for a group's membership
    };
    struct Cycle
    {
        QStringList names; // "app", "group api", "database", "app": each depends on the next
        Origin at; // the first written dependency of the cycle
    };

    void setWorkspace(const Workspace &workspace);
    // Whether any endpoint or group has a dependency (nothing to compute otherwise).
    bool hasDependencies() const { return m_hasDependencies; }
    // A dependency cycle, if any (its nodes take no part in the computation).
    const std::optional<Cycle> &cycle() const { return m_cycle; }

    // Sets an endpoint's own criticality; returns the endpoints whose root cause changed, in dependency order.
    QStringList setCritical(const QString &endpoint, bool critical);
    bool isCritical(const QString &endpoint) const;
    // The endpoint (or "group NAME", see groupRoot()) whose CRITICAL state impacts `endpoint`; empty when none does.
    QString rootCause(const QString &endpoint) const;
    // How a CRITICAL group is named as a root cause, and the group a root cause names (empty: an endpoint).
    static QString groupRoot(const QString &group);
    static QString groupOfRoot(const QString &root);
    // The endpoints impacted by `root` (an endpoint or groupRoot()), in the workspace's order (a scan: for incidents
    // and reports, not per result).
    QStringList impactedBy(const QString &root) const;
    // What `endpoint` depends on, directly, as written (endpoints and "group NAME").
    QStringList dependenciesOf(const QString &endpoint) const;
    // The endpoints `endpoint` depends on directly (a group's endpoints for a group), at most `max`.
    QStringList parentEndpoints(const QString &endpoint, int max = 50) const;

    // Nodes recomputed by the last setCritical() (the affected subtree), for tests and benchmarks.
    int lastVisited() const { return m_visited; }
    int nodeCount() const { return int(m_nodes.size()); }

private:
    enum class Kind { Endpoint, Group, GroupDependencies };
    struct Link
    {
        int node; // the child
        int slot; // this node's index in the child's parents
    };
    struct Node
    {
        Kind kind = Kind::Endpoint;
        QString name;
        QList<int> parents;
        QList<Origin> origins; // per parent
        QList<Link> children;
        int order = -1; // topological position; -1: on a cycle
        bool critical = false;
        bool enabled = true; // an endpoint that is probed (a disabled one never counts for its group)
        int root = -1; // the root-cause endpoint node impacting this one
        int cause = -1; // what it passes to its children: its root, else itself when CRITICAL
        std::set<int> causing; // slots of parents that pass a cause
    };

    int addNode(Kind kind, const QString &name);
    void addEdge(int child, int parent, const Origin &origin);
    int resolve(const DependencyTarget &target) const;
    void order();
    void findCycle();
    QString label(int node) const;
    bool wholeGroupCritical(const Node &group) const;

    QList<Node> m_nodes;
    QHash<QString, int> m_endpoints; // name → node
    QHash<QString, int> m_groups; // group name → "depending on the group" node
    QHash<QString, int> m_groupDependencies; // group name → "what the group depends on" node
    QList<int> m_byOrder; // node ids in topological order
    std::optional<Cycle> m_cycle;
    bool m_hasDependencies = false;
    int m_visited = 0;
};
