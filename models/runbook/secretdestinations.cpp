// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/secretdestinations.h"

#include "notify/notifyrequest.h"
#include "workspace/templatetext.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

using Use = SecretDestinations::Use;

void add(QList<Use> *out, const QString &text, const QString &place, const QString &destination)
{
    for (const QString &name : TemplateText::names(text)) {
        out->append({ name, place, destination });
    }
}

void addRequest(QList<Use> *out, const QString &what, const QString &url, const QMap<QString, QString> &headers,
    const QString &body)
{
    const QString to = SecretDestinations::destinationOf(url);
    add(out, url, SecretDestinations::tr("%1: URL").arg(what), to);
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        add(out, it.value(), SecretDestinations::tr("%1: header %2").arg(what, it.key()), to);
    }
    add(out, body, SecretDestinations::tr("%1: body").arg(what), to);
}

bool serverUses(const MetricServer &server)
{
    bool any = SecretDestinations::hasReference(server.url);
    for (const QString &value : server.headers) {
        any = any || SecretDestinations::hasReference(value);
    }
    return any;
}

bool endpointUses(const Endpoint &endpoint)
{
    bool any = SecretDestinations::hasReference(endpoint.url) || SecretDestinations::hasReference(endpoint.body);
    for (const QString &value : endpoint.headers) {
        any = any || SecretDestinations::hasReference(value);
    }
    return any;
}

} // namespace

bool SecretDestinations::hasReference(const QString &text)
{
    return !TemplateText::names(text).isEmpty();
}

QString SecretDestinations::hostNamedBy(const QStringList &names, const QString &writtenUrl)
{
    if (names.isEmpty()) {
        return writtenUrl;
    }
    QStringList references;
    for (const QString &name : names) {
        references.append(u"${"_s + name + u'}');
    }
    return tr("the host that %1 names (not known before it is resolved)").arg(references.join(u", "_s));
}

QString SecretDestinations::destinationOf(const QString &writtenUrl)
{
    const qsizetype scheme = writtenUrl.indexOf(u"://"_s);
    if (scheme < 0 || !TemplateText::names(writtenUrl.left(scheme)).isEmpty()) {
        // The whole URL (or its scheme) comes from a secret: so does the host.
        return hostNamedBy(TemplateText::names(writtenUrl), writtenUrl);
    }
    qsizetype end = scheme + 3;
    while (end < writtenUrl.size() && writtenUrl.at(end) != u'/' && writtenUrl.at(end) != u'?'
        && writtenUrl.at(end) != u'#') {
        ++end;
    }
    QString authority = writtenUrl.mid(scheme + 3, end - scheme - 3);
    authority = authority.mid(authority.lastIndexOf(u'@') + 1); // user info goes to the host, it is not one
    if (const QStringList names = TemplateText::names(authority); !names.isEmpty()) {
        return hostNamedBy(names, writtenUrl);
    }
    const QUrl url(writtenUrl.left(end));
    return url.isValid() ? url.adjusted(QUrl::RemoveUserInfo).toString() : writtenUrl.left(end);
}

QList<SecretDestinations::Use> SecretDestinations::uses(const Workspace &workspace)
{
    QList<Use> out;
    for (const Endpoint &endpoint : workspace.endpoints) {
        if (endpoint.enabled) {
            addRequest(&out, tr("endpoint %1").arg(endpoint.name), endpoint.url, endpoint.headers, endpoint.body);
        }
    }
    if (workspace.sources.prometheus.isSet()) {
        addRequest(&out, tr("Prometheus source (KPI queries)"), workspace.sources.prometheus.url,
            workspace.sources.prometheus.headers, {});
    }
    if (workspace.sources.alertmanager.isSet()) {
        addRequest(&out, tr("Alertmanager source"), workspace.sources.alertmanager.url,
            workspace.sources.alertmanager.headers, {});
    }
    for (const Kpi &kpi : workspace.kpis) {
        if (kpi.source.kind == KpiSource::Kind::Metrics) {
            addRequest(&out, tr("KPI %1 metrics source").arg(kpi.id), kpi.source.url, {}, {});
        }
    }
    for (const NotifyProvider &provider : workspace.notifications.providers) {
        const QString url = provider.url.isEmpty() && provider.kind == u"pagerduty"_s
            ? QString::fromLatin1(NotifyRequest::pagerDutyUrl)
            : provider.url;
        const QString what = tr("notification provider %1").arg(provider.id);
        addRequest(&out, what, url, provider.headers, {});
        const QString to = destinationOf(url);
        add(&out, provider.key, tr("%1: key").arg(what), to);
        for (auto it = provider.options.cbegin(); it != provider.options.cend(); ++it) {
            add(&out, it.value(), tr("%1: option %2").arg(what, it.key()), to);
        }
    }
    for (const Runbook &runbook : workspace.runbooks) {
        for (const RunbookStep &step : runbook.steps) {
            const QString what = tr("runbook %1 step %2").arg(runbook.id, step.id);
            if (step.kind == RunbookStep::Kind::Http) {
                addRequest(&out, what, step.url, step.headers, step.body);
            } else if (step.kind == RunbookStep::Kind::Command) {
                add(&out, step.argv.join(u' '), tr("%1: command").arg(what), tr("a command on this computer"));
            }
        }
    }
    return out;
}

SecretDestinations::Held SecretDestinations::held(const Workspace &workspace)
{
    Held held;
    for (const Endpoint &endpoint : workspace.endpoints) {
        if (endpointUses(endpoint)) {
            held.endpoints.insert(endpoint.name);
        }
    }
    const bool prometheus = serverUses(workspace.sources.prometheus);
    held.prometheus = workspace.sources.prometheus.isSet() && prometheus;
    held.alertmanager = workspace.sources.alertmanager.isSet() && serverUses(workspace.sources.alertmanager);
    for (const Kpi &kpi : workspace.kpis) {
        const KpiSource &source = kpi.source;
        const bool waits = (source.kind == KpiSource::Kind::Prometheus && prometheus)
            || (source.kind == KpiSource::Kind::Metrics && hasReference(source.url))
            || (!source.endpoint.isEmpty() && held.endpoints.contains(source.endpoint));
        if (waits) {
            held.kpis.insert(kpi.id);
        }
    }
    for (const NotifyProvider &provider : workspace.notifications.providers) {
        bool uses = hasReference(provider.url) || hasReference(provider.key);
        for (const QString &value : provider.headers) {
            uses = uses || hasReference(value);
        }
        for (const QString &value : provider.options) {
            uses = uses || hasReference(value);
        }
        if (uses) {
            held.providers.insert(provider.id);
        }
    }
    return held;
}

QStringList SecretDestinations::describe(const Workspace &workspace, const QString &language)
{
    const QList<Use> all = uses(workspace);
    QStringList out;
    for (const DeclaredSecret &secret : workspace.secrets) {
        QStringList places;
        for (const Use &use : all) {
            if (use.name == secret.name) {
                const QString entry = tr("%1 (%2)").arg(use.destination, use.place);
                if (!places.contains(entry)) {
                    places.append(entry);
                }
            }
        }
        if (places.isEmpty()) {
            continue; // declared, used nowhere: sent nowhere
        }
        const QString description = secret.description.text(language);
        const QString head = description.isEmpty() ? secret.name : tr("%1 (%2)").arg(secret.name, description);
        out.append(tr("%1 → %2").arg(head, places.join(u"; "_s)));
    }
    return out;
}
