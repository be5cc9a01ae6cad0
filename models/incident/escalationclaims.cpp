// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The escalation steps in the notify_deliveries ledger: claimed before the timeline hears of them, confirmed once
// sent, taken over when a console died in between.
#include "incident/escalationengine.h"
#include "incident/incidentstore.h"
#include "notify/deliveryledger.h"
#include "notify/notificationevent.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString stepState = u"step"_s;

// "INCIDENT|LEVEL|REMINDER": one step of one incident, unique within its policy's ledger route.
QString stepKey(qint64 incidentId, const EscalationEngine::Step &step)
{
    return u"%1|%2|%3"_s.arg(incidentId).arg(step.level).arg(step.reminder);
}

bool isStep(const TimelineEntry &e, const QString &policy, const EscalationEngine::Step &step)
{
    return e.kind == TimelineKind::Escalation && e.subject == policy && e.to == QString::number(step.level + 1)
        && e.from == QString::number(step.reminder);
}

} // namespace

void EscalationEngine::setLedger(DeliveryLedger *ledger)
{
    m_ledger = ledger;
    m_expiryTimer.stop();
    if (!ledger) {
        return;
    }
    connect(&m_expiryTimer, &QTimer::timeout, this, &EscalationEngine::resendExpired, Qt::UniqueConnection);
    m_expiryTimer.start(std::max(100, ledger->lease() / 2));
    resendExpired();
}

void EscalationEngine::claimStep(qint64 incidentId, const QString &inFlightKey, const QString &policyId,
    const Step &step, const TimelineEntry &entry, const std::function<bool(const Incident &)> &wanted)
{
    const Incident *incident = m_store->incident(incidentId);
    if (!incident) {
        m_inFlight.remove(inFlightKey);
        return;
    }
    const NotificationEvent event = eventFor(*incident, entry.text);
    const QString route = DeliveryLedger::escalationRoute(policyId);
    const QString key = stepKey(incidentId, step);
    m_ledger->claim(route, key, stepState, event, DeliveryLedger::Claim::Problem)
        .then(this, [=, this](const StorageResult<bool> &won) {
            if (!won.ok() || !won.value()) {
                m_inFlight.remove(inFlightKey); // another console has it (or the database is away: the next tick)
                return;
            }
            const QString why = m_store->claimEntry(incidentId, entry, wanted, [=, this](bool onTimeline) {
                m_inFlight.remove(inFlightKey);
                const EscalationPolicy *policy = m_workspace.notifications.escalationPolicy(policyId);
                const Incident *stored = m_store->incident(incidentId);
                if (!onTimeline) {
                    // Acknowledged or resolved meanwhile: nothing to send. A failed write leaves the claim to expire.
                    if (stored && (!stored->isOpen() || stored->acknowledgedAt.isValid())) {
                        m_ledger->finish(event.workspaceId, route, key, stepState, u"cancelled"_s, 0);
                    }
                    return;
                }
                if (!policy || step.level >= policy->levels.size()) {
                    m_ledger->finish(event.workspaceId, route, key, stepState, u"cancelled"_s, 0);
                    return;
                }
                Q_EMIT stepTaken(incidentId, step.level, step.reminder);
                sendStep(incidentId, *policy, step, event, [=, this](bool ok, int attempts) {
                    m_ledger->finish(event.workspaceId, route, key, stepState, ok ? u"sent"_s : u"failed"_s, attempts);
                });
                QTimer::singleShot(0, this, &EscalationEngine::tick); // a later level may be overdue too
            });
            if (!why.isEmpty()) {
                m_inFlight.remove(inFlightKey); // not loaded here: the claim expires and is taken over
            }
        });
}

// Steps another console (or this one before a restart) claimed and never confirmed: sent now, once, unless the
// incident was acknowledged or resolved since. The timeline gets the step if the claim never reached it.
void EscalationEngine::resendExpired()
{
    if (!m_ledger || !m_ledger->usable() || m_workspace.info.id.isEmpty()) {
        return;
    }
    m_ledger->takeExpired(m_workspace.info.id, DeliveryLedger::Scope::Escalations)
        .then(this, [this](const StorageResult<QList<DeliveryLedger::Expired>> &taken) {
            if (!taken.ok()) {
                return; // offline: the next round tries again
            }
            for (const DeliveryLedger::Expired &e : taken.value()) {
                const QString policyId = e.route.mid(DeliveryLedger::escalationRoute({}).size());
                const QStringList parts = e.key.split(u'|');
                const qint64 incidentId = parts.value(0).toLongLong();
                const Step step { parts.value(1).toInt(), parts.value(2).toInt(), {} };
                const EscalationPolicy *policy = m_workspace.notifications.escalationPolicy(policyId);
                const Incident *incident = m_store->incident(incidentId);
                if (!incident) {
                    continue; // not loaded yet: it expires again and the next round sends it
                }
                const QString workspaceId = m_workspace.info.id;
                if (!policy || parts.size() != 3 || step.level < 0 || step.level >= policy->levels.size()
                    || !incident->isOpen() || incident->acknowledgedAt.isValid()) {
                    m_ledger->finish(workspaceId, e.route, e.key, e.state, u"cancelled"_s, 0);
                    continue;
                }
                if (std::none_of(incident->timeline.cbegin(), incident->timeline.cend(),
                        [&](const TimelineEntry &t) { return isStep(t, policyId, step); })) {
                    TimelineEntry entry;
                    entry.kind = TimelineKind::Escalation;
                    entry.subject = policyId;
                    entry.to = QString::number(step.level + 1);
                    entry.from = QString::number(step.reminder);
                    entry.occurredAt = m_clock();
                    entry.text = e.event.detail;
                    m_store->appendEntry(incidentId, entry);
                }
                Q_EMIT stepTaken(incidentId, step.level, step.reminder);
                const QString route = e.route;
                const QString key = e.key;
                const QString state = e.state;
                sendStep(incidentId, *policy, step, e.event, [=, this](bool ok, int attempts) {
                    m_ledger->finish(workspaceId, route, key, state, ok ? u"sent"_s : u"failed"_s, attempts);
                });
            }
        });
}
