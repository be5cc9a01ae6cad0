// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthcontroller.h"

#include "checklist/probeevidence.h"
#include "health/healthpage.h"
#include "highlight/syntaxhighlighterservice.h"
#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "probe/probehistory.h"

HealthController::HealthController(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_engine(new ProbeEngine(this))
    , m_history(new ProbeHistory(storage, QString(), this))
    , m_model(new EndpointModel(this))
    , m_highlighter(new SyntaxHighlighterService(this))
{
    connect(m_engine, &ProbeEngine::resultReady, m_model, &EndpointModel::addResult);
    connect(m_engine, &ProbeEngine::resultReady, m_history, &ProbeHistory::add);
}

HealthController::~HealthController()
{
    m_engine->stop();
    m_history->flush(); // while the storage still exists
}

void HealthController::attach(HealthPage *page)
{
    page->setModel(m_model);
    page->setHighlighter(m_highlighter);
    connect(page, &HealthPage::checkNowRequested, m_engine, &ProbeEngine::checkNow);
    connect(page, &HealthPage::checkAllRequested, m_engine, &ProbeEngine::checkAllNow);
}

void HealthController::setWorkspace(const Workspace &workspace)
{
    m_history->setWorkspaceId(workspace.info.id);
    m_model->setWorkspace(workspace);
    m_engine->setWorkspace(workspace);
    if (!m_engine->isRunning()) {
        m_engine->start();
    }
}

ChecklistStore::Verifier HealthController::verifier() const
{
    return [model = m_model](const ChecklistVerify &verify) -> std::optional<ChecklistEvidence> {
        const EndpointStatus *status = verify.endpoint.isEmpty() ? nullptr : model->status(verify.endpoint);
        if (!status || !status->last) {
            return std::nullopt; // KPI verify: items are answered once KPIs are evaluated
        }
        return probeEvidence(verify, *status->last);
    };
}
