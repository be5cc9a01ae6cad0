// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/promresponse.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

// Prometheus's HTTP API: instant queries for tiles, query_range for charts. Identical queries in flight at the
// same time share one request (a panel's series and the tiles that show the same figure). Bodies are parsed on
// the thread pool; callbacks run on the client's thread and are dropped when their context object is gone.
class PrometheusClient final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const PromResponse &)>;

    PrometheusClient(QNetworkAccessManager *nam, const MetricServer &server, QObject *parent = nullptr);

    void setServer(const MetricServer &server) { m_server = server; }
    // Held: nothing is sent (its requests would carry secrets of a workspace not trusted yet); queries answer
    // "waiting for trust".
    void setHeld(bool held) { m_held = held; }
    bool isHeld() const { return m_held; }
    const MetricServer &server() const { return m_server; }
    void setTimeout(Milliseconds timeout) { m_timeout = timeout; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    // The value now (or at `at`).
    void instant(const QString &query, QObject *context, Callback done, const QDateTime &at = {});
    void range(const QString &query, const QDateTime &start, const QDateTime &end, Milliseconds step, QObject *context,
        Callback done);

    // One point per pixel column at most, never finer than the scrape interval; whole seconds, at least 1 s.
    static Milliseconds rangeStep(Milliseconds range, int plotWidthPx, Milliseconds scrapeInterval);
    int requestsSent() const { return m_requestsSent; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    void submit(const QString &path, const QString &form, QObject *context, Callback done);

    QNetworkAccessManager *m_nam;
    MetricServer m_server;
    bool m_held = false;
    Milliseconds m_timeout { 15000 };
    qint64 m_maxBodyBytes = 64LL * 1024 * 1024;
    QHash<QString, QList<Waiter>> m_inFlight; // path + form -> who waits for it
    int m_requestsSent = 0;
};
