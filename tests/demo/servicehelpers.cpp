// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicehelpers.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

QUrl startDemoService(QProcess *process, const QStringList &extraArgs, const QByteArray &envToken)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"OPSDECK_DEMO_TOKEN"_s);
    if (!envToken.isEmpty()) {
        env.insert(u"OPSDECK_DEMO_TOKEN"_s, QString::fromUtf8(envToken));
    }
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(OPSDECK_DEMO_SERVICE_PATH), QStringList { u"--port"_s, u"0"_s } + extraArgs);
    static const QRegularExpression line(u"^opsdeck-demo-service listening on (http://127\\.0\\.0\\.1:\\d+)\n$"_s);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && !process->canReadLine()) {
        if (!process->waitForReadyRead(int(10000 - timer.elapsed()))) {
            break;
        }
    }
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(process->readLine()));
    return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
}

HttpResult sendRequest(QNetworkAccessManager *nam, const QByteArray &method, const QUrl &url, const QByteArray &body,
    const QByteArray &authorization)
{
    QNetworkRequest request(url);
    if (!authorization.isEmpty()) {
        request.setRawHeader("Authorization", authorization);
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    HttpResult result;
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = nam->sendCustomRequest(request, method, body);
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&result, &timer] {
        if (result.firstByteMs < 0) {
            result.firstByteMs = timer.elapsed();
        }
    });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (reply->isFinished() || finished.wait(20000)) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    }
    result.elapsedMs = timer.elapsed();
    reply->abort();
    reply->deleteLater();
    return result;
}

double metricValue(const QByteArray &text, const QString &sample)
{
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(sample + QLatin1Char(' '))) {
            return line.mid(sample.size() + 1).toDouble();
        }
    }
    return -1;
}
