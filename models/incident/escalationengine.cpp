// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/escalationengine.h"

#include "incident/incidentstore.h"
#include "incident/slaclock.h"
#include "notify/notificationevent.h"
#include "notify/notifyrequest.h"
#include "notify/notifysender.h"

using namespace Qt::StringLiterals;

namespace {

bool applies(const EscalationLevel &level, const QString &severity)
{
    return level.severities.isEmpty() || level.severities.contains(severity);
}

bool isStep(const TimelineEntry &e, const QString &policy, int level, int reminder)
{
    return e.kind == TimelineKind::Escalation && e.subject == policy && e.to == QString::number(level + 1)
        && e.from == QString::number(reminder);
}

// The P0/P1 levels page as critical, the third as a warning, the rest as information (as the notifier does).
NotifySeverity severityOf(const QList<SeverityLevel> &levels, const QString &id)
{
    for (qsizetype i = 0; i < levels.size(); ++i) {
        if (levels.at(i).id == id) {
            return i <= 1 ? NotifySeverity::Critical : i == 2 ? NotifySeverity::Warning : NotifySeverity::Info;
        }
    }
    return NotifySeverity::Warning;
}

QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(u"HH:mm 'UTC'"_s);
}

} // namespace

EscalationEngine::EscalationEngine(IncidentStore *store, NotifySender *sender, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sender(sender)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    connect(&m_timer, &QTimer::timeout, this, &EscalationEngine::tick);
    // Level 0 goes out as soon as the incident is stored; an acknowledgement from anywhere is followed at once.
    connect(m_store, &IncidentStore::incidentCreated, this, &EscalationEngine::tick);
    connect(m_store, &IncidentStore::incidentAdded, this, &EscalationEngine::tick);
    connect(m_store, &IncidentStore::acknowledgeFinished, this, &EscalationEngine::tick);
}

void EscalationEngine::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    if (m_ledger) {
        QTimer::singleShot(0, this, &EscalationEngine::resendExpired); // what a console killed before sending left
    }
}

void EscalationEngine::start(int ms)
{
    m_timer.start(ms);
}

const EscalationPolicy *EscalationEngine::policyFor(const Incident &incident) const
{
    const NotificationSettings &n = m_workspace.notifications;
    for (const TimelineEntry &e : incident.timeline) {
        if (e.kind == TimelineKind::Escalation) {
            return n.escalationPolicy(e.subject); // keeps the chain it started, or none if it is gone
        }
    }
    for (const TimelineEntry &e : incident.timeline) {
        if (e.kind != TimelineKind::AutoIncident || e.to != u"opened"_s) {
            continue;
        }
        for (const AutoIncidentRule &rule : m_workspace.incidents.autoRules) {
            if (rule.id == e.subject && !rule.escalation.isEmpty()) {
                return n.escalationPolicy(rule.escalation);
            }
        }
    }
    for (const EscalationPolicy &policy : n.escalationPolicies) {
        if (policy.appliesTo(incident.severity)) {
            return &policy;
        }
    }
    return nullptr;
}

std::optional<EscalationEngine::Step> EscalationEngine::nextStep(
    const Incident &incident, const EscalationPolicy &policy, const QDateTime &now)
{
    if (!incident.isOpen() || incident.acknowledgedAt.isValid()) {
        return std::nullopt;
    }
    int reached = -1;
    int reminders = 0;
    QDateTime last;
    for (const TimelineEntry &e : incident.timeline) {
        if (e.kind != TimelineKind::Escalation || e.subject != policy.id) {
            continue;
        }
        const int level = e.to.toInt() - 1;
        const int reminder = e.from.toInt();
        if (level > reached) {
            reached = level;
            reminders = 0;
        }
        if (level == reached && reminder > 0) {
            reminders = std::max(reminders, reminder);
        }
        last = std::max(last, e.occurredAt);
    }
    const QDateTime anchor = incident.detectedAt.isValid() ? incident.detectedAt : incident.createdAt;
    std::optional<Step> next;
    for (int i = reached + 1; i < policy.levels.size(); ++i) {
        if (applies(policy.levels.at(i), incident.severity)) {
            next = Step { i, 0, anchor.addMSecs(policy.levels.at(i).after.count()) };
            break;
        }
    }
    const bool levelDue = next && now.isValid() && next->due <= now;
    if (!levelDue && reached >= 0 && policy.repeatEvery.count() > 0 && reminders < policy.repeatTimes) {
        const QDateTime due = last.addMSecs(policy.repeatEvery.count());
        if (!next || due < next->due) {
            next = Step { reached, reminders + 1, due };
        }
    }
    return next;
}

EscalationEngine::Status EscalationEngine::status(const Incident &incident) const
{
    Status s;
    s.policy = policyFor(incident);
    if (!s.policy) {
        s.text = tr("No escalation policy");
        return s;
    }
    for (const TimelineEntry &e : incident.timeline) {
        if (e.kind == TimelineKind::Escalation && e.subject == s.policy->id) {
            s.reached = std::max(s.reached, e.to.toInt() - 1);
        }
    }
    s.next = nextStep(incident, *s.policy);
    const QString where = s.reached < 0
        ? tr("policy %1, no level notified yet").arg(s.policy->id)
        : tr("policy %1, level %2 of %3 notified").arg(s.policy->id).arg(s.reached + 1).arg(s.policy->levels.size());
    if (incident.acknowledgedAt.isValid()) {
        s.text = tr("Escalation stopped: acknowledged (%1)").arg(where);
    } else if (!incident.isOpen()) {
        s.text = tr("Escalation ended: resolved (%1)").arg(where);
    } else if (!s.next) {
        s.text = tr("Escalation: %1; no further step").arg(where);
    } else if (s.next->reminder > 0) {
        s.text
            = tr("Escalation: %1; next: reminder %2 at %3").arg(where).arg(s.next->reminder).arg(timeText(s.next->due));
    } else {
        s.text = tr("Escalation: %1; next: level %2 (%3) at %4")
                     .arg(where)
                     .arg(s.next->level + 1)
                     .arg(s.policy->levels.at(s.next->level).targets.join(u", "_s), timeText(s.next->due));
    }
    return s;
}

void EscalationEngine::tick()
{
    const QDateTime now = m_clock();
    const QList<Incident> incidents = m_store->incidents();
    for (const Incident &incident : incidents) {
        if (!incident.isOpen()) {
            continue; // resolved: the routes' "resolved" follow-ups end PagerDuty's incident
        }
        if (incident.acknowledgedAt.isValid()) {
            acknowledgePagerDuty(incident);
            continue;
        }
        const EscalationPolicy *policy = policyFor(incident);
        if (!policy) {
            continue;
        }
        if (const auto step = nextStep(incident, *policy, now); step && step->due <= now) {
            take(incident, *policy, *step);
        }
    }
}

QStringList EscalationEngine::providersOf(const EscalationLevel &level) const
{
    QStringList out;
    for (const QString &target : level.targets) {
        for (const QString &provider : m_workspace.notifications.providersOf(target)) {
            if (!out.contains(provider)) {
                out.append(provider);
            }
        }
    }
    return out;
}

void EscalationEngine::take(const Incident &incident, const EscalationPolicy &policy, const Step &step)
{
    const QString key = QString::number(incident.id) + u'|' + policy.id + u'|' + QString::number(step.level) + u'|'
        + QString::number(step.reminder);
    if (m_inFlight.contains(key)) {
        return;
    }
    const EscalationLevel &level = policy.levels.at(step.level);
    const QString to = level.targets.join(u", "_s);
    TimelineEntry e;
    e.kind = TimelineKind::Escalation;
    e.subject = policy.id;
    e.to = QString::number(step.level + 1);
    e.from = QString::number(step.reminder);
    e.occurredAt = m_clock();
    const QString unacknowledged = SlaClock::formatDuration(Milliseconds(incident.detectedAt.msecsTo(e.occurredAt)));
    e.text = step.reminder == 0 ? tr("Escalation level %1 of %2 (policy %3): notifying %4, unacknowledged for %5")
                                      .arg(step.level + 1)
                                      .arg(policy.levels.size())
                                      .arg(policy.id, to, unacknowledged)
                                : tr("Reminder %1 to level %2 (policy %3): notifying %4, still unacknowledged after %5")
                                      .arg(step.reminder)
                                      .arg(step.level + 1)
                                      .arg(policy.id, to, unacknowledged);
    const QString policyId = policy.id;
    const int levelIndex = step.level;
    const int reminder = step.reminder;
    const auto wanted = [policyId, levelIndex, reminder](const Incident &stored) {
        if (!stored.isOpen() || stored.acknowledgedAt.isValid()) {
            return false;
        }
        return std::none_of(stored.timeline.cbegin(), stored.timeline.cend(),
            [&](const TimelineEntry &t) { return isStep(t, policyId, levelIndex, reminder); });
    };
    m_inFlight.insert(key);
    if (m_ledger) {
        claimStep(incident.id, key, policyId, step, e, wanted);
        return;
    }
    const qint64 id = incident.id;
    const QString text = e.text;
    const QString why = m_store->claimEntry(id, e, wanted, [this, key, id, policyId, step, text](bool claimed) {
        m_inFlight.remove(key);
        const EscalationPolicy *p = m_workspace.notifications.escalationPolicy(policyId);
        const Incident *stored = m_store->incident(id);
        if (claimed && p && stored && step.level < p->levels.size()) {
            Q_EMIT stepTaken(id, step.level, step.reminder);
            sendStep(id, *p, step, eventFor(*stored, text));
            QTimer::singleShot(0, this, &EscalationEngine::tick); // a later level may be overdue too
        }
    });
    if (!why.isEmpty()) {
        m_inFlight.remove(key);
    }
}

NotificationEvent EscalationEngine::eventFor(const Incident &incident, const QString &text) const
{
    NotificationEvent event;
    event.kind = NotificationEvent::Kind::IncidentEscalated;
    event.subject = QString::number(incident.id);
    event.title = incident.title;
    event.severity = severityOf(m_workspace.incidents.severities, incident.severity);
    event.group = incident.services.isEmpty() ? QString() : incident.services.constFirst();
    event.time = m_clock();
    event.detail = text;
    event.link = u"opsdeck://incident/"_s + event.subject;
    event.workspaceId = m_workspace.info.id;
    return event;
}

void EscalationEngine::sendStep(qint64 incidentId, const EscalationPolicy &policy, const Step &step,
    const NotificationEvent &event, std::function<void(bool ok, int attempts)> done)
{
    const Incident *incident = m_store->incident(incidentId);
    if (!incident) {
        if (done) {
            done(false, 0);
        }
        return;
    }
    const QString what = step.reminder == 0 ? tr("level %1").arg(step.level + 1)
                                            : tr("reminder %1 of level %2").arg(step.reminder).arg(step.level + 1);
    QStringList routed;
    if (step.level == 0 && step.reminder == 0 && m_routed) {
        NotificationEvent opened = event;
        opened.kind = NotificationEvent::Kind::IncidentOpened;
        opened.detail = incident->scope;
        routed = m_routed(opened);
    }
    // Every provider's answer counts down; the last one tells `done` (a step with nothing to send is done at once).
    struct Tally
    {
        int pending = 1;
        int attempts = 0;
        bool ok = false;
        std::function<void(bool, int)> done;
    };
    auto tally = std::make_shared<Tally>();
    tally->done = std::move(done);
    const auto settle = [tally](const NotifyResult *r) {
        if (r) {
            tally->attempts += r->attempts;
            tally->ok = tally->ok || r->ok;
        }
        if (--tally->pending == 0 && tally->done) {
            tally->done(tally->ok, tally->attempts);
        }
    };
    for (const QString &providerId : providersOf(policy.levels.at(step.level))) {
        const NotifyProvider *provider = m_workspace.notifications.provider(providerId);
        if (!provider) {
            continue;
        }
        if (routed.contains(providerId)) {
            TimelineEntry e;
            e.kind = TimelineKind::Notification;
            e.subject = providerId;
            e.to = u"skipped"_s;
            e.occurredAt = m_clock();
            e.text = tr("%1 to %2 left out: a notification route sends it the incident already").arg(what, providerId);
            m_store->appendEntry(incidentId, e);
            continue;
        }
        ++tally->pending;
        NotifyDelivery *delivery = m_sender->send(NotifyRequest::build(*provider, event));
        connect(delivery, &NotifyDelivery::finished, this,
            [this, incidentId, providerId, what, settle](const NotifyResult &r) {
                record(incidentId, providerId, r, what);
                settle(&r);
            });
    }
    settle(nullptr);
}

void EscalationEngine::record(
    qint64 incidentId, const QString &provider, const NotifyResult &result, const QString &what)
{
    TimelineEntry e;
    e.kind = TimelineKind::Notification;
    e.subject = provider;
    e.to = result.ok ? u"sent"_s : u"failed"_s;
    e.occurredAt = m_clock();
    e.text = result.ok
        ? tr("%1 sent to %2 (HTTP %3)").arg(what, provider).arg(result.status)
        : tr("%1 to %2 failed after %3 attempt(s): %4").arg(what, provider).arg(result.attempts).arg(result.reason);
    m_store->appendEntry(incidentId, e);
    Q_EMIT delivered(incidentId, provider, result.ok);
}

void EscalationEngine::acknowledgePagerDuty(const Incident &incident)
{
    QStringList paged;
    QSet<QString> done;
    for (const TimelineEntry &e : incident.timeline) {
        if (e.kind != TimelineKind::Notification) {
            continue;
        }
        if (e.to == u"acknowledged"_s) {
            done.insert(e.subject);
        } else if (e.to == u"sent"_s && !paged.contains(e.subject)) {
            const NotifyProvider *p = m_workspace.notifications.provider(e.subject);
            if (p && p->kind == u"pagerduty"_s) {
                paged.append(e.subject);
            }
        }
    }
    for (const QString &providerId : std::as_const(paged)) {
        const QString key = QString::number(incident.id) + u"|ack|"_s + providerId;
        if (done.contains(providerId) || m_inFlight.contains(key)) {
            continue;
        }
        TimelineEntry e;
        e.kind = TimelineKind::Notification;
        e.subject = providerId;
        e.to = u"acknowledged"_s;
        e.occurredAt = m_clock();
        e.text = tr("acknowledgement sent to %1").arg(providerId);
        const auto wanted = [providerId](const Incident &stored) {
            return std::none_of(stored.timeline.cbegin(), stored.timeline.cend(), [&](const TimelineEntry &t) {
                return t.kind == TimelineKind::Notification && t.subject == providerId && t.to == u"acknowledged"_s;
            });
        };
        m_inFlight.insert(key);
        const qint64 id = incident.id;
        const QString why = m_store->claimEntry(id, e, wanted, [this, key, id, providerId](bool claimed) {
            m_inFlight.remove(key);
            const Incident *stored = m_store->incident(id);
            const NotifyProvider *provider = m_workspace.notifications.provider(providerId);
            if (!claimed || !stored || !provider) {
                return;
            }
            NotificationEvent event;
            event.kind = NotificationEvent::Kind::IncidentAcknowledged;
            event.subject = QString::number(id);
            event.title = stored->title;
            event.time = m_clock();
            event.workspaceId = m_workspace.info.id;
            NotifyDelivery *delivery = m_sender->send(NotifyRequest::build(*provider, event));
            connect(delivery, &NotifyDelivery::finished, this, [this, id, providerId](const NotifyResult &r) {
                if (!r.ok) {
                    record(id, providerId, r, tr("acknowledgement"));
                } else {
                    Q_EMIT delivered(id, providerId, true);
                }
            });
        });
        if (!why.isEmpty()) {
            m_inFlight.remove(key);
        }
    }
}
