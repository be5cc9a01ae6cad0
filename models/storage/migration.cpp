// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/migration.h"

using namespace Qt::StringLiterals;

namespace Migrations {

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
    };
    return list;
}

int latestVersion()
{
    return all().isEmpty() ? 0 : all().constLast().version;
}

QString forDialect(const QString &sql, SqlDialect dialect)
{
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
