// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checklist/checkliststore.h"
#include "storage/storage.h"
#include "storagewait.h"
#include "workspace/scheduleparser.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace ChecklistTest {

inline Checklist checklist(const QString &id, const QString &schedule, const QStringList &items)
{
    Checklist c;
    c.id = id;
    c.title = { id + u" check"_s, id + u" 점검"_s };
    c.schedule = *ScheduleParser::parse(schedule);
    int n = 0;
    for (const QString &text : items) {
        ChecklistItem item;
        item.id = u"item-%1"_s.arg(++n);
        item.text = { text, text + u" (ko)"_s };
        c.items.append(item);
    }
    return c;
}

inline Workspace workspace(const QList<Checklist> &checklists)
{
    Workspace w;
    w.info.id = u"test-ws"_s;
    w.checklists = checklists;
    return w;
}

inline QDateTime utc(const char *iso)
{
    QDateTime dt = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    dt.setTimeZone(QTimeZone::utc());
    return dt;
}

inline bool openStorage(Storage &storage, const QString &path)
{
    QSignalSpy opened(&storage, &Storage::opened);
    storage.open(path);
    return opened.wait(10000);
}

// A store whose instances have loaded.
inline bool refreshAndWait(ChecklistStore &store, const QDateTime &now)
{
    QSignalSpy reset(&store, &ChecklistStore::instancesReset);
    store.refresh(now);
    return reset.wait(10000);
}

// Runs a read job and waits for its result (invalid when it failed).
inline QVariant query(Storage &storage, const std::function<QVariant(QSqlDatabase &)> &job)
{
    return StorageTest::read(storage, job);
}

inline qint64 scalar(Storage &storage, const QString &sql)
{
    return query(storage, [sql](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0) : QVariant(-1);
    }).toLongLong();
}

} // namespace ChecklistTest
