// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checklist/checkliststore.h"
#include "workspace/workspace.h"

#include <QObject>

class EndpointModel;
class HealthPage;
class ProbeEngine;
class ProbeHistory;
class Storage;
class SyntaxHighlighterService;

// Runs the workspace's health checks: the probe engine feeds the Health page's model and the stored history,
// and answers checklist verify: items with the latest result.
class HealthController final : public QObject
{
    Q_OBJECT
public:
    HealthController(Storage *storage, QObject *parent = nullptr);
    ~HealthController() override;

    void attach(HealthPage *page);
    void setWorkspace(const Workspace &workspace);
    ChecklistStore::Verifier verifier() const;

    ProbeEngine *engine() const { return m_engine; }
    EndpointModel *model() const { return m_model; }
    SyntaxHighlighterService *highlighter() const { return m_highlighter; }

private:
    ProbeEngine *m_engine;
    ProbeHistory *m_history;
    EndpointModel *m_model;
    SyntaxHighlighterService *m_highlighter;
};
