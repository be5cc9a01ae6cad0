// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notificationevent.h"
#include "storage/storagefuture.h"

#include <QList>
#include <QObject>
#include <QString>

class Storage;

// The notify_deliveries table: which console sends what on which route. Every console that sees an event claims it
// before sending; the database lets one claim win (an INSERT that does nothing on conflict, or an UPDATE that
// changes the row only when the state differs), so each state of each subject goes out once per route, whatever
// the number of consoles. A claim is confirmed once sent; one left unconfirmed longer than the lease (its console
// was killed between claim and send) is taken over by another console, or the same one restarted, and sent then.
class DeliveryLedger final : public QObject
{
    Q_OBJECT

public:
    enum class Claim {
        Problem, // inserts the row or changes its state
        FollowUp, // only changes a row that exists with another state: nothing was sent, nothing to resolve
    };
    // Which claims takeExpired() takes: the notification routes', or the escalation steps' (route "escalation:ID").
    enum class Scope { Routes, Escalations };
    struct Expired
    {
        QString route;
        QString key;
        QString state;
        NotificationEvent event;
    };

    explicit DeliveryLedger(Storage *storage, QObject *parent = nullptr);

    // "host/pid/random": who holds a claim.
    const QString &owner() const { return m_owner; }
    // How long a claim stays with its console before another may send it (default 2 minutes: longer than a
    // delivery's deadline, its fallback's included).
    void setLease(int ms) { m_leaseMs = ms; }
    int lease() const { return m_leaseMs; }
    // The database is open or opening: a job now would run, not fail with "the database is not open".
    bool usable() const;

    // True when this console is the one to send `event` (in state `state`) on `route`.
    StorageFuture<bool> claim(
        const QString &route, const QString &key, const QString &state, const NotificationEvent &event, Claim kind);
    // Confirms a claim of this console: status sent, failed or held (by the rate limit).
    StorageFuture<bool> finish(const QString &workspaceId, const QString &route, const QString &key,
        const QString &state, const QString &status, int attempts);
    // Claims of `workspaceId` whose lease has run out, now held by this console (to be sent, then finished).
    StorageFuture<QList<Expired>> takeExpired(const QString &workspaceId, Scope scope = Scope::Routes);

    // The ledger route of an escalation policy's steps.
    static QString escalationRoute(const QString &policyId) { return QStringLiteral("escalation:") + policyId; }

    static QByteArray toJson(const NotificationEvent &event);
    static NotificationEvent fromJson(const QByteArray &json);

private:
    Storage *m_storage;
    QString m_owner;
    int m_leaseMs = 120 * 1000;
};
