// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/deliveryledger.h"

#include "storage/sqlvalues.h"
#include "storage/storage.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

DeliveryLedger::DeliveryLedger(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_owner(u"%1/%2/%3"_s.arg(QHostInfo::localHostName())
                  .arg(QCoreApplication::applicationPid())
                  .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')))
{ }

StorageFuture<bool> DeliveryLedger::claim(
    const QString &route, const QString &key, const QString &state, const NotificationEvent &event, Claim kind)
{
    const QString workspaceId = sqlText(event.workspaceId);
    const QString json = QString::fromUtf8(toJson(event));
    return m_storage->write(tr("Claiming the notification %1 on route %2").arg(key, route),
        [workspaceId, route, key, state, json, kind, owner = m_owner](QSqlDatabase &db) {
            const qint64 now = nowMs();
            if (kind == Claim::Problem) {
                QSqlQuery insert = sqlExec(db,
                    u"INSERT INTO notify_deliveries (workspace_id, route, event_key, state, status, owner, "
                    u"claimed_at_ms, event_json) VALUES (?, ?, ?, ?, 'claimed', ?, ?, ?) "
                    u"ON CONFLICT (workspace_id, route, event_key) DO NOTHING"_s,
                    { workspaceId, route, key, state, owner, now, json });
                if (insert.numRowsAffected() == 1) {
                    return true;
                }
            }
            // Another console that changed the row first makes this one see its state and change nothing. A
            // follow-up resolves only what went out (or is going out), not what the rate limit held back.
            const QString followUp = kind == Claim::FollowUp ? u" AND status IN ('sent', 'claimed')"_s : QString();
            QSqlQuery update = sqlExec(db,
                u"UPDATE notify_deliveries SET state = ?, status = 'claimed', owner = ?, claimed_at_ms = ?, "
                u"sent_at_ms = NULL, attempts = 0, event_json = ? "
                u"WHERE workspace_id = ? AND route = ? AND event_key = ? AND state <> ?"_s
                    + followUp,
                { state, owner, now, json, workspaceId, route, key, state });
            return update.numRowsAffected() == 1;
        });
}

StorageFuture<bool> DeliveryLedger::finish(const QString &workspaceId, const QString &route, const QString &key,
    const QString &state, const QString &status, int attempts)
{
    return m_storage->write(tr("Recording the notification %1 on route %2").arg(key, route),
        [workspaceId = sqlText(workspaceId), route, key, state, status, attempts, owner = m_owner](QSqlDatabase &db) {
            QSqlQuery q = sqlExec(db,
                u"UPDATE notify_deliveries SET status = ?, sent_at_ms = ?, attempts = ? "
                u"WHERE workspace_id = ? AND route = ? AND event_key = ? AND state = ? AND owner = ? "
                u"AND status = 'claimed'"_s,
                { status, nowMs(), attempts, workspaceId, route, key, state, owner });
            return q.numRowsAffected() == 1;
        });
}

bool DeliveryLedger::usable() const
{
    const Storage::State state = m_storage->state();
    return state == Storage::State::Opening || state == Storage::State::Open;
}

StorageFuture<QList<DeliveryLedger::Expired>> DeliveryLedger::takeExpired(const QString &workspaceId, Scope scope)
{
    const QString which = scope == Scope::Escalations ? u"LIKE"_s : u"NOT LIKE"_s;
    return m_storage->write(tr("Taking over notifications left unsent"),
        [workspaceId = sqlText(workspaceId), owner = m_owner, lease = m_leaseMs, which](QSqlDatabase &db) {
            const qint64 now = nowMs();
            QSqlQuery q = sqlExec(db,
                u"SELECT route, event_key, state, owner, claimed_at_ms, event_json FROM notify_deliveries "
                u"WHERE workspace_id = ? AND status = 'claimed' AND claimed_at_ms < ? AND route %1 'escalation:%' "
                u"ORDER BY claimed_at_ms"_s.arg(which),
                { workspaceId, now - lease });
            struct Row
            {
                Expired expired;
                QString owner;
                qint64 claimedAt;
            };
            QList<Row> rows;
            while (q.next()) {
                rows.append({ { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                  fromJson(q.value(5).toString().toUtf8()) },
                    q.value(3).toString(), q.value(4).toLongLong() });
            }
            QList<Expired> taken;
            for (const Row &row : std::as_const(rows)) {
                // Only the claim as it was read: a console that took it over (or confirmed it) meanwhile wins.
                QSqlQuery take = sqlExec(db,
                    u"UPDATE notify_deliveries SET owner = ?, claimed_at_ms = ? WHERE workspace_id = ? AND route = ? "
                    u"AND event_key = ? AND state = ? AND owner = ? AND claimed_at_ms = ? AND status = 'claimed'"_s,
                    { owner, now, workspaceId, row.expired.route, row.expired.key, row.expired.state, row.owner,
                        row.claimedAt });
                if (take.numRowsAffected() == 1) {
                    taken.append(row.expired);
                }
            }
            return taken;
        });
}

QByteArray DeliveryLedger::toJson(const NotificationEvent &e)
{
    const QJsonObject o {
        { u"kind"_s, int(e.kind) },
        { u"subject"_s, e.subject },
        { u"title"_s, e.title },
        { u"from"_s, e.from },
        { u"to"_s, e.to },
        { u"severity"_s, NotificationEvent::severityName(e.severity) },
        { u"recovery"_s, e.recovery },
        { u"group"_s, e.group },
        { u"time"_s, e.time.toMSecsSinceEpoch() },
        { u"detail"_s, e.detail },
        { u"link"_s, e.link },
        { u"workspace"_s, e.workspaceId },
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

NotificationEvent DeliveryLedger::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    NotificationEvent e;
    const int kind = o.value(u"kind"_s).toInt();
    e.kind = kind >= 0 && kind <= int(NotificationEvent::Kind::IncidentAcknowledged) ? NotificationEvent::Kind(kind)
                                                                                     : NotificationEvent::Kind::Summary;
    e.subject = o.value(u"subject"_s).toString();
    e.title = o.value(u"title"_s).toString();
    e.from = o.value(u"from"_s).toString();
    e.to = o.value(u"to"_s).toString();
    e.severity = NotificationEvent::severityFromName(o.value(u"severity"_s).toString());
    e.recovery = o.value(u"recovery"_s).toBool();
    e.group = o.value(u"group"_s).toString();
    e.time = QDateTime::fromMSecsSinceEpoch(qint64(o.value(u"time"_s).toDouble()), QTimeZone::utc());
    e.detail = o.value(u"detail"_s).toString();
    e.link = o.value(u"link"_s).toString();
    e.workspaceId = o.value(u"workspace"_s).toString();
    return e;
}
