// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "warroombinder.h"

#include "incident/incidentstore.h"
#include "kpi/kpimodel.h"
#include "probe/endpointmodel.h"
#include "session/session.h"
#include "storage/storage.h"
#include "ui/uilanguage.h"
#include "warroom/warroomwindow.h"
#include "workspace/workspace.h"

#include <QCoreApplication>

WarRoomBinder::WarRoomBinder(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(m_session->storage(), &Storage::onlineChanged, this, [this](bool online, const QString &reason) {
        if (m_window) {
            m_window->setOffline(!online, reason);
        }
    });
}

WarRoomBinder::~WarRoomBinder()
{
    delete m_window;
}

void WarRoomBinder::setWorkspace(const Workspace &workspace)
{
    m_title = workspace.info.title.text(uiLanguage());
    m_ackAllowed = workspace.incidents.warRoomAcknowledge;
    m_kpiIds.clear();
    for (const Kpi &kpi : workspace.kpis) {
        if (kpi.warRoom) {
            m_kpiIds.insert(kpi.id);
        }
    }
    if (m_window) {
        m_window->setWorkspaceTitle(m_title);
        m_window->setWarRoomKpis(m_kpiIds);
        m_window->setAcknowledgeAllowed(m_ackAllowed);
    }
}

void WarRoomBinder::show(bool quitOnClose)
{
    if (!m_window) {
        m_window = new WarRoomWindow;
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        m_window->setEndpointModel(m_session->endpoints());
        m_window->setIncidentStore(m_session->incidents());
        m_window->setWorkspaceTitle(m_title);
        m_window->setOffline(!m_session->storage()->isOnline());
        m_window->setKpiModel(m_session->kpis());
        m_window->setWarRoomKpis(m_kpiIds);
        m_window->setAcknowledgeAllowed(m_ackAllowed);
        if (quitOnClose) {
            connect(m_window, &QObject::destroyed, QCoreApplication::instance(), &QCoreApplication::quit);
        }
    }
    m_window->showFullScreen();
    m_window->raise();
    m_window->activateWindow();
}
