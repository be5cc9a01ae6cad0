// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/migration.h"

using namespace Qt::StringLiterals;

namespace Migrations {

QStringList notifyDeliveries()
{
    // One row per (workspace, route, subject): the state last claimed for it, by which console and when, and
    // whether it went out. A console claims a state by inserting the row or by a conditional UPDATE, so only one
    // console sends it; a claim left unconfirmed past its lease is taken over and sent again. event_json is what
    // to send then (redacted as the delivery log is: ${NAME} never resolved).
    return {
        u"CREATE TABLE notify_deliveries (workspace_id TEXT NOT NULL, route TEXT NOT NULL, "
        u"event_key TEXT NOT NULL, state TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', "
        u"'failed', 'held')), owner TEXT NOT NULL, claimed_at_ms BIGINT NOT NULL, sent_at_ms BIGINT, "
        u"attempts INTEGER NOT NULL DEFAULT 0, event_json TEXT NOT NULL, "
        u"PRIMARY KEY (workspace_id, route, event_key))"_s,
        u"CREATE INDEX notify_deliveries_claimed ON notify_deliveries (workspace_id, status, claimed_at_ms)"_s,
    };
}

} // namespace Migrations
