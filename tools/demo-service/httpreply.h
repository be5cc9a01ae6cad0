// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

using namespace Qt::StringLiterals;

// One HTTP answer, built by a handler and written by DemoService (which adds delays and trickling).
struct HttpReply
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpReply json(int status, const QJsonObject &object)
    {
        HttpReply reply;
        reply.status = status;
        reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        return reply;
    }

    // API error bodies are protocol text for scripts and tools, so they stay untranslated.
    static HttpReply error(int status, const QString &message)
    {
        return json(status, QJsonObject { { u"error"_s, message }, { u"status"_s, status } });
    }
};
