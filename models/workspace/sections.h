// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the workspace loader: one reader per top-level section of the workspace file.

#include "workspace/workspace.h"

class YamlReader;
struct YamlValue;

namespace WorkspaceSections {

void readInfo(YamlReader &r, const YamlValue &value, WorkspaceInfo &out);
void readSources(YamlReader &r, const YamlValue &value, Sources &out);
void readEndpoints(YamlReader &r, const YamlValue &value, QList<Endpoint> &out);
// locationsection.cpp: critical-when rules, and the top-level locations: section (after endpoints, whose groups it
// names).
std::optional<QuorumRule> readQuorumRule(YamlReader &r, const YamlValue &value);
void readLocations(YamlReader &r, const YamlValue &value, const QList<Endpoint> &endpoints, LocationSettings &out);
void readMaintenance(YamlReader &r, const YamlValue &value, QList<MaintenanceWindow> &out);
void readKpis(YamlReader &r, const YamlValue &value, QList<Kpi> &out);
void readChecklists(YamlReader &r, const YamlValue &value, QList<Checklist> &out);
void readRunbooks(YamlReader &r, const YamlValue &value, QList<Runbook> &out);
void readIncidents(YamlReader &r, const YamlValue &value, IncidentSettings &out);
void readSecrets(YamlReader &r, const YamlValue &value, QList<DeclaredSecret> &out);
void readNotifications(YamlReader &r, const YamlValue &value, NotificationSettings &out);
// escalationsection.cpp: after every other section, since they refer to providers, routes, severities and endpoints.
void readEscalationPolicies(
    YamlReader &r, const YamlValue &value, NotificationSettings &out, const QList<SeverityLevel> &severities);
void readAutoIncidents(YamlReader &r, const YamlValue &value, Workspace &w);
// dependencysection.cpp: endpoints[].depends-on, groups[], and (once every section is read) their checks.
void readDependsOn(YamlReader &r, const YamlValue &map, QList<DependencyTarget> &out);
void readGroups(YamlReader &r, const YamlValue &value, QList<EndpointGroup> &out);
void checkDependencies(YamlReader &r, const Workspace &w);

} // namespace WorkspaceSections
