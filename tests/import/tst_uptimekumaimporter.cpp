// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Builds kuma.db files at test time from the Uptime Kuma schema of ../shared/importer-corpus (the 1.x template,
// with the columns and tables later migrations add), with rows inserted here.
#include "import/gatusendpoints.h"
#include "import/uptimekumaimporter.h"
#include "import/workspacewriter.h"
#include "workspace/workspaceloader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString corpusDb()
{
    const QString source = qEnvironmentVariable("OPSDECK_SOURCE_DIR");
    return QDir(source).absoluteFilePath(u"../shared/importer-corpus/uptime-kuma/louislam-uptime-kuma__db-kuma.db"_s);
}

// Columns and tables of later Kuma migrations (knex_migrations / patch-*.sql), as they create them.
const char *const Migrations[] = {
    "ALTER TABLE monitor ADD COLUMN method TEXT DEFAULT 'GET'",
    "ALTER TABLE monitor ADD COLUMN body TEXT",
    "ALTER TABLE monitor ADD COLUMN headers TEXT",
    "ALTER TABLE monitor ADD COLUMN accepted_statuscodes_json TEXT DEFAULT '[\"200-299\"]'",
    "ALTER TABLE monitor ADD COLUMN timeout DOUBLE DEFAULT 0",
    "ALTER TABLE monitor ADD COLUMN ignore_tls BOOLEAN DEFAULT 0",
    "ALTER TABLE monitor ADD COLUMN upside_down BOOLEAN DEFAULT 0",
    "ALTER TABLE monitor ADD COLUMN max_redirects INTEGER DEFAULT 10",
    "ALTER TABLE monitor ADD COLUMN parent INTEGER REFERENCES monitor(id)",
    "ALTER TABLE monitor ADD COLUMN dns_resolve_type VARCHAR(5)",
    "ALTER TABLE monitor ADD COLUMN dns_resolve_server VARCHAR(255)",
    "ALTER TABLE monitor ADD COLUMN json_path TEXT",
    "ALTER TABLE monitor ADD COLUMN expected_value VARCHAR(255)",
    "ALTER TABLE monitor ADD COLUMN invert_keyword BOOLEAN DEFAULT 0",
    "ALTER TABLE monitor ADD COLUMN expiry_notification BOOLEAN DEFAULT 1",
    "ALTER TABLE monitor ADD COLUMN description TEXT",
    "ALTER TABLE monitor ADD COLUMN auth_method VARCHAR(250)",
    "ALTER TABLE monitor ADD COLUMN basic_auth_user TEXT",
    "ALTER TABLE monitor ADD COLUMN basic_auth_pass TEXT",
    "ALTER TABLE monitor ADD COLUMN retry_interval INTEGER DEFAULT 0",
    "ALTER TABLE monitor ADD COLUMN resend_interval INTEGER DEFAULT 0",
    "CREATE TABLE tag (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255) NOT NULL, color VARCHAR(255))",
    "CREATE TABLE monitor_tag (id INTEGER PRIMARY KEY AUTOINCREMENT, monitor_id INTEGER, tag_id INTEGER, value TEXT)",
    "CREATE TABLE maintenance (id INTEGER PRIMARY KEY AUTOINCREMENT, title VARCHAR(150), description TEXT, "
    "user_id INTEGER, active BOOLEAN DEFAULT 1, strategy VARCHAR(50), start_date DATETIME, end_date DATETIME, "
    "start_time TIME, end_time TIME, weekdays VARCHAR(250) DEFAULT '[]', days_of_month TEXT DEFAULT '[]', "
    "interval_day INTEGER, timezone VARCHAR(255), duration INTEGER)",
    "ALTER TABLE maintenance ADD COLUMN cron TEXT",
    "CREATE TABLE monitor_maintenance (id INTEGER PRIMARY KEY AUTOINCREMENT, monitor_id INTEGER, maintenance_id "
    "INTEGER)",
};

const char *const Rows[] = {
    "INSERT INTO user (id, username) VALUES (1, 'admin')",
    "INSERT INTO setting (key, value) VALUES ('tlsExpiryNotifyDays', '[7,14,21]')",
    "INSERT INTO monitor (id, name, type, user_id) VALUES (1, 'Shop', 'group', 1)",
    "INSERT INTO monitor (id, name, type, url, interval, maxretries, parent, timeout, headers, expiry_notification) "
    "VALUES (2, 'Shop API', 'http', 'https://shop.example/health', 30, 2, 1, 24, "
    "'{\"Authorization\": \"Bearer literal-kuma-header\", \"Accept\": \"application/json\"}', 1)",
    "INSERT INTO monitor (id, name, type, url, keyword, invert_keyword, parent, accepted_statuscodes_json, "
    "expiry_notification) VALUES (3, 'Shop page', 'keyword', 'http://shop.example/', 'Add to cart', 0, 1, "
    "'[\"200-299\", \"300-399\"]', 0)",
    "INSERT INTO monitor (id, name, type, url, json_path, expected_value, auth_method, basic_auth_user, "
    "basic_auth_pass, expiry_notification) VALUES (4, 'Status JSON', 'json-query', 'http://status.example/api', "
    "'$.status', 'ok', 'basic', 'probe', 'literal-kuma-password', 0)",
    "INSERT INTO monitor (id, name, type, url, json_path, expected_value) VALUES (5, 'Complex', 'json-query', "
    "'http://x.example', '$sum(items.price) > 3', 'true')",
    "INSERT INTO monitor (id, name, type, hostname, port) VALUES (6, 'Postgres', 'port', 'db.example', 5432)",
    "INSERT INTO monitor (id, name, type, hostname) VALUES (7, 'Router', 'ping', 'router.example')",
    "INSERT INTO monitor (id, name, type, hostname, dns_resolve_type, dns_resolve_server, port) VALUES "
    "(8, 'DNS', 'dns', 'example.org', 'MX', '9.9.9.9', 53)",
    "INSERT INTO monitor (id, name, type, url, ignore_tls) VALUES (9, 'Self-signed', 'http', 'https://self.example', "
    "1)",
    "INSERT INTO monitor (id, name, type, url, upside_down) VALUES (10, 'Inverted', 'http', 'http://gone.example', 1)",
    "INSERT INTO monitor (id, name, type) VALUES (11, 'Heartbeat', 'push')",
    "INSERT INTO monitor (id, name, type, url, active, expiry_notification) VALUES (12, 'Docs', 'http', "
    "'http://docs.example', 0, 0)",
    "INSERT INTO tag (id, name) VALUES (1, 'docs'), (2, 'public')",
    "INSERT INTO monitor_tag (monitor_id, tag_id) VALUES (12, 1), (12, 2)",
    "INSERT INTO notification (id, name, config, active, user_id) VALUES (1, 'Team Slack', "
    "'{\"type\": \"slack\", \"slackwebhookURL\": \"https://hooks.slack.com/services/literal-kuma-slack\", "
    "\"slackchannel\": \"#ops\"}', 1, 1)",
    "INSERT INTO notification (id, name, config, active, user_id) VALUES (2, 'On call', "
    "'{\"type\": \"PagerDuty\", \"pagerdutyIntegrationKey\": \"literal-kuma-pd\"}', 1, 1)",
    "INSERT INTO notification (id, name, config, active, user_id) VALUES (3, 'Mail', "
    "'{\"type\": \"smtp\", \"smtpPassword\": \"literal-kuma-smtp\"}', 1, 1)",
    "INSERT INTO notification (id, name, config, active, user_id) VALUES (4, 'Broken', 'not json', 1, 1)",
    "INSERT INTO monitor_notification (id, monitor_id, notification_id) VALUES (1, 2, 1), (2, 3, 1), (3, 4, 2)",
    "INSERT INTO maintenance (id, title, strategy, start_time, end_time, weekdays, timezone) VALUES "
    "(1, 'Deploys', 'recurring-weekday', '22:00', '23:30', '[1, 4]', 'Europe/Berlin')",
    "INSERT INTO maintenance (id, title, strategy) VALUES (2, 'Manual', 'manual')",
    // Kuma stores the duration of a cron maintenance in seconds.
    "INSERT INTO maintenance (id, title, strategy, cron, duration) VALUES (3, 'Backups', 'cron', '30 3 * * 1-5', 5400)",
    "INSERT INTO maintenance (id, title, strategy, start_time, end_time, days_of_month) VALUES "
    "(4, 'Monthly', 'recurring-day-of-month', '01:00', '02:00', '[1]')",
    "INSERT INTO monitor_maintenance (monitor_id, maintenance_id) VALUES (2, 1), (3, 1), (2, 2), (2, 3), (2, 4)",
};

QByteArray sha256(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

const ImportItem *find(const QList<ImportItem> &items, const QString &name)
{
    for (const ImportItem &i : items) {
        if (i.name == name) {
            return &i;
        }
    }
    return nullptr;
}

} // namespace

class TestUptimeKumaImporter final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    // Runs `statements` on a copy of the corpus schema at `path`.
    bool build(const QString &path, const QList<const char *> &statements)
    {
        if (!QFile::copy(corpusDb(), path)) {
            return false;
        }
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"build"_s);
            db.setDatabaseName(path);
            ok = db.open();
            for (const char *sql : statements) {
                QSqlQuery q(db);
                if (ok && !q.exec(QString::fromUtf8(sql))) {
                    qWarning("%s: %s", sql, qPrintable(q.lastError().text()));
                    ok = false;
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(u"build"_s);
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(corpusDb())) {
            QSKIP("../shared/importer-corpus is not beside the source tree");
        }
        m_db = m_dir.filePath(u"kuma.db"_s);
        QList<const char *> all(std::begin(Migrations), std::end(Migrations));
        all += QList<const char *>(std::begin(Rows), std::end(Rows));
        QVERIFY(build(m_db, all));
    }

    void monitors()
    {
        const QByteArray before = sha256(m_db);
        QSet<QString> names;
        const ImportResult r = UptimeKumaImporter::importFile(m_db, names, false);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(sha256(m_db), before); // read-only
        QCOMPARE(r.endpoints.size(), 4);
        QCOMPARE(r.report.count(u"endpoint"_s, false), 7);

        const ImportedEndpoint &api = r.endpoints.at(0);
        QCOMPARE(api.name, u"Shop API"_s);
        QCOMPARE(api.group, u"Shop"_s);
        QCOMPARE(api.interval, u"30s"_s);
        QCOMPARE(api.timeout, u"24000ms"_s);
        QCOMPARE(api.failureThreshold, 3);
        QCOMPARE(api.conditions, (QStringList { u"[STATUS] >= 200"_s, u"[STATUS] <= 299"_s }));
        QCOMPARE(api.warnConditions, QStringList { u"[CERTIFICATE_EXPIRATION] > 504h"_s }); // 21 days
        QCOMPARE(api.headers.value(1).second, u"${KUMA_SHOP_API_AUTHORIZATION}"_s); // after Accept
        const ImportedEndpoint &page = r.endpoints.at(1);
        QCOMPARE(page.conditions,
            (QStringList { u"[STATUS] >= 200"_s, u"[STATUS] <= 399"_s, u"[BODY] == pat(*Add to cart*)"_s }));
        const ImportedEndpoint &json = r.endpoints.at(2);
        QCOMPARE(json.conditions.last(), u"[BODY].status == ok"_s);
        QCOMPARE(json.headers.value(0),
            (QPair<QString, QString> { u"Authorization"_s, u"${KUMA_STATUS_JSON_AUTHORIZATION}"_s }));
        const ImportedEndpoint &docs = r.endpoints.at(3);
        QVERIFY(!docs.enabled);
        QCOMPARE(docs.group, u"docs"_s); // the first tag, with no group monitor
        QVERIFY(find(r.report.created, u"Docs"_s)->reason.contains(u"tags docs, public"_s));

        QVERIFY(find(r.report.skipped, u"Complex"_s)->reason.contains(u"JSON query"_s));
        QCOMPARE(find(r.report.skipped, u"Postgres"_s)->reason,
            u"tcp/tls/dns/icmp checks are not supported by this build"_s);
        QCOMPARE(
            find(r.report.skipped, u"Router"_s)->reason, u"tcp/tls/dns/icmp checks are not supported by this build"_s);
        QVERIFY(find(r.report.skipped, u"Self-signed"_s)->reason.contains(u"never turns off TLS verification"_s));
        QVERIFY(find(r.report.skipped, u"Inverted"_s)->reason.contains(u"upside-down"_s));
        QVERIFY(find(r.report.skipped, u"Heartbeat"_s)->reason.contains(u"\"push\""_s));
        QCOMPARE(find(r.report.skipped, u"Heartbeat"_s)->origin, m_db + u"#/monitor/11"_s);

        // notifications, routes, maintenance
        QCOMPARE(r.providers.size(), 2);
        QCOMPARE(r.providers.at(0).url, u"${KUMA_TEAM_SLACK_URL}"_s);
        QCOMPARE(r.providers.at(0).options.value(0).second, u"#ops"_s);
        QCOMPARE(r.providers.at(1).key, u"${KUMA_ON_CALL_KEY}"_s);
        QVERIFY(find(r.report.skipped, u"Mail"_s)->reason.contains(u"\"smtp\""_s));
        QCOMPARE(r.routes.size(), 2);
        QCOMPARE(r.routes.at(0).groups, QStringList { u"Shop"_s });
        QVERIFY(r.routes.at(1).groups.isEmpty()); // Status JSON has no group: every endpoint
        QCOMPARE(r.maintenance.size(), 2);
        QCOMPARE(r.maintenance.at(1).start, u"03:30"_s);
        QCOMPARE(r.maintenance.at(1).duration, u"1h30m"_s);
        QCOMPARE(r.maintenance.at(1).every.size(), 5);
        QVERIFY(find(r.report.skipped, u"Monthly"_s)->reason.contains(u"not on dates"_s));
        QCOMPARE(r.maintenance.at(0).every, (QStringList { u"mon"_s, u"thu"_s }));
        QCOMPARE(r.maintenance.at(0).duration, u"1h30m"_s);
        QCOMPARE(r.maintenance.at(0).endpoints, (QStringList { u"Shop API"_s, u"Shop page"_s }));
        QVERIFY(find(r.report.skipped, u"Manual"_s)->reason.contains(u"manual:"_s));

        const QString yaml = WorkspaceWriter::writeChecks(r, { m_db });
        QVERIFY2(!yaml.contains(u"literal-"_s), qPrintable(yaml));
        const LoadResult loaded = WorkspaceLoader::loadData(yaml.toUtf8(), u"out.yaml"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors().value(0).toString() + u'\n' + yaml));
        QCOMPARE(loaded.workspace->endpoints.size(), 4);
    }

    void networkMonitors()
    {
        QSet<QString> names;
        const ImportResult r = UptimeKumaImporter::importFile(m_db, names, true);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QCOMPARE(r.endpoints.size(), 7);
        const QString yaml = WorkspaceWriter::writeChecks(r, { u"kuma.db"_s });
        QVERIFY2(yaml.contains(u"url: \"tcp://db.example:5432\"\n"_s), qPrintable(yaml));
        QVERIFY(yaml.contains(u"url: \"icmp://router.example\"\n"_s));
        QVERIFY(yaml.contains(u"url: \"dns://9.9.9.9\"\n    dns: { query-name: \"example.org\", query-type: MX }\n"_s));
        const LoadResult loaded = WorkspaceLoader::loadData(yaml.toUtf8(), u"out.yaml"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors().value(0).toString() + u'\n' + yaml));
        QCOMPARE(loaded.workspace->endpoints.size(), 7);
    }

    void emptyTemplate()
    {
        // The corpus file itself: the 1.x schema with no rows.
        QSet<QString> names;
        const ImportResult r = UptimeKumaImporter::importFile(corpusDb(), names);
        QVERIFY2(!r.failed(), qPrintable(r.error));
        QVERIFY(r.isEmpty());
        QVERIFY(r.report.created.isEmpty() && r.report.skipped.isEmpty());
    }

    void malformed()
    {
        const QString text = m_dir.filePath(u"text.db"_s);
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": \"1.23\", \"monitorList\": []}");
        f.close();
        QSet<QString> names;
        ImportResult r = UptimeKumaImporter::importFile(text, names);
        QVERIFY2(r.error.contains(u"not an SQLite database"_s), qPrintable(r.error));

        const QString other = m_dir.filePath(u"other.db"_s);
        QVERIFY(build(other, { "DROP TABLE monitor_notification", "DROP TABLE heartbeat", "DROP TABLE monitor" }));
        r = UptimeKumaImporter::importFile(other, names);
        QVERIFY2(r.error.contains(u"no monitor table"_s), qPrintable(r.error));

        const QString truncated = m_dir.filePath(u"truncated.db"_s);
        QVERIFY(QFile::copy(m_db, truncated));
        QVERIFY(QFile::resize(truncated, 4096));
        r = UptimeKumaImporter::importFile(truncated, names);
        QVERIFY(r.failed());
        QVERIFY(r.endpoints.isEmpty());

        r = UptimeKumaImporter::importFile(m_dir.filePath(u"missing.db"_s), names);
        QVERIFY(r.error.contains(u"missing.db"_s));
        QVERIFY(names.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUptimeKumaImporter)
#include "tst_uptimekumaimporter.moc"
