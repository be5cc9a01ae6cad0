// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notificationevent.h"
#include "notify/notifysender.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

class DeliveryLedger;

// One delivery attempt as the log keeps it (redacted).
struct NotifyLogEntry
{
    QDateTime time;
    QString route;
    QString provider;
    QString eventKey; // NotificationEvent::key()
    QString headline;
    bool ok = false;
    bool fallback = false; // sent to the route's fallback provider
    bool suppressed = false; // held back by the rate limit
    int status = 0;
    int attempts = 0;
    QString reason;
    NotificationEvent event; // what was sent, so that it can be sent again
    bool test = false; // a test message from "Send test notification"
};

// Applies the workspace's notification routes to events and sends what passes: filters (events, minimum severity,
// groups, time of day), a flap guard, de-duplication per route and subject, a rate limit per route with one summary
// message when exceeded, "resolved" follow-ups, and the fallback provider when a target fails.
class Notifier final : public QObject
{
    Q_OBJECT

public:
    explicit Notifier(NotifySender *sender, QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    // The rate limit's window (a minute; shorter in tests).
    void setRateWindow(int ms) { m_rateWindowMs = ms; }
    // The local time the hours: filter compares with (tests set it).
    void setClock(std::function<QTime()> clock) { m_clock = std::move(clock); }

    void notify(const NotificationEvent &event);
    // A test message to every provider of `routeId` now, past its filters, flap guard and rate limit; false when the
    // workspace has no such route.
    bool sendTest(const QString &routeId);
    // Sends a logged message again to the same provider; false when its route or provider is gone or it was never
    // sent (held back by the rate limit).
    bool retry(const NotifyLogEntry &entry);
    // Providers that send nothing (their requests would carry secrets of a workspace not trusted yet): a delivery
    // to one is logged as not sent and goes to the route's fallback, if that one is not held.
    void setHeldProviders(const QSet<QString> &providers) { m_heldProviders = providers; }
    // Claims each delivery in the database before sending it, so that consoles sharing it send each event once per
    // route, and sends again what a console claimed but never confirmed once its lease has run out (checked at once
    // and every half lease). Without a ledger, what was sent is remembered in memory only.
    void setLedger(DeliveryLedger *ledger);
    DeliveryLedger *ledger() const { return m_ledger; }

    // The providers the routes send `event` to now (their filters applied, the flap guard not): the escalation
    // engine's first level leaves them out for an incident the routes announce already.
    QStringList routedProviders(const NotificationEvent &event) const;

    // The last deliveries, oldest first, at most logCapacity.
    const QList<NotifyLogEntry> &log() const { return m_log; }
    static constexpr int logCapacity = 200;

Q_SIGNALS:
    void logged(const NotifyLogEntry &entry);
    // A delivery that failed, in one translated, redacted line (for the status bar).
    void deliveryFailed(const QString &message);
    // This console won the claim of `key` on `routeId` and is about to send it.
    void claimed(const QString &routeId, const QString &key, const QString &state);

private:
    struct Pending
    {
        NotificationEvent event;
        QString from; // the state before the first change held
        std::shared_ptr<QTimer> timer;
    };
    struct Rate
    {
        int sent = 0;
        int suppressed = 0;
        std::shared_ptr<QTimer> window;
    };

    // One route delivery under way: confirmed in the ledger once every provider (and fallback) has answered.
    struct Tally
    {
        QString workspaceId;
        QString routeId;
        QString key;
        QString state;
        int pending = 0;
        int attempts = 0;
        bool ok = false;
        bool claimed = false;
    };

    bool matches(const NotifyRoute &route, const NotificationEvent &event) const;
    bool passes(const NotifyRoute &route, const NotificationEvent &event) const; // the filters alone
    void hold(const NotifyRoute &route, const NotificationEvent &event);
    void dispatch(const QString &routeId, const NotificationEvent &event);
    void send(
        const QString &routeId, const NotificationEvent &event, const QString &state, bool claimed, bool rateLimited);
    void resendExpired();
    void deliver(const NotifyRoute &route, const QString &providerId, const NotificationEvent &event, bool fallback,
        std::shared_ptr<bool> fellBack, bool test = false, std::shared_ptr<Tally> tally = {});
    void settle(const std::shared_ptr<Tally> &tally, const NotifyResult *result);
    void closeWindow(const QString &routeId);
    void append(const NotifyLogEntry &entry);
    const NotifyRoute *route(const QString &id) const;

    NotifySender *m_sender;
    Workspace m_workspace;
    std::function<QTime()> m_clock;
    int m_rateWindowMs = 60 * 1000;
    QHash<QString, Pending> m_pending; // route|key → change held by the flap guard
    QHash<QString, QString> m_lastSent; // route|key → state last sent
    QSet<QString> m_open; // route|key → a problem was sent and not yet resolved
    QHash<QString, Rate> m_rates; // route → this window's count
    QList<NotifyLogEntry> m_log;
    QSet<QString> m_heldProviders;
    DeliveryLedger *m_ledger = nullptr;
    QTimer m_expiryTimer;
};
