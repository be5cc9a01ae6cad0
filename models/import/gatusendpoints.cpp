// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/gatusendpoints.h"

#include "probe/condition.h"
#include "workspace/timeofday.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace GatusYaml;

namespace { } // namespace

void GatusEndpoints::read(const YAML::Node &node, const Source &source)
{
    const QString at = source.at(node.Mark());
    const QString name = scalar(node, "name");
    if (!node.IsMap() || name.isEmpty()) {
        m_result.report.skip(name.isEmpty() ? QCoreApplication::translate("Importer", "endpoint") : name, at,
            QCoreApplication::translate("Importer", "expected a mapping with a name and a url"), u"endpoint"_s);
        return;
    }
    ImportedEndpoint e;
    e.origin = at;
    e.group = scalar(node, "group");
    QStringList lost;
    QString skip;
    if (!readUrl(node, e, lost, &skip) || !readClient(field(node, "client"), e, lost, &skip)) {
        m_result.report.skip(name, at, skip, u"endpoint"_s);
        return;
    }
    for (const QString &key : { name, e.group }) {
        if (!envNames(key).isEmpty()) {
            lost << QCoreApplication::translate(
                "Importer", "\"%1\" is kept as written: Gatus expanded environment references there, OpsDeck does not")
                        .arg(key);
        }
    }
    e.name = name;
    for (int n = 2; m_usedNames.contains(e.name); ++n) {
        e.name = e.group.isEmpty() || n > 2 ? u"%1 (%2)"_s.arg(name).arg(n) : u"%1 (%2)"_s.arg(name, e.group);
        e.title = name;
    }
    m_usedNames.insert(e.name);
    e.enabled = flag(node, "enabled", true);
    const QString method = scalar(node, "method").toUpper();
    if (!method.isEmpty() && method != u"GET") {
        e.method = method;
    }
    e.body = envTemplate(
        scalar(node, "body"), QCoreApplication::translate("Importer", "the body of endpoint %1").arg(name), m_result);
    readHeaders(field(node, "headers"), e);
    if (const QString interval = scalar(node, "interval"); !interval.isEmpty()) {
        const std::optional<QString> d = duration(interval);
        if (d && *d != u"0") {
            e.interval = *d;
        } else {
            lost << QCoreApplication::translate(
                "Importer", "interval \"%1\" (not a duration OpsDeck reads; 60s is used)")
                        .arg(interval);
        }
    }
    readConditions(field(node, "conditions"), e, lost);
    if (const YAML::Node alerts = field(node, "alerts"); alerts.IsDefined()) {
        const GatusAlerting::Thresholds t = m_alerting.readAlerts(alerts, source, e.name, e.group, lost);
        e.failureThreshold = t.failure;
        e.successThreshold = t.success;
    }
    if (const YAML::Node windows = field(node, "maintenance-windows"); windows.IsDefined()) {
        readWindows(windows, source, e.name, lost);
    }
    static const QSet<QString> handled { u"name"_s, u"group"_s, u"url"_s, u"enabled"_s, u"method"_s, u"body"_s,
        u"headers"_s, u"interval"_s, u"conditions"_s, u"alerts"_s, u"maintenance-windows"_s, u"client"_s, u"dns"_s };
    for (const auto &[k, v] : entries(node)) {
        const QString key = QString::fromStdString(k.Scalar());
        if (!handled.contains(key)) {
            lost << (key == u"ui" || key == u"extra-labels"
                    ? QCoreApplication::translate("Importer", "%1 (no equivalent)").arg(key)
                    : key);
        }
    }
    m_result.endpoints.append(e);
    m_result.report.created.append({ name, at, e.name, lost.join(u"; "_s), u"endpoint"_s });
}

bool GatusEndpoints::readUrl(const YAML::Node &node, ImportedEndpoint &e, QStringList &lost, QString *skip)
{
    const QString url = scalar(node, "url").trimmed();
    const QString where = QCoreApplication::translate("Importer", "the url of endpoint %1").arg(scalar(node, "name"));
    const YAML::Node dns = field(node, "dns");
    const QString scheme = url.contains(u"://") ? url.section(u"://"_s, 0, 0).toLower() : QString();
    if (url.isEmpty()) {
        *skip = QCoreApplication::translate("Importer", "no url");
        return false;
    }
    if (scheme == u"http" || scheme == u"https" || (url.startsWith(u'$') && !dns.IsDefined())) {
        if (scheme.isEmpty()) {
            lost << QCoreApplication::translate("Importer", "the scheme comes from %1: read as an HTTP endpoint")
                        .arg(envNames(url).value(0));
        }
        e.url = envTemplate(url, where, m_result);
        // A literal password in the URL's user info becomes a secret.
        static const QRegularExpression userInfo(u"^(https?://[^/@:]*):([^@/]+)@"_s);
        const QRegularExpressionMatch m = userInfo.match(e.url);
        if (m.hasMatch() && !m.captured(2).startsWith(u"${")) {
            const QString secret = secretName(scalar(node, "name"), u"PASSWORD"_s);
            m_result.declareSecret(secret, QCoreApplication::translate("Importer", "password in %1").arg(where));
            m_result.report.addTodo(
                QCoreApplication::translate("Importer", "set %1 to the password of %2 (the value was not copied)")
                    .arg(secret, where));
            e.url = m.captured(1) + u":${"_s + secret + u"}@"_s + e.url.mid(m.capturedEnd());
        }
        return true;
    }
    const bool network = scheme == u"tcp" || scheme == u"tls" || scheme == u"starttls" || scheme == u"icmp"
        || (dns.IsDefined() && (scheme.isEmpty() || scheme == u"udp" || scheme == u"tcp"));
    if (!network) {
        *skip = scheme.isEmpty()
            ? QCoreApplication::translate("Importer", "\"%1\" is not a URL with a scheme").arg(url)
            : QCoreApplication::translate("Importer", "%1:// endpoints are not supported by OpsDeck").arg(scheme);
        return false;
    }
    if (!m_nonHttp) {
        *skip = QCoreApplication::translate("Importer", "tcp/tls/dns/icmp checks are not supported by this build");
        return false;
    }
    if (dns.IsDefined()) {
        e.url = u"dns://"_s + envTemplate(scheme.isEmpty() ? url : url.section(u"://"_s, 1), where, m_result);
        e.dnsQueryName = scalar(dns, "query-name");
        e.dnsQueryType = scalar(dns, "query-type").toUpper();
        static const QStringList types { u"A"_s, u"AAAA"_s, u"CNAME"_s, u"MX"_s, u"NS"_s, u"TXT"_s };
        if (e.dnsQueryName.isEmpty() || !types.contains(e.dnsQueryType)) {
            *skip = QCoreApplication::translate("Importer", "dns: needs query-name and a query-type of %1")
                        .arg(types.join(u", "_s));
            return false;
        }
        return true;
    }
    e.url = envTemplate(url, where, m_result);
    return true;
}

bool GatusEndpoints::readClient(const YAML::Node &client, ImportedEndpoint &e, QStringList &lost, QString *skip)
{
    if (!client.IsDefined()) {
        return true;
    }
    const bool tls = e.url.startsWith(u"https://", Qt::CaseInsensitive) || e.url.startsWith(u"tls://")
        || e.url.startsWith(u"starttls://") || e.url.startsWith(u"${");
    for (const auto &[k, v] : entries(client)) {
        const QString key = QString::fromStdString(k.Scalar());
        const QString value = v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
        if (key == u"insecure" && value == u"true") {
            if (tls) {
                *skip = QCoreApplication::translate("Importer",
                    "client.insecure: OpsDeck never turns off TLS verification; trust the server's "
                    "certificate with ca-file instead");
                return false;
            }
            lost << QCoreApplication::translate("Importer", "client.insecure (no TLS here)");
        } else if (key == u"oauth2" || key == u"identity-aware-proxy") {
            *skip = QCoreApplication::translate("Importer", "client.%1: not supported").arg(key);
            return false;
        } else if (key == u"tls") {
            *skip = QCoreApplication::translate("Importer", "client.tls: client certificates (mTLS) are not supported");
            return false;
        } else if (key == u"tunnel") {
            *skip = QCoreApplication::translate("Importer", "client.tunnel: SSH tunnels are not supported");
            return false;
        } else if (key == u"ignore-redirect") {
            if (value == u"true") {
                e.maxRedirects = 0;
            }
        } else if (key == u"timeout") {
            const std::optional<QString> d = duration(value);
            if (d && *d != u"0") {
                e.timeout = *d;
            } else {
                lost << QCoreApplication::translate("Importer", "client.timeout \"%1\"").arg(value);
            }
        } else if (!(key == u"insecure" || ((key == u"store-cookies") && value == u"false"))) {
            lost << u"client."_s + key;
        }
    }
    return true;
}

void GatusEndpoints::readConditions(const YAML::Node &node, ImportedEndpoint &e, QStringList &lost)
{
    if (!node.IsDefined()) {
        return;
    }
    if (!node.IsSequence()) {
        lost << QCoreApplication::translate("Importer", "conditions: expected a list");
        return;
    }
    for (const YAML::Node &c : node) {
        const QString text = c.IsScalar() ? QString::fromStdString(c.Scalar()) : QString();
        QString problem;
        if (text.isEmpty()) {
            lost << QCoreApplication::translate("Importer", "a condition that is not a string");
        } else if (!envNames(text).isEmpty()) {
            lost << QCoreApplication::translate(
                "Importer", "condition \"%1\": OpsDeck does not expand environment references in conditions")
                        .arg(text);
        } else if (!Condition::parse(text, &problem)) {
            lost << QCoreApplication::translate("Importer", "condition \"%1\": %2").arg(text, problem);
        } else if (text.contains(u"[DOMAIN_EXPIRATION]")) {
            lost << QCoreApplication::translate("Importer", "condition \"%1\": OpsDeck does not look up domain expiry")
                        .arg(text);
        } else {
            e.conditions << text;
        }
    }
}

void GatusEndpoints::readHeaders(const YAML::Node &node, ImportedEndpoint &e)
{
    for (const auto &[k, v] : entries(node)) {
        const QString name = QString::fromStdString(k.Scalar());
        const QString value = v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
        const QString where = QCoreApplication::translate("Importer", "header %1 of endpoint %2").arg(name, e.name);
        if (sensitiveHeader(name) && envNames(value).isEmpty() && !value.isEmpty()) {
            const QString secret = secretName(e.name.isEmpty() ? e.origin : e.name, name);
            m_result.declareSecret(secret,
                QCoreApplication::translate("Importer", "%1 (written literally in the Gatus configuration)")
                    .arg(where));
            m_result.report.addTodo(
                QCoreApplication::translate("Importer", "set %1 to the %2 (the value was not copied)")
                    .arg(secret, where));
            e.headers.append({ name, u"${"_s + secret + u'}' });
        } else {
            e.headers.append({ name, envTemplate(value, where, m_result) });
        }
    }
}

void GatusEndpoints::readWindows(
    const YAML::Node &windows, const Source &source, const QString &endpoint, QStringList &lost)
{
    if (!windows.IsSequence()) {
        lost << QCoreApplication::translate("Importer", "maintenance-windows: expected a list");
        return;
    }
    for (const YAML::Node &w : windows) {
        QStringList windowLost;
        std::optional<ImportedWindow> window = GatusMaintenance::window(w, source, windowLost);
        if (!window) {
            m_result.report.skip(QCoreApplication::translate("Importer", "maintenance window of %1").arg(endpoint),
                source.at(w.Mark()), windowLost.join(u"; "_s), u"maintenance"_s);
            continue;
        }
        window->name = endpoint;
        window->endpoints = { endpoint };
        m_result.maintenance.append(*window);
        m_result.report.created.append(
            { QCoreApplication::translate("Importer", "maintenance window of %1").arg(endpoint), window->origin,
                endpoint, windowLost.join(u"; "_s), u"maintenance"_s });
    }
}

namespace GatusMaintenance {

std::optional<ImportedWindow> window(const YAML::Node &node, const Source &source, QStringList &lost)
{
    ImportedWindow w;
    w.origin = source.at(node.Mark());
    if (!node.IsMap()) {
        lost << QCoreApplication::translate("Importer", "expected a mapping");
        return std::nullopt;
    }
    if (!flag(node, "enabled", true)) {
        lost << QCoreApplication::translate("Importer", "disabled");
        return std::nullopt;
    }
    w.start = scalar(node, "start");
    const std::optional<QString> d = duration(scalar(node, "duration"));
    if (!TimeOfDay::parse(w.start) || !d || *d == u"0") {
        lost << QCoreApplication::translate("Importer", "needs a start time (HH:MM) and a duration");
        return std::nullopt;
    }
    w.duration = *d;
    for (const YAML::Node &day : field(node, "every")) {
        if (day.IsScalar()) {
            w.every << QString::fromStdString(day.Scalar());
        }
    }
    if (const QString zone = scalar(node, "timezone"); !zone.isEmpty()) {
        lost << QCoreApplication::translate("Importer", "timezone %1 (windows open in the console's local time)")
                    .arg(zone);
    }
    return w;
}

} // namespace GatusMaintenance
