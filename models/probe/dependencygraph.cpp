// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/dependencygraph.h"

#include <QCoreApplication>
#include <QSet>
#include <queue>

#include <algorithm>
#include <functional>

int DependencyGraph::addNode(Kind kind, const QString &name)
{
    Node node;
    node.kind = kind;
    node.name = name;
    m_nodes.append(node);
    return int(m_nodes.size()) - 1;
}

void DependencyGraph::addEdge(int child, int parent, const Origin &origin)
{
    if (child < 0 || parent < 0 || child == parent) {
        return;
    }
    Node &c = m_nodes[child];
    c.parents.append(parent);
    c.origins.append(origin);
    m_nodes[parent].children.append({ child, int(c.parents.size()) - 1 });
}

int DependencyGraph::resolve(const DependencyTarget &target) const
{
    if (target.kind != DependencyTarget::Kind::Group) {
        if (const auto it = m_endpoints.constFind(target.name); it != m_endpoints.cend()) {
            return *it;
        }
    }
    if (target.kind != DependencyTarget::Kind::Endpoint) {
        return m_groups.value(target.name, -1);
    }
    return -1;
}

void DependencyGraph::setWorkspace(const Workspace &workspace)
{
    m_nodes.clear();
    m_endpoints.clear();
    m_groups.clear();
    m_groupDependencies.clear();
    m_byOrder.clear();
    m_cycle.reset();
    m_hasDependencies = false;
    m_visited = 0;
    QHash<QString, QString> groupOf;
    for (const Endpoint &e : workspace.endpoints) {
        groupOf.insert(e.name, e.group);
        if (!m_endpoints.contains(e.name)) {
            m_endpoints.insert(e.name, addNode(Kind::Endpoint, e.name));
            m_nodes.last().enabled = e.enabled;
        }
        if (!e.group.isEmpty() && !m_groups.contains(e.group)) {
            m_groups.insert(e.group, addNode(Kind::Group, e.group));
        }
        m_hasDependencies = m_hasDependencies || !e.dependsOn.isEmpty();
    }
    for (const EndpointGroup &g : workspace.groups) {
        m_hasDependencies = m_hasDependencies || !g.dependsOn.isEmpty();
    }
    if (!m_hasDependencies) {
        return; // nothing is ever impacted: no edges, no order
    }
    for (int i = 0; i < workspace.groups.size(); ++i) {
        const EndpointGroup &g = workspace.groups.at(i);
        const int group = m_groups.value(g.name, -1);
        if (g.dependsOn.isEmpty() || group < 0 || m_groupDependencies.contains(g.name)) {
            continue;
        }
        const int node = addNode(Kind::GroupDependencies, g.name);
        m_groupDependencies.insert(g.name, node);
        for (int j = 0; j < g.dependsOn.size(); ++j) {
            const int parent = resolve(g.dependsOn.at(j));
            // A group that depends on itself or on one of its endpoints: reported by the loader.
            if (parent != group
                && !(parent >= 0 && groupOf.value(m_nodes.at(parent).name) == g.name
                    && m_nodes.at(parent).kind == Kind::Endpoint)) {
                addEdge(node, parent, { g.dependsOn.at(j).pos, u"groups[%1].depends-on[%2]"_s.arg(i).arg(j) });
            }
        }
    }
    for (int i = 0; i < workspace.endpoints.size(); ++i) {
        const Endpoint &e = workspace.endpoints.at(i);
        const int node = m_endpoints.value(e.name);
        if (!e.group.isEmpty()) {
            addEdge(m_groups.value(e.group), node, { e.pos, QString() });
            addEdge(node, m_groupDependencies.value(e.group, -1), { e.pos, QString() });
        }
        const int ownGroup = m_groups.value(e.group, -1);
        for (int j = 0; j < e.dependsOn.size(); ++j) {
            const int parent = resolve(e.dependsOn.at(j));
            if (parent == ownGroup) {
                continue; // depending on its own group: reported by the loader
            }
            addEdge(node, parent, { e.dependsOn.at(j).pos, u"endpoints[%1].depends-on[%2]"_s.arg(i).arg(j) });
        }
    }
    order();
}

void DependencyGraph::order()
{
    // Kahn: parents before children. What is left over lies on a cycle (or below one).
    QList<int> waiting(m_nodes.size());
    std::queue<int> ready;
    for (int n = 0; n < m_nodes.size(); ++n) {
        waiting[n] = int(m_nodes.at(n).parents.size());
        if (waiting[n] == 0) {
            ready.push(n);
        }
    }
    while (!ready.empty()) {
        const int n = ready.front();
        ready.pop();
        m_nodes[n].order = int(m_byOrder.size());
        m_byOrder.append(n);
        for (const Link &link : std::as_const(m_nodes.at(n).children)) {
            if (--waiting[link.node] == 0) {
                ready.push(link.node);
            }
        }
    }
    if (m_byOrder.size() < m_nodes.size()) {
        findCycle();
    }
}

void DependencyGraph::findCycle()
{
    // Every node left over has a parent left over: following parents from one of them must come back to a node
    // already on the way.
    int start = 0;
    while (m_nodes.at(start).order >= 0) {
        ++start;
    }
    QList<int> path;
    QList<int> slots;
    QHash<int, int> at; // node → index in path
    int n = start;
    while (!at.contains(n)) {
        at.insert(n, int(path.size()));
        path.append(n);
        const Node &node = m_nodes.at(n);
        int slot = 0;
        while (m_nodes.at(node.parents.at(slot)).order >= 0) {
            ++slot;
        }
        slots.append(slot);
        n = node.parents.at(slot);
    }
    QList<int> cycleNodes = path.mid(at.value(n));
    QList<int> cycleSlots = slots.mid(at.value(n));
    // Start at the first dependency written in the file, so the message points at a depends-on line.
    qsizetype first = 0;
    while (
        first < cycleNodes.size() && m_nodes.at(cycleNodes.at(first)).origins.at(cycleSlots.at(first)).path.isEmpty()) {
        ++first;
    }
    first = first < cycleNodes.size() ? first : 0;
    std::rotate(cycleNodes.begin(), cycleNodes.begin() + first, cycleNodes.end());
    std::rotate(cycleSlots.begin(), cycleSlots.begin() + first, cycleSlots.end());
    Cycle cycle;
    cycle.at = m_nodes.at(cycleNodes.constFirst()).origins.at(cycleSlots.constFirst());
    cycleNodes.append(cycleNodes.constFirst());
    for (const int node : std::as_const(cycleNodes)) {
        const QString name = label(node);
        if (cycle.names.isEmpty() || cycle.names.constLast() != name) {
            cycle.names.append(name);
        }
    }
    m_cycle = cycle;
}

QString DependencyGraph::label(int node) const
{
    const Node &n = m_nodes.at(node);
    return n.kind == Kind::Endpoint ? n.name : QCoreApplication::translate("DependencyGraph", "group %1").arg(n.name);
}

QStringList DependencyGraph::setCritical(const QString &endpoint, bool critical)
{
    m_visited = 0;
    const auto it = m_endpoints.constFind(endpoint);
    if (it == m_endpoints.cend() || m_nodes.at(*it).critical == critical) {
        return {};
    }
    m_nodes[*it].critical = critical;
    if (!m_hasDependencies || m_nodes.at(*it).order < 0) {
        return {};
    }
    // Nodes by topological position, each recomputed once after all its parents.
    using Item = std::pair<int, int>; // order, node
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    std::set<int> queued;
    queue.push({ m_nodes.at(*it).order, *it });
    queued.insert(*it);
    QStringList changed;
    while (!queue.empty()) {
        const int n = queue.top().second;
        queue.pop();
        ++m_visited;
        Node &node = m_nodes[n];
        int root = node.causing.empty() ? -1 : m_nodes.at(node.parents.at(*node.causing.begin())).cause;
        if (node.kind == Kind::Group && wholeGroupCritical(node)) {
            root = n; // every endpoint of the group is CRITICAL on its own: the group is the root cause
        }
        const int cause = root >= 0 ? root : (node.critical ? n : -1);
        if (root != node.root && node.kind == Kind::Endpoint) {
            changed.append(node.name);
        }
        node.root = root;
        if (cause == node.cause) {
            continue; // nothing changes below
        }
        node.cause = cause;
        for (const Link &link : std::as_const(node.children)) {
            Node &child = m_nodes[link.node];
            if (child.order < 0) {
                continue;
            }
            if (cause >= 0) {
                child.causing.insert(link.slot);
            } else {
                child.causing.erase(link.slot);
            }
            if (queued.insert(link.node).second) {
                queue.push({ child.order, link.node });
            }
        }
    }
    return changed;
}

bool DependencyGraph::isCritical(const QString &endpoint) const
{
    const int n = m_endpoints.value(endpoint, -1);
    return n >= 0 && m_nodes.at(n).critical;
}

bool DependencyGraph::wholeGroupCritical(const Node &group) const
{
    int critical = 0;
    for (const int p : group.parents) {
        const Node &member = m_nodes.at(p);
        if (!member.enabled) {
            continue;
        }
        if (member.cause != p) {
            return false; // fine, or impacted by something above the group
        }
        ++critical;
    }
    return critical >= 2;
}

QString DependencyGraph::groupRoot(const QString &group)
{
    return u"group "_s + group;
}

QString DependencyGraph::groupOfRoot(const QString &root)
{
    return root.startsWith(u"group "_s) ? root.mid(6) : QString();
}

QString DependencyGraph::rootCause(const QString &endpoint) const
{
    const int n = m_endpoints.value(endpoint, -1);
    if (n < 0 || m_nodes.at(n).root < 0) {
        return {};
    }
    const Node &root = m_nodes.at(m_nodes.at(n).root);
    return root.kind == Kind::Group ? groupRoot(root.name) : root.name;
}

QStringList DependencyGraph::impactedBy(const QString &root) const
{
    const QString group = groupOfRoot(root);
    const int r
        = group.isEmpty() || m_endpoints.contains(root) ? m_endpoints.value(root, -1) : m_groups.value(group, -1);
    QStringList out;
    if (r < 0) {
        return out;
    }
    for (const Node &node : m_nodes) {
        if (node.kind == Kind::Endpoint && node.root == r) {
            out.append(node.name);
        }
    }
    return out;
}

QStringList DependencyGraph::dependenciesOf(const QString &endpoint) const
{
    const int n = m_endpoints.value(endpoint, -1);
    QStringList out;
    if (n < 0) {
        return out;
    }
    for (const int parent : m_nodes.at(n).parents) {
        if (m_nodes.at(parent).kind == Kind::GroupDependencies) {
            for (const int p : m_nodes.at(parent).parents) {
                out.append(label(p));
            }
        } else {
            out.append(label(parent));
        }
    }
    out.removeDuplicates();
    return out;
}

QStringList DependencyGraph::parentEndpoints(const QString &endpoint, int max) const
{
    const int n = m_endpoints.value(endpoint, -1);
    QStringList out;
    if (n < 0) {
        return out;
    }
    // Through group nodes up to the first endpoints.
    QList<int> next = m_nodes.at(n).parents;
    QSet<int> seen { n };
    while (!next.isEmpty() && out.size() < max) {
        const int p = next.takeFirst();
        if (seen.contains(p)) {
            continue;
        }
        seen.insert(p);
        if (m_nodes.at(p).kind == Kind::Endpoint) {
            out.append(m_nodes.at(p).name);
        } else {
            next.append(m_nodes.at(p).parents);
        }
    }
    return out;
}
