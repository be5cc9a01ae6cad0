// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

class DeliveryLedger;
class IncidentStore;
struct NotificationEvent;
class NotifySender;
struct NotifyResult;

// Walks open, unacknowledged incidents up their escalation policy: level 0 at once, each later level once its
// `after` has passed since detection, and reminders of the last level reached while nobody acknowledges. The state
// lives in the incident's timeline only (an Escalation entry per step, a Notification entry per delivery), so a
// restart resumes where the stored timeline stands; each step is claimed in the database before anything is sent,
// so an acknowledgement from another console or `opsdeck ack` stops it and no step goes out twice. Once an
// incident is acknowledged, the PagerDuty providers it paged get an `acknowledge` event.
class EscalationEngine final : public QObject
{
    Q_OBJECT
public:
    struct Step
    {
        int level = 0; // index into the policy's levels
        int reminder = 0; // 0 = the level itself, n = its n-th reminder
        QDateTime due;
    };
    // What the incident page shows.
    struct Status
    {
        const EscalationPolicy *policy = nullptr;
        int reached = -1; // the highest level index notified; -1 = none yet
        int reminders = 0; // of that level
        std::optional<Step> next; // nothing while acknowledged, resolved or at the end of the chain
        QString text; // one translated line
    };

    explicit EscalationEngine(IncidentStore *store, NotifySender *sender, QObject *parent = nullptr);

    void setWorkspace(const Workspace &workspace);
    // The time steps are due against (tests move it; real time otherwise).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // The providers the notification routes send an incident's opening to: its first level leaves them out, so that
    // nobody gets the same incident twice at once.
    void setRoutedProviders(std::function<QStringList(const NotificationEvent &)> routed)
    {
        m_routed = std::move(routed);
    }
    // Checks every `ms` (the window and the agent); tests call tick() themselves.
    void start(int ms = 5000);
    // Claims each step in the database's notify_deliveries (route "escalation:POLICY") before it goes on the
    // timeline, and confirms it once its messages are out: consoles sharing the database send each step once, and
    // a step claimed by a console killed before sending is sent by another (or the restarted one) once its lease
    // has run out (checked at once and every half lease). Without a ledger the timeline claim alone decides.
    void setLedger(DeliveryLedger *ledger);

    // The policy an incident follows: the one its timeline started, else its automatic rule's, else the first whose
    // severities include the incident's.
    const EscalationPolicy *policyFor(const Incident &incident) const;
    // The earliest step; a level already due at `now` goes before reminders that are overdue too (after a restart
    // or a suspended machine the chain moves on rather than repeating itself).
    static std::optional<Step> nextStep(
        const Incident &incident, const EscalationPolicy &policy, const QDateTime &now = {});
    Status status(const Incident &incident) const;

public Q_SLOTS:
    // Takes every step that is due and sends the PagerDuty acknowledgements that are owed.
    void tick();

Q_SIGNALS:
    // A step was claimed and its messages are on their way.
    void stepTaken(qint64 incidentId, int level, int reminder);
    // One message of a step (or an acknowledgement) was delivered or failed; it is on the timeline.
    void delivered(qint64 incidentId, const QString &provider, bool ok);

private:
    void take(const Incident &incident, const EscalationPolicy &policy, const Step &step);
    void claimStep(qint64 incidentId, const QString &inFlightKey, const QString &policyId, const Step &step,
        const TimelineEntry &entry, const std::function<bool(const Incident &)> &wanted);
    void resendExpired();
    NotificationEvent eventFor(const Incident &incident, const QString &text) const;
    // Sends the step's messages; `done` gets whether any went out and the attempts, once every provider answered.
    void sendStep(qint64 incidentId, const EscalationPolicy &policy, const Step &step, const NotificationEvent &event,
        std::function<void(bool ok, int attempts)> done = {});
    void acknowledgePagerDuty(const Incident &incident);
    void record(qint64 incidentId, const QString &provider, const NotifyResult &result, const QString &what);
    QStringList providersOf(const EscalationLevel &level) const;

    IncidentStore *m_store;
    NotifySender *m_sender;
    Workspace m_workspace;
    std::function<QDateTime()> m_clock;
    std::function<QStringList(const NotificationEvent &)> m_routed;
    QTimer m_timer;
    DeliveryLedger *m_ledger = nullptr;
    QTimer m_expiryTimer;
    QSet<QString> m_inFlight; // "incident|policy|level|reminder" and "incident|ack|provider" being claimed
};
