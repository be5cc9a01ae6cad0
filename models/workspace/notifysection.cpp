// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// notifications: { providers: [...], routes: [...] }
#include "notify/mailmessage.h"
#include "workspace/sections.h"
#include "workspace/timeofday.h"
#include "workspace/yamlreader.h"

namespace {

// smtp:// (STARTTLS) or smtps://; from: and to: addresses; no login in clear text.
void checkEmail(YamlReader &r, const YamlValue &v, const NotifyProvider &p)
{
    if (!p.url.isEmpty() && !p.url.startsWith(QLatin1String("${"))
        && !p.url.startsWith(QLatin1String("smtp://"), Qt::CaseInsensitive)
        && !p.url.startsWith(QLatin1String("smtps://"), Qt::CaseInsensitive)) {
        r.error(r.get(v, "url"),
            QCoreApplication::translate("WorkspaceLoader", "expected an smtp:// or smtps:// URL, got \"%1\"")
                .arg(p.url));
    }
    const YamlValue at = r.get(v, "options") ? r.get(v, "options") : v;
    QStringList bad;
    const QString from = p.options.value(u"from"_s);
    if (MailMessage::addresses(from, &bad).size() != 1 || !bad.isEmpty()) {
        r.error(at,
            QCoreApplication::translate(
                "WorkspaceLoader", "an email provider needs options.from: one address, got \"%1\"")
                .arg(from));
    }
    bad.clear();
    const QString to = p.options.value(u"to"_s);
    if (MailMessage::addresses(to, &bad).isEmpty() || !bad.isEmpty()) {
        r.error(at,
            QCoreApplication::translate(
                "WorkspaceLoader", "an email provider needs options.to: addresses separated by commas, got \"%1\"")
                .arg(bad.isEmpty() ? to : bad.join(u", "_s)));
    }
    const bool clear = !MailMessage::starttlsOption(p.options.value(u"starttls"_s, u"true"_s));
    if (clear && (p.options.contains(u"username"_s) || p.options.contains(u"password"_s))) {
        r.error(at,
            QCoreApplication::translate(
                "WorkspaceLoader", "starttls: false would send the login in clear text; use TLS or remove the login"));
    }
}

NotifyProvider readProvider(YamlReader &r, const YamlValue &v, QHash<QString, int> &ids)
{
    NotifyProvider p;
    p.pos = YamlReader::pos(v);
    if (!r.expectMap(v, { "id", "kind", "url", "key", "headers", "options" })) {
        return p;
    }
    r.readId(v, "id", p.id, ids,
        QCoreApplication::translate("WorkspaceLoader", "duplicate provider id \"%1\" (first defined on line %2)"));
    if (const YamlValue kind = r.get(v, "kind", YamlReader::Required)) {
        p.kind = r.string(kind, YamlReader::Required).value_or(QString());
        if (!p.kind.isEmpty() && !NotifyProvider::kinds().contains(p.kind)) {
            r.error(kind,
                QCoreApplication::translate("WorkspaceLoader", "unknown provider kind \"%1\" (expected one of: %2)")
                    .arg(p.kind, NotifyProvider::kinds().join(QLatin1String(", "))));
        }
    }
    const bool pagerDuty = p.kind == QLatin1String("pagerduty");
    const bool email = p.kind == QLatin1String("email");
    if (r.readTemplate(v, "url", p.url, pagerDuty ? YamlReader::Optional : YamlReader::Required) && !email
        && !p.url.startsWith(QLatin1String("${"))) {
        r.checkHttpUrl(r.get(v, "url"), p.url);
    }
    r.readTemplate(v, "key", p.key, pagerDuty ? YamlReader::Required : YamlReader::Optional);
    r.readHeaders(v, "headers", p.headers);
    if (const YamlValue options = r.get(v, "options")) {
        p.options = r.stringMap(options, true).value_or(QMap<QString, QString>());
    }
    if (email) {
        checkEmail(r, v, p);
    }
    return p;
}

// "09:00-18:00"
void readHours(YamlReader &r, const YamlValue &v, NotifyRoute &out)
{
    const QString text = r.string(v, YamlReader::Required).value_or(QString());
    const QStringList parts = text.split(QLatin1Char('-'));
    QString problem;
    const auto from = parts.size() == 2 ? TimeOfDay::parse(parts.at(0).trimmed(), &problem) : std::nullopt;
    const auto until = from ? TimeOfDay::parse(parts.at(1).trimmed(), &problem) : std::nullopt;
    if (!from || !until) {
        r.error(v,
            QCoreApplication::translate("WorkspaceLoader", "expected a time-of-day window like 09:00-18:00, got \"%1\"")
                .arg(text));
        return;
    }
    out.from = from;
    out.until = until;
}

NotifyRoute readRoute(YamlReader &r, const YamlValue &v, QHash<QString, int> &ids, const NotificationSettings &settings)
{
    NotifyRoute route;
    route.pos = YamlReader::pos(v);
    if (!r.expectMap(v,
            { "id", "events", "min-severity", "groups", "hours", "to", "fallback", "resolved", "flap-guard",
                "rate-limit" })) {
        return route;
    }
    if (r.readId(v, "id", route.id, ids,
            QCoreApplication::translate("WorkspaceLoader", "duplicate route id \"%1\" (first defined on line %2)"))
        && route.id.startsWith(u"escalation:"_s)) {
        // notify_deliveries keeps the escalation steps under these route names
        r.error(r.get(v, "id"),
            QCoreApplication::translate("WorkspaceLoader", "route ids starting with \"escalation:\" are reserved"));
    }
    if (const YamlValue events = r.get(v, "events")) {
        const QList<YamlValue> items = r.listItems(events);
        for (const YamlValue &item : items) {
            if (const auto name = r.choice(item, NotifyRoute::eventNames())) {
                route.events.append(*name);
            }
        }
    }
    r.readChoice(v, "min-severity", route.minSeverity, { u"info"_s, u"warning"_s, u"critical"_s });
    r.readStringList(v, "groups", route.groups);
    if (const YamlValue hours = r.get(v, "hours")) {
        readHours(r, hours, route);
    }
    auto checkProvider = [&](const YamlValue &at, const QString &id) {
        if (!settings.provider(id)) {
            r.error(at, QCoreApplication::translate("WorkspaceLoader", "unknown provider \"%1\"").arg(id));
        }
    };
    if (const YamlValue to = r.get(v, "to")) {
        const QList<YamlValue> items = to.node.IsScalar() ? QList<YamlValue> { to } : r.listItems(to);
        for (const YamlValue &item : items) {
            if (const auto id = r.string(item, YamlReader::Required)) {
                checkProvider(item, *id);
                route.targets.append(*id);
            }
        }
    }
    if (route.targets.isEmpty()) {
        r.error(v,
            QCoreApplication::translate(
                "WorkspaceLoader", "the route sends nowhere: give its providers with to: [provider ids]"));
    }
    if (const YamlValue fallback = r.get(v, "fallback")) {
        if (const auto id = r.string(fallback, YamlReader::Required)) {
            checkProvider(fallback, *id);
            route.fallback = *id;
        }
    }
    r.readBool(v, "resolved", route.resolved);
    r.readDuration(v, "flap-guard", route.flapGuard);
    r.readInt(v, "rate-limit", route.rateLimit, 0, 10000);
    return route;
}

} // namespace

namespace WorkspaceSections {

void readNotifications(YamlReader &r, const YamlValue &v, NotificationSettings &out)
{
    if (!r.expectMap(v, { "providers", "routes", "escalation-policies" })) {
        return;
    }
    QHash<QString, int> providerIds;
    const QList<YamlValue> providers = r.listItems(r.get(v, "providers"));
    for (const YamlValue &item : providers) {
        out.providers.append(readProvider(r, item, providerIds));
    }
    QHash<QString, int> routeIds;
    const QList<YamlValue> routes = r.listItems(r.get(v, "routes"));
    for (const YamlValue &item : routes) {
        out.routes.append(readRoute(r, item, routeIds, out));
    }
}

} // namespace WorkspaceSections
