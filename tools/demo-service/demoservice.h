// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adminapi.h"
#include "httpreply.h"

#include <QHttpServer>
#include <QObject>
#include <QPointer>

#include <memory>

class DemoState;
struct Faults;
class QTcpSocket;

// The HTTP face of the demo service: routes, fault application (delay, failures, trickled bodies) and the admin API.
class DemoService final : public QObject
{
    Q_OBJECT

public:
    DemoService(DemoState *state, const QByteArray &adminToken, QObject *parent = nullptr);

    // Listens on 127.0.0.1 only; returns the port, or 0 on failure.
    quint16 listen(quint16 port);

private:
    enum class Route { Health, Livez, Readyz, Metrics };

    // A responder kept alive across timers; the socket pointer tells whether the client is still there.
    struct Pending
    {
        std::shared_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
    };

    static Pending makePending(QHttpServerResponder &&responder);
    void addAppRoute(Route route, const QString &path);
    void addAdminRoute(const QString &path);
    void serveApp(
        Route route, const QString &path, const QHttpServerRequest &request, QHttpServerResponder &&responder);
    HttpReply build(Route route, const Faults &faults);
    HttpReply health(const Faults &faults);
    HttpReply readyz(bool down) const;
    void send(const Pending &pending, const HttpReply &reply, int slowMs);

    QHttpServer m_server;
    DemoState *m_state;
    AdminApi m_admin;
};
