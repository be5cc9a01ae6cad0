// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/uptimekumatables.h"

#include "import/kumaschedule.h"
#include "import/prometheusrulesimporter.h"
#include "workspace/duration.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTime>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxRows = 10000;

struct ProviderKeys
{
    const char *kumaType;
    const char *kind;
    const char *url; // config key of the URL (or the ntfy topic)
    const char *key; // config key of the key / token
};

constexpr ProviderKeys Providers[] = {
    { "slack", "slack", "slackwebhookURL", nullptr },
    { "discord", "discord", "discordWebhookUrl", nullptr },
    { "teams", "teams", "webhookUrl", nullptr },
    { "mattermost", "mattermost", "mattermostWebhookUrl", nullptr },
    { "webhook", "webhook", "webhookURL", nullptr },
    { "PagerDuty", "pagerduty", nullptr, "pagerdutyIntegrationKey" },
    { "ntfy", "ntfy", "ntfytopic", "ntfyaccesstoken" },
};

} // namespace

QVariant KumaRow::value(const char *column) const
{
    const int i = record.indexOf(QLatin1String(column));
    return i < 0 ? QVariant() : record.value(i);
}

qint64 KumaRow::integer(const char *column, qint64 fallback) const
{
    bool ok = false;
    const qint64 v = value(column).toLongLong(&ok);
    return ok ? v : fallback;
}

KumaTables::KumaTables(const QString &path, ImportResult &result, QString *error)
    : m_path(path)
    , m_connection(u"kuma-import-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_result(result)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return;
    }
    if (file.read(16) != QByteArray("SQLite format 3\0", 16)) {
        *error = QCoreApplication::translate(
            "Importer", "not an SQLite database (Uptime Kuma keeps its data in data/kuma.db)");
        return;
    }
    file.close();
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    m_db.setDatabaseName(QFileInfo(path).absoluteFilePath());
    m_db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s);
    if (!m_db.open()) {
        *error = m_db.lastError().text();
        return;
    }
    if (!hasTable(u"monitor"_s)) {
        *error = QCoreApplication::translate("Importer", "no monitor table: not an Uptime Kuma database");
        return;
    }
    for (const KumaRow &g : rows(u"SELECT * FROM monitor WHERE type = 'group'"_s, error)) {
        m_groupNames.insert(g.id, g.text("name"));
    }
    for (const KumaRow &m : rows(u"SELECT * FROM monitor"_s, error)) {
        if (!m.value("parent").isNull() && m.value("parent").isValid()) {
            m_parents.insert(m.id, m.integer("parent", 0));
        }
    }
    if (hasTable(u"tag"_s) && hasTable(u"monitor_tag"_s)) {
        const QList<KumaRow> tagged = rows(u"SELECT monitor_tag.monitor_id AS id, tag.name AS name FROM monitor_tag "
                                           "JOIN tag ON tag.id = monitor_tag.tag_id ORDER BY tag.id"_s,
            error);
        for (const KumaRow &t : tagged) {
            if (!m_tags.value(t.id).contains(t.text("name"))) {
                m_tags[t.id].append(t.text("name"));
            }
        }
    }
    if (hasTable(u"setting"_s)) {
        for (const KumaRow &s : rows(u"SELECT id, value FROM setting WHERE key = 'tlsExpiryNotifyDays'"_s, error)) {
            int days = 0;
            for (const QJsonValue d : QJsonDocument::fromJson(s.text("value").toUtf8()).array()) {
                days = std::max(days, d.toInt());
            }
            if (days > 0 && days < 3650) {
                m_expiryDays = days;
            }
        }
    }
}

KumaTables::~KumaTables()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

QString KumaTables::origin(const QString &table, qint64 id) const
{
    return u"%1#/%2/%3"_s.arg(m_path, table).arg(id);
}

bool KumaTables::hasTable(const QString &table) const
{
    return m_db.tables().contains(table);
}

QList<KumaRow> KumaTables::rows(const QString &sql, QString *error) const
{
    QList<KumaRow> out;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        *error = query.lastError().text();
        return out;
    }
    while (query.next() && out.size() < MaxRows) {
        KumaRow row;
        row.record = query.record();
        row.id = row.integer("id", 0);
        out.append(row);
    }
    if (out.size() == MaxRows) {
        m_result.report.note(
            QCoreApplication::translate("Importer", "only the first %1 rows of a table are read").arg(MaxRows));
    }
    return out;
}

QList<KumaRow> KumaTables::monitors(QString *error)
{
    return rows(u"SELECT * FROM monitor ORDER BY id"_s, error);
}

QString KumaTables::groupOf(const KumaRow &monitor) const
{
    QStringList path;
    qint64 id = monitor.id;
    for (int depth = 0; depth < 10 && m_parents.contains(id); ++depth) {
        id = m_parents.value(id);
        if (!m_groupNames.contains(id)) {
            break;
        }
        path.prepend(m_groupNames.value(id));
    }
    return path.join(u" / "_s);
}

QString KumaTables::secret(const QString &value, const QString &name, const QString &what, const QString &at)
{
    if (value.isEmpty()) {
        return {};
    }
    if (m_result.declareSecret(name,
            QCoreApplication::translate("Importer", "%1 (stored in the Uptime Kuma database at %2)").arg(what, at))) {
        m_result.report.addTodo(
            QCoreApplication::translate("Importer", "set %1 to the %2 stored at %3 (the value was not copied)")
                .arg(name, what, at));
    }
    return u"${"_s + name + u'}';
}

void KumaTables::readNotifications(const QHash<qint64, QString> &names, QString *error)
{
    if (!hasTable(u"notification"_s)) {
        return;
    }
    QHash<qint64, QStringList> users; // notification id -> endpoint names
    if (hasTable(u"monitor_notification"_s)) {
        for (const KumaRow &link :
            rows(u"SELECT notification_id AS id, monitor_id FROM monitor_notification"_s, error)) {
            const QString name = names.value(link.integer("monitor_id", 0));
            if (!name.isEmpty() && !users.value(link.id).contains(name)) {
                users[link.id].append(name);
            }
        }
    }
    QSet<QString> ids;
    for (const KumaRow &n : rows(u"SELECT * FROM notification ORDER BY id"_s, error)) {
        const QString at = origin(u"notification"_s, n.id);
        const QJsonObject config = QJsonDocument::fromJson(n.text("config").toUtf8()).object();
        const QString type = config.value(u"type"_s).toString();
        const QString title = n.text("name").isEmpty() ? config.value(u"name"_s).toString() : n.text("name");
        const ProviderKeys *keys = nullptr;
        for (const ProviderKeys &p : Providers) {
            keys = type == QLatin1String(p.kumaType) ? &p : keys;
        }
        if (!keys) {
            m_result.report.skip(title, at,
                QCoreApplication::translate("Importer",
                    "notification type \"%1\" has no OpsDeck equivalent yet (supported: slack, discord, teams, "
                    "mattermost, webhook, PagerDuty, ntfy)")
                    .arg(type),
                u"provider"_s);
            continue;
        }
        ImportedProvider p;
        p.id = ImportIds::unique(title.isEmpty() ? type : title, ids);
        p.kind = QLatin1String(keys->kind);
        p.origin = at;
        QStringList lost;
        const QString prefix = u"KUMA_"_s + p.id;
        if (type == u"ntfy") {
            const QString server = config.value(u"ntfyserverurl"_s).toString(u"https://ntfy.sh"_s);
            p.url = secret(server + u'/' + config.value(u"ntfytopic"_s).toString(),
                GatusYaml::secretName(prefix, u"TOPIC_URL"_s),
                QCoreApplication::translate("Importer", "topic URL of notification %1").arg(title), at);
            if (const int priority = config.value(u"ntfyPriority"_s).toInt(); priority > 0) {
                p.options.append({ u"priority"_s, QString::number(priority) });
            }
        } else if (keys->url) {
            p.url = secret(config.value(QLatin1String(keys->url)).toString(), GatusYaml::secretName(prefix, u"URL"_s),
                QCoreApplication::translate("Importer", "webhook URL of notification %1").arg(title), at);
        }
        if (keys->key) {
            p.key = secret(config.value(QLatin1String(keys->key)).toString(), GatusYaml::secretName(prefix, u"KEY"_s),
                QCoreApplication::translate("Importer", "key of notification %1").arg(title), at);
        }
        for (const char *option : { "slackchannel", "mattermostchannel" }) {
            if (const QString channel = config.value(QLatin1String(option)).toString(); !channel.isEmpty()) {
                p.options.append({ u"channel"_s, channel });
            }
        }
        if (type == u"webhook" && config.value(u"webhookContentType"_s).toString() == u"custom") {
            lost << QCoreApplication::translate("Importer", "the custom webhook body (Kuma's template syntax differs)");
        }
        if (p.url.isEmpty() && p.kind != u"pagerduty") {
            m_result.report.skip(title, at, QCoreApplication::translate("Importer", "no webhook URL"), u"provider"_s);
            continue;
        }
        if (n.integer("active", 1) == 0) {
            lost << QCoreApplication::translate(
                "Importer", "the notification is switched off in Kuma; the route is still written");
        }
        m_result.providers.append(p);
        m_result.report.created.append({ title, at, p.id, lost.join(u"; "_s), u"provider"_s });

        const QStringList used = users.value(n.id);
        if (used.isEmpty()) {
            continue;
        }
        ImportedRoute route;
        route.id = u"kuma-"_s + p.id;
        route.to = { p.id };
        route.origin = at;
        bool ungrouped = false;
        for (const ImportedEndpoint &e : std::as_const(m_result.endpoints)) {
            if (used.contains(e.name)) {
                ungrouped = ungrouped || e.group.isEmpty();
                if (!e.group.isEmpty() && !route.groups.contains(e.group)) {
                    route.groups << e.group;
                }
            }
        }
        if (ungrouped) {
            route.groups.clear();
        }
        QStringList extra;
        for (const ImportedEndpoint &e : std::as_const(m_result.endpoints)) {
            if ((route.groups.isEmpty() || route.groups.contains(e.group)) && !used.contains(e.name)) {
                extra << e.name;
            }
        }
        const QString routeLost = extra.isEmpty()
            ? QString()
            : QCoreApplication::translate("Importer", "routes select endpoints by group, so this one also covers %1")
                  .arg(extra.join(u", "_s));
        m_result.routes.append(route);
        m_result.report.created.append({ title, at, route.id, routeLost, u"route"_s });
    }
}

void KumaTables::readMaintenance(const QHash<qint64, QString> &names, QString *error)
{
    if (!hasTable(u"maintenance"_s)) {
        return;
    }
    QHash<qint64, QStringList> covered;
    if (hasTable(u"monitor_maintenance"_s)) {
        for (const KumaRow &link : rows(u"SELECT maintenance_id AS id, monitor_id FROM monitor_maintenance"_s, error)) {
            if (const QString name = names.value(link.integer("monitor_id", 0)); !name.isEmpty()) {
                covered[link.id].append(name);
            }
        }
    }
    for (const KumaRow &m : rows(u"SELECT * FROM maintenance ORDER BY id"_s, error)) {
        const QString at = origin(u"maintenance"_s, m.id);
        const QString title = m.text("title");
        const KumaSchedule::Window schedule = KumaSchedule::fromRow({ m.text("strategy"), m.text("start_time"),
            m.text("end_time"), m.integer("duration", 0), m.text("weekdays"), m.text("days_of_month"),
            m.integer("interval_day", 0), m.text("start_date"), m.text("cron") });
        ImportedWindow w;
        w.name = title;
        w.origin = at;
        w.endpoints = covered.value(m.id);
        w.every = schedule.every;
        QString why = schedule.why;
        if (why.isEmpty() && w.endpoints.isEmpty()) {
            why = QCoreApplication::translate("Importer", "covers no imported monitor");
        }
        if (why.isEmpty() && m.integer("active", 1) == 0) {
            why = QCoreApplication::translate("Importer", "switched off in Kuma");
        }
        if (!why.isEmpty()) {
            m_result.report.skip(title, at, why, u"maintenance"_s);
            continue;
        }
        w.start = schedule.start;
        w.duration = Duration::format(Milliseconds { schedule.durationSeconds * 1000 });
        QStringList lost;
        if (!m.text("timezone").isEmpty() && m.text("timezone") != u"SAME_AS_SERVER") {
            lost << QCoreApplication::translate("Importer", "timezone %1 (windows open in the console's local time)")
                        .arg(m.text("timezone"));
        }
        if (!m.text("start_date").isEmpty() || !m.text("end_date").isEmpty()) {
            lost << QCoreApplication::translate("Importer", "the date range");
        }
        m_result.maintenance.append(w);
        m_result.report.created.append({ title, at, title, lost.join(u"; "_s), u"maintenance"_s });
    }
}
