// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incidentstore.h"
#include "storage/storage.h"
#include "storage/storageerror.h"
#include "storagewait.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace Qt::StringLiterals;

namespace IncidentTest {

inline QDateTime utc(const char *iso)
{
    QDateTime dt = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    dt.setTimeZone(QTimeZone::utc());
    return dt;
}

inline Workspace workspace()
{
    Workspace w;
    w.info.id = u"test-ws"_s;
    w.incidents.severities = IncidentSettings::defaultSeverities();
    Endpoint api;
    api.name = u"api-health"_s;
    api.group = u"api"_s;
    Endpoint cdn;
    cdn.name = u"cdn"_s;
    cdn.group = u"edge"_s;
    w.endpoints = { api, cdn };
    return w;
}

inline bool openStorage(Storage &storage, const QString &path)
{
    QSignalSpy opened(&storage, &Storage::opened);
    storage.open(path);
    return opened.wait(10000);
}

inline bool refreshAndWait(IncidentStore &store)
{
    QSignalSpy reset(&store, &IncidentStore::incidentsReset);
    store.refresh();
    return reset.wait(10000);
}

// Creates an incident and waits for it; returns its id (0 on failure).
inline qint64 createAndWait(IncidentStore &store, const Incident &draft, const QList<TimelineEntry> &evidence = {})
{
    QSignalSpy added(&store, &IncidentStore::incidentAdded);
    if (!store.create(draft, evidence).isEmpty() || !added.wait(10000)) {
        return 0;
    }
    return added.constFirst().at(0).toLongLong();
}

// Waits until the store has no write in flight for the incident.
inline bool settle(IncidentStore &store, qint64 incidentId)
{
    return QTest::qWaitFor([&] { return !store.isSaving(incidentId); }, 10000);
}

inline Incident draft(const QString &title, const QString &severity = u"P1"_s)
{
    Incident i;
    i.title = title;
    i.severity = severity;
    return i;
}

// Runs a write job; returns its error (empty when it succeeded), nullopt when it never finished.
inline std::optional<QString> runWrite(Storage &storage, const QString &sql, const QVariantList &values = {})
{
    const auto result = StorageTest::wait(storage.write(
        u"A test's write"_s, [sql, values](QSqlDatabase &db) { return sqlExec(db, sql, values).numRowsAffected(); }));
    if (!result) {
        return std::nullopt;
    }
    return result->error();
}

inline qint64 scalar(Storage &storage, const QString &sql)
{
    return StorageTest::read(
        storage,
        [sql](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(sql) && q.next() ? q.value(0).toLongLong() : qint64(-1);
        },
        -2);
}

} // namespace IncidentTest
