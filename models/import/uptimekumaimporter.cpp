// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/uptimekumaimporter.h"

#include "import/gatusendpoints.h"
#include "import/uptimekumatables.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// "200-299", "301" -> conditions; what cannot be said goes to `lost`.
QStringList statusConditions(const QString &json, QStringList &lost)
{
    QList<std::pair<int, int>> ranges;
    for (const QJsonValue v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QStringList parts = v.toString().split(u'-');
        bool ok1 = false;
        bool ok2 = true;
        const int from = parts.value(0).toInt(&ok1);
        const int to = parts.size() == 2 ? parts.at(1).toInt(&ok2) : from;
        if (ok1 && ok2 && from <= to) {
            ranges.append({ from, to });
        }
    }
    if (ranges.isEmpty()) {
        return { u"[STATUS] >= 200"_s, u"[STATUS] <= 299"_s };
    }
    std::sort(ranges.begin(), ranges.end());
    const bool singles = std::all_of(ranges.begin(), ranges.end(), [](auto r) { return r.first == r.second; });
    if (singles && ranges.size() > 1) {
        QStringList codes;
        for (const auto &r : ranges) {
            codes << QString::number(r.first);
        }
        return { u"[STATUS] == any(%1)"_s.arg(codes.join(u", "_s)) };
    }
    QList<std::pair<int, int>> merged { ranges.first() };
    for (const auto &r : ranges) {
        if (r.first <= merged.last().second + 1) {
            merged.last().second = std::max(merged.last().second, r.second);
        } else {
            merged.append(r);
        }
    }
    if (merged.size() > 1) {
        lost << QCoreApplication::translate("Importer", "accepted status codes %1: only %2-%3 is checked")
                    .arg(json)
                    .arg(merged.first().first)
                    .arg(merged.first().second);
    }
    if (merged.first().first == merged.first().second) {
        return { u"[STATUS] == %1"_s.arg(merged.first().first) };
    }
    return { u"[STATUS] >= %1"_s.arg(merged.first().first), u"[STATUS] <= %1"_s.arg(merged.first().second) };
}

class MonitorReader
{
public:
    MonitorReader(KumaTables &db, ImportResult &result, QSet<QString> &used, bool nonHttp)
        : m_db(db)
        , m_result(result)
        , m_used(used)
        , m_nonHttp(nonHttp)
    { }

    void read(const KumaRow &m)
    {
        const QString at = m_db.origin(u"monitor"_s, m.id);
        const QString name = m.text("name").isEmpty() ? u"monitor-%1"_s.arg(m.id) : m.text("name");
        ImportedEndpoint e;
        e.origin = at;
        QStringList lost;
        QString skip;
        if (!mapType(m, e, lost, &skip)) {
            m_result.report.skip(name, at, skip, u"endpoint"_s);
            return;
        }
        e.name = name;
        for (int n = 2; m_used.contains(e.name); ++n) {
            e.name = u"%1 (%2)"_s.arg(name).arg(n);
            e.title = name;
        }
        m_used.insert(e.name);
        m_ids.insert(m.id, e.name);
        const QStringList tags = m_db.tags(m.id);
        e.group = m_db.groupOf(m);
        if (e.group.isEmpty() && !tags.isEmpty()) {
            e.group = tags.first();
        }
        if (tags.size() > (m_db.groupOf(m).isEmpty() ? 1 : 0)) {
            lost << QCoreApplication::translate("Importer", "tags %1 (an endpoint has one group)")
                        .arg(tags.join(u", "_s));
        }
        e.enabled = m.integer("active", 1) != 0;
        const int interval = int(m.integer("interval", 60));
        if (interval > 0) {
            e.interval = u"%1s"_s.arg(interval);
        }
        const double timeout = m.value("timeout").toDouble();
        if (timeout >= 0.001) {
            e.timeout = u"%1ms"_s.arg(qint64(timeout * 1000));
        }
        const qint64 retries = m.integer("maxretries", 0);
        if (retries > 0) {
            e.failureThreshold = int(std::min<qint64>(retries + 1, 1000));
        }
        if (m.integer("retry_interval", interval) != interval && retries > 0) {
            lost << QCoreApplication::translate("Importer", "retry_interval (retries use the interval)");
        }
        if (m.integer("resend_interval", 0) > 0) {
            lost << QCoreApplication::translate("Importer", "resend_interval");
        }
        if (!m.text("description").isEmpty()) {
            lost << QCoreApplication::translate("Importer", "description");
        }
        m_result.endpoints.append(e);
        m_result.report.created.append({ name, at, e.name, lost.join(u"; "_s), u"endpoint"_s });
    }

    QHash<qint64, QString> names() const { return m_ids; }

private:
    bool mapType(const KumaRow &m, ImportedEndpoint &e, QStringList &lost, QString *skip)
    {
        const QString type = m.text("type");
        if (m.integer("upside_down", 0) != 0) {
            *skip = QCoreApplication::translate(
                "Importer", "upside-down mode (a failure counts as up) has no equivalent");
            return false;
        }
        if (type == u"http" || type == u"keyword" || type == u"json-query") {
            return mapHttp(m, e, lost, skip);
        }
        const QString host = m.text("hostname");
        QString url;
        if (type == u"port") {
            url = u"tcp://%1:%2"_s.arg(host).arg(m.integer("port", 0));
            e.conditions << u"[CONNECTED] == true"_s;
        } else if (type == u"ping") {
            url = u"icmp://"_s + host;
            e.conditions << u"[CONNECTED] == true"_s;
        } else if (type == u"dns") {
            const QString server = m.text("dns_resolve_server").isEmpty() ? u"1.1.1.1"_s : m.text("dns_resolve_server");
            const qint64 port = m.integer("port", 53);
            url = u"dns://"_s + server + (port > 0 && port != 53 ? u":%1"_s.arg(port) : QString());
            e.dnsQueryName = host;
            e.dnsQueryType = m.text("dns_resolve_type").isEmpty() ? u"A"_s : m.text("dns_resolve_type").toUpper();
            static const QStringList types { u"A"_s, u"AAAA"_s, u"CNAME"_s, u"MX"_s, u"NS"_s, u"TXT"_s };
            if (!types.contains(e.dnsQueryType)) {
                *skip = QCoreApplication::translate("Importer", "DNS record type %1 is not supported (%2)")
                            .arg(e.dnsQueryType, types.join(u", "_s));
                return false;
            }
            e.conditions << u"[DNS_RCODE] == NOERROR"_s;
        } else {
            *skip = QCoreApplication::translate("Importer", "monitor type \"%1\" has no equivalent").arg(type);
            return false;
        }
        if (host.isEmpty() || host.contains(u"${"_s)) {
            *skip = QCoreApplication::translate("Importer", "no usable hostname");
            return false;
        }
        if (!m_nonHttp) {
            *skip = QCoreApplication::translate("Importer", "tcp/tls/dns/icmp checks are not supported by this build");
            return false;
        }
        e.url = url;
        return true;
    }

    bool mapHttp(const KumaRow &m, ImportedEndpoint &e, QStringList &lost, QString *skip)
    {
        const QString type = m.text("type");
        e.url = m.text("url");
        const QString where = QCoreApplication::translate("Importer", "monitor %1").arg(m.id);
        if (!e.url.startsWith(u"http://", Qt::CaseInsensitive) && !e.url.startsWith(u"https://", Qt::CaseInsensitive)) {
            *skip = QCoreApplication::translate("Importer", "\"%1\" is not an http:// or https:// URL").arg(e.url);
            return false;
        }
        e.body = m.text("body");
        if (e.url.contains(u"${"_s) || e.body.contains(u"${"_s) || m.text("headers").contains(u"${"_s)) {
            *skip = QCoreApplication::translate(
                "Importer", "the url, body or headers contain \"${\", which a workspace reads as a secret reference");
            return false;
        }
        if (m.integer("ignore_tls", 0) != 0 && e.url.startsWith(u"https", Qt::CaseInsensitive)) {
            *skip = QCoreApplication::translate("Importer",
                "ignore TLS errors: OpsDeck never turns off TLS verification; trust the server's "
                "certificate with ca-file instead");
            return false;
        }
        const QString method = m.text("method").toUpper();
        if (!method.isEmpty() && method != u"GET") {
            e.method = method;
        }
        const QJsonObject headers = QJsonDocument::fromJson(m.text("headers").toUtf8()).object();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            const QString value = it.value().toVariant().toString();
            if (GatusYaml::sensitiveHeader(it.key())) {
                e.headers.append({ it.key(),
                    m_db.secret(value, GatusYaml::secretName(u"KUMA_"_s + m.text("name"), it.key()),
                        QCoreApplication::translate("Importer", "header %1 of %2").arg(it.key(), where), e.origin) });
            } else {
                e.headers.append({ it.key(), value });
            }
        }
        if (m.text("auth_method") == u"basic" || !m.text("basic_auth_user").isEmpty()) {
            const QString name = GatusYaml::secretName(u"KUMA_"_s + m.text("name"), u"AUTHORIZATION"_s);
            m_result.declareSecret(name,
                QCoreApplication::translate(
                    "Importer", "Authorization header of %1: Basic and the base64 of user:password")
                    .arg(where));
            m_result.report.addTodo(QCoreApplication::translate("Importer",
                "set %1 to \"Basic \" followed by the base64 of %2:PASSWORD of %3 (the "
                "password was not copied)")
                                        .arg(name, m.text("basic_auth_user"), e.origin));
            e.headers.append({ u"Authorization"_s, u"${"_s + name + u'}' });
        }
        const qint64 redirects = m.integer("max_redirects", 10);
        if (redirects < 5) {
            e.maxRedirects = int(std::max<qint64>(redirects, 0));
        } else if (redirects > 5) {
            lost << QCoreApplication::translate("Importer", "max_redirects %1 (at most 5 are followed)").arg(redirects);
        }
        e.conditions = statusConditions(m.text("accepted_statuscodes_json"), lost);
        if (type == u"keyword") {
            const QString keyword = m.text("keyword");
            if (keyword.contains(u'*')) {
                lost << QCoreApplication::translate("Importer", "the keyword's * is read as a wildcard");
            }
            e.conditions << u"[BODY] %1 pat(*%2*)"_s.arg(m.integer("invert_keyword", 0) ? u"!="_s : u"=="_s, keyword);
        } else if (type == u"json-query") {
            static const QRegularExpression simple(u"^\\$?\\.?([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*|\\[\\d+\\])*)$"_s);
            const QRegularExpressionMatch path = simple.match(m.text("json_path").trimmed());
            const QString op = m.text("json_path_operator").isEmpty() ? u"=="_s : m.text("json_path_operator");
            static const QStringList ops { u"=="_s, u"!="_s, u"<"_s, u"<="_s, u">"_s, u">="_s };
            if (!path.hasMatch() || !ops.contains(op)) {
                *skip = QCoreApplication::translate("Importer",
                    "JSON query \"%1\" %2: only a plain path compared with ==, !=, <, <=, >, >= is supported")
                            .arg(m.text("json_path"), op);
                return false;
            }
            e.conditions << u"[BODY].%1 %2 %3"_s.arg(path.captured(1), op, m.text("expected_value"));
        }
        if (m.integer("expiry_notification", 0) != 0 && e.url.startsWith(u"https", Qt::CaseInsensitive)) {
            e.warnConditions << u"[CERTIFICATE_EXPIRATION] > %1h"_s.arg(m_db.expiryDays() * 24);
        }
        return true;
    }

    KumaTables &m_db;
    ImportResult &m_result;
    QSet<QString> &m_used;
    bool m_nonHttp;
    QHash<qint64, QString> m_ids;
};

} // namespace

bool UptimeKumaImporter::defaultNonHttp()
{
    return GatusEndpoints::NonHttpEndpoints;
}

ImportResult UptimeKumaImporter::importFile(const QString &path, QSet<QString> &usedNames, bool nonHttp)
{
    ImportResult result;
    result.title = QFileInfo(path).completeBaseName();
    QString error;
    KumaTables db(path, result, &error);
    if (!error.isEmpty()) {
        result.error = u"%1: %2"_s.arg(path, error);
        return result;
    }
    const QSet<QString> before = usedNames;
    MonitorReader monitors(db, result, usedNames, nonHttp);
    const QList<KumaRow> rows = db.monitors(&error);
    for (const KumaRow &row : rows) {
        if (row.text("type") != u"group") {
            monitors.read(row);
        }
    }
    db.readNotifications(monitors.names(), &error);
    db.readMaintenance(monitors.names(), &error);
    if (!error.isEmpty()) {
        usedNames = before;
        ImportResult failed;
        failed.error = u"%1: %2"_s.arg(path, error);
        return failed;
    }
    return result;
}
