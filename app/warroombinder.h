// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "warroom/warroomwindow.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class Session;
struct Workspace;

// The war-room display of a Session: created on first show, kept in step with the workspace (title, the KPIs
// marked for the war room, incidents.war-room-acknowledge) and with the storage's online state.
class WarRoomBinder final : public QObject
{
    Q_OBJECT
public:
    explicit WarRoomBinder(Session *session, QObject *parent = nullptr);
    ~WarRoomBinder() override;

    void setWorkspace(const Workspace &workspace);
    // Shows the display full screen; with quitOnClose, closing it ends the application (the war-room kiosk).
    void show(bool quitOnClose);
    WarRoomWindow *window() const { return m_window; }

private:
    Session *m_session;
    QPointer<WarRoomWindow> m_window;
    QString m_title;
    QSet<QString> m_kpiIds;
    bool m_ackAllowed = false;
};
