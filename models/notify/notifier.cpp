// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notifier.h"

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
    const QString key = slot(route.id, event.key());
    const bool followUp = event.recovery || event.kind == NotificationEvent::Kind::IncidentResolved;
    if (followUp && route.resolved && m_open.contains(key)) {
        return true; // a follow-up of what this route sent passes whatever the filters say
    }
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
    const NotifyRoute current = *r;
    const QString key = slot(routeId, event.key());
    const QString state = event.recovery ? u"resolved"_s : event.to.isEmpty() ? event.eventName() : event.to;
    if (isStateChange(event) && m_lastSent.value(key) == state) {
        return; // told already
    }
    if (event.kind != NotificationEvent::Kind::Summary && current.rateLimit > 0) {
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
            return;
        }
        ++rate.sent;
    }
    if (isStateChange(event) || event.kind == NotificationEvent::Kind::IncidentOpened
        || event.kind == NotificationEvent::Kind::IncidentResolved) {
        m_lastSent.insert(key, state);
        if (event.recovery || event.kind == NotificationEvent::Kind::IncidentResolved) {
            m_open.remove(key);
        } else {
            m_open.insert(key);
        }
    }
    auto fellBack = std::make_shared<bool>(false);
    for (const QString &provider : current.targets) {
        deliver(current, provider, event, false, fellBack);
    }
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
    bool fallback, std::shared_ptr<bool> fellBack, bool test)
{
    const NotifyProvider *provider = m_workspace.notifications.provider(providerId);
    if (!provider) {
        return; // the loader reports routes to unknown providers
    }
    if (m_heldProviders.contains(providerId)) {
        append({ QDateTime::currentDateTimeUtc(), route.id, providerId, event.key(), event.headline(), false, fallback,
            true, 0, 0,
            tr("waiting for trust: this workspace version is not trusted to send its secrets; nothing was sent"), event,
            test });
        if (!fallback && !route.fallback.isEmpty() && !*fellBack && !route.targets.contains(route.fallback)) {
            *fellBack = true;
            deliver(route, route.fallback, event, true, fellBack);
        }
        return;
    }
    const QString baseDir = m_workspace.filePath.isEmpty() ? QString() : QFileInfo(m_workspace.filePath).absolutePath();
    const NotifyRequest request = NotifyRequest::build(*provider, event, baseDir);
    NotifyDelivery *delivery = m_sender->send(request);
    connect(delivery, &NotifyDelivery::finished, this,
        [this, route, providerId, event, fallback, fellBack, test](const NotifyResult &result) {
            append({ QDateTime::currentDateTimeUtc(), route.id, providerId, event.key(), event.headline(), result.ok,
                fallback, false, result.status, result.attempts, result.reason, event, test });
            if (result.ok) {
                return;
            }
            Q_EMIT deliveryFailed(
                tr("Notification to %1 (route %2) failed: %3").arg(providerId, route.id, result.reason));
            if (!fallback && !route.fallback.isEmpty() && !*fellBack && !route.targets.contains(route.fallback)) {
                *fellBack = true;
                deliver(route, route.fallback, event, true, fellBack);
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
