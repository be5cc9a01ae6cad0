// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/gatusalerting.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace GatusYaml;

namespace {

struct Kind
{
    const char *gatus;
    const char *kind; // OpsDeck provider kind
    const char *urlKey; // the secret key of the Gatus provider
    const char *secretName;
};

constexpr Kind Kinds[] = {
    { "slack", "slack", "webhook-url", "SLACK_WEBHOOK_URL" },
    { "mattermost", "mattermost", "webhook-url", "MATTERMOST_WEBHOOK_URL" },
    { "discord", "discord", "webhook-url", "DISCORD_WEBHOOK_URL" },
    { "teams", "teams", "webhook-url", "TEAMS_WEBHOOK_URL" },
    { "teams-workflows", "teams", "webhook-url", "TEAMS_WORKFLOWS_WEBHOOK_URL" },
    { "custom", "webhook", "url", "CUSTOM_WEBHOOK_URL" },
    { "pagerduty", "pagerduty", "integration-key", "PAGERDUTY_INTEGRATION_KEY" },
    { "ntfy", "ntfy", "topic", "NTFY_TOPIC_URL" },
};

const Kind *kindOf(const QString &gatus)
{
    for (const Kind &k : Kinds) {
        if (gatus == QLatin1String(k.gatus)) {
            return &k;
        }
    }
    return nullptr;
}

// Gatus's [ALERT_...] placeholders of a custom provider's body as the webhook's {{...}} fields.
QString customPlaceholders(QString body, QStringList &lost)
{
    static const std::pair<const char16_t *, const char16_t *> map[] = {
        { u"[ALERT_DESCRIPTION]", u"{{text}}" },
        { u"[ALERT_TRIGGERED_OR_RESOLVED]", u"{{to}}" },
        { u"[ENDPOINT_NAME]", u"{{subject}}" },
        { u"[ENDPOINT_GROUP]", u"{{group}}" },
        { u"[ENDPOINT_URL]", u"{{link}}" },
        { u"[RESULT_ERRORS]", u"{{detail}}" },
    };
    for (const auto &[from, to] : map) {
        body.replace(QString::fromUtf16(from), QString::fromUtf16(to));
    }
    if (body.contains(u"[ALERT_") || body.contains(u"[ENDPOINT_") || body.contains(u"[RESULT_")) {
        lost << QCoreApplication::translate("Importer", "body placeholders other than %1 are left as written")
                    .arg(u"[ALERT_DESCRIPTION], [ALERT_TRIGGERED_OR_RESOLVED], [ENDPOINT_NAME], [ENDPOINT_GROUP], "
                         "[ENDPOINT_URL], [RESULT_ERRORS]"_s);
    }
    return body;
}

} // namespace

QString GatusAlerting::secret(const QString &value, const QString &name, const QString &what, const QString &at)
{
    if (value.isEmpty()) {
        return {};
    }
    if (!envNames(value).isEmpty()) {
        return envTemplate(value, what, m_result);
    }
    m_result.declareSecret(name,
        QCoreApplication::translate("Importer", "%1 (written literally in the Gatus configuration at %2)")
            .arg(what, at));
    m_result.report.addTodo(
        QCoreApplication::translate("Importer", "set %1 to the %2 written at %3 (the value was not copied)")
            .arg(name, what, at));
    return u"${"_s + name + u'}';
}

void GatusAlerting::readAlerting(const YAML::Node &alerting, const Source &source)
{
    if (!alerting.IsMap()) {
        m_result.report.skip(u"alerting"_s, source.at(alerting.Mark()),
            QCoreApplication::translate("Importer", "expected a mapping of providers"), u"provider"_s);
        return;
    }
    for (const auto &[keyNode, node] : entries(alerting)) {
        const QString type = QString::fromStdString(keyNode.Scalar());
        const QString at = source.at(keyNode.Mark());
        const Kind *kind = kindOf(type);
        if (!kind || !node.IsMap()) {
            const QString why = !node.IsMap() ? QCoreApplication::translate("Importer", "expected a mapping")
                                              : QCoreApplication::translate("Importer",
                                                  "Gatus provider \"%1\" has no OpsDeck equivalent yet "
                                                  "(supported: slack, mattermost, discord, teams, custom, "
                                                  "pagerduty, ntfy)")
                                                    .arg(type);
            m_unsupported.insert(type, why);
            m_result.report.skip(u"alerting."_s + type, at, why, u"provider"_s);
            continue;
        }
        ImportedProvider p;
        p.id = type;
        p.kind = QLatin1String(kind->kind);
        p.origin = at;
        QStringList lost;
        const QString what
            = QCoreApplication::translate("Importer", "%1 of alerting.%2").arg(QLatin1String(kind->urlKey), type);
        QSet<QString> handled { u"default-alert"_s, QString::fromLatin1(kind->urlKey) };
        if (type == u"ntfy") {
            QString base = scalar(node, "url");
            base = base.isEmpty() ? u"https://ntfy.sh"_s : base;
            const QString topic = scalar(node, "topic");
            const QString full = topic.isEmpty() ? base : base + u'/' + topic;
            p.url = secret(full, QLatin1String(kind->secretName),
                QCoreApplication::translate("Importer", "topic URL of alerting.ntfy"), at);
            p.key = secret(scalar(node, "token"), u"NTFY_TOKEN"_s,
                QCoreApplication::translate("Importer", "token of alerting.ntfy"), at);
            if (const QString priority = scalar(node, "priority"); !priority.isEmpty()) {
                p.options.append({ u"priority"_s, priority });
            }
            handled += { u"url"_s, u"token"_s, u"priority"_s };
        } else if (type == u"pagerduty") {
            p.key = secret(scalar(node, kind->urlKey), QLatin1String(kind->secretName), what, at);
        } else {
            p.url = secret(scalar(node, kind->urlKey), QLatin1String(kind->secretName), what, at);
        }
        if (type == u"mattermost" && !scalar(node, "channel").isEmpty()) {
            p.options.append({ u"channel"_s, scalar(node, "channel") });
            handled += u"channel"_s;
        }
        if (type == u"custom") {
            if (const QString method = scalar(node, "method"); !method.isEmpty()) {
                p.options.append({ u"method"_s, method.toUpper() });
            }
            if (const QString body = scalar(node, "body"); !body.isEmpty()) {
                p.options.append({ u"body"_s, envTemplate(customPlaceholders(body, lost), what, m_result) });
            }
            for (const auto &[h, v] : entries(field(node, "headers"))) {
                const QString name = QString::fromStdString(h.Scalar());
                const QString value = v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
                QString secretName = u"CUSTOM_"_s + name.toUpper();
                secretName.replace(u'-', u'_');
                p.headers.append({ name,
                    secret(value, secretName,
                        QCoreApplication::translate("Importer", "header %1 of alerting.custom").arg(name), at) });
            }
            handled += { u"method"_s, u"body"_s, u"headers"_s };
        }
        if (p.url.isEmpty() && p.kind != u"pagerduty") {
            const QString why = QCoreApplication::translate("Importer", "no %1").arg(QLatin1String(kind->urlKey));
            m_unsupported.insert(type, why);
            m_result.report.skip(u"alerting."_s + type, at, why, u"provider"_s);
            continue;
        }
        for (const auto &[k, v] : entries(node)) {
            const QString key = QString::fromStdString(k.Scalar());
            if (!handled.contains(key)) {
                lost << (key == u"insecure"
                        ? QCoreApplication::translate("Importer", "insecure (OpsDeck always verifies TLS)")
                        : key);
            }
        }
        m_providers.insert(type, { p.id, field(node, "default-alert") });
        m_result.providers.append(p);
        m_result.report.created.append({ u"alerting."_s + type, at, p.id, lost.join(u"; "_s), u"provider"_s });
    }
}

GatusAlerting::Thresholds GatusAlerting::readAlerts(
    const YAML::Node &alerts, const Source &source, const QString &endpoint, const QString &group, QStringList &lost)
{
    Thresholds out;
    if (!alerts.IsSequence()) {
        lost << QCoreApplication::translate("Importer", "alerts: expected a list");
        return out;
    }
    QSet<int> failures;
    QSet<int> successes;
    for (const YAML::Node &alert : alerts) {
        const QString type = scalar(alert, "type");
        const auto it = m_providers.constFind(type);
        if (it == m_providers.constEnd()) {
            lost << QCoreApplication::translate("Importer", "alert %1: %2")
                        .arg(type,
                            m_unsupported.value(type,
                                QCoreApplication::translate("Importer", "alerting.%1 is not configured").arg(type)));
            continue;
        }
        const auto value = [&](const char *key) {
            const YAML::Node own = field(alert, key);
            return own.IsDefined() && own.IsScalar() ? QString::fromStdString(own.Scalar()) : scalar(it->defaults, key);
        };
        if (value("enabled").toLower() == u"false") {
            lost << QCoreApplication::translate("Importer", "alert %1 (disabled)").arg(type);
            continue;
        }
        bool ok = false;
        const int failure = value("failure-threshold").toInt(&ok);
        failures.insert(ok && failure > 0 ? std::min(failure, 1000) : 3);
        const int success = value("success-threshold").toInt(&ok);
        successes.insert(ok && success > 0 ? std::min(success, 1000) : 2);
        for (const char *key : { "minimum-reminder-interval", "provider-override" }) {
            if (!value(key).isEmpty() || field(alert, key).IsDefined()) {
                lost << QCoreApplication::translate("Importer", "alert %1: %2").arg(type, QLatin1String(key));
            }
        }
        Use &use = m_uses[type];
        if (use.origin.isEmpty()) {
            use.origin = source.at(alert.Mark());
        }
        use.endpoints.append(endpoint);
        if (group.isEmpty()) {
            use.ungrouped = true;
        } else if (!use.groups.contains(group)) {
            use.groups.append(group);
        }
        ++use.alerts;
        use.resolved += value("send-on-resolved").toLower() == u"true" ? 1 : 0;
        const QString description = value("description");
        if (!description.isEmpty() && !use.descriptions.contains(description)) {
            use.descriptions.append(description);
        }
    }
    if (!failures.isEmpty()) {
        out.failure = *std::min_element(failures.begin(), failures.end());
        out.success = *std::min_element(successes.begin(), successes.end());
        if (failures.size() > 1 || successes.size() > 1) {
            lost << QCoreApplication::translate(
                "Importer", "alerts with different thresholds: the endpoint uses the smallest (failure %1, success %2)")
                        .arg(*out.failure)
                        .arg(*out.success);
        }
    }
    return out;
}

void GatusAlerting::writeRoutes(const QList<ImportedEndpoint> &endpoints)
{
    for (auto it = m_uses.cbegin(); it != m_uses.cend(); ++it) {
        const Use &use = it.value();
        ImportedRoute route;
        route.id = u"gatus-"_s + it.key();
        route.to = { m_providers.value(it.key()).id };
        route.origin = use.origin;
        route.resolved = use.resolved > 0;
        route.groups = use.ungrouped ? QStringList() : use.groups;
        QStringList extra;
        for (const ImportedEndpoint &e : endpoints) {
            if ((route.groups.isEmpty() || route.groups.contains(e.group)) && !use.endpoints.contains(e.name)) {
                extra << e.name;
            }
        }
        QStringList lost;
        if (!extra.isEmpty()) {
            lost << QCoreApplication::translate(
                "Importer", "routes select endpoints by group, so this one also covers %1, which had no %2 alert")
                        .arg(extra.join(u", "_s), it.key());
        }
        if (use.resolved > 0 && use.resolved < use.alerts) {
            lost << QCoreApplication::translate(
                "Importer", "send-on-resolved differs between the alerts: resolved follow-ups are sent for all");
        }
        if (!use.descriptions.isEmpty()) {
            route.comment = QCoreApplication::translate("Importer", "Gatus alert descriptions: %1")
                                .arg(use.descriptions.join(u"; "_s));
        }
        m_result.routes.append(route);
        m_result.report.created.append(
            { u"alerts: type "_s + it.key(), use.origin, route.id, lost.join(u"; "_s), u"route"_s });
    }
}
