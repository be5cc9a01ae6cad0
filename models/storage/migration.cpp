// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/migration.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QString rejectTrigger(const QString &table, const QString &op, SqlDialect dialect)
{
    const QString name = table + u"_reject_"_s + op.toLower();
    const QString message = table + u" is append-only: "_s + op + u" is not allowed"_s;
    if (dialect == SqlDialect::SQLite) {
        return u"CREATE TRIGGER %1 BEFORE %2 ON %3 BEGIN SELECT RAISE(ABORT, '%4'); END"_s.arg(
            name, op, table, message);
    }
    // One statement: PostgreSQL needs a function and a trigger, created together in a DO block.
    return u"DO $do$ BEGIN "
           u"EXECUTE 'CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN "
           u"RAISE EXCEPTION ''%4''; END $f$'; "
           u"EXECUTE 'CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW EXECUTE FUNCTION %1()'; "
           u"END $do$"_s.arg(name, op, table, message);
}

// PostgreSQL only. Two statements in one: the function and its trigger (the simple query protocol runs both).
QString notifyTrigger(const QString &table, const QString &column, const QString &subject)
{
    const QString name = table + u"_notify_changes"_s;
    return u"CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $f$ DECLARE row_id BIGINT; BEGIN "
           u"PERFORM pg_advisory_xact_lock(%6); IF TG_OP = 'DELETE' THEN row_id := OLD.%3; ELSE row_id := NEW.%3; END "
           u"IF; "
           u"INSERT INTO changes (subject, row_id, at_ms) "
           u"VALUES ('%4', row_id, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT); "
           u"PERFORM pg_notify('%5', '%4:' || row_id); RETURN NULL; END $f$; "
           u"CREATE TRIGGER %1 AFTER INSERT OR UPDATE OR DELETE ON %2 FOR EACH ROW EXECUTE FUNCTION %1()"_s.arg(name,
               table, column, subject, Migrations::changesChannel(), QString::number(Migrations::changesLockKey()));
}

} // namespace

namespace Migrations {

QString changesChannel()
{
    return u"opsdeck_changes"_s;
}

int changesLockKey()
{
    return 5381002;
}

QString changesPrunedKey()
{
    return u"changes_pruned_through"_s;
}

const QList<Migration> &all()
{
    static const QList<Migration> list = {
        { 1, u"meta and event log"_s,
            {
                u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
                u"CREATE TABLE events (id {{ID}}, at_ms BIGINT NOT NULL, workspace_id TEXT NOT NULL, "
                u"kind TEXT NOT NULL, source TEXT NOT NULL, payload TEXT)"_s,
                u"CREATE INDEX events_workspace_at ON events (workspace_id, at_ms)"_s,
            } },
        { 2, u"metric series and samples"_s,
            {
                u"CREATE TABLE series (id {{ID}}, workspace_id TEXT NOT NULL, name TEXT NOT NULL, "
                u"unit TEXT NOT NULL DEFAULT '', UNIQUE (workspace_id, name))"_s,
                u"CREATE TABLE samples (series_id BIGINT NOT NULL REFERENCES series (id) ON DELETE CASCADE, "
                u"at_ms BIGINT NOT NULL, value DOUBLE PRECISION NOT NULL)"_s,
                u"CREATE INDEX samples_series_at ON samples (series_id, at_ms)"_s,
            } },
        { 3, u"checklist instances and ticks"_s,
            {
                // template_json is the template as it was when the period began: later edits never change it.
                // version counts writes, for optimistic concurrency between windows sharing the database.
                u"CREATE TABLE checklist_instances (id {{ID}}, workspace_id TEXT NOT NULL, "
                u"checklist_id TEXT NOT NULL, period_key TEXT NOT NULL, template_json TEXT NOT NULL, "
                u"period_start_ms BIGINT NOT NULL, due_at_ms BIGINT NOT NULL, period_end_ms BIGINT NOT NULL, "
                u"created_at_ms BIGINT NOT NULL, signed_by TEXT, signed_at_ms BIGINT, sign_comment TEXT, "
                u"version BIGINT NOT NULL DEFAULT 1, UNIQUE (workspace_id, checklist_id, period_key))"_s,
                u"CREATE INDEX checklist_instances_start ON checklist_instances (workspace_id, period_start_ms)"_s,
                // Append-only: the current state of an item is its latest row with conflict = 0.
                u"CREATE TABLE checklist_ticks (id {{ID}}, "
                u"instance_id BIGINT NOT NULL REFERENCES checklist_instances (id), item_id TEXT NOT NULL, "
                u"action TEXT NOT NULL CHECK (action IN ('tick', 'untick', 'skip')), actor TEXT NOT NULL, "
                u"at_ms BIGINT NOT NULL, note TEXT NOT NULL DEFAULT '', evidence_json TEXT NOT NULL DEFAULT '', "
                u"skip_reason TEXT NOT NULL DEFAULT '', version BIGINT NOT NULL, "
                u"conflict INTEGER NOT NULL DEFAULT 0)"_s,
                u"CREATE INDEX checklist_ticks_instance ON checklist_ticks (instance_id, item_id, id)"_s,
            } },
        { 4, u"probe results"_s,
            {
                u"CREATE TABLE probe_results (id {{ID}}, workspace_id TEXT NOT NULL, endpoint TEXT NOT NULL, "
                u"at_ms BIGINT NOT NULL, state TEXT NOT NULL, http_status INTEGER NOT NULL DEFAULT 0, "
                u"total_ms DOUBLE PRECISION, error TEXT NOT NULL DEFAULT '', conditions_json TEXT NOT NULL)"_s,
                u"CREATE INDEX probe_results_endpoint_at ON probe_results (workspace_id, endpoint, at_ms)"_s,
            } },
        { 5, u"incidents, append-only timeline, action items"_s,
            {
                // Lists (responders, services) are JSON arrays; the post-mortem sections one JSON object.
                u"CREATE TABLE incidents (id {{ID}}, workspace_id TEXT NOT NULL, title TEXT NOT NULL, "
                u"severity TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('detected', 'investigating', "
                u"'mitigated', 'resolved', 'closed')), commander TEXT NOT NULL DEFAULT '', "
                u"responders_json TEXT NOT NULL DEFAULT '[]', category TEXT NOT NULL DEFAULT '', "
                u"scope TEXT NOT NULL DEFAULT '', affected_users BIGINT, services_json TEXT NOT NULL DEFAULT '[]', "
                u"revenue TEXT NOT NULL DEFAULT '', started_at_ms BIGINT, detected_at_ms BIGINT, "
                u"acknowledged_at_ms BIGINT, mitigated_at_ms BIGINT, resolved_at_ms BIGINT, closed_at_ms BIGINT, "
                u"postmortem_json TEXT NOT NULL DEFAULT '{}', created_at_ms BIGINT NOT NULL, "
                u"version BIGINT NOT NULL DEFAULT 1)"_s,
                u"CREATE INDEX incidents_workspace ON incidents (workspace_id, status)"_s,
                u"CREATE TABLE incident_timeline (id {{ID}}, "
                u"incident_id BIGINT NOT NULL REFERENCES incidents (id), kind TEXT NOT NULL, author TEXT NOT NULL, "
                u"recorded_at_ms BIGINT NOT NULL, occurred_at_ms BIGINT NOT NULL, text TEXT NOT NULL DEFAULT '', "
                u"subject TEXT NOT NULL DEFAULT '', from_value TEXT NOT NULL DEFAULT '', "
                u"to_value TEXT NOT NULL DEFAULT '', corrects_id BIGINT REFERENCES incident_timeline (id))"_s,
                u"CREATE INDEX incident_timeline_incident ON incident_timeline (incident_id, id)"_s,
                // The append-only rule lives in the database, so no client (or hand-written SQL) can break it.
                u"{{REJECT_UPDATE:incident_timeline}}"_s,
                u"{{REJECT_DELETE:incident_timeline}}"_s,
                u"CREATE TABLE incident_action_items (id {{ID}}, "
                u"incident_id BIGINT NOT NULL REFERENCES incidents (id), action TEXT NOT NULL, "
                u"owner TEXT NOT NULL DEFAULT '', due_date TEXT NOT NULL DEFAULT '', status TEXT NOT NULL)"_s,
                u"CREATE INDEX incident_action_items_incident ON incident_action_items (incident_id, id)"_s,
            } },
        { 6, u"runbook audit trail"_s,
            {
                // One row before and one after every runbook step; request summaries keep ${NAME} as written.
                u"CREATE TABLE runbook_audit (id {{ID}}, run_id TEXT NOT NULL, workspace_id TEXT NOT NULL, "
                u"runbook_id TEXT NOT NULL, step_id TEXT NOT NULL, step_index INTEGER NOT NULL, "
                u"phase TEXT NOT NULL CHECK (phase IN ('before', 'after')), actor TEXT NOT NULL, "
                u"at_ms BIGINT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL DEFAULT '', "
                u"request_summary TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, outcome TEXT NOT NULL DEFAULT '')"_s,
                u"CREATE INDEX runbook_audit_runbook ON runbook_audit (workspace_id, runbook_id, id)"_s,
                u"{{REJECT_UPDATE:runbook_audit}}"_s,
                u"{{REJECT_DELETE:runbook_audit}}"_s,
            } },
        { 7, u"team mode: change feed; checklist ticks append-only in the database"_s,
            {
                // Every console reloads what a row here names; after a lost connection it reads the rows it has
                // not seen (notifications are not replayed). subject: checklist_instances or incidents.
                u"CREATE TABLE changes (id {{ID}}, subject TEXT NOT NULL, row_id BIGINT NOT NULL, "
                u"at_ms BIGINT NOT NULL)"_s,
                u"{{REJECT_UPDATE:checklist_ticks}}"_s,
                u"{{REJECT_DELETE:checklist_ticks}}"_s,
                u"{{NOTIFY_CHANGES:checklist_instances:id:checklist_instances}}"_s,
                u"{{NOTIFY_CHANGES:checklist_ticks:instance_id:checklist_instances}}"_s,
                u"{{NOTIFY_CHANGES:incidents:id:incidents}}"_s,
                u"{{NOTIFY_CHANGES:incident_timeline:incident_id:incidents}}"_s,
                u"{{NOTIFY_CHANGES:incident_action_items:incident_id:incidents}}"_s,
            } },
        { 8, u"sample roll-ups by minute and hour"_s,
            {
                // Folded in as raw samples are written (one upsert per bucket and batch), so a 30-day chart reads
                // at most 720 hour rows; last_value is the value of the newest sample in the bucket (last_ms).
                u"CREATE TABLE samples_minute (series_id BIGINT NOT NULL REFERENCES series (id) ON DELETE CASCADE, "
                u"bucket_ms BIGINT NOT NULL, min_value DOUBLE PRECISION NOT NULL, "
                u"max_value DOUBLE PRECISION NOT NULL, sum_value DOUBLE PRECISION NOT NULL, "
                u"sample_count BIGINT NOT NULL, last_value DOUBLE PRECISION NOT NULL, last_ms BIGINT NOT NULL, "
                u"PRIMARY KEY (series_id, bucket_ms))"_s,
                u"CREATE TABLE samples_hour (series_id BIGINT NOT NULL REFERENCES series (id) ON DELETE CASCADE, "
                u"bucket_ms BIGINT NOT NULL, min_value DOUBLE PRECISION NOT NULL, "
                u"max_value DOUBLE PRECISION NOT NULL, sum_value DOUBLE PRECISION NOT NULL, "
                u"sample_count BIGINT NOT NULL, last_value DOUBLE PRECISION NOT NULL, last_ms BIGINT NOT NULL, "
                u"PRIMARY KEY (series_id, bucket_ms))"_s,
            } },
        { 9, u"probe phase timings"_s,
            {
                // ms since the probe started, NULL where the phase did not happen (no TLS, a reused connection).
                u"ALTER TABLE probe_results ADD COLUMN dns_ms DOUBLE PRECISION"_s,
                u"ALTER TABLE probe_results ADD COLUMN connect_ms DOUBLE PRECISION"_s,
                u"ALTER TABLE probe_results ADD COLUMN tls_ms DOUBLE PRECISION"_s,
                u"ALTER TABLE probe_results ADD COLUMN first_byte_ms DOUBLE PRECISION"_s,
            } },
        { 10, u"probe check kind, DNS rcode and certificate expiry"_s,
            {
                // A row of a tcp/tls/dns/icmp check has http_status 0: the kind says how to read it. The leaf
                // certificate's notAfter (https, tls, starttls) keeps "days left" in the history; NULL without one.
                u"ALTER TABLE probe_results ADD COLUMN kind TEXT NOT NULL DEFAULT 'http'"_s,
                u"ALTER TABLE probe_results ADD COLUMN dns_rcode TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE probe_results ADD COLUMN certificate_expiry_ms BIGINT"_s,
            } },
        { 11, u"probe locations: where a result was probed from and by whom"_s,
            {
                // '' is the default location. In team mode one prober per (workspace, location) writes; the others
                // read its rows after the probe_results change the writer adds per batch (see ProbeHistory).
                u"ALTER TABLE probe_results ADD COLUMN location TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE probe_results ADD COLUMN checked_by TEXT NOT NULL DEFAULT ''"_s,
                u"CREATE INDEX probe_results_location ON probe_results (workspace_id, location, endpoint, at_ms)"_s,
            } },
        { 12, u"notification deliveries claimed once per route"_s, notifyDeliveries() },
    };
    return list;
}

int latestVersion()
{
    return all().isEmpty() ? 0 : all().constLast().version;
}

QString forDialect(const QString &sql, SqlDialect dialect)
{
    // {{REJECT_UPDATE:table}} / {{REJECT_DELETE:table}}: a whole statement that makes the database refuse it.
    static const QRegularExpression reject(u"^\\{\\{REJECT_(UPDATE|DELETE):(\\w+)\\}\\}$"_s);
    if (const QRegularExpressionMatch m = reject.match(sql); m.hasMatch()) {
        return rejectTrigger(m.captured(2), m.captured(1), dialect);
    }
    static const QRegularExpression notify(u"^\\{\\{NOTIFY_CHANGES:(\\w+):(\\w+):(\\w+)\\}\\}$"_s);
    if (const QRegularExpressionMatch m = notify.match(sql); m.hasMatch()) {
        return dialect == SqlDialect::PostgreSQL ? notifyTrigger(m.captured(1), m.captured(2), m.captured(3))
                                                 : QString();
    }
    QString out = sql;
    switch (dialect) {
    case SqlDialect::SQLite:
        // Only INTEGER PRIMARY KEY aliases the rowid; AUTOINCREMENT keeps ids of deleted rows from coming back.
        out.replace(u"{{ID}}"_s, u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
        out.replace(u"{{BLOB}}"_s, u"BLOB"_s);
        break;
    case SqlDialect::PostgreSQL:
        out.replace(u"{{ID}}"_s, u"BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"_s);
        out.replace(u"{{BLOB}}"_s, u"BYTEA"_s);
        break;
    }
    return out;
}

} // namespace Migrations
