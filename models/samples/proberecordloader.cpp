// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "samples/proberecordloader.h"

#include "storage/storage.h"

#include <QDateTime>
#include <QSqlQuery>

namespace {

EndpointState stateFromName(const QString &name)
{
    static const QHash<QString, EndpointState> states {
        { QStringLiteral("OK"), EndpointState::Ok },
        { QStringLiteral("MAINTENANCE"), EndpointState::Maintenance },
        { QStringLiteral("PENDING"), EndpointState::Pending },
        { QStringLiteral("WARNING"), EndpointState::Warning },
        { QStringLiteral("CRITICAL"), EndpointState::Critical },
    };
    return states.value(name, EndpointState::Unknown);
}

} // namespace

ProbeRecordLoader::ProbeRecordLoader(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
{
    connect(storage, &Storage::jobFinished, this, [this](quint64 id, const QVariant &result) {
        if (id == m_job) {
            emit loaded(result.value<Records>());
        }
    });
}

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

void ProbeRecordLoader::load(const Workspace &workspace)
{
    const Milliseconds back = window(workspace);
    if (!m_storage || back.count() == 0) {
        m_job = 0;
        return;
    }
    const QString workspaceId = workspace.info.id;
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - back.count();
    m_job = m_storage->submitRead([workspaceId, since](QSqlDatabase &db) -> QVariant {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT endpoint, at_ms, state, total_ms FROM probe_results "
                                 "WHERE workspace_id = ? AND at_ms >= ? ORDER BY at_ms"));
        q.addBindValue(workspaceId);
        q.addBindValue(since);
        Records records;
        if (q.exec()) {
            while (q.next()) {
                records[q.value(0).toString()].append({ q.value(1).toLongLong(), stateFromName(q.value(2).toString()),
                    q.value(3).isNull() ? -1.0 : q.value(3).toDouble() });
            }
        }
        return QVariant::fromValue(records);
    });
}
