// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/notifyrequest.h"

#include "notify/mailmessage.h"
#include "probe/httpprobe.h"
#include "secrets/secrets.h"
#include "workspace/templatetext.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject slack(const NotificationEvent &e, const QMap<QString, QString> &options)
{
    // Slack and Mattermost incoming webhooks: { text, channel?, username?, icon_emoji? }
    QJsonObject body { { u"text"_s, e.text() } };
    for (const char *key : { "channel", "username", "icon_emoji", "icon_url" }) {
        const QString name = QString::fromLatin1(key);
        if (options.contains(name)) {
            body.insert(name, options.value(name));
        }
    }
    return body;
}

int discordColour(const NotificationEvent &e)
{
    if (e.recovery) {
        return 0x2EB67D;
    }
    return e.severity == NotifySeverity::Critical ? 0xE01E5A
        : e.severity == NotifySeverity::Warning   ? 0xECB22E
                                                  : 0x36C5F0;
}

QJsonObject discord(const NotificationEvent &e, const QMap<QString, QString> &options)
{
    QJsonObject embed { { u"title"_s, e.headline() }, { u"color"_s, discordColour(e) } };
    if (!e.detail.isEmpty()) {
        embed.insert(u"description"_s, e.detail);
    }
    if (e.time.isValid()) {
        embed.insert(u"timestamp"_s, e.time.toUTC().toString(Qt::ISODate));
    }
    if (!e.link.isEmpty()) {
        embed.insert(u"footer"_s, QJsonObject { { u"text"_s, e.link } });
    }
    QJsonObject body { { u"content"_s, e.headline() }, { u"embeds"_s, QJsonArray { embed } } };
    if (options.contains(u"username"_s)) {
        body.insert(u"username"_s, options.value(u"username"_s));
    }
    return body;
}

QJsonObject teams(const NotificationEvent &e)
{
    // A Teams workflow ("Post to a channel when a webhook request is received") takes a message with Adaptive Card
    // attachments.
    QJsonArray facts;
    auto fact = [&](const QString &title, const QString &value) {
        if (!value.isEmpty()) {
            facts.append(QJsonObject { { u"title"_s, title }, { u"value"_s, value } });
        }
    };
    fact(NotificationEvent::tr("Severity"), NotificationEvent::severityName(e.severity));
    fact(NotificationEvent::tr("Group"), e.group);
    fact(NotificationEvent::tr("Time"), e.time.isValid() ? e.time.toString(Qt::ISODate) : QString());
    fact(NotificationEvent::tr("Link"), e.link);
    QJsonArray items { QJsonObject { { u"type"_s, u"TextBlock"_s }, { u"text"_s, e.headline() },
        { u"weight"_s, u"Bolder"_s }, { u"size"_s, u"Medium"_s }, { u"wrap"_s, true } } };
    if (!e.detail.isEmpty()) {
        items.append(QJsonObject { { u"type"_s, u"TextBlock"_s }, { u"text"_s, e.detail }, { u"wrap"_s, true } });
    }
    items.append(QJsonObject { { u"type"_s, u"FactSet"_s }, { u"facts"_s, facts } });
    const QJsonObject card { { u"$schema"_s, u"http://adaptivecards.io/schemas/adaptive-card.json"_s },
        { u"type"_s, u"AdaptiveCard"_s }, { u"version"_s, u"1.4"_s }, { u"body"_s, items } };
    const QJsonObject attachment { { u"contentType"_s, u"application/vnd.microsoft.card.adaptive"_s },
        { u"contentUrl"_s, QJsonValue::Null }, { u"content"_s, card } };
    return { { u"type"_s, u"message"_s }, { u"attachments"_s, QJsonArray { attachment } } };
}

QJsonObject pagerDuty(const NotificationEvent &e, const QString &routingKey)
{
    // Events API v2: a resolve needs only the key and the dedup_key of the trigger it ends.
    const bool resolve = e.recovery || e.kind == NotificationEvent::Kind::IncidentResolved;
    const bool acknowledge = e.kind == NotificationEvent::Kind::IncidentAcknowledged;
    const QString action = resolve ? u"resolve"_s : acknowledge ? u"acknowledge"_s : u"trigger"_s;
    QJsonObject body { { u"routing_key"_s, routingKey }, { u"event_action"_s, action },
        { u"dedup_key"_s, QString(u"opsdeck/"_s + e.workspaceId + u'/' + e.key()) } };
    if (resolve || acknowledge) {
        return body;
    }
    QString severity = u"info"_s;
    if (e.severity == NotifySeverity::Critical) {
        severity = u"critical"_s;
    } else if (e.severity == NotifySeverity::Warning) {
        severity = u"warning"_s;
    }
    QJsonObject payload { { u"summary"_s, e.headline().left(1024) },
        { u"source"_s, e.workspaceId.isEmpty() ? u"opsdeck"_s : e.workspaceId }, { u"severity"_s, severity },
        { u"component"_s, e.subject } };
    if (e.time.isValid()) {
        payload.insert(u"timestamp"_s, e.time.toUTC().toString(Qt::ISODate));
    }
    if (!e.group.isEmpty()) {
        payload.insert(u"group"_s, e.group);
    }
    payload.insert(u"class"_s, e.eventName());
    QJsonObject details { { u"from"_s, e.from }, { u"to"_s, e.to } };
    if (!e.detail.isEmpty()) {
        details.insert(u"detail"_s, e.detail);
    }
    payload.insert(u"custom_details"_s, details);
    body.insert(u"payload"_s, payload);
    body.insert(u"client"_s, u"OpsDeck"_s);
    return body;
}

// A header value in RFC 2047 form when it is not ASCII (ntfy reads it so).
QByteArray headerText(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7e || c.unicode() < 0x20) {
            return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
        }
    }
    return text.toLatin1();
}

QString escapeJson(const QString &text)
{
    const QByteArray quoted = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(quoted.mid(2, quoted.size() - 4));
}

// The generic webhook's body template: {{title}}, {{text}}, {{subject}}, {{event}}, {{from}}, {{to}},
// {{severity}}, {{group}}, {{time}}, {{detail}}, {{link}}, {{workspace}}.
QString fillTemplate(QString body, const NotificationEvent &e, bool asJson)
{
    const QList<QPair<QString, QString>> fields { { u"title"_s, e.headline() }, { u"text"_s, e.text() },
        { u"subject"_s, e.subject }, { u"event"_s, e.eventName() }, { u"from"_s, e.from }, { u"to"_s, e.to },
        { u"severity"_s, NotificationEvent::severityName(e.severity) }, { u"group"_s, e.group },
        { u"time"_s, e.time.isValid() ? e.time.toString(Qt::ISODate) : QString() }, { u"detail"_s, e.detail },
        { u"link"_s, e.link }, { u"workspace"_s, e.workspaceId } };
    for (const auto &field : fields) {
        body.replace(u"{{"_s + field.first + u"}}"_s, asJson ? escapeJson(field.second) : field.second);
    }
    return body;
}

QJsonObject webhookDefault(const NotificationEvent &e)
{
    return { { u"event"_s, e.eventName() }, { u"subject"_s, e.subject }, { u"title"_s, e.headline() },
        { u"text"_s, e.text() }, { u"from"_s, e.from }, { u"to"_s, e.to },
        { u"severity"_s, NotificationEvent::severityName(e.severity) }, { u"resolved"_s, e.recovery },
        { u"group"_s, e.group }, { u"time"_s, e.time.isValid() ? e.time.toString(Qt::ISODate) : QString() },
        { u"detail"_s, e.detail }, { u"link"_s, e.link }, { u"workspace"_s, e.workspaceId } };
}

} // namespace

QString NotifyRequest::resolve(const QString &text)
{
    QStringList missing;
    const QString out = HttpProbe::resolveTemplate(text, &missing, &secrets);
    if (!missing.isEmpty() && error.isEmpty()) {
        error = tr("nothing was sent: %1").arg(Secrets::describeMissing(missing));
    }
    return out;
}

QString NotifyRequest::redact(QString text) const
{
    text = TemplateText::redact(std::move(text), secrets);
    if (url.isValid() && !url.isEmpty()) {
        text.replace(url.toString(), shownUrl);
    }
    return text;
}

QByteArray NotifyRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return h.second;
        }
    }
    return {};
}

void NotifyRequest::buildMail(
    const QMap<QString, QString> &options, const NotificationEvent &event, const QString &baseDir)
{
    SmtpEnvelope envelope;
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("smtp") && scheme != QLatin1String("smtps")) {
        error = tr("%1 is not an smtp:// or smtps:// URL").arg(shownUrl);
        return;
    }
    envelope.url = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toEncoded();
    const QString from = options.value(u"from"_s).trimmed();
    QStringList bad;
    const QStringList fromAddress = MailMessage::addresses(from, &bad);
    const QStringList to = MailMessage::addresses(options.value(u"to"_s), &bad);
    if (fromAddress.size() != 1 || to.isEmpty() || !bad.isEmpty()) {
        error = tr("an email provider needs one from: address and at least one to: address");
        return;
    }
    envelope.from = fromAddress.constFirst().toUtf8();
    for (const QString &address : to) {
        envelope.to.append(address.toUtf8());
    }
    envelope.username = options.value(u"username"_s).toUtf8();
    envelope.password = options.value(u"password"_s).toUtf8();
    envelope.starttls = MailMessage::starttlsOption(options.value(u"starttls"_s, u"true"_s));
    const QString caFile = options.value(u"ca-file"_s);
    if (!caFile.isEmpty()) {
        envelope.caFile = QFile::encodeName(baseDir.isEmpty() ? caFile : QDir(baseDir).absoluteFilePath(caFile));
    }
    body = MailMessage::compose(event, from, to, QDateTime::currentDateTimeUtc());
    mail = envelope;
}

NotifyRequest NotifyRequest::build(
    const NotifyProvider &provider, const NotificationEvent &event, const QString &baseDir)
{
    NotifyRequest r;
    const QString &kind = provider.kind;
    const bool pd = kind == QLatin1String("pagerduty");
    const bool email = kind == QLatin1String("email");
    const QString written = provider.url.isEmpty() && pd ? QString::fromLatin1(pagerDutyUrl) : provider.url;
    const QUrl literal(written);
    // A literal webhook URL carries its token in the path: only its origin is ever shown.
    r.shownUrl = TemplateText::names(written).isEmpty() && !pd && !email
        ? literal.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString() + u"/…"_s
        : written;
    r.url = QUrl(r.resolve(written));
    QMap<QString, QString> options;
    for (auto it = provider.options.cbegin(); it != provider.options.cend(); ++it) {
        options.insert(it.key(), r.resolve(it.value()));
    }
    for (auto it = provider.headers.cbegin(); it != provider.headers.cend(); ++it) {
        r.headers.append({ it.key().toUtf8(), r.resolve(it.value()).toUtf8() });
    }
    const QString key = r.resolve(provider.key);
    QByteArray contentType = "application/json";
    if (kind == QLatin1String("slack") || kind == QLatin1String("mattermost")) {
        r.body = json(slack(event, options));
    } else if (kind == QLatin1String("discord")) {
        r.body = json(discord(event, options));
    } else if (kind == QLatin1String("teams")) {
        r.body = json(teams(event));
    } else if (pd) {
        r.body = json(pagerDuty(event, key));
    } else if (kind == QLatin1String("ntfy")) {
        contentType = "text/plain; charset=utf-8";
        QString text = event.detail.isEmpty() ? event.headline() : event.detail;
        r.body = text.toUtf8();
        r.headers.append({ "Title", headerText(event.headline()) });
        const char *priority = event.recovery            ? "3"
            : event.severity == NotifySeverity::Critical ? "5"
            : event.severity == NotifySeverity::Warning  ? "4"
                                                         : "3";
        r.headers.append({ "Priority", options.value(u"priority"_s, QString::fromLatin1(priority)).toLatin1() });
        const char *tag = event.recovery                 ? "white_check_mark"
            : event.severity == NotifySeverity::Critical ? "rotating_light"
            : event.severity == NotifySeverity::Warning  ? "warning"
                                                         : "information_source";
        QString tags = QString::fromLatin1(tag);
        if (options.contains(u"tags"_s)) {
            tags += u',' + options.value(u"tags"_s);
        }
        r.headers.append({ "Tags", headerText(tags) });
        if (event.link.startsWith(QLatin1String("http"))) {
            r.headers.append({ "Click", event.link.toUtf8() });
        }
        if (!key.isEmpty()) {
            r.headers.append({ "Authorization", "Bearer " + key.toUtf8() });
        }
    } else if (email) {
        r.method = "SMTP";
        r.buildMail(options, event, baseDir);
        return r;
    } else if (kind == QLatin1String("webhook")) {
        contentType = options.value(u"content-type"_s, u"application/json"_s).toUtf8();
        r.method = options.value(u"method"_s, u"POST"_s).toUpper().toLatin1();
        const QString body = options.value(u"body"_s);
        r.body = body.isEmpty() ? json(webhookDefault(event))
                                : fillTemplate(body, event, contentType.contains("json")).toUtf8();
    } else {
        r.error = tr("unknown provider kind \"%1\"").arg(kind);
    }
    if (r.header("Content-Type").isEmpty()) {
        r.headers.prepend({ "Content-Type", contentType });
    }
    if (r.error.isEmpty() && (!r.url.isValid() || !r.url.scheme().startsWith(QLatin1String("http")))) {
        r.error = tr("%1 is not an http(s) URL").arg(r.shownUrl);
    }
    return r;
}
