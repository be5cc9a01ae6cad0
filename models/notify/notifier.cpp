// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notifier.h"

#include "notify/deliveryledger.h"

#include <QFileInfo>

namespace {

QString slot(const QString &route, const QString &key)
{
    return route + u'|' + key;
}

bool isStateChange(const NotificationEvent &event)
{
    return event.kind == NotificationEvent::Kind::Endpoint || event.kind == NotificationEvent::Kind::Kpi;
}

// Timers erased from inside their own timeout: deleted once the signal has returned.
std::shared_ptr<QTimer> singleShotTimer()
{
    auto timer = std::shared_ptr<QTimer>(new QTimer, [](QTimer *t) { t->deleteLater(); });
    timer->setSingleShot(true);
    return timer;
}

bool isFollowUp(const NotificationEvent &event)
{
    return event.recovery || event.kind == NotificationEvent::Kind::IncidentResolved;
}

// What a route sends once per subject: each state of an endpoint or KPI, an incident's opening and resolution, a
// checklist instance going overdue; anything else once per occurrence.
QString deliveryState(const NotificationEvent &event)
{
    if (event.recovery) {
        return u"resolved"_s;
    }
    if (isStateChange(event) && !event.to.isEmpty()) {
        return event.to;
    }
    switch (event.kind) {
    case NotificationEvent::Kind::IncidentOpened:
    case NotificationEvent::Kind::IncidentResolved:
    case NotificationEvent::Kind::ChecklistOverdue:
        return event.eventName();
    default:
        return event.eventName() + u'@' + QString::number(event.time.toMSecsSinceEpoch());
    }
}

bool inWindow(const NotifyRoute &route, const QTime &now)
{
    if (!route.from || !route.until) {
        return true;
    }
    if (*route.from <= *route.until) {
        return now >= *route.from && now < *route.until;
    }
    return now >= *route.from || now < *route.until; // 22:00-06:00
}

} // namespace

Notifier::Notifier(NotifySender *sender, QObject *parent)
    : QObject(parent)
    , m_sender(sender)
    , m_clock([] { return QTime::currentTime(); })
{ }

void Notifier::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    // Routes that are gone take their held changes and windows with them.
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        it = route(it.key().section(u'|', 0, 0)) ? std::next(it) : m_pending.erase(it);
    }
    for (auto it = m_rates.begin(); it != m_rates.end();) {
        it = route(it.key()) ? std::next(it) : m_rates.erase(it);
    }
    if (m_ledger) {
        resendExpired(); // what this workspace's consoles left claimed and unsent
    }
}

const NotifyRoute *Notifier::route(const QString &id) const
{
    for (const NotifyRoute &r : m_workspace.notifications.routes) {
        if (r.id == id) {
            return &r;
        }
    }
    return nullptr;
}

bool Notifier::matches(const NotifyRoute &route, const NotificationEvent &event) const
{
    if (isFollowUp(event) && route.resolved && (m_ledger || m_open.contains(slot(route.id, event.key())))) {
        return true; // a follow-up of what this route sent passes whatever the filters say (the ledger knows)
    }
    return passes(route, event);
}

bool Notifier::passes(const NotifyRoute &route, const NotificationEvent &event) const
{
    if (event.recovery) {
        return false;
    }
    if (!route.events.isEmpty() && !route.events.contains(event.eventName())) {
        return false;
    }
    if (event.severity < NotificationEvent::severityFromName(route.minSeverity)) {
        return false;
    }
    if (!route.groups.isEmpty() && !route.groups.contains(event.group)) {
        return false;
    }
    return inWindow(route, m_clock());
}

QStringList Notifier::routedProviders(const NotificationEvent &event) const
{
    QStringList out;
    for (const NotifyRoute &route : m_workspace.notifications.routes) {
        if (!passes(route, event)) {
            continue;
        }
        for (const QString &provider : route.targets) {
            if (!out.contains(provider)) {
                out.append(provider);
            }
        }
    }
    return out;
}

void Notifier::setLedger(DeliveryLedger *ledger)
{
    m_ledger = ledger;
    m_expiryTimer.stop();
    if (!ledger) {
        return;
    }
    connect(&m_expiryTimer, &QTimer::timeout, this, &Notifier::resendExpired, Qt::UniqueConnection);
    m_expiryTimer.start(std::max(100, ledger->lease() / 2));
    resendExpired();
}

void Notifier::notify(const NotificationEvent &incoming)
{
    NotificationEvent event = incoming;
    if (event.workspaceId.isEmpty()) {
        event.workspaceId = m_workspace.info.id;
    }
    for (const NotifyRoute &route : std::as_const(m_workspace.notifications.routes)) {
        const QString key = slot(route.id, event.key());
        if (auto held = m_pending.find(key); held != m_pending.end()) {
            if (event.to == held->from) {
                m_pending.erase(held); // flipped back within the guard: nothing happened
            } else {
                held->event = event;
            }
            continue;
        }
        if (!matches(route, event)) {
            continue;
        }
        if (route.flapGuard.count() > 0 && isStateChange(event)) {
            hold(route, event);
        } else {
            dispatch(route.id, event);
        }
    }
}

void Notifier::hold(const NotifyRoute &route, const NotificationEvent &event)
{
    const QString key = slot(route.id, event.key());
    auto timer = singleShotTimer();
    connect(timer.get(), &QTimer::timeout, this, [this, key, routeId = route.id] {
        const auto held = m_pending.find(key);
        if (held == m_pending.end()) {
            return;
        }
        const NotificationEvent due = held->event;
        m_pending.erase(held);
        dispatch(routeId, due);
    });
    timer->start(int(route.flapGuard.count()));
    m_pending.insert(key, { event, event.from, timer });
}

void Notifier::dispatch(const QString &routeId, const NotificationEvent &event)
{
    const NotifyRoute *r = route(routeId);
    if (!r) {
        return;
    }
    const QString state = deliveryState(event);
    const bool allHeld = !r->targets.isEmpty()
        && std::all_of(
            r->targets.cbegin(), r->targets.cend(), [this](const QString &p) { return m_heldProviders.contains(p); })
        && (r->fallback.isEmpty() || m_heldProviders.contains(r->fallback));
    if (!m_ledger || allHeld) {
        // Held for trust, this console leaves the claim to one that may send (and logs what it held back).
        if (isStateChange(event) && m_lastSent.value(slot(routeId, event.key())) == state) {
            return; // told already
        }
        send(routeId, event, state, false, true);
        return;
    }
    // A follow-up the route's filters would not pass only resolves what the route sent (a row in the ledger).
    const auto kind
        = isFollowUp(event) && !passes(*r, event) ? DeliveryLedger::Claim::FollowUp : DeliveryLedger::Claim::Problem;
    m_ledger->claim(routeId, event.key(), state, event, kind)
        .then(this, [this, routeId, event, state](const StorageResult<bool> &claim) {
            if (claim.ok() && !claim.value()) {
                return; // another console sends it, or it went out before
            }
            if (claim.ok()) {
                Q_EMIT claimed(routeId, event.key(), state);
            } else {
                // Nobody can claim in a database this console cannot reach: better twice than never.
                Q_EMIT deliveryFailed(tr("Notification %1 (route %2) is sent without a claim: %3")
                                          .arg(event.key(), routeId, claim.message()));
            }
            send(routeId, event, state, claim.ok(), true);
        });
}

void Notifier::send(
    const QString &routeId, const NotificationEvent &event, const QString &state, bool claimed, bool rateLimited)
{
    auto tally = std::make_shared<Tally>();
    *tally = { event.workspaceId, routeId, event.key(), state, 1, 0, false, claimed };
    const NotifyRoute *r = route(routeId);
    if (!r) {
        settle(tally, nullptr); // the route is gone: the claim ends unsent
        return;
    }
    const NotifyRoute current = *r;
    const QString key = slot(routeId, event.key());
    if (rateLimited && event.kind != NotificationEvent::Kind::Summary && current.rateLimit > 0) {
        Rate &rate = m_rates[routeId];
        if (!rate.window) {
            rate.window = singleShotTimer();
            connect(rate.window.get(), &QTimer::timeout, this, [this, routeId] { closeWindow(routeId); });
            rate.window->start(m_rateWindowMs);
        }
        if (rate.sent >= current.rateLimit) {
            ++rate.suppressed;
            append({ QDateTime::currentDateTimeUtc(), routeId, QString(), event.key(), event.headline(), false, false,
                true, 0, 0, tr("held back by the rate limit"), event, false });
            if (claimed && m_ledger) {
                m_ledger->finish(tally->workspaceId, routeId, tally->key, state, u"held"_s, 0);
            }
            return;
        }
        ++rate.sent;
    }
    if (isStateChange(event) || event.kind == NotificationEvent::Kind::IncidentOpened
        || event.kind == NotificationEvent::Kind::IncidentResolved) {
        m_lastSent.insert(key, state);
        if (isFollowUp(event)) {
            m_open.remove(key);
        } else {
            m_open.insert(key);
        }
    }
    auto fellBack = std::make_shared<bool>(false);
    for (const QString &provider : current.targets) {
        deliver(current, provider, event, false, fellBack, false, tally);
    }
    settle(tally, nullptr);
}

void Notifier::settle(const std::shared_ptr<Tally> &tally, const NotifyResult *result)
{
    if (result) {
        tally->attempts += result->attempts;
        tally->ok = tally->ok || result->ok;
    }
    if (--tally->pending > 0 || !tally->claimed || !m_ledger) {
        return;
    }
    m_ledger->finish(tally->workspaceId, tally->routeId, tally->key, tally->state, tally->ok ? u"sent"_s : u"failed"_s,
        tally->attempts);
}

void Notifier::resendExpired()
{
    if (!m_ledger || !m_heldProviders.isEmpty() || !m_ledger->usable()) {
        // A console waiting for trust would only fail them (one that may send takes them over); without a database
        // (an agent stopping on a bad first version) this housekeeping has nothing to do and nothing to report.
        return;
    }
    m_ledger->takeExpired(m_workspace.info.id)
        .then(this, [this](const StorageResult<QList<DeliveryLedger::Expired>> &taken) {
            if (!taken.ok()) {
                return; // offline: the next round tries again
            }
            for (const DeliveryLedger::Expired &e : taken.value()) {
                Q_EMIT claimed(e.route, e.key, e.state);
                send(e.route, e.event, e.state, true, false);
            }
        });
}

void Notifier::closeWindow(const QString &routeId)
{
    const Rate rate = m_rates.take(routeId);
    const NotifyRoute *r = route(routeId);
    if (!r || rate.suppressed == 0) {
        return;
    }
    NotificationEvent summary;
    summary.kind = NotificationEvent::Kind::Summary;
    summary.subject = routeId;
    summary.workspaceId = m_workspace.info.id;
    summary.severity = NotifySeverity::Warning;
    summary.time = QDateTime::currentDateTimeUtc();
    summary.title = tr("%1 more notification(s) of route %2 were held back by its rate limit of %3 a minute")
                        .arg(rate.suppressed)
                        .arg(routeId)
                        .arg(r->rateLimit);
    summary.detail = tr("Open OpsDeck to see what changed.");
    const NotifyRoute current = *r;
    auto fellBack = std::make_shared<bool>(false);
    for (const QString &provider : current.targets) {
        deliver(current, provider, summary, false, fellBack);
    }
}

bool Notifier::sendTest(const QString &routeId)
{
    const NotifyRoute *r = route(routeId);
    if (!r) {
        return false;
    }
    NotificationEvent event;
    event.kind = NotificationEvent::Kind::Summary;
    event.subject = u"test-"_s + routeId;
    event.workspaceId = m_workspace.info.id;
    event.time = QDateTime::currentDateTimeUtc();
    event.title = tr("Test notification from OpsDeck: route %1 of workspace %2 reaches this channel")
                      .arg(routeId, m_workspace.info.id.isEmpty() ? m_workspace.filePath : m_workspace.info.id);
    event.detail = tr("Sent with \"Send test notification\"; nothing has changed.");
    const NotifyRoute current = *r;
    auto fellBack = std::make_shared<bool>(true); // a test shows each provider's own result: no fallback
    for (const QString &provider : current.targets) {
        deliver(current, provider, event, false, fellBack, true);
    }
    return true;
}

bool Notifier::retry(const NotifyLogEntry &entry)
{
    const NotifyRoute *r = route(entry.route);
    if (!r || entry.provider.isEmpty() || !m_workspace.notifications.provider(entry.provider)) {
        return false;
    }
    auto fellBack = std::make_shared<bool>(true);
    deliver(*r, entry.provider, entry.event, entry.fallback, fellBack, entry.test);
    return true;
}

void Notifier::deliver(const NotifyRoute &route, const QString &providerId, const NotificationEvent &event,
    bool fallback, std::shared_ptr<bool> fellBack, bool test, std::shared_ptr<Tally> tally)
{
    const NotifyProvider *provider = m_workspace.notifications.provider(providerId);
    if (!provider) {
        return; // the loader reports routes to unknown providers
    }
    if (tally) {
        ++tally->pending;
    }
    if (m_heldProviders.contains(providerId)) {
        append({ QDateTime::currentDateTimeUtc(), route.id, providerId, event.key(), event.headline(), false, fallback,
            true, 0, 0,
            tr("waiting for trust: this workspace version is not trusted to send its secrets; nothing was sent"), event,
            test });
        if (!fallback && !route.fallback.isEmpty() && !*fellBack && !route.targets.contains(route.fallback)) {
            *fellBack = true;
            deliver(route, route.fallback, event, true, fellBack, false, tally);
        }
        if (tally) {
            const NotifyResult held;
            settle(tally, &held);
        }
        return;
    }
    const QString baseDir = m_workspace.filePath.isEmpty() ? QString() : QFileInfo(m_workspace.filePath).absolutePath();
    const NotifyRequest request = NotifyRequest::build(*provider, event, baseDir);
    NotifyDelivery *delivery = m_sender->send(request);
    connect(delivery, &NotifyDelivery::finished, this,
        [this, route, providerId, event, fallback, fellBack, test, tally](const NotifyResult &result) {
            append({ QDateTime::currentDateTimeUtc(), route.id, providerId, event.key(), event.headline(), result.ok,
                fallback, false, result.status, result.attempts, result.reason, event, test });
            if (!result.ok) {
                Q_EMIT deliveryFailed(
                    tr("Notification to %1 (route %2) failed: %3").arg(providerId, route.id, result.reason));
                if (!fallback && !route.fallback.isEmpty() && !*fellBack && !route.targets.contains(route.fallback)) {
                    *fellBack = true;
                    deliver(route, route.fallback, event, true, fellBack, false, tally);
                }
            }
            if (tally) {
                settle(tally, &result);
            }
        });
}

void Notifier::append(const NotifyLogEntry &entry)
{
    m_log.append(entry);
    while (m_log.size() > logCapacity) {
        m_log.removeFirst();
    }
    Q_EMIT logged(entry);
}
