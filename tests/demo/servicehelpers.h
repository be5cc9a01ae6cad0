// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QProcess;

// What the demo service tests need to talk to the real service.
struct HttpResult
{
    int status = 0; // 0: no HTTP answer (connection refused, timeout)
    QByteArray body;
    QByteArray contentType;
    qint64 elapsedMs = 0;
    qint64 firstByteMs = -1; // when the first body bytes arrived
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Starts the service binary on port 0 (token via OPSDECK_DEMO_TOKEN unless empty) and returns its base URL, or an
// empty URL when it did not print its address line within 10 s.
QUrl startDemoService(QProcess *process, const QStringList &extraArgs, const QByteArray &envToken);

// Sends one request and waits (up to 20 s) for the whole answer.
HttpResult sendRequest(QNetworkAccessManager *nam, const QByteArray &method, const QUrl &url,
    const QByteArray &body = {}, const QByteArray &authorization = {});

// The value of the first sample line of `text` named exactly `sample` (with labels, if any), or -1.
double metricValue(const QByteArray &text, const QString &sample);
