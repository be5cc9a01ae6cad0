// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notificationevent.h"
#include "workspace/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// A provider whose URL is the secret `secret` (set to `url` in the environment).
inline NotifyProvider testProvider(const QString &id, const QString &kind, const QString &secret, const QUrl &url)
{
    qputenv(secret.toLatin1().constData(), url.toString().toUtf8());
    NotifyProvider p;
    p.id = id;
    p.kind = kind;
    p.url = u"${"_s + secret + u'}';
    return p;
}

inline NotificationEvent criticalEndpoint(const QString &name = u"health"_s, const QString &group = u"api"_s)
{
    NotificationEvent e;
    e.kind = NotificationEvent::Kind::Endpoint;
    e.subject = name;
    e.title = name;
    e.group = group;
    e.from = u"ok"_s;
    e.to = u"critical"_s;
    e.severity = NotifySeverity::Critical;
    e.time = QDateTime(QDate(2026, 12, 5), QTime(9, 30), Qt::UTC);
    e.detail = u"[STATUS] == 200 (503)"_s;
    e.link = u"https://meetpin.example/api/health"_s;
    e.workspaceId = u"meetpin"_s;
    return e;
}

inline QJsonObject jsonBody(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}
