// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "samples/proberecordloader.h"

#include "storage/storage.h"
#include "storage/storageerror.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

EndpointState stateFromName(const QString &name)
{
    static const QHash<QString, EndpointState> states {
        { u"OK"_s, EndpointState::Ok },
        { u"MAINTENANCE"_s, EndpointState::Maintenance },
        { u"PENDING"_s, EndpointState::Pending },
        { u"WARNING"_s, EndpointState::Warning },
        { u"CRITICAL"_s, EndpointState::Critical },
    };
    return states.value(name, EndpointState::Unknown);
}

} // namespace

ProbeRecordLoader::ProbeRecordLoader(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
{ }

Milliseconds ProbeRecordLoader::window(const Workspace &workspace)
{
    Milliseconds longest { 0 };
    for (const Kpi &kpi : workspace.kpis) {
        if (kpi.source.kind == KpiSource::Kind::Probe || kpi.source.kind == KpiSource::Kind::ErrorBudget) {
            longest = std::max(longest, kpi.source.window);
        }
    }
    return longest;
}

bool ProbeRecordLoader::load(const Workspace &workspace)
{
    const quint64 generation = ++m_generation;
    const Milliseconds back = window(workspace);
    if (!m_storage || back.count() == 0) {
        return false;
    }
    const QString workspaceId = workspace.info.id;
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - back.count();
    m_storage
        ->read(tr("Loading the stored probe results"),
            [workspaceId, since](QSqlDatabase &db) {
                QSqlQuery q = sqlExec(db,
                    QStringLiteral("SELECT endpoint, at_ms, state, total_ms FROM probe_results "
                                   "WHERE workspace_id = ? AND at_ms >= ? ORDER BY at_ms"),
                    { workspaceId, since });
                Records records;
                while (q.next()) {
                    records[q.value(0).toString()].append({ q.value(1).toLongLong(),
                        stateFromName(q.value(2).toString()), q.value(3).isNull() ? -1.0 : q.value(3).toDouble() });
                }
                return records;
            })
        .then(this, [this, generation](const StorageResult<Records> &r) {
            if (generation != m_generation) {
                return; // superseded
            }
            if (r) {
                Q_EMIT loaded(r.value());
                return;
            }
            qWarning("opsdeck: %s", qUtf8Printable(r.message()));
            Q_EMIT loadFailed(r.message());
        });
    return true;
}
