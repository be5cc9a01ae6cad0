// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/exposition.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

// A service's own /metrics, scraped on demand and kept for a while so counters can become rates and histograms
// quantiles over a window. Scrapes of one URL in flight together are one request; a scrape younger than
// reuseAgeMs is handed out again instead of asking the service once per KPI.
class MetricsScraper final : public QObject
{
    Q_OBJECT

public:
    struct Scrape
    {
        QDateTime at;
        std::shared_ptr<const Exposition> metrics;
    };
    using Callback = std::function<void(const Scrape &latest, const QString &error)>;
    // Never: ask the service (or join a request already under way) even when a young scrape is kept.
    enum class Reuse { Allowed, Never };

    explicit MetricsScraper(QNetworkAccessManager *nam, QObject *parent = nullptr);

    void setTimeout(Milliseconds timeout) { m_timeout = timeout; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    void setReuseAgeMs(qint64 ms) { m_reuseAgeMs = ms; }
    // Scrapes older than this are dropped (the longest window a KPI asks for, plus a margin).
    void setKeep(Milliseconds keep) { m_keep = keep; }

    void scrape(const QString &url, QObject *context, Callback done, Reuse reuse = Reuse::Allowed);
    // Successful scrapes of `url`, oldest first.
    QList<Scrape> history(const QString &url) const { return m_history.value(url); }
    // The oldest kept scrape at least `minAgeMs` older than `latest` within `window` of it, if any.
    std::optional<Scrape> baseline(const QString &url, const Scrape &latest, Milliseconds window) const;
    int requestsSent() const { return m_requestsSent; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    void finish(const QString &url, const Scrape &scrape, const QString &error);

    QNetworkAccessManager *m_nam;
    Milliseconds m_timeout { 10000 };
    qint64 m_maxBodyBytes = 8LL * 1024 * 1024;
    qint64 m_reuseAgeMs = 2000;
    Milliseconds m_keep { 3600000 };
    QHash<QString, QList<Scrape>> m_history;
    QHash<QString, QList<Waiter>> m_inFlight;
    int m_requestsSent = 0;
};
