// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

using namespace Qt::StringLiterals;

class QNetworkAccessManager;

// One request of a metric source, sent through HttpProbe so it gets the same overall deadline, body cap, redirect
// rules and ${NAME} handling as a health check.
struct FetchRequest
{
    QString url; // may contain ${NAME}
    QString method = u"GET"_s;
    QMap<QString, QString> headers;
    QString body;
    Milliseconds timeout { 10000 };
    qint64 maxBodyBytes = 32LL * 1024 * 1024;
};

namespace MetricFetch {

// Calls `done` on `context`'s thread unless `context` is gone by then. Returns at once.
void send(QNetworkAccessManager *nam, const FetchRequest &request, QObject *context,
    std::function<void(const ProbeResult &)> done);

// Runs `work` on the global thread pool and hands its result to `done` on `context`'s thread (dropped if `context`
// is gone), so large bodies are parsed off the GUI thread.
template <typename T> void inBackground(QObject *context, std::function<T()> work, std::function<void(const T &)> done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace MetricFetch
